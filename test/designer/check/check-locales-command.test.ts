import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createWatchProject, type WatchProject } from '../../chat/watch-project.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = readFileSync(new URL('./fixtures/too-long-button.en.ftl', import.meta.url), 'utf8');
const longLine = /^button-aide = .*$/m.exec(fixture)?.[0] ?? '';

let project: WatchProject | undefined;
afterEach(() => project?.remove());

/** `npm run check` (the built `dist/bin/check.js`) on a copy of the project whose machines the test edits. */
function checkCopy(edit: (copy: WatchProject) => void): { status: number | null; stdout: string } {
  const copy = createWatchProject();
  project = copy;
  mkdirSync(join(copy.root, 'dist', 'bin'));
  cpSync(join(REPO, 'dist', 'bin', 'check.js'), join(copy.root, 'dist', 'bin', 'check.js'));
  cpSync(join(REPO, 'docs', 'machines'), join(copy.root, 'docs', 'machines'), { recursive: true });
  edit(copy);
  const result = spawnSync(process.execPath, [join(copy.root, 'dist', 'bin', 'check.js')], { cwd: copy.root, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout };
}

// The Done-when of issue 14: a button title made too long in one locale fails `npm run check`, naming the locale,
// the message id and the field. The real machines are never touched: the edit is made to a copy.
describe('npm run check on message files', () => {
  it('fails on an English button title over 20 characters, naming [en], the message en:button-aide and the field', () => {
    expect(longLine).toMatch(/^button-aide = .{21,}$/);
    const { status, stdout } = checkCopy((copy) => copy.edit('css-assistant/locales/en.ftl', (text) => text.replace(/^button-aide = .*$/m, longLine)));
    expect(status).toBe(1);
    expect(stdout).toMatch(/^css-assistant \[en\] › [^\n]* › buttons\[1\]\.title: 25 characters, the Cloud API allows 20 \(text en:button-aide\): shorten it$/m);
    expect(stdout).toMatch(/^✗ \d+ problems?: fix them before shipping$/m);
    expect(stdout).toMatch(/^✓ pension-status v\d+/m);
  }, 150_000);
});
