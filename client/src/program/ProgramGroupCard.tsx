// One group on the program page: its figures, and the meetings table that shows the facilitation
// rotation at a glance. A shared summary can be read in place; others say "not shared".
import type { MeetingSummary, ProgramGroup, ProgramMeeting } from '@vermeboard/shared';
import { useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { SummaryView } from '../summary/SummaryView.js';
import { phaseLabel } from './phaseLabel.js';
import type { CoordinatorApi } from './programApi.js';

export function ProgramGroupCard({ group, api }: { group: ProgramGroup; api: CoordinatorApi }) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const held = group.meetings.filter((m) => m.endedAt !== null).length;
  const running = group.meetings.some((m) => m.endedAt === null);
  const captionId = `program-group-${group.groupId}`;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <article className="card program-group" aria-labelledby={captionId}>
      <h3 id={captionId}>{group.name}</h3>
      <ul className="program-facts">
        <li>{t('program.groups.members', { count: group.members })}</li>
        <li>{t('program.groups.held', { count: held })}</li>
        <li>
          {running
            ? t('program.groups.running')
            : group.planned
              ? t('program.groups.planned', { date: date.format(new Date(`${group.planned.date}T12:00:00`)) })
              : t('program.groups.notPlanned')}
        </li>
        <li>{t('program.groups.openItems', { count: group.openActionItems })}</li>
      </ul>
      {group.meetings.length > 0 && (
        <div className="program-table-wrap">
          <table className="program-meetings">
            <caption className="visually-hidden">{t('program.groups.meetingsCaption', { group: group.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('program.groups.date')}</th>
                <th scope="col">{t('program.groups.attended')}</th>
                <th scope="col">{t('program.groups.facilitator')}</th>
                <th scope="col">{t('program.groups.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {group.meetings.map((m) => (
                <MeetingRow key={m.id} meeting={m} members={group.members} api={api} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="program-assessment-line">
        <strong>{t('program.groups.assessment')}: </strong>
        {group.assessment.length === 0
          ? t('program.groups.noAssessment')
          : group.assessment
              .map((p) =>
                t('program.assessment.groupRow', {
                  phase: phaseLabel(t, p.phase),
                  average: p.average === null ? t('program.assessment.noAverage') : number.format(p.average),
                  answered: p.answered,
                }),
              )
              .join(' · ')}
      </p>
    </article>
  );
}

function MeetingRow({ meeting, members, api }: { meeting: ProgramMeeting; members: number; api: CoordinatorApi }) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(meeting.startedAt));
  const [summary, setSummary] = useState<MeetingSummary | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const toggle = async () => {
    if (summary) return setSummary(null);
    setError(null);
    try {
      setSummary((await api.sharedSummary(meeting.id)).summary);
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    }
  };
  return (
    <>
      <tr>
        <td>{when}</td>
        <td>
          {meeting.endedAt === null
            ? t('program.groups.running.short')
            : meeting.attended === null
              ? t('program.groups.unknown')
              : t('program.groups.attendedOf', { count: meeting.attended, of: members })}
        </td>
        <td>{meeting.facilitator ?? t('program.groups.unknown')}</td>
        <td>
          {meeting.summaryShared ? (
            <button type="button" className="button button-quiet" aria-expanded={summary !== null} onClick={toggle}>
              {summary ? t('program.groups.hideSummary') : t('program.groups.readSummary', { date: when })}
            </button>
          ) : (
            <span className="muted">{t('program.groups.notShared')}</span>
          )}
        </td>
      </tr>
      {(summary || error) && (
        <tr>
          <td colSpan={4}>
            {error && <ErrorNotice message={error} />}
            {summary && <SummaryView summary={summary} level={3} compact />}
          </td>
        </tr>
      )}
    </>
  );
}
