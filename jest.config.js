// ES modules end to end: the project is "type": "module" and some dependencies ship ESM only,
// so Jest runs in its native ESM mode (npm test passes --experimental-vm-modules) and
// @swc/jest strips types without ever loading TypeScript (no coupling to the compiler's version).
import { availableParallelism } from 'node:os';

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testTimeout: 20000,
  // Most suites wait on real servers, Redis and child processes rather than on the CPU: two workers even on a 2-CPU
  // machine (Jest's default there is one, in band) keep the whole run well inside CI's time.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // A socket or timer some library keeps alive after the last suite (keep-alive agents, Redis reconnect timers) must
  // not hold CI for hours: the last CI run on record hung there until its time ran out.
  forceExit: true,
};
