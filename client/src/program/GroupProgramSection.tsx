// The group's side of programs, on the group home: the program it belongs to and what the
// coordinator sees; a program's request to attach the group, which the facilitator accepts or
// declines; a running encounter to join with one's own identity; and, for the facilitator, sharing
// an ended meeting's summary with the program (with a confirmation that says who will read it).
import type { GroupId, GroupProgramResponse, MeetingHistoryEntry, MeetingId, Role } from '@vermeboard/shared';
import { useCallback, useMemo, useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { Link } from '../app/Link.js';
import { ConfirmDialog } from '../group/ConfirmDialog.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { groupProgramApi, type GroupProgramApi } from './programApi.js';

interface Props {
  groupId: GroupId;
  token: string;
  role: Role;
  meetings: readonly MeetingHistoryEntry[];
}

export function GroupProgramSection({ groupId, token, role, meetings }: Props) {
  const { t } = useI18n();
  const api = useMemo(() => groupProgramApi(groupId, token), [groupId, token]);
  const loaded = useLoaded(useCallback(() => api.program(), [api]));
  const [error, setError] = useState<MessageKey | null>(null);
  if (loaded.state.status !== 'ready') return null;
  const data = loaded.state.data;
  if (!data.program && data.requests.length === 0) return null;

  const answer = async (programId: GroupProgramResponse['requests'][number]['programId'], accept: boolean) => {
    setError(null);
    try {
      await api.answer(programId, accept);
      loaded.reload();
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    }
  };

  return (
    <section className="card program-card" aria-labelledby="group-program-title">
      <h2 id="group-program-title">{t('program.group.title')}</h2>
      {data.requests.map((r) => (
        <div key={r.programId} className="notice program-request">
          <p>{t('program.group.request', { name: r.name, coordinator: r.coordinatorName })}</p>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-primary"
              aria-label={t('program.group.accept', { name: r.name })}
              onClick={() => answer(r.programId, true)}
            >
              {t('program.group.acceptButton')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('program.group.decline', { name: r.name })}
              onClick={() => answer(r.programId, false)}
            >
              {t('program.group.declineButton')}
            </button>
          </div>
        </div>
      ))}
      {error && <ErrorNotice message={error} />}
      {data.program && (
        <>
          <p>{t('program.group.in', { name: data.program.name, coordinator: data.program.coordinatorName })}</p>
          <p className="muted">{t('program.group.sees')}</p>
          {data.encounters.map((e) => (
            <div key={e.meetingId} className="notice program-encounter">
              <p>{t('program.group.encounter')}</p>
              <Link className="button button-primary" to={{ name: 'meeting', groupId, meetingId: e.meetingId }}>
                {t('program.group.joinEncounter')}
              </Link>
            </div>
          ))}
          {role === 'facilitator' && (
            <SharedSummaries
              api={api}
              program={data.program}
              shared={data.sharedMeetingIds}
              meetings={meetings}
              onChanged={loaded.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

function SharedSummaries({
  api,
  program,
  shared,
  meetings,
  onChanged,
}: {
  api: GroupProgramApi;
  program: NonNullable<GroupProgramResponse['program']>;
  shared: readonly MeetingId[];
  meetings: readonly MeetingHistoryEntry[];
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const ended = meetings.filter((m) => m.endedAt !== null);
  const [confirming, setConfirming] = useState<MeetingHistoryEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const change = async (meetingId: MeetingId, share: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.share(meetingId, share);
      setConfirming(null);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{t('program.group.share.title')}</h3>
      {ended.length === 0 && <p className="muted">{t('program.group.share.none')}</p>}
      <ul className="program-shares">
        {ended.map((m) => {
          const when = date.format(new Date(m.createdAt));
          const isShared = shared.includes(m.id);
          return (
            <li key={m.id}>
              <span>
                {t('program.group.share.meeting', { date: when })}
                {isShared && <strong> · {t('program.group.share.shared')}</strong>}
              </span>
              {isShared ? (
                <button type="button" className="button button-quiet" onClick={() => change(m.id, false)}>
                  {t('program.group.share.unshare', { date: when })}
                </button>
              ) : (
                <button type="button" className="button button-quiet" onClick={() => setConfirming(m)}>
                  {t('program.group.share.share', { date: when })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!confirming && error !== null && <ErrorNotice message={errorMessageKey(error, 'other')} />}
      <ConfirmDialog
        open={confirming !== null}
        title={t('program.group.share.confirmTitle')}
        confirmLabel={t('program.group.share.confirm')}
        busy={busy}
        error={confirming ? error : null}
        onConfirm={() => confirming && change(confirming.id, true)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {confirming &&
            t('program.group.share.confirmBody', {
              program: program.name,
              coordinator: program.coordinatorName,
              date: date.format(new Date(confirming.createdAt)),
            })}
        </p>
      </ConfirmDialog>
    </>
  );
}
