/** One record of a CSV file, with the line of the file it starts on (1 = the header). */
export type CsvRecord = { line: number; cells: string[] };

/** The delimiter a file uses: French spreadsheets export with ';', others with ',' or a tab. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const counts = ([';', ',', '\t'] as const).map((d) => [d, headerLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parses CSV text (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes, CRLF or LF). A
 * leading byte-order mark is dropped; blank lines are skipped. The delimiter is detected from the first
 * line unless given.
 */
export function parseCsv(text: string, delimiter?: string): { header: string[]; records: CsvRecord[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = body.search(/\r?\n/);
  const sep = delimiter ?? detectDelimiter(firstLineEnd === -1 ? body : body.slice(0, firstLineEnd));
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || touched) endRow();
  const [head, ...records] = rows;
  return { header: (head?.cells ?? []).map((h) => h.trim()), records };
}

/** Decodes file bytes as UTF-8, refusing anything else (a Latin-1 export would garble every accent). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
