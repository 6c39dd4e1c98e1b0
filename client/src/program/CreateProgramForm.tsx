// "Create a program" on the home page: a name and the coordinator's name; the answer's coordinator
// token is kept in this browser (coordinators.ts) and the program page opens.
import { limits } from '@vermeboard/shared';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { cleanName, isValidName } from '../app/nameInput.js';
import { navigate } from '../app/navigation.js';
import { TextField } from '../app/TextField.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { coordinators } from './coordinators.js';
import { createProgram } from './programApi.js';

export function CreateProgramForm() {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [coordinatorName, setCoordinatorName] = useState('');
  const [fieldError, setFieldError] = useState<{ field: 'name' | 'coordinatorName'; key: MessageKey } | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), coordinatorName: useRef<HTMLInputElement>(null) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const invalid = !isValidName(name, limits.groupName)
      ? ({ field: 'name', key: 'app.field.groupName' } as const)
      : !isValidName(coordinatorName, limits.displayName)
        ? ({ field: 'coordinatorName', key: 'app.field.displayName' } as const)
        : null;
    setFieldError(invalid);
    if (invalid) return refs[invalid.field].current?.focus();
    setBusy(true);
    try {
      const displayName = cleanName(coordinatorName);
      const created = await createProgram({ name: cleanName(name), coordinatorName: displayName, locale });
      coordinators.save(created.programId, {
        token: created.coordinatorToken,
        plazaGroupId: created.plazaGroupId,
        coordinatorId: created.coordinatorId,
        displayName,
      });
      navigate({ name: 'program', programId: created.programId });
    } catch (err) {
      setBusy(false);
      setFormError(errorMessageKey(err, 'other'));
    }
  };

  const max = (field: 'name' | 'coordinatorName') => (field === 'name' ? limits.groupName : limits.displayName);
  const errorFor = (field: 'name' | 'coordinatorName') =>
    fieldError?.field === field ? t(fieldError.key, { max: max(field) }) : null;

  return (
    <section className="card" aria-labelledby="create-program-title">
      <h2 id="create-program-title">{t('program.create.title')}</h2>
      <p>{t('program.create.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          ref={refs.name}
          label={t('program.create.name')}
          error={errorFor('name')}
          value={name}
          onChange={setName}
          maxLength={limits.groupName}
        />
        <TextField
          ref={refs.coordinatorName}
          label={t('program.create.yourName')}
          error={errorFor('coordinatorName')}
          value={coordinatorName}
          onChange={setCoordinatorName}
          maxLength={limits.displayName}
          autoComplete="name"
        />
        {formError && <ErrorNotice message={formError} />}
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t('program.create.submitting') : t('program.create.submit')}
        </button>
      </form>
    </section>
  );
}
