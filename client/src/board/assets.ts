// Where pasted and dropped images go: uploaded to the server, referenced from the board by a
// same-origin URL. Images are never inlined into the document as data URLs (they would bloat every
// client's copy of the board forever).
import type { TLAsset, TLAssetStore } from 'tldraw';
import type { MeetingId } from '@vermeboard/shared';

/**
 * Thrown for a file over the limit. <Tldraw maxAssetSize> normally refuses such a file before it
 * gets here (with Vermeboard's wording, see tldrawTranslations.ts); this covers every other path
 * and a server whose limit is lower. tldraw turns the rejection into its upload-failed toast.
 */
export class AssetTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`file of ${size} bytes exceeds the ${maxBytes}-byte limit`);
    this.name = 'AssetTooLargeError';
  }
}

export interface AssetStoreOptions {
  meetingId: MeetingId;
  token: string;
  maxBytes: number;
  fetch?: typeof globalThis.fetch;
}

const assetPathPrefix = '/api/assets/';

export function createAssetStore({
  meetingId,
  token,
  maxBytes,
  fetch = globalThis.fetch.bind(globalThis),
}: AssetStoreOptions): TLAssetStore {
  return {
    async upload(_asset: TLAsset, file: File, abortSignal?: AbortSignal) {
      if (file.size > maxBytes) {
        throw new AssetTooLargeError(file.size, maxBytes);
      }
      const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/assets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
        ...(abortSignal ? { signal: abortSignal } : {}),
      });
      if (response.status === 413) {
        throw new AssetTooLargeError(file.size, maxBytes);
      }
      if (!response.ok) throw new Error(`asset upload failed with HTTP ${response.status}`);
      const body: unknown = await response.json();
      const src = (body as { src?: unknown } | null)?.src;
      if (!isOwnAssetSrc(src)) throw new Error('asset upload answered without a usable src');
      return { src };
    },
    resolve(asset: TLAsset) {
      // Only the server's own asset URLs are loaded: a src another client wrote into the board
      // could otherwise point the browser anywhere (tracking pixels) or inline megabytes of data.
      const src = 'src' in asset.props ? asset.props.src : null;
      return isOwnAssetSrc(src) ? src : null;
    },
  };
}

function isOwnAssetSrc(src: unknown): src is string {
  return (
    typeof src === 'string' &&
    src.startsWith(assetPathPrefix) &&
    /^[A-Za-z0-9_-]+$/.test(src.slice(assetPathPrefix.length))
  );
}
