/// <reference types="node" />
// Emits the service worker (src/offline/sw.js) as /sw.js with the list of every built file, so that
// the whole app shell — scripts, styles, tldraw's fonts, icons and translations — is cached at install.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const source = fileURLToPath(new URL('./src/offline/sw.js', import.meta.url));

export function offlinePlugin(): Plugin {
  return {
    name: 'vermeboard-offline',
    apply: 'build',
    // After Vite's own HTML plugin, so the bundle already holds index.html.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = [
        ...new Set([
          '/index.html',
          ...Object.keys(bundle)
            .filter((n) => !n.endsWith('.map'))
            .map((n) => `/${n}`),
        ]),
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const code = readFileSync(source, 'utf8')
        .replace('__PRECACHE_FILES__', JSON.stringify(files))
        .replace('__PRECACHE_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
