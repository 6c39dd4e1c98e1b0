// The group's meetings, newest first: when each started and ended, who facilitated it, and for an
// ended meeting its summary, loaded when someone expands it, and (for its facilitator) its debrief.
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useState } from 'react';
import { Link } from '../app/Link.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { MeetingSummaryPanel } from '../summary/MeetingSummaryPanel.js';
import { formatDateTime } from './dates.js';
import type { HomeContext } from './homeContext.js';

export function MeetingHistory({ ctx, groupId }: { ctx: HomeContext; groupId: GroupId }) {
  const { t, locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
  const newestFirst = [...ctx.meetings].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  if (newestFirst.length === 0) return <p>{t('app.group.meetings.empty')}</p>;
  const nameOf = (id: string | null) => ctx.members.find((m) => m.id === id)?.displayName;

  return (
    <ol className="meeting-list">
      {newestFirst.map((meeting, index) => {
        const current = index === 0 && meeting.endedAt === null;
        const facilitator = nameOf(meeting.facilitatedBy);
        const details = [
          meeting.endedAt
            ? t('group.meetings.ended', { time: formatDateTime(meeting.endedAt, locale) })
            : !current && t('group.meetings.notEnded'),
          facilitator && t('group.meetings.facilitatedBy', { name: facilitator }),
          meeting.boardDeletedAt && t('group.meetings.boardDeleted'),
        ].filter(Boolean);
        const content = (
          <>
            <span>
              <span className="meeting-date">{format.format(new Date(meeting.createdAt))}</span>
              {details.length > 0 && <span className="meeting-details">{details.join(' · ')}</span>}
            </span>
            {current && <span className="badge">{t('app.group.meetings.current')}</span>}
          </>
        );
        return (
          <li key={meeting.id} className={current ? 'meeting current' : 'meeting'}>
            {meeting.boardDeletedAt ? (
              // The board is gone (retention), so there is nothing to open.
              <div className="meeting-static">{content}</div>
            ) : (
              <Link
                to={{ name: 'meeting', groupId, meetingId: meeting.id }}
                aria-current={current ? 'true' : undefined}
              >
                {content}
              </Link>
            )}
            {meeting.endedAt && !meeting.boardDeletedAt && meeting.facilitatedBy === ctx.me && (
              <Link className="meeting-debrief-link" to={{ name: 'debrief', groupId, meetingId: meeting.id }}>
                {t('debrief.openFor', { date: format.format(new Date(meeting.createdAt)) })}
              </Link>
            )}
            {meeting.endedAt && (
              <SummaryDetails
                ctx={ctx}
                groupId={groupId}
                meetingId={meeting.id}
                label={t('summary.show', { date: format.format(new Date(meeting.createdAt)) })}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

interface SummaryDetailsProps {
  ctx: HomeContext;
  groupId: GroupId;
  meetingId: MeetingId;
  label: string;
}

/** A disclosure that loads the summary the first time it opens. */
function SummaryDetails({ ctx, groupId, meetingId, label }: SummaryDetailsProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="meeting-summary-details"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{label}</summary>
      {opened && <MeetingSummaryPanel api={ctx.api} groupId={groupId} meetingId={meetingId} />}
    </details>
  );
}
