// A link that saves text made on the page (the refused rows as CSV) as a file; the object URL is freed when it goes.

import { useEffect, useMemo } from 'preact/hooks';

export function DownloadText({ text, fileName, type = 'text/csv;charset=utf-8', children }: { text: string; fileName: string; type?: string; children: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <a href={url} download={fileName}>{children}</a>;
}
