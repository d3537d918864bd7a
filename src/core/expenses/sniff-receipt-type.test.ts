import { describe, expect, it } from 'vitest';
import { sniffReceiptType } from './sniff-receipt-type.ts';

const bytes = (head: string | number[], pad = 16) => {
  const start = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  return new Uint8Array([...start, ...new Array(pad).fill(0)]);
};

describe('receipt type from its first bytes', () => {
  it('knows JPEG, PNG, WebP, HEIC and PDF', () => {
    expect(sniffReceiptType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffReceiptType(bytes('\x89PNG\r\n\x1a\n'))).toBe('image/png');
    expect(sniffReceiptType(bytes('RIFF\x00\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffReceiptType(bytes('\x00\x00\x00\x18ftypheic'))).toBe('image/heic');
    expect(sniffReceiptType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniffReceiptType(bytes('GIF89a'))).toBeNull();
    expect(sniffReceiptType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffReceiptType(bytes('PK\x03\x04'))).toBeNull(); // a zip, or an office document
    expect(sniffReceiptType(bytes('MZ'))).toBeNull();
    expect(sniffReceiptType(new Uint8Array([0xff, 0xd8]))).toBeNull(); // too short to be anything
  });
});
