import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { hardeningEnv } from '../../src/config/hardening-env.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the variables that bound outsiders', () => {
  it.each(['.env.example', 'README.md'])('are all documented in %s', (file) => {
    const text = read(file);
    expect(Object.keys(hardeningEnv).filter((name) => !text.includes(name))).toEqual([]);
  });
});
