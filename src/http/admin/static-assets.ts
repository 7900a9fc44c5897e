import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { FLOWS_CLIENT_SCRIPT } from './flows-client.js';

/**
 * The browser files of the flow page, served by the project itself (no CDN): Mermaid from
 * `node_modules/mermaid/dist`, and the page's own script. Their URLs carry a version, so browsers may keep
 * them for a year.
 */

/** One servable file: its URL (versioned) and how to open it. */
export interface StaticAsset {
  readonly url: string;
  readonly type: string;
  open(): Readable | string;
}

/** `Cache-Control` of versioned assets: the URL changes whenever the content does. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';

const require = createRequire(import.meta.url);
let mermaidFile: { path: string; version: string } | undefined;

/** Where npm put Mermaid; resolved on first use so a missing package fails the request that needs it. */
function locateMermaid(): { path: string; version: string } {
  if (mermaidFile) return mermaidFile;
  const manifest = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string };
  mermaidFile = { path: require.resolve('mermaid/dist/mermaid.min.js'), version: manifest.version };
  return mermaidFile;
}

const clientHash = createHash('sha256').update(FLOWS_CLIENT_SCRIPT).digest('hex').slice(0, 12);

/**
 * The assets by file name, as `/admin/assets/:name` serves them.
 *
 * @example
 * html`<script src="${flowAssets()['mermaid.min.js'].url}"></script>`
 */
export function flowAssets(): Record<'mermaid.min.js' | 'flows.js', StaticAsset> {
  const mermaid = locateMermaid();
  return {
    'mermaid.min.js': {
      url: `/admin/assets/mermaid.min.js?v=${encodeURIComponent(mermaid.version)}`,
      type: 'application/javascript; charset=utf-8',
      open: () => createReadStream(mermaid.path),
    },
    'flows.js': {
      url: `/admin/assets/flows.js?v=${clientHash}`,
      type: 'application/javascript; charset=utf-8',
      open: () => FLOWS_CLIENT_SCRIPT,
    },
  };
}
