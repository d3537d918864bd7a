import type {
  ActivityFiguresReport,
  BalanceSheetView,
  EntryView,
  GeneralLedger,
  TrialBalance,
} from './report-schemas.ts';
import type { ReportTable } from './report-table.ts';

/** Each report as a table for CSV and XLSX, with French column names (the books are French). */
export function trialBalanceTable(tb: TrialBalance): ReportTable {
  return {
    title: `Balance générale du ${tb.from} au ${tb.to}`,
    columns: [
      { key: 'account', label: 'Compte', kind: 'text' },
      { key: 'label', label: 'Libellé', kind: 'text' },
      { key: 'debit', label: 'Débit', kind: 'cents' },
      { key: 'credit', label: 'Crédit', kind: 'cents' },
      { key: 'balance', label: 'Solde', kind: 'cents' },
    ],
    rows: [
      ...tb.rows.map((r) => ({
        account: r.accountNumber,
        label: r.accountLabel,
        debit: r.debitCents,
        credit: r.creditCents,
        balance: r.balanceCents,
      })),
      {
        account: 'Total',
        label: '',
        debit: tb.totalDebitCents,
        credit: tb.totalCreditCents,
        balance: tb.totalDebitCents - tb.totalCreditCents,
      },
    ],
  };
}

export function generalLedgerTable(gl: GeneralLedger): ReportTable {
  return {
    title: `Grand livre du ${gl.from} au ${gl.to}`,
    columns: [
      { key: 'account', label: 'Compte', kind: 'text' },
      { key: 'date', label: 'Date', kind: 'text' },
      { key: 'journal', label: 'Journal', kind: 'text' },
      { key: 'number', label: 'N°', kind: 'number' },
      { key: 'piece', label: 'Pièce', kind: 'text' },
      { key: 'label', label: 'Libellé', kind: 'text' },
      { key: 'activity', label: 'Activité', kind: 'text' },
      { key: 'thirdParty', label: 'Tiers', kind: 'text' },
      { key: 'debit', label: 'Débit', kind: 'cents' },
      { key: 'credit', label: 'Crédit', kind: 'cents' },
      { key: 'balance', label: 'Solde', kind: 'cents' },
    ],
    rows: gl.accounts.flatMap((a) => [
      { account: a.accountNumber, label: `${a.accountLabel} — solde au ${gl.from}`, balance: a.openingCents },
      ...a.lines.map((l) => ({
        account: a.accountNumber,
        date: l.entryDate,
        journal: l.journalCode,
        number: l.number,
        piece: l.pieceRef,
        label: l.label,
        activity: l.activityCode,
        thirdParty: l.thirdPartyCode,
        debit: l.debitCents,
        credit: l.creditCents,
        balance: l.runningBalanceCents,
      })),
      {
        account: a.accountNumber,
        label: `Total ${a.accountLabel}`,
        debit: a.debitCents,
        credit: a.creditCents,
        balance: a.closingCents,
      },
    ]),
  };
}

export function journalTable(entries: EntryView[]): ReportTable {
  return {
    title: 'Journal',
    columns: [
      { key: 'journal', label: 'Journal', kind: 'text' },
      { key: 'number', label: 'N°', kind: 'number' },
      { key: 'date', label: 'Date', kind: 'text' },
      { key: 'piece', label: 'Pièce', kind: 'text' },
      { key: 'account', label: 'Compte', kind: 'text' },
      { key: 'activity', label: 'Activité', kind: 'text' },
      { key: 'thirdParty', label: 'Tiers', kind: 'text' },
      { key: 'label', label: 'Libellé', kind: 'text' },
      { key: 'debit', label: 'Débit', kind: 'cents' },
      { key: 'credit', label: 'Crédit', kind: 'cents' },
    ],
    rows: entries.flatMap((e) =>
      e.lines.map((l) => ({
        journal: e.journalCode,
        number: e.number,
        date: e.entryDate,
        piece: e.pieceRef,
        account: l.accountNumber,
        activity: l.activityCode,
        thirdParty: l.thirdPartyCode,
        label: l.label || e.label,
        debit: l.debitCents,
        credit: l.creditCents,
      })),
    ),
  };
}

export function activityFiguresTable(report: ActivityFiguresReport): ReportTable {
  const figures = (f: ActivityFiguresReport['cooperative']) => ({
    revenue: f.revenueCents,
    expenses: f.expensesCents,
    result: f.resultCents,
    treasury: f.availableTreasuryCents,
    cash: f.cashCents,
    toCollect: f.toCollectCents,
  });
  return {
    title: 'Résultat et trésorerie par activité',
    columns: [
      { key: 'code', label: 'Activité', kind: 'text' },
      { key: 'name', label: 'Nom', kind: 'text' },
      { key: 'revenue', label: 'Produits', kind: 'cents' },
      { key: 'expenses', label: 'Charges', kind: 'cents' },
      { key: 'result', label: 'Résultat', kind: 'cents' },
      { key: 'treasury', label: 'Trésorerie disponible', kind: 'cents' },
      { key: 'cash', label: 'Banque et caisse', kind: 'cents' },
      { key: 'toCollect', label: 'Reste à encaisser', kind: 'cents' },
    ],
    rows: [
      ...report.activities.map((a) => ({ code: a.code, name: a.name, ...figures(a.figures) })),
      { code: 'Total', name: 'Coopérative', ...figures(report.cooperative) },
    ],
  };
}

export function balanceSheetTable(sheet: BalanceSheetView): ReportTable {
  return {
    title: 'Bilan analytique',
    columns: [
      { key: 'side', label: 'Côté', kind: 'text' },
      { key: 'account', label: 'Compte', kind: 'text' },
      { key: 'label', label: 'Libellé', kind: 'text' },
      { key: 'amount', label: 'Montant', kind: 'cents' },
    ],
    rows: [
      ...sheet.assets.map((l) => ({
        side: 'Actif',
        account: l.accountNumber,
        label: l.accountLabel,
        amount: l.amountCents,
      })),
      { side: 'Actif', account: '', label: 'Total actif', amount: sheet.totalAssetsCents },
      ...sheet.liabilities.map((l) => ({
        side: 'Passif',
        account: l.accountNumber,
        label: l.accountLabel,
        amount: l.amountCents,
      })),
      { side: 'Passif', account: '', label: 'Résultat', amount: sheet.resultCents },
      { side: 'Passif', account: '', label: 'Total passif', amount: sheet.totalLiabilitiesCents },
    ],
  };
}
