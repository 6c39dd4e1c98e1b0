import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { offlinePlugin } from './offlinePlugin.js';

/** Serves src/board/tiptapCore.ts for `@tiptap/core`: the same API, with the rich-text schema built once. */
function tiptapSchemaOnce(): Plugin {
  const shim = fileURLToPath(new URL('./src/board/tiptapCore.ts', import.meta.url));
  return {
    name: 'vermeboard-tiptap-schema-once',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@tiptap/core' && importer !== shim ? shim : null;
    },
  };
}

// The dev server runs on its own port and forwards the API, the sync socket and health to the
// Vermeboard server (`npm run dev -w @vermeboard/server`, port 8080).
const server = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), tiptapSchemaOnce(), offlinePlugin()],
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
