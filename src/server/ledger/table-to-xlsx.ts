import writeExcelFile, { type SheetData } from 'write-excel-file/node';
import type { ReportTable } from '../../core/ledger/report-table.ts';

/** A report table as an XLSX workbook: amounts as numbers in euros with two decimals, text as text. */
export async function tableToXlsx(table: ReportTable): Promise<Buffer> {
  const data: SheetData = [
    table.columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const })),
    ...table.rows.map((row) =>
      table.columns.map((c) => {
        const v = row[c.key];
        if (v === null || v === undefined) return null;
        // Cents are exact integers; euros with two decimals are what a spreadsheet shows and sums.
        if (c.kind === 'cents') return { value: Number(v) / 100, type: Number, format: '#,##0.00' };
        if (c.kind === 'number') return { value: Number(v), type: Number };
        return { value: String(v), type: String };
      }),
    ),
  ];
  return writeExcelFile(data, { sheet: table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, '-') }).toBuffer();
}
