// ES modules end to end: the project is "type": "module" and some dependencies ship ESM only,
// so Jest runs in its native ESM mode (npm test passes --experimental-vm-modules) and
// @swc/jest strips types without ever loading TypeScript (no coupling to the compiler's version).
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
  // On a 2-CPU CI machine Jest runs the suites in its own process; a socket some library keeps
  // alive after the last suite (keep-alive agents, Redis reconnect timers) must not hold CI for hours.
  forceExit: true,
};
