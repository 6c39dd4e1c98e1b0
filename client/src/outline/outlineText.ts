// The outline's items as the sentences a screen reader reads: one line per frame and per note,
// counts in the right plural form (Intl.PluralRules), dates in the reader's language.
import type { Locale, MessageKey } from '../i18n/messages.js';
import type { OutlineFrame, OutlineNote, OtherKind } from './outlineModel.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** `base.one` or `base.other`, chosen by the language's plural rules for `n`. */
export function countText(t: Translate, locale: Locale, base: string, n: number): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as MessageKey, { n });
}

export function frameText(t: Translate, locale: Locale, frame: OutlineFrame): string {
  const name = frame.id === null ? t('outline.page') : frame.name || t('outline.unnamedFrame');
  const parts = [name];
  if (frame.current) parts.push(t('outline.currentStep'));
  parts.push(
    frame.notes.length === 0 ? t('outline.noNotes') : countText(t, locale, 'outline.notes', frame.notes.length),
  );
  for (const other of frame.others) parts.push(otherText(t, locale, other));
  return parts.join(', ');
}

function otherText(t: Translate, locale: Locale, other: { kind: OtherKind; count: number; labels: string[] }): string {
  const summary = countText(t, locale, `outline.kind.${other.kind}`, other.count);
  return other.labels.length === 0 ? summary : t('outline.withLabels', { summary, labels: other.labels.join('; ') });
}

export function noteText(t: Translate, locale: Locale, note: OutlineNote, myDots: number | null): string {
  const parts = [note.text || t('outline.emptyNote')];
  if (note.prompt) parts.push(t('outline.prompt'));
  if (note.author) parts.push(t('outline.by', { name: note.author }));
  if (note.private) parts.push(t('outline.private'));
  if (note.votes !== null) parts.push(countText(t, locale, 'outline.votes', note.votes));
  if (myDots !== null && myDots > 0) parts.push(countText(t, locale, 'outline.myDots', myDots));
  if (note.starred) parts.push(t('outline.starred'));
  if (note.action) {
    parts.push(note.action.owner ? t('outline.actionOwner', { owner: note.action.owner }) : t('outline.action'));
    if (note.action.dueDate) {
      const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).format(
        new Date(`${note.action.dueDate}T12:00:00`),
      );
      parts.push(t('outline.due', { date }));
    }
  }
  return parts.join(', ');
}
