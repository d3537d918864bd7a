import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A receipt-like picture for the demo and the browser journeys (a real PNG, so the approval screen shows it):
 * a white ticket with grey lines of "text" and a bold total line, varied by `seed`. Not a real receipt.
 */
export function drawDemoReceiptPng(seed: number, width = 180, height = 260): Uint8Array {
  const row = width * 3 + 1;
  const pixels = Buffer.alloc(row * height, 0xff);
  const paint = (x0: number, y0: number, w: number, h: number, grey: number) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++)
        pixels.fill(grey, y * row + 1 + x * 3, y * row + 4 + x * 3);
  };
  paint(0, 0, width, 4, 0xc8); // torn top edge
  paint(40, 16, width - 80, 10, 0x30); // shop name
  for (let i = 0; i < 6 + (seed % 5); i++) {
    const y = 44 + i * 16;
    paint(14, y, 70 + ((seed * 37 + i * 53) % 60), 6, 0x90);
    paint(width - 50, y, 36, 6, 0x90);
  }
  paint(14, height - 50, width - 28, 2, 0x60);
  paint(14, height - 38, 60, 10, 0x20); // TOTAL
  paint(width - 64, height - 38, 50, 10, 0x20);
  for (let y = 0; y < height; y++) pixels[y * row] = 0; // filter: none
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A one-page PDF saying it is a demo supplier invoice (the demo's supplier invoices need a real PDF). */
export function drawDemoInvoicePdf(lines: readonly string[]): Uint8Array {
  const text = lines
    .map(
      (l, i) =>
        `BT /F1 12 Tf 56 ${780 - i * 18} Td (${l.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?')}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
