import { AppError } from '../errors/app-error.ts';
import { isValidBic, isValidIban } from '../identity/bank-details.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';

export type SepaTransfer = {
  /** Unique per transfer, at most 35 characters: it comes back on the bank statement. */
  endToEndId: string;
  creditorName: string;
  iban: string;
  bic: string | null;
  amountCents: number;
  remittance: string;
};

export type SepaCreditTransfer = {
  messageId: string;
  /** The file's creation instant, ISO 8601 (the caller's clock: core has none). */
  createdAt: string;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string };
  transfers: readonly SepaTransfer[];
  /**
   * The ISO 20022 purpose of the payments: SALA for salaries (the default), SUPP for expense reimbursements and
   * supplier payments (issue 7).
   */
  purpose?: 'SALA' | 'SUPP';
};

/**
 * Text as the SEPA rulebook's Latin character set allows it (EPC217-08: a-z A-Z 0-9 / - ? : ( ) . , ' + space):
 * accents taken off (é → e), anything else a space, cut to the field's length, XML-escaped ("'" and "&" never
 * reach the escape: "&" is not in the set).
 */
export function sepaText(value: string, max: number): string {
  const latin = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  return (latin || '-').replaceAll("'", '&apos;');
}

const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const idPattern = /^[A-Za-z0-9/\-?:().,'+]{1,35}$/;

/**
 * A SEPA credit transfer initiation, ISO 20022 pain.001.001.03 (the version French banks take for SEPA
 * transfers), one payment block (category purpose SALA for salaries, SUPP for expenses), charges shared (SLEV).
 * Refuses what a bank would reject: an IBAN whose checksum fails (ISO 13616, via ibantools), a malformed BIC, an
 * amount that is not a positive whole number of cents, identifiers outside the SEPA character set or longer than
 * 35 characters.
 * The file is validated against the official schema in the tests (xmllint).
 */
export function buildSepaCreditTransfer(input: SepaCreditTransfer): string {
  const debtorIban = normalizeIdentifier(input.debtor.iban);
  const debtorBic = normalizeIdentifier(input.debtor.bic);
  if (!isValidIban(debtorIban) || !isValidBic(debtorBic))
    throw new AppError('PAYROLL_DEBTOR_ACCOUNT_MISSING');
  if (input.transfers.length === 0) throw new RangeError('a transfer file needs at least one transfer');
  if (!idPattern.test(input.messageId)) throw new RangeError(`bad message id: ${input.messageId}`);
  const purpose = input.purpose ?? 'SALA';
  let total = 0;
  const transfers = input.transfers.map((t) => {
    const iban = normalizeIdentifier(t.iban);
    if (!isValidIban(iban)) throw new AppError('PAYROLL_CREDITOR_IBAN_INVALID', { name: t.creditorName });
    const bic = t.bic ? normalizeIdentifier(t.bic) : null;
    if (bic !== null && !isValidBic(bic))
      throw new AppError('PAYROLL_CREDITOR_IBAN_INVALID', { name: t.creditorName });
    if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0 || t.amountCents > 99_999_999_999)
      throw new RangeError(`bad amount: ${t.amountCents}`);
    if (!idPattern.test(t.endToEndId)) throw new RangeError(`bad end-to-end id: ${t.endToEndId}`);
    total += t.amountCents;
    return [
      '      <CdtTrfTxInf>',
      `        <PmtId><EndToEndId>${t.endToEndId}</EndToEndId></PmtId>`,
      `        <Amt><InstdAmt Ccy="EUR">${amount(t.amountCents)}</InstdAmt></Amt>`,
      ...(bic ? [`        <CdtrAgt><FinInstnId><BIC>${bic}</BIC></FinInstnId></CdtrAgt>`] : []),
      `        <Cdtr><Nm>${sepaText(t.creditorName, 70)}</Nm></Cdtr>`,
      `        <CdtrAcct><Id><IBAN>${iban}</IBAN></Id></CdtrAcct>`,
      `        <Purp><Cd>${purpose}</Cd></Purp>`,
      `        <RmtInf><Ustrd>${sepaText(t.remittance, 140)}</Ustrd></RmtInf>`,
      '      </CdtTrfTxInf>',
    ].join('\n');
  });
  const count = input.transfers.length;
  const createdAt = input.createdAt.replace(/\.\d+/, '').replace(/Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <CstmrCdtTrfInitn>',
    '    <GrpHdr>',
    `      <MsgId>${input.messageId}</MsgId>`,
    `      <CreDtTm>${createdAt}</CreDtTm>`,
    `      <NbOfTxs>${count}</NbOfTxs>`,
    `      <CtrlSum>${amount(total)}</CtrlSum>`,
    `      <InitgPty><Nm>${sepaText(input.debtor.name, 70)}</Nm></InitgPty>`,
    '    </GrpHdr>',
    '    <PmtInf>',
    `      <PmtInfId>${input.messageId}</PmtInfId>`,
    '      <PmtMtd>TRF</PmtMtd>',
    '      <BtchBookg>true</BtchBookg>',
    `      <NbOfTxs>${count}</NbOfTxs>`,
    `      <CtrlSum>${amount(total)}</CtrlSum>`,
    `      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><CtgyPurp><Cd>${purpose}</Cd></CtgyPurp></PmtTpInf>`,
    `      <ReqdExctnDt>${input.executionDate}</ReqdExctnDt>`,
    `      <Dbtr><Nm>${sepaText(input.debtor.name, 70)}</Nm></Dbtr>`,
    `      <DbtrAcct><Id><IBAN>${debtorIban}</IBAN></Id></DbtrAcct>`,
    `      <DbtrAgt><FinInstnId><BIC>${debtorBic}</BIC></FinInstnId></DbtrAgt>`,
    '      <ChrgBr>SLEV</ChrgBr>',
    ...transfers,
    '    </PmtInf>',
    '  </CstmrCdtTrfInitn>',
    '</Document>',
    '',
  ].join('\n');
}
