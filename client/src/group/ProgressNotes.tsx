// A goal's progress notes, newest first, collapsed under the goal so the goals stay readable.
import type { GoalId } from '@vermeboard/shared';
import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDate } from './dates.js';
import { meetingOf, type HomeContext } from './homeContext.js';
import { SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';

export function ProgressNotes({ ctx, goalId }: { ctx: HomeContext; goalId: GoalId }) {
  const { t, locale } = useI18n();
  const { api } = ctx;
  const { state, reload } = useLoaded(useCallback(() => api.progressNotes(goalId), [api, goalId]));
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <SectionError error={state.error} onRetry={reload} />;
  const notes = [...state.data].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <details className="progress-notes">
      <summary>{t('group.goals.progress', { count: notes.length })}</summary>
      {notes.length === 0 ? (
        <p className="muted">{t('group.goals.progressEmpty')}</p>
      ) : (
        <ul>
          {notes.map((note) => {
            const meeting = meetingOf(ctx, note.meetingId);
            const date = formatDate(meeting?.createdAt ?? note.createdAt, locale);
            return (
              <li key={note.id}>
                <p className="progress-text">{note.text}</p>
                <p className="muted small">{t('group.goals.progressMeta', { author: note.authorName, date })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
