// The print-friendly summary at /g/<groupId>/m/<meetingId>/summary: the summary alone on a plain
// page, with a button that opens the browser's print dialog (where "Save as PDF" makes the PDF).
// The print style sheet hides the app's header and the buttons.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useCallback, useMemo } from 'react';
import { processApi } from '../api/process.js';
import { HttpError } from '../api/errors.js';
import { Link } from '../app/Link.js';
import { NoIdentityNotice } from '../app/NoIdentityNotice.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useStoredIdentity } from '../app/useStoredIdentity.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SummaryView } from './SummaryView.js';

interface Props {
  groupId: GroupId;
  meetingId: MeetingId;
}

export function SummaryPrintPage({ groupId, meetingId }: Props) {
  const identity = useStoredIdentity(groupId);
  if (!identity) return <NoIdentityNotice />;
  return <PrintableSummary groupId={groupId} meetingId={meetingId} token={identity.participantToken} />;
}

function PrintableSummary({ groupId, meetingId, token }: Props & { token: string }) {
  const { t, locale } = useI18n();
  const api = useMemo(() => processApi(groupId, token), [groupId, token]);
  const { state } = useLoaded(useCallback(() => api.summary(meetingId), [api, meetingId]));
  const summary = state.status === 'ready' ? state.data : null;
  const date = summary
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(summary.startedAt))
    : null;
  const dash = t('summary.dash');
  useDocumentTitle(summary ? `${t('summary.title')}${dash}${summary.groupName}${dash}${date}` : t('summary.title'));

  return (
    <article className="summary-print" aria-labelledby="summary-print-title">
      <p className="no-print">
        <Link to={{ name: 'group', groupId }}>{t('summary.backToGroup')}</Link>
      </p>
      <h1 id="summary-print-title">
        {t('summary.title')}
        {summary && (
          <>
            {dash}
            {summary.groupName}
          </>
        )}
      </h1>
      {state.status === 'loading' && <p role="status">{t('summary.loading')}</p>}
      {state.status === 'error' && (
        <p className="muted">
          {t(state.error instanceof HttpError && state.error.status === 404 ? 'summary.none' : 'summary.loadFailed')}
        </p>
      )}
      {summary && (
        <>
          <p className="no-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t('summary.print')}
            </button>
          </p>
          <SummaryView summary={summary} level={2} />
        </>
      )}
    </article>
  );
}
