// Adding groups to a program: create one inside it (its facilitator link is shown once, to hand
// on), or ask an existing group by its address; the program lists open requests until answered.
import { limits, type ProgramResponse } from '@vermeboard/shared';
import { useState, type FormEvent } from 'react';
import { CopyField } from '../app/CopyField.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { cleanName, isValidName } from '../app/nameInput.js';
import { TextField } from '../app/TextField.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { groupIdFromInput, type CoordinatorApi } from './programApi.js';

interface Props {
  program: ProgramResponse;
  api: CoordinatorApi;
  onChanged(): void;
}

export function AddGroupForms({ program, api, onChanged }: Props) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <>
      <CreateGroupCard api={api} onChanged={onChanged} />
      <AskGroupCard api={api} onChanged={onChanged} />
      {program.pending.length > 0 && (
        <section className="card card-tight" aria-labelledby="program-pending-title">
          <h2 id="program-pending-title">{t('program.pending.title')}</h2>
          <ul>
            {program.pending.map((p) => (
              <li key={p.groupId}>
                {t('program.pending.item', { id: p.groupId, date: date.format(new Date(p.requestedAt)) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function CreateGroupCard({ api, onChanged }: Omit<Props, 'program'>) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [created, setCreated] = useState<{ name: string; link: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!isValidName(name, limits.groupName)) return setFieldError(t('app.field.groupName', { max: limits.groupName }));
    setFieldError(null);
    setBusy(true);
    try {
      const groupName = cleanName(name);
      const answer = await api.createGroup(groupName, locale);
      setCreated({ name: groupName, link: window.location.origin + answer.facilitatorLink });
      setName('');
      onChanged();
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="program-add-title">
      <h2 id="program-add-title">{t('program.addGroup.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('program.addGroup.name')}
          error={fieldError}
          value={name}
          onChange={setName}
          maxLength={limits.groupName}
        />
        {error && <ErrorNotice message={error} />}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('program.addGroup.submit')}
        </button>
      </form>
      {created && (
        <div className="program-created" role="status">
          <p>{t('program.addGroup.created', { name: created.name })}</p>
          <CopyField
            label={t('program.addGroup.link', { name: created.name })}
            hint={t('program.addGroup.linkHint')}
            value={created.link}
            copyLabel={t('program.addGroup.copy')}
          />
        </div>
      )}
    </section>
  );
}

function AskGroupCard({ api, onChanged }: Omit<Props, 'program'>) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [outcome, setOutcome] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setOutcome(null);
    const groupId = groupIdFromInput(value);
    if (!groupId) return setFieldError(t('program.ask.invalid'));
    setFieldError(null);
    setBusy(true);
    try {
      const answer = await api.askGroup(groupId);
      setOutcome(answer.status === 'member' ? 'program.ask.already' : 'program.ask.sent');
      setValue('');
      onChanged();
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="program-ask-title">
      <h2 id="program-ask-title">{t('program.ask.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('program.ask.field')}
          hint={t('program.ask.hint')}
          error={fieldError}
          value={value}
          onChange={setValue}
          maxLength={300}
        />
        {error && <ErrorNotice message={error} />}
        {outcome && <p role="status">{t(outcome)}</p>}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('program.ask.submit')}
        </button>
      </form>
    </section>
  );
}
