import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; tests must use the same copy, not the .mjs one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Limits against a hang, not speed checks: a loaded 2-core machine starts the embedded database with demo
    // data in up to 90 s and runs the two-process bursts several times slower than a quiet one.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['reflect-metadata'],
  },
});
