import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  // A generous per-test timeout: CI runs on 2 shared cores, and some tests read all of data/ (a
  // timeout is a hang guard here, never a speed assertion).
  test: { include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
});
