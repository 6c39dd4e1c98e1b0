import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { offlinePlugin } from './offlinePlugin.js';

/**
 * Two dependencies of tldraw with a fix of ours (each module says why): every import of `name`
 * resolves to `file`, which re-exports the original and replaces what it fixes.
 */
const patchedModules: Record<string, string> = {
  '@tiptap/core': './src/board/tiptapCore.ts',
  '@tldraw/state-react': './src/board/stateReact.ts',
};
function patchedDependencies(): Plugin {
  const files = new Map(
    Object.entries(patchedModules).map(([name, file]) => [name, fileURLToPath(new URL(file, import.meta.url))]),
  );
  return {
    name: 'vermeboard-patched-dependencies',
    enforce: 'pre',
    resolveId(source, importer) {
      const file = files.get(source);
      return file && importer !== file ? file : null;
    },
  };
}

// The dev server runs on its own port and forwards the API, the sync socket and health to the
// Vermeboard server (`npm run dev -w @vermeboard/server`, port 8080).
const server = 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), patchedDependencies(), offlinePlugin()],
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
