import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
// The meeting page's code: the board and tldraw, most of the app's size. The meeting route loads it
// lazily; pages from which someone is about to open a meeting (an invite link, its welcome, the
// running-meeting banner) load it beforehand while the person reads, with the font and strings the
// board waits for, so the board need not wait.
type MeetingPageModule = typeof import('./MeetingPage.js');

let loaded: MeetingPageModule | null = null;

export const loadMeetingPage = (): Promise<MeetingPageModule> =>
  import('./MeetingPage.js').then((module) => (loaded = module));

/**
 * The meeting page's component once its code is here, else null. A page that React.lazy gives is
 * drawn only after Suspense has shown its fallback once, even when the code was preloaded, and
 * React then holds the fallback on screen for 300 ms before revealing the page.
 */
export function meetingPageIfLoaded(): MeetingPageModule['default'] | null {
  return loaded?.default ?? null;
}

let preloading: Promise<unknown> | null = null;

/**
 * Starts loading the meeting page's code and the board's assets in `locale` once, when the browser
 * is idle; a failure lets a later call try again.
 */
export function preloadMeetingPage(locale: Locale): void {
  if (preloading) return;
  preloading = new Promise<void>((resolve) => {
    const start = () => resolve();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  })
    .then(loadMeetingPage)
    .then((page) => page.prefetchBoardAssets(locale))
    .catch(() => {
      preloading = null;
    });
}

/** Preloads the meeting page's code while the calling component is shown and `when` holds. */
export function usePreloadMeetingPage(when = true): void {
  const { locale } = useI18n();
  useEffect(() => {
    if (when) preloadMeetingPage(locale);
  }, [when, locale]);
}
