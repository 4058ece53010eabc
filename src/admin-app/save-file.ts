// Saves a file the page fetched (a postal run's PDF, made by a POST a plain link cannot send) under a name, as a
// download; the object URL is freed a minute later, when the browser has long since taken the file.

export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
