// Loads one meeting's summary and shows it with its exports; used where a summary is expanded.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useCallback } from 'react';
import type { ProcessApi } from '../api/process.js';
import { HttpError } from '../api/errors.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SummaryActions } from './SummaryActions.js';
import { SummaryView } from './SummaryView.js';

interface Props {
  api: Pick<ProcessApi, 'summary'>;
  groupId: GroupId;
  meetingId: MeetingId;
  /** The welcome page: no exports and no step times, the summary's content alone. */
  brief?: boolean;
}

export function MeetingSummaryPanel({ api, groupId, meetingId, brief = false }: Props) {
  const { t } = useI18n();
  const { state } = useLoaded(useCallback(() => api.summary(meetingId), [api, meetingId]));
  if (state.status === 'loading') return <p role="status">{t('summary.loading')}</p>;
  if (state.status === 'error') {
    const missing = state.error instanceof HttpError && state.error.status === 404;
    return <p className="muted">{t(missing ? 'summary.none' : 'summary.loadFailed')}</p>;
  }
  return (
    <>
      {!brief && <SummaryActions summary={state.data} groupId={groupId} />}
      <SummaryView summary={state.data} compact={brief} />
    </>
  );
}
