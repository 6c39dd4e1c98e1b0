import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// `npm run bench:client`: the browser benchmarks (bench/*.bench.ts). They measure and print; they
// assert only that the measurement happened (the stroke arrived, every note rendered).
export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '*.bench.ts',
  outputDir: './test-results/bench',
  workers: 1,
  timeout: 300_000,
  // No Playwright trace: its recorder snapshots the whole page at every action, and on a board of
  // 10,000 notes those snapshots, not the board, took most of each frame of a pan.
  use: { ...base.use, trace: 'off' },
});
