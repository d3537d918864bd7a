import { AsyncLocalStorage } from 'node:async_hooks';
import { FormatFactoryService } from '@e-invoice-eu/core';

type Tree = { [key: string]: unknown };

/** What the library loses and we put back, for the document being converted in this async context. */
export interface CiiExtras {
  precedingInvoices: readonly { number: string; issueDate: string }[];
  purchaseOrderReference: string | null;
}
const extras = new AsyncLocalStorage<CiiExtras>();

function stripCurrencyIds(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) stripCurrencyIds(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const tree = node as Tree;
  for (const key of Object.keys(tree)) {
    // "#@currencyID" is the attribute of ram:TaxTotalAmount, the one amount CII lets carry a currency.
    if (key.endsWith('@currencyID') && key !== '#@currencyID') delete tree[key];
    else stripCurrencyIds(tree[key]);
  }
}

function addPrecedingInvoices(cii: Tree, invoices: CiiExtras['precedingInvoices']): void {
  if (invoices.length === 0) return;
  const transaction = (cii['rsm:CrossIndustryInvoice'] as Tree)['rsm:SupplyChainTradeTransaction'] as Tree;
  const settlement = transaction['ram:ApplicableHeaderTradeSettlement'] as Tree;
  // BG-3: after the monetary summation, the last element we write in this group (CII D16B sequence).
  settlement['ram:InvoiceReferencedDocument'] = invoices.map((i) => ({
    'ram:IssuerAssignedID': i.number,
    'ram:FormattedIssueDateTime': {
      'qdt:DateTimeString': i.issueDate.replaceAll('-', ''),
      'qdt:DateTimeString@format': '102',
    },
  }));
  const root = cii as Tree;
  root['rsm:CrossIndustryInvoice@xmlns:qdt'] ??= 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100';
}

/** Inserts `key` before the first of `before` present in `node`, keeping the CII sequence order. */
function insertBefore(node: Tree, key: string, value: unknown, before: readonly string[]): void {
  const entries = Object.entries(node);
  const at = entries.findIndex(([k]) => before.includes(k));
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, Object.fromEntries(entries));
}

function addPurchaseOrder(cii: Tree, reference: string | null): void {
  if (!reference) return;
  const transaction = (cii['rsm:CrossIndustryInvoice'] as Tree)['rsm:SupplyChainTradeTransaction'] as Tree;
  const agreement = transaction['ram:ApplicableHeaderTradeAgreement'] as Tree;
  if (agreement['ram:BuyerOrderReferencedDocument']) return;
  insertBefore(agreement, 'ram:BuyerOrderReferencedDocument', { 'ram:IssuerAssignedID': reference }, [
    'ram:ContractReferencedDocument',
    'ram:AdditionalReferencedDocument',
    'ram:SpecifiedProcuringProject',
  ]);
}

let installed = false;

/**
 * Two defects of @e-invoice-eu/core 2.3.4, fixed in its CII post-processing step (used for the plain
 * CII and for the XML embedded in Factur-X alike):
 * - it copies `currencyID` onto line allowance amounts, which the EN 16931 CII rules refuse (CII-DT-031:
 *   only the VAT total may carry it), while its own input schema requires the attribute;
 * - it drops the preceding invoice reference (BG-3) that its own schema nests in
 *   cac:InvoiceDocumentReference, so a credit note would lose the number of the invoice it corrects;
 * - its Factur-X EN 16931 profile drops the purchase order reference (BT-13), which it masks as EXTENDED.
 * The tests run the official rules and look for BG-3, so a library upgrade that changes this shows.
 */
export function installEInvoiceEuFixes(): void {
  if (installed) return;
  const quiet = { log() {}, warn() {}, error() {} };
  const service = new FormatFactoryService().createFormatService('CII', quiet);
  const proto = Object.getPrototypeOf(service) as { postProcess?: (cii: Tree) => void };
  const original = proto.postProcess;
  if (typeof original !== 'function') throw new Error('@e-invoice-eu/core: postProcess not found');
  proto.postProcess = function postProcess(this: unknown, cii: Tree) {
    original.call(this, cii);
    stripCurrencyIds(cii);
    const store = extras.getStore();
    addPrecedingInvoices(cii, store?.precedingInvoices ?? []);
    addPurchaseOrder(cii, store?.purchaseOrderReference ?? null);
  };
  installed = true;
}

/** Runs a conversion with the references the library would otherwise drop. */
export function withCiiExtras<T>(values: CiiExtras, fn: () => Promise<T>) {
  return extras.run(values, fn);
}
