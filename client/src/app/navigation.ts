// A tiny router over the History API: the current route as React state, and navigate().
import { useSyncExternalStore } from 'react';
import { parseRoute, routePath, type Route } from './router.js';

type Target = Exclude<Route, { name: 'notFound' }>;

// pushState fires no event of its own, so navigate() announces itself to subscribers.
const NAVIGATE_EVENT = 'vermeboard:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current route; re-renders on navigate() and on the browser's back and forward. */
export function useRoute(): Route {
  // Subscribe to the path string (stable between renders), then parse it.
  return parseRoute(useSyncExternalStore(subscribe, currentPath));
}

/**
 * Go to a route. `replace` is for steps the user should not come back to with the Back button,
 * e.g. a consumed join link: going back to it would only redirect forward again.
 */
export function navigate(target: Target, options: { replace?: boolean } = {}): void {
  const path = routePath(target);
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
