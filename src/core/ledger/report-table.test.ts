import { describe, expect, it } from 'vitest';
import { tableToCsv } from './report-table.ts';

describe('tableToCsv', () => {
  it('writes French CSV: BOM, semicolons, comma decimals, quoted text when needed', () => {
    const csv = tableToCsv({
      title: 'Balance',
      columns: [
        { key: 'account', label: 'Compte', kind: 'text' },
        { key: 'label', label: 'Libellé', kind: 'text' },
        { key: 'debit', label: 'Débit', kind: 'cents' },
      ],
      rows: [
        { account: '411000', label: 'Clients; "divers"', debit: 123456n },
        { account: '512000', label: 'Banque', debit: null },
      ],
    });
    expect(csv).toBe(
      '\ufeffCompte;Libellé;Débit\r\n411000;"Clients; ""divers""";1234,56\r\n512000;Banque;\r\n',
    );
  });
});
