/**
 * A small multipart/form-data reader for the stand-ins, strict like a real server: a body that is not
 * well-formed multipart gives `undefined` (the stand-in answers 422), never a guess.
 */

/** One part of a form: a plain field, or a file with its name and content type. */
export interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

/** The boundary of a `multipart/form-data; boundary=…` content type. */
function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** `name="file"; filename="a.pdf"` → { name: 'file', filename: 'a.pdf' }. */
function dispositionOf(header: string): { name?: string; filename?: string } {
  const param = (key: string): string | undefined => new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header)?.[1];
  const name = param('name');
  const filename = param('filename');
  return { ...(name === undefined ? {} : { name }), ...(filename === undefined ? {} : { filename }) };
}

function parsePart(raw: Buffer): FormPart | undefined {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const headers = new Map(
    raw
      .subarray(0, split)
      .toString('utf8')
      .split('\r\n')
      .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
  );
  const { name, filename } = dispositionOf(headers.get('content-disposition') ?? '');
  if (name === undefined) return undefined;
  const contentType = headers.get('content-type');
  return {
    name,
    ...(filename === undefined ? {} : { filename }),
    ...(contentType === undefined ? {} : { contentType }),
    data: raw.subarray(split + 4),
  };
}

/**
 * The parts of a multipart/form-data body, in order, or `undefined` when the content type or the body
 * is not well-formed.
 *
 * @example
 * const parts = parseMultipart(req.headers['content-type'], body);
 * const file = parts?.find((part) => part.name === 'file');
 */
export function parseMultipart(contentType: string | undefined, body: Buffer): FormPart[] | undefined {
  const boundary = boundaryOf(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
    if (next < 0 || body.subarray(start, start + 2).toString() !== '\r\n') return undefined;
    const part = parsePart(body.subarray(start + 2, next));
    if (!part) return undefined;
    parts.push(part);
    at = next + 2;
  }
}
