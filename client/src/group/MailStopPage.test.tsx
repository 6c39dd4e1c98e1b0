// The page a mail's stop link opens: it changes nothing until its one button is pressed, then posts
// the link's token and says, through a status region, how it went — in the browser's language.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { respond } from '../api/fetchStub.testkit.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { MailStopPage } from './MailStopPage.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const token = `Gr0up_id-1234567890123.Part1cipant-12345678901.${'a'.repeat(22)}.${'b'.repeat(22)}`;
let root: Root | null = null;

async function open(hash: string, languages: string[] = ['en-GB']) {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} });
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  window.history.replaceState(null, '', `/mail/stop${hash}`);
  const container = document.createElement('div');
  act(() => root?.unmount());
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nProvider>
        <MailStopPage />
      </I18nProvider>,
    ),
  );
  return container;
}

async function press(container: HTMLElement) {
  await act(async () => container.querySelector('button')!.click());
  // The answer arrives a task later; let it land.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the mail stop page', () => {
  it('asks first, posts the token on the button, and announces that it is done', async () => {
    const fetch = respond(200, { result: 'stopped' });
    const page = await open(`#${token}`);
    expect(page.querySelector('h1')?.textContent).toBe('Stop mail from the group');
    expect(page.querySelector('button')?.textContent).toBe('Stop these mails');
    expect(page.querySelector('[role="status"]')?.textContent).toBe('');
    // Opening the page sends nothing.
    expect(fetch).not.toHaveBeenCalled();
    await press(page);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/mail/unsubscribe?t=${token}`);
    expect(init?.method).toBe('POST');
    expect(page.querySelector('[role="status"]')?.textContent).toBe(
      'Done. Your address is deleted, and no more mail comes from the group.',
    );
    expect(page.querySelector('button')).toBeNull();
  });

  it('speaks the browser’s language', async () => {
    respond(200, { result: 'alreadyStopped' });
    const page = await open(`#${token}`, ['fi-FI', 'en']);
    expect(page.querySelector('h1')?.textContent).toBe('Lopeta ryhmän sähköpostit');
    await press(page);
    expect(page.querySelector('[role="status"]')?.textContent).toBe(
      'Nämä viestit oli jo lopetettu: ryhmällä ei ole osoitettasi.',
    );
  });

  it('offers to try again when the server could not be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const page = await open(`#${token}`);
    await press(page);
    expect(page.querySelector('[role="alert"]')).not.toBeNull();
    expect(page.querySelector('button')?.textContent).toBe('Stop these mails');
  });

  it('says that a refused or broken link no longer works', async () => {
    respond(403, { error: 'this link is for an address that is no longer given' });
    const page = await open(`#${token}`);
    await press(page);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('This link no longer works');
    expect(page.querySelector('button')).toBeNull();
    const broken = await open('#not-a-token');
    expect(broken.querySelector('button')).toBeNull();
    expect(broken.querySelector('[role="alert"]')?.textContent).toContain('This link no longer works');
  });
});
