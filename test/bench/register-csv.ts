// A register file for the import tests and the operations benchmark: `count` rows, numbered, spread over two issuers'
// kinds of carer and four years of issue dates, with names in several scripts.

const NAMES = ["Ada O'Brien", 'Jean-Luc Picard', 'Zofia Łukasiewicz', 'Αλέξανδρος Παπαδόπουλος', 'محمد علي', 'राज पटेल', '李小龙', 'Siân Jones'];

export type RegisterIssuer = { iss: string; cats: readonly string[] };

export function registerCsv(count: number, issuers: readonly RegisterIssuer[], options: { prefix?: string; bom?: boolean } = {}): string {
  const lines = ['name,kind,number,issued,expires,issuer'];
  for (let i = 0; i < count; i++) {
    const issuer = issuers[i % issuers.length]!;
    const cat = issuer.cats[Math.floor(i / issuers.length) % issuer.cats.length]!;
    const year = 2023 + (i % 4);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const name = `${NAMES[i % NAMES.length]} ${i}`;
    lines.push(`"${name.replaceAll('"', '""')}",${cat},${options.prefix ?? 'IMP'}-${String(i).padStart(6, '0')},${year}-${month}-${day},${day}/${month}/${year + 3},${issuer.iss}`);
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
