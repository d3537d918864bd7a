/**
 * Writers of statement files as banks shape them, for the demo, the benchmark and the tests: what Mutua
 * reads is what these write, and the parsers are also tested on hand-made files of real banks' shapes.
 */
export type StatementToWrite = {
  iban: string;
  statementId: string;
  openingCents: number;
  openingDate: string;
  closingDate: string;
  lines: {
    date: string;
    amountCents: number;
    reference: string;
    counterparty: string;
    remittance: string;
    endToEndId?: string;
    messageId?: string;
    /** CAMT only: an ISO 11649 reference sent in the structured remittance (Strd/CdtrRefInf/Ref). */
    structuredReference?: string;
  }[];
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decimal = (cents: number) =>
  `${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const closingOf = (s: StatementToWrite) => s.openingCents + s.lines.reduce((t, l) => t + l.amountCents, 0);

/** A CAMT.053 file (version .001.02 by default, as most French banks still send). */
export function writeCamt053(statements: StatementToWrite[], version = 2): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.0${version}"><BkToCstmrStmt><GrpHdr><MsgId>MUTUA-${esc(statements[0]?.statementId ?? 'X')}</MsgId><CreDtTm>${statements[0]?.closingDate ?? '2026-01-01'}T06:00:00</CreDtTm></GrpHdr>`,
  ];
  const name = (n: string) => (version >= 8 ? `<Pty><Nm>${esc(n)}</Nm></Pty>` : `<Nm>${esc(n)}</Nm>`);
  const bal = (code: string, cents: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${decimal(cents)}</Amt><CdtDbtInd>${cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  for (const s of statements) {
    parts.push(
      `<Stmt><Id>${esc(s.statementId)}</Id><CreDtTm>${s.closingDate}T06:00:00</CreDtTm><Acct><Id><IBAN>${s.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
      bal('OPBD', s.openingCents, s.openingDate),
      bal('CLBD', closingOf(s), s.closingDate),
    );
    for (const l of s.lines) {
      const credit = l.amountCents > 0;
      parts.push(
        `<Ntry><NtryRef>${esc(l.reference)}</NtryRef><Amt Ccy="EUR">${decimal(l.amountCents)}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts>${version >= 8 ? '<Cd>BOOK</Cd>' : 'BOOK'}</Sts><BookgDt><Dt>${l.date}</Dt></BookgDt><ValDt><Dt>${l.date}</Dt></ValDt><AcctSvcrRef>${esc(l.reference)}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${credit ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>${credit ? 'ESCT' : 'ESCT'}</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs>${l.messageId ? `<MsgId>${esc(l.messageId)}</MsgId>` : ''}<EndToEndId>${esc(l.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs><RltdPties>${credit ? `<Dbtr>${name(l.counterparty)}</Dbtr>` : `<Cdtr>${name(l.counterparty)}</Cdtr>`}</RltdPties><RmtInf><Ustrd>${esc(l.remittance)}</Ustrd>${l.structuredReference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${esc(l.structuredReference)}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf></TxDtls></NtryDtls><AddtlNtryInf>${esc(`${credit ? 'VIR SEPA RECU' : 'VIR SEPA EMIS'} ${l.counterparty}`)}</AddtlNtryInf></Ntry>`,
      );
    }
    parts.push('</Stmt>');
  }
  parts.push('</BkToCstmrStmt></Document>\n');
  return parts.join('');
}

const ofxDate = (d: string) => d.replace(/-/g, '');

/** An OFX 1.02 (SGML) file, as French banks' "Money" export writes it: leaf tags unclosed. */
export function writeOfx1(s: StatementToWrite): string {
  const bban = s.iban.slice(4);
  const lines = s.lines
    .map(
      (l) =>
        `<STMTTRN>\n<TRNTYPE>${l.amountCents > 0 ? 'CREDIT' : 'DEBIT'}\n<DTPOSTED>${ofxDate(l.date)}\n<TRNAMT>${l.amountCents < 0 ? '-' : '+'}${decimal(l.amountCents)}\n<FITID>${esc(l.reference)}\n<NAME>${esc(l.counterparty.slice(0, 32))}\n<MEMO>${esc(l.remittance)}\n</STMTTRN>`,
    )
    .join('\n');
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n<SIGNONMSGSRSV1>\n<SONRS>\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<DTSERVER>${ofxDate(s.closingDate)}\n<LANGUAGE>FRA\n</SONRS>\n</SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>${esc(s.statementId)}\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM>\n<BANKID>${bban.slice(0, 5)}\n<BRANCHID>${bban.slice(5, 10)}\n<ACCTID>${bban.slice(10, 21)}\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>${ofxDate(s.openingDate)}\n<DTEND>${ofxDate(s.closingDate)}\n${lines}\n</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>${closingOf(s) < 0 ? '-' : ''}${decimal(closingOf(s))}\n<DTASOF>${ofxDate(s.closingDate)}\n</LEDGERBAL>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n`;
}

/** A CSV export as French online banking writes it: ";", dd/mm/yyyy, "1 234,56", debit and credit columns. */
export function writeFrenchCsv(s: StatementToWrite): string {
  const amount = (cents: number) =>
    `${Math.floor(cents / 100)
      .toLocaleString('fr-FR')
      .replace(/\u202f|\u00a0/g, ' ')},${String(cents % 100).padStart(2, '0')}`;
  const rows = s.lines.map((l) => {
    const [y, m, d] = l.date.split('-');
    const label = `${l.amountCents > 0 ? 'VIR RECU' : 'VIR EMIS'} ${l.counterparty} ${l.remittance}`.replace(
      /"/g,
      '""',
    );
    return `${d}/${m}/${y};"${label}";${l.amountCents < 0 ? amount(-l.amountCents) : ''};${l.amountCents > 0 ? amount(l.amountCents) : ''};${l.reference}`;
  });
  return `Date;Libellé;Débit;Crédit;Référence\n${rows.join('\n')}\n`;
}

/** The mapping that reads writeFrenchCsv's files. */
export const frenchCsvMapping = {
  delimiter: ';' as const,
  skipLines: 0,
  dateColumn: 'Date',
  dateFormat: 'dd/mm/yyyy' as const,
  valueDateColumn: '',
  labelColumn: 'Libellé',
  amountColumn: '',
  debitColumn: 'Débit',
  creditColumn: 'Crédit',
  decimalSeparator: ',' as const,
  referenceColumn: 'Référence',
  counterpartyColumn: '',
};
