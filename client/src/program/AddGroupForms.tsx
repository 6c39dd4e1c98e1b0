// Adding groups to a program: create one inside it (its facilitator link is shown once, to hand
// on), or ask an existing group by its address; the program lists open requests until answered.
import { limits, type ProgramResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
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
      <SingleFieldCard
        title={t('program.addGroup.title')}
        label={t('program.addGroup.name')}
        submitLabel={t('program.addGroup.submit')}
        maxLength={limits.groupName}
        invalid={(v) => (isValidName(v, limits.groupName) ? null : t('app.field.groupName', { max: limits.groupName }))}
        run={async (value) => {
          const name = cleanName(value);
          const answer = await api.createGroup(name, locale);
          onChanged();
          return (
            <div className="program-created" role="status">
              <p>{t('program.addGroup.created', { name })}</p>
              <CopyField
                label={t('program.addGroup.link', { name })}
                hint={t('program.addGroup.linkHint')}
                value={window.location.origin + answer.facilitatorLink}
                copyLabel={t('program.addGroup.copy')}
              />
            </div>
          );
        }}
      />
      <SingleFieldCard
        title={t('program.ask.title')}
        label={t('program.ask.field')}
        hint={t('program.ask.hint')}
        submitLabel={t('program.ask.submit')}
        maxLength={300}
        invalid={(v) => (groupIdFromInput(v) ? null : t('program.ask.invalid'))}
        run={async (value) => {
          const answer = await api.askGroup(groupIdFromInput(value)!);
          onChanged();
          return <p role="status">{t(answer.status === 'member' ? 'program.ask.already' : 'program.ask.sent')}</p>;
        }}
      />
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

interface CardProps {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  maxLength: number;
  /** The field's error, or null when the value may be sent. */
  invalid(value: string): string | null;
  /** Sends the value; what it returns is shown under the form until the next send. */
  run(value: string): Promise<ReactNode>;
}

/** A card with one field and a button: validate, send, then show the answer or a clear error. */
function SingleFieldCard({ title, label, hint, submitLabel, maxLength, invalid, run }: CardProps) {
  const titleId = useId();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [outcome, setOutcome] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setOutcome(null);
    const refused = invalid(value);
    setFieldError(refused);
    if (refused) return;
    setBusy(true);
    try {
      setOutcome(await run(value));
      setValue('');
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={label}
          {...(hint ? { hint } : {})}
          error={fieldError}
          value={value}
          onChange={setValue}
          maxLength={maxLength}
        />
        {error && <ErrorNotice message={error} />}
        <button type="submit" className="button" aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
      {outcome}
    </section>
  );
}
