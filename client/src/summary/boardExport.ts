// The board as a picture: every shape on the current page as PNG or SVG (tldraw's own export, with
// the page background so notes stay readable), downloaded under a dated file name. The caller's own
// unrevealed private notes on the page are left out: an export is often passed on.
import type { Editor, TLShape } from 'tldraw';
import { PRIVATE_META } from '@vermeboard/shared';

export type BoardImageFormat = 'png' | 'svg';

export type ExportingEditor = Pick<Editor, 'getCurrentPageShapes' | 'toImage' | 'getSvgString'>;

/** Top-level and nested shapes alike; tldraw exports a frame with what is inside it. */
export function exportableShapes(shapes: readonly TLShape[]): TLShape[] {
  return shapes.filter((s) => s.meta[PRIVATE_META.private] !== true);
}

export function boardFileName(format: BoardImageFormat, now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `board-${day}.${format}`;
}

/** The board's image, or null when the page holds nothing to export. */
export async function exportBoard(editor: ExportingEditor, format: BoardImageFormat): Promise<Blob | null> {
  const shapes = exportableShapes(editor.getCurrentPageShapes());
  if (shapes.length === 0) return null;
  if (format === 'svg') {
    const svg = await editor.getSvgString(shapes, { background: true, padding: 32 });
    return svg ? new Blob([svg.svg], { type: 'image/svg+xml' }) : null;
  }
  const { blob } = await editor.toImage(shapes, { format: 'png', background: true, padding: 32, scale: 1 });
  return blob;
}

/** Hands a blob to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
