import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { offlinePlugin } from './offlinePlugin.js';

// The dev server runs on its own port and forwards the API, the sync socket and health to the
// Vermeboard server (`npm run dev -w @vermeboard/server`, port 8080).
const server = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), offlinePlugin()],
  resolve: {
    // `source` makes @vermeboard/shared resolve to its TypeScript source, so the client never
    // bundles a stale shared/dist and needs no shared build step in development.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': server,
      '/sync': { target: server, ws: true },
      '/healthz': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs. tldraw's fonts, icons and translations
    // (@tldraw/assets/imports.vite) must be real files served by Vermeboard itself, so the app works
    // offline and under a CSP that does not need to trust data: for everything.
    assetsInlineLimit: 0,
    // tldraw alone is about 2 MB minified; it sits in the lazily loaded meeting chunk.
    chunkSizeWarningLimit: 3000,
  },
});
