/**
 * Real, tiny files for the media tests: a baseline JPEG and a one-page PDF that any decoder or viewer
 * opens, built byte by byte so the tests need no binary fixture in the repository.
 */

const segment = (marker: number, payload: readonly number[]): number[] => [
  0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload,
];

/**
 * An 8×8 mid-grey baseline JPEG (JFIF, one component, 1 quantisation table of ones, one-code Huffman
 * tables): 1 block whose DC difference is 0 (category 0) followed by an end-of-block.
 *
 * @example
 * const jpeg = tinyJpeg(); // starts with FF D8 FF, ends with FF D9
 */
export function tinyJpeg(): Buffer {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const quantisation = [0x00, ...new Array<number>(64).fill(1)];
  const frame = [8, 0, 8, 0, 8, 1, 1, 0x11, 0];
  // Class/id, then how many codes of each length 1–16, then the symbols: one 1-bit code for each table.
  const oneCode = (classAndId: number, symbol: number) => [classAndId, 1, ...new Array<number>(15).fill(0), symbol];
  const huffman = [...oneCode(0x00, 0x00), ...oneCode(0x10, 0x00)];
  const scan = [1, 1, 0x00, 0, 63, 0];
  // DC category 0 → bit 0; AC end-of-block → bit 0; padded with ones.
  const entropy = [0b0011_1111];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, jfif),
    ...segment(0xdb, quantisation),
    ...segment(0xc0, frame),
    ...segment(0xc4, huffman),
    ...segment(0xda, scan),
    ...entropy,
    0xff, 0xd9,
  ]);
}

/**
 * A one-page PDF 1.4 saying `text` in Helvetica, with a correct cross-reference table.
 *
 * @example
 * tinyPdf('Attestation').subarray(0, 5).toString(); // '%PDF-'
 */
export function tinyPdf(text = 'Attestation de la CSS'): Buffer {
  const content = `BT /F1 18 Tf 40 60 Td (${text.replace(/[\\()]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
