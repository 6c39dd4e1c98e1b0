// The Markdown export as a file the browser can download: rendered here from the summary JSON with
// the same function the server's `summary.md` route uses, in the reader's language and time zone.
// A blob URL rather than a link to the route, because the API needs a bearer token a plain link
// cannot send.
import { summaryFileName, summaryToMarkdown, type Locale, type MeetingSummary } from '@vermeboard/shared';
import { useEffect, useMemo } from 'react';

export interface MarkdownFile {
  fileName: string;
  blob: Blob;
}

export function markdownFile(summary: MeetingSummary, locale: Locale, timeZone?: string): MarkdownFile {
  const text = summaryToMarkdown(summary, { locale, ...(timeZone !== undefined && { timeZone }) });
  return { fileName: summaryFileName(summary, 'md'), blob: new Blob([text], { type: 'text/markdown;charset=utf-8' }) };
}

export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** An object URL for the summary's Markdown, revoked when the summary, the language or the component goes. */
export function useMarkdownHref(summary: MeetingSummary, locale: Locale): { href: string; fileName: string } {
  const file = useMemo(() => markdownFile(summary, locale, browserTimeZone()), [summary, locale]);
  const href = useMemo(() => URL.createObjectURL(file.blob), [file]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return { href, fileName: file.fileName };
}
