import { limits } from '@vermeboard/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { createGroup } from '../api/client.js';
import { HttpError } from '../api/errors.js';
import { identities } from '../api/identity.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { localeNames, locales, type Locale, type MessageKey } from '../i18n/messages.js';
import { ErrorNotice } from './ErrorNotice.js';
import { errorMessageKey, fieldMessageKey } from './errorMessage.js';
import { cleanName, isValidName } from './nameInput.js';
import { navigate } from './navigation.js';
import { CreateProgramForm } from '../program/CreateProgramForm.js';
import { Link } from './Link.js';
import { TextField } from './TextField.js';

export function HomePage() {
  const { t } = useI18n();
  return (
    <div className="page page-home">
      <section className="intro">
        <h1>{t('app.home.title')}</h1>
        <p>{t('app.home.intro')}</p>
        <p>{t('app.home.noAccounts')}</p>
      </section>
      <div className="home-forms">
        <CreateGroupForm />
        <CreateProgramForm />
        <StudioCard />
      </div>
    </div>
  );
}

/** The method studio, for trainers: it makes its own studio link when opened the first time. */
function StudioCard() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="studio-card-title">
      <h2 id="studio-card-title">{t('studio.home.title')}</h2>
      <p>{t('studio.home.intro')}</p>
      <Link className="button" to={{ name: 'studio' }}>
        {t('studio.home.open')}
      </Link>
    </section>
  );
}

type Field = 'name' | 'facilitatorName';

function CreateGroupForm() {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  // The group's language (its default ground rules and competence areas) follows the creator's UI
  // language until they pick another; a later switch of the UI language carries it along.
  const [groupLocale, setGroupLocale] = useState<Locale | null>(null);
  const language = groupLocale ?? locale;
  const languageId = useId();
  const [facilitatorName, setFacilitatorName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), facilitatorName: useRef<HTMLInputElement>(null) };

  const showFieldError = (field: Field, message: MessageKey) => {
    setFieldErrors({ [field]: message });
    refs[field].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    if (!isValidName(name, limits.groupName)) return showFieldError('name', 'app.field.groupName');
    if (!isValidName(facilitatorName, limits.displayName)) {
      return showFieldError('facilitatorName', 'app.field.displayName');
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const displayName = cleanName(facilitatorName);
      const created = await createGroup({ name: cleanName(name), facilitatorName: displayName, locale: language });
      identities.save(created.groupId, {
        participantId: created.participantId,
        participantToken: created.participantToken,
        role: 'facilitator',
        displayName,
      });
      // The creator knows all three links; opening any of them later should not ask their name again.
      for (const role of ['facilitator', 'member', 'observer'] as const) {
        identities.rememberLink(created.tokens[role], { groupId: created.groupId, role });
      }
      navigate({ name: 'group', groupId: created.groupId });
    } catch (err) {
      setBusy(false);
      const field = err instanceof HttpError && err.status === 400 ? err.field : undefined;
      const fieldMessage = fieldMessageKey(field);
      if ((field === 'name' || field === 'facilitatorName') && fieldMessage) showFieldError(field, fieldMessage);
      else setFormError(errorMessageKey(err, 'other'));
    }
  };

  return (
    <section className="card" aria-labelledby="create-group-title">
      <h2 id="create-group-title">{t('app.create.title')}</h2>
      {/* noValidate: the browser's own messages would be in the browser's language, not the UI's. */}
      <form onSubmit={submit} noValidate>
        <TextField
          ref={refs.name}
          label={t('app.create.groupName')}
          hint={t('app.create.groupNameHint', { max: limits.groupName })}
          error={fieldErrors.name ? t(fieldErrors.name, { max: limits.groupName }) : null}
          value={name}
          onChange={setName}
          maxLength={limits.groupName}
        />
        <TextField
          ref={refs.facilitatorName}
          label={t('app.create.yourName')}
          hint={t('app.create.yourNameHint')}
          error={fieldErrors.facilitatorName ? t(fieldErrors.facilitatorName, { max: limits.displayName }) : null}
          value={facilitatorName}
          onChange={setFacilitatorName}
          maxLength={limits.displayName}
          autoComplete="name"
        />
        <div className="field">
          <label htmlFor={languageId}>{t('app.create.language')}</label>
          <select id={languageId} value={language} onChange={(e) => setGroupLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('app.create.languageHint')}</p>
        </div>
        {formError && <ErrorNotice message={formError} />}
        <button type="submit" className="button button-primary" aria-disabled={busy}>
          {busy ? t('app.create.submitting') : t('app.create.submit')}
        </button>
      </form>
    </section>
  );
}
