import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    // A guard against a hung test, not a measure of speed: a browser journey with three files
    // at once on two cores has taken over 30 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Forks, not threads: PGlite's WASM heap and Chromium are easier to reason about per process.
    pool: 'forks',
    // Vitest's default is one file at a time on a 2-core machine (cores - 1), but most of a
    // file's time is spent waiting for PostgreSQL, SMTP or Chromium: three files at once on two
    // cores finish the suite in far less time (each file has its own database and browser).
    maxWorkers: Math.max(3, availableParallelism()),
    // A worker runs its files one after another in one module graph instead of evaluating the
    // whole app again for every file: 73 % less import time and 20 % less CPU in all, measured
    // on 12 int files. Files still get their own database and browser; module state that a
    // file changes (the scrypt cost) is set by test/support for every file alike.
    isolate: false,
  },
});
