/** Jest: SWC transform; one global setup starts real PostgreSQL and a real Temporal dev server for all suites. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/web/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/web/build/'],
  // The web app reaches contracts/ through this alias (web/tsconfig.json); tests of web modules resolve it too.
  moduleNameMapper: { '^@contracts/(.*)$': '<rootDir>/contracts/$1' },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/support/fail-on-console-error.ts'],
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
