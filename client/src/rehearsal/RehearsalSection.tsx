// The group home's rehearsal card, for the facilitator: pick an agenda (the Meeting frame or one
// method), how many simulated participants and how fast, and rehearse. The rehearsal is a meeting of
// its own throwaway group; this browser keeps that group's facilitator token while it lasts.
import {
  agendaPresets,
  builtInMethods,
  rehearsalLimits,
  rehearsalSpeeds,
  type GroupId,
  type RehearsalAgenda,
  type RehearsalSpeed,
} from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { HttpError } from '../api/errors.js';
import { identities } from '../api/identity.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { navigate } from '../app/navigation.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { rehearsalApi } from './api.js';
import './rehearsal.css';

const botCounts = Array.from(
  { length: rehearsalLimits.maxBots - rehearsalLimits.minBots + 1 },
  (_, i) => rehearsalLimits.minBots + i,
);

function agendaOf(choice: string): RehearsalAgenda {
  const [kind, id] = choice.split(':') as ['preset' | 'method', string];
  return kind === 'preset' ? { kind: 'preset', presetId: id } : { kind: 'methods', methodIds: [id] };
}

export function RehearsalSection({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [agenda, setAgenda] = useState('preset:meeting-frame');
  const [bots, setBots] = useState(5);
  const [speed, setSpeed] = useState<RehearsalSpeed>(10);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (starting) return;
    setStarting(true);
    setError(null);
    try {
      const r = await rehearsalApi.start(groupId, token, { agenda: agendaOf(agenda), bots, speed });
      identities.save(r.groupId, {
        participantId: r.participantId,
        participantToken: r.participantToken,
        role: 'facilitator',
        displayName: r.displayName,
      });
      navigate({ name: 'meeting', groupId: r.groupId, meetingId: r.meetingId });
    } catch (err) {
      setStarting(false);
      setError(err instanceof HttpError && err.status === 409 ? 'rehearsal.busy' : errorMessageKey(err, 'group'));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rehearsal.title')}</h2>
      <p className="muted">{t('rehearsal.explain')}</p>
      <form className="rehearsal-form" onSubmit={(e) => void start(e)}>
        <div className="field">
          <label htmlFor={`${id}-agenda`}>{t('rehearsal.agenda')}</label>
          <select id={`${id}-agenda`} value={agenda} onChange={(e) => setAgenda(e.target.value)}>
            {Object.values(agendaPresets).map((p) => (
              <option key={p.id} value={`preset:${p.id}`}>
                {p.name[locale]}
              </option>
            ))}
            {Object.values(builtInMethods).map((m) => (
              <option key={m.id} value={`method:${m.id}`}>
                {m.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-bots`}>{t('rehearsal.bots')}</label>
          <select id={`${id}-bots`} value={bots} onChange={(e) => setBots(Number(e.target.value))}>
            {botCounts.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-speed`}>{t('rehearsal.speed')}</label>
          <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value) as RehearsalSpeed)}>
            {rehearsalSpeeds.map((s) => (
              <option key={s} value={s}>
                {s === 1 ? t('rehearsal.realTime') : t('rehearsal.speedOption', { speed: s })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" aria-disabled={starting}>
          {starting ? t('rehearsal.starting') : t('rehearsal.start')}
        </button>
      </form>
      {error && <ErrorNotice message={error} />}
    </section>
  );
}
