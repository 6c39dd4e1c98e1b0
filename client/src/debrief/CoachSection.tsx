// The group home's coach card, for the facilitator: invite a trainer as coach (their link is shown
// once), remove one, and decide whether the coach may join meetings as a silent observer.
import type { CoachesResponse, GroupId, InviteCoachResponse } from '@vermeboard/shared';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { CopyField } from '../app/CopyField.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { debriefApi } from './api.js';
import './debrief.css';

export function CoachSection({ groupId, token }: { groupId: GroupId; token: string }) {
  const { t } = useI18n();
  const id = useId();
  const [data, setData] = useState<CoachesResponse | null>(null);
  const [name, setName] = useState('');
  const [invited, setInvited] = useState<InviteCoachResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    debriefApi.coaches(groupId, token).then(setData, () => setFailed(true));
  }, [groupId, token]);
  useEffect(load, [load]);

  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setFailed(false);
        load();
      },
      () => setFailed(true),
    );

  const invite = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    debriefApi.inviteCoach(groupId, token, name).then(
      (res) => {
        setInvited(res);
        setName('');
        setFailed(false);
        load();
      },
      () => setFailed(true),
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('debrief.coaches.title')}</h2>
      <p className="muted">{t('debrief.coaches.explain')}</p>
      {data && data.coaches.length === 0 && <p>{t('debrief.coaches.none')}</p>}
      {data && data.coaches.length > 0 && (
        <ul className="debrief-coach-list">
          {data.coaches.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => act(debriefApi.removeCoach(groupId, token, c.id))}
              >
                {t('debrief.coaches.remove', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {invited && (
        <CopyField
          label={t('debrief.coaches.link', { name: invited.coach.name })}
          hint={t('debrief.coaches.explain')}
          value={`${window.location.origin}${invited.link}`}
          copyLabel={t('debrief.coaches.link', { name: invited.coach.name })}
        />
      )}
      <form className="debrief-note-form" onSubmit={invite}>
        <label htmlFor={`${id}-name`}>{t('debrief.coaches.name')}</label>
        <input id={`${id}-name`} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-primary">
          {t('debrief.coaches.invite')}
        </button>
      </form>
      {data && (
        <div className="check-field">
          <input
            id={`${id}-shadow`}
            type="checkbox"
            checked={data.coachMayShadow}
            onChange={(e) => act(debriefApi.setShadowing(groupId, token, e.target.checked))}
          />
          <label htmlFor={`${id}-shadow`}>{t('debrief.coaches.shadow')}</label>
        </div>
      )}
      {failed && <p role="alert">{t('debrief.coaches.failed')}</p>}
    </section>
  );
}
