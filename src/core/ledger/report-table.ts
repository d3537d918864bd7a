import { formatFecAmount } from './fec-format.ts';

/** A report as a table, the one shape exported to CSV and XLSX. */
export type ReportTable = {
  title: string;
  columns: { key: string; label: string; kind: 'text' | 'cents' | 'number' }[];
  rows: Record<string, string | number | bigint | null | undefined>[];
};

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV as French spreadsheets open it: UTF-8 with a byte-order mark, `;` between fields, comma decimals,
 * CR LF line ends. Amounts are euros with two decimals, never rounded.
 */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.label)).join(';')];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((c) => {
          const v = row[c.key];
          if (v === null || v === undefined) return '';
          if (c.kind === 'cents') return formatFecAmount(BigInt(v));
          return csvCell(String(v));
        })
        .join(';'),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
