// Opening a meeting whose code was preloaded draws the meeting page in the first render, without
// Suspense's fallback (which React would then keep on screen for 300 ms).
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { App } from './App.js';
import { loadMeetingPage, meetingPageIfLoaded } from './meetingPageChunk.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the meeting page chunk', () => {
  it('is there to render without suspending once it has loaded', async () => {
    expect(meetingPageIfLoaded()).toBeNull();
    const module = await loadMeetingPage();
    expect(meetingPageIfLoaded()).toBe(module.default);
  });

  it('draws a preloaded meeting page in the first render', async () => {
    await loadMeetingPage();
    // A meeting of a group this browser has not joined: the page says so, with no server to ask.
    window.history.replaceState(null, '', '/g/Gr0up_id-123456789012/m/Meet1ng_id-1234567890');
    const container = document.createElement('div');
    const root = createRoot(container);
    // Synchronously, before any promise settles.
    act(() =>
      root.render(
        <I18nProvider>
          <App />
        </I18nProvider>,
      ),
    );
    const text = container.textContent;
    act(() => root.unmount());
    expect(text).toContain('You have not joined this group in this browser');
  });
});
