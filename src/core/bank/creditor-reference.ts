/**
 * ISO 11649 structured creditor reference ("RF" + two check digits + up to 21 letters and digits) built from an
 * invoice number, so a client's bank can send it back in the structured remittance (CAMT Strd/CdtrRefInf/Ref).
 */
export function creditorReference(invoiceNumber: string): string | null {
  const body = invoiceNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (body.length === 0 || body.length > 21) return null;
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** The reference's body when it is a valid RF reference, else null. */
export function readCreditorReference(value: string): string | null {
  const ref = value.toUpperCase().replace(/\s/g, '');
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return null;
  return mod97(`${ref.slice(4)}${ref.slice(0, 4)}`) === 1 ? ref.slice(4) : null;
}

function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
