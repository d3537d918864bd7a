/**
 * Receipts (issue 7): a photo or a PDF, at most 10 MiB. The type is read from the file's first bytes (its
 * "magic number"), never from what the browser or the file name claims: a file that only says it is an image is
 * refused.
 */
export const receiptMaxBytes = 10 * 1024 * 1024;
export const receiptMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type ReceiptMediaType = (typeof receiptMediaTypes)[number];

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/** HEIF brands of photos taken by phones (ISO/IEC 23008-12). */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

export function sniffReceiptType(bytes: Uint8Array): ReceiptMediaType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 4) === 'ftyp' && heifBrands.has(ascii(bytes, 8, 4))) return 'image/heic';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}
