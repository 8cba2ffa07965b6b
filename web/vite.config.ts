import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * SvelteKit ends every build with a hint to run `npm run preview`; here the API server serves the
 * build (`npm start`), so the hint only misleads. It is printed with console.log, not the logger.
 */
function withoutPreviewHint(): Plugin {
  return {
    name: 'kupang:without-preview-hint',
    apply: 'build',
    configResolved() {
      const log = console.log;
      console.log = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].includes('npm run preview')) return;
        log(...args);
      };
    },
  };
}

export default defineConfig({
  plugins: [sveltekit(), withoutPreviewHint()],
  // `npm start` shows warnings and errors, not a line per output file.
  logLevel: 'warn',
  build: {
    reportCompressedSize: false,
    // Plugin timing reports are for profiling a slow build, not for every start.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Browser test files each start the real server and Chromium: one file at a time, with room to boot.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
