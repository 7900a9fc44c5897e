import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { SERVER_NODE_FLAGS } from '../../bench/settings.js';

describe('npm start', () => {
  it('gives node the flags the bench measures the server with', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/src/main.js`);
  });
});
