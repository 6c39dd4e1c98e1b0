import { existsSync } from 'node:fs';

/** The Chromium binary to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never skips silently. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium found at ${path}. The browser tests need a real Chromium: install it ` +
        `(Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}
