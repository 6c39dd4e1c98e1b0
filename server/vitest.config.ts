import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve @vermeboard/shared to its TypeScript source, so tests need no build step.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
