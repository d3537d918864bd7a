/**
 * ISO 11649 structured creditor reference: "RF", two check digits (ISO 7064 MOD 97-10, as for IBANs) and a
 * reference of 1 to 21 letters and digits, at most 25 characters in all. Mutua derives an invoice's reference
 * from its number, so the client's bank can send it back (CAMT Strd/CdtrRefInf/Ref, or typed in the free
 * remittance) and the bank matcher can find the invoice again without any stored column.
 */
const maxBodyLength = 21;

/**
 * The reference's body for an invoice number: its letters and digits, upper-cased. A number longer than
 * 21 of them (a long template with an activity code) keeps its last 21, where the year and the counter that
 * tell invoices apart are; the matcher looks invoices up by this body, so both sides agree.
 */
export function creditorReferenceBody(invoiceNumber: string): string | null {
  const body = invoiceNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (body.length === 0) return null;
  return body.slice(-maxBodyLength);
}

/** The electronic form ("RF18539007547034"): what the Factur-X XML and the bank's structured field carry. */
export function creditorReference(invoiceNumber: string): string | null {
  const body = creditorReferenceBody(invoiceNumber);
  if (body === null) return null;
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** The printed form, in groups of four from the left as ISO 11649 recommends ("RF18 5390 0754 7034"). */
export function formatCreditorReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The reference's body when it is a valid RF reference (spaces allowed), else null. */
export function readCreditorReference(value: string): string | null {
  const ref = value.toUpperCase().replace(/\s/g, '');
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return null;
  return mod97(`${ref.slice(4)}${ref.slice(0, 4)}`) === 1 ? ref.slice(4) : null;
}

/**
 * The bodies of the valid RF references written in a free text, as a client types them in the remittance
 * ("Facture RF18 5390 0754 7034", "rf18539007547034 merci"). Where a reference ends is not marked (the next
 * word may follow after a space), so every length is tried, longest first, and kept only when its check
 * digits hold (a wrong cut passes MOD 97 about once in 97, and the matcher then also needs an open invoice
 * with that body).
 */
export function findCreditorReferences(text: string): string[] {
  const found: string[] = [];
  for (const m of text.toUpperCase().matchAll(/\bRF\s?\d\s?\d((?:\s?[A-Z0-9]){1,21})/g)) {
    const head = m[0].replace(/\s/g, '').slice(0, 4);
    const chars = m[1]!.replace(/\s/g, '');
    for (let n = chars.length; n >= 1; n--) {
      const body = readCreditorReference(`${head}${chars.slice(0, n)}`);
      if (body !== null) found.push(body);
    }
  }
  return found;
}

function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
