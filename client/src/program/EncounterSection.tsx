// Encounters on the program page: start one for chosen groups (the coordinator facilitates it, so it
// opens as a meeting of the plaza group), and open a running one.
import type { GroupId, ProgramResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { Link } from '../app/Link.js';
import { navigate } from '../app/navigation.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import type { CoordinatorApi } from './programApi.js';

interface Props {
  program: ProgramResponse;
  api: CoordinatorApi;
  onStarted(): void;
}

export function EncounterSection({ program, api, onStarted }: Props) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<GroupId>>(new Set());
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const legendId = useId();
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const nameOf = (id: GroupId) => program.groups.find((g) => g.groupId === id)?.name ?? id;
  const running = program.encounters.find((e) => e.endedAt === null);

  const toggle = (id: GroupId) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (chosen.size === 0) return setError('program.encounter.none');
    setError(null);
    setBusy(true);
    try {
      const { meetingId, plazaGroupId } = await api.startEncounter([...chosen]);
      onStarted();
      navigate({ name: 'meeting', groupId: plazaGroupId, meetingId });
    } catch (err) {
      setBusy(false);
      setError(errorMessageKey(err, 'other'));
    }
  };

  return (
    <section className="card" aria-labelledby="program-encounters-title">
      <h2 id="program-encounters-title">{t('program.encounter.title')}</h2>
      <p className="muted">{t('program.encounter.intro')}</p>
      {program.encounters.length > 0 && (
        <ul className="program-encounters">
          {[...program.encounters].reverse().map((e) => (
            <li key={e.meetingId}>
              <span>
                {e.endedAt === null
                  ? t('program.encounter.running', { date: dateTime.format(new Date(e.startedAt)) })
                  : t('program.encounter.ended', { date: dateTime.format(new Date(e.startedAt)) })}
              </span>
              <span className="muted">
                {' '}
                {t('program.encounter.groups', { names: e.groupIds.map(nameOf).join(', ') })}
              </span>
              {e.endedAt === null && (
                <Link
                  className="button button-primary"
                  to={{ name: 'meeting', groupId: program.plazaGroupId, meetingId: e.meetingId }}
                >
                  {t('program.encounter.open')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {!running && program.groups.length > 0 && (
        <form onSubmit={start} noValidate>
          <fieldset className="program-choose" aria-labelledby={legendId}>
            <legend id={legendId}>{t('program.encounter.choose')}</legend>
            {program.groups.map((g) => (
              <label key={g.groupId} className="checkbox">
                <input type="checkbox" checked={chosen.has(g.groupId)} onChange={() => toggle(g.groupId)} />
                {g.name}
              </label>
            ))}
          </fieldset>
          {error && <ErrorNotice message={error} />}
          <button type="submit" className="button button-primary" aria-disabled={busy}>
            {busy ? t('program.encounter.starting') : t('program.encounter.start')}
          </button>
        </form>
      )}
    </section>
  );
}
