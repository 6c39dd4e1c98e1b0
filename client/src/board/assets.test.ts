// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { AssetRecordType, type TLAsset, type TLImageAsset } from 'tldraw';
import type { MeetingId } from '@vermeboard/shared';
import { AssetTooLargeError, createAssetStore } from './assets.js';

const meetingId = 'meeting-0001' as MeetingId;

function imageAsset(src: string | null): TLAsset {
  return AssetRecordType.create({
    id: AssetRecordType.createId('a'),
    type: 'image',
    props: { src, w: 10, h: 10, name: 'a.png', isAnimated: false, mimeType: 'image/png' },
  } as TLImageAsset);
}

function setup(answer: () => Response) {
  const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => answer());
  const store = createAssetStore({ meetingId, token: 'tok-123', maxBytes: 1000, fetch });
  return { store, fetch };
}

describe('createAssetStore', () => {
  it('uploads the file as the raw body with the bearer token', async () => {
    const { store, fetch } = setup(() => Response.json({ src: '/api/assets/abc_123' }, { status: 201 }));
    const file = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    await expect(store.upload(imageAsset(null), file)).resolves.toEqual({ src: '/api/assets/abc_123' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/meetings/meeting-0001/assets');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ Authorization: 'Bearer tok-123', 'Content-Type': 'image/png' });
    expect(init?.body).toBe(file);
  });

  it('refuses a file over the limit without uploading it', async () => {
    const { store, fetch } = setup(() => Response.json({}));
    const file = new File([new Uint8Array(1001)], 'big.png', { type: 'image/png' });
    await expect(store.upload(imageAsset(null), file)).rejects.toBeInstanceOf(AssetTooLargeError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports the server refusing a file as too large', async () => {
    const { store } = setup(() => new Response(null, { status: 413 }));
    const file = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    await expect(store.upload(imageAsset(null), file)).rejects.toBeInstanceOf(AssetTooLargeError);
  });

  it('fails on an error or an answer without a server asset URL', async () => {
    const file = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    await expect(setup(() => new Response(null, { status: 403 })).store.upload(imageAsset(null), file)).rejects.toThrow(
      /403/,
    );
    await expect(
      setup(() => Response.json({ src: 'data:image/png;base64,AAAA' })).store.upload(imageAsset(null), file),
    ).rejects.toThrow(/src/);
  });

  it('resolves only the server’s own asset URLs', () => {
    const { store } = setup(() => Response.json({}));
    const ctx = {
      screenScale: 1,
      steppedScreenScale: 1,
      dpr: 1,
      networkEffectiveType: null,
      shouldResolveToOriginal: false,
    };
    expect(store.resolve!(imageAsset('/api/assets/abc'), ctx)).toBe('/api/assets/abc');
    expect(store.resolve!(imageAsset('data:image/png;base64,AAAA'), ctx)).toBeNull();
    expect(store.resolve!(imageAsset('https://tracker.example/p.gif'), ctx)).toBeNull();
    expect(store.resolve!(imageAsset('/api/assets/../groups'), ctx)).toBeNull();
  });
});
