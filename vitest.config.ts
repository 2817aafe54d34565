import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/*.spec.ts belong to Playwright; unit tests sit next to their code as *.test.ts(x).
    include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    // Dates are shown in the reader's zone; tests pin it to Astana's.
    env: { TZ: 'Asia/Almaty' },
  },
});
