// Opening an invite link: ask the name once, join, remember the personal token, welcome a newcomer
// to the group (once per browser), open the meeting.
import { limits, type GroupId } from '@vermeboard/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { join } from '../api/client.js';
import { HttpError } from '../api/errors.js';
import { identities } from '../api/identity.js';
import { Welcome } from '../group/Welcome.js';
import { shouldWelcome, welcomes } from '../group/welcomeRule.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { ErrorNotice } from './ErrorNotice.js';
import { errorMessageKey } from './errorMessage.js';
import { Link } from './Link.js';
import { usePreloadMeetingPage } from './meetingPageChunk.js';
import { cleanName, isValidName } from './nameInput.js';
import { navigate } from './navigation.js';
import { openGroup } from './openGroup.js';
import { TextField } from './TextField.js';

/**
 * checking: looking for an identity this browser already has for the link's group;
 * welcome: joined for the first time in this browser; the group's goals and ground rules come first;
 * dead: the link is no longer valid, so there is nothing to retry.
 */
type Phase = 'checking' | 'form' | 'joining' | 'welcome' | 'dead';

/** Into the group's current meeting, or its page when there is none yet. */
async function enter(groupId: GroupId, participantToken: string): Promise<void> {
  try {
    await openGroup(groupId, participantToken);
  } catch {
    // Joined, but the meeting list did not load: the group page shows that error with a retry.
    navigate({ name: 'group', groupId }, { replace: true });
  }
}

export function JoinPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('checking');
  const [displayName, setDisplayName] = useState('');
  const [nameError, setNameError] = useState(false);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [welcomeTo, setWelcomeTo] = useState<{ groupId: GroupId; token: string } | null>(null);
  const busy = phase === 'joining';
  // An invite leads into the group's meeting: its code loads while the person types their name.
  usePreloadMeetingPage(phase !== 'dead');

  useEffect(() => {
    const known = identities.identityForLink(token);
    if (!known) {
      setPhase('form');
      return;
    }
    const controller = new AbortController();
    openGroup(known.groupId, known.identity.participantToken, controller.signal).catch((err: unknown) => {
      if (controller.signal.aborted) return;
      // The stored identity was removed or its group deleted: forget it and join afresh through the link.
      if (err instanceof HttpError && (err.status === 401 || err.status === 404)) identities.forget(known.groupId);
      else setFormError(errorMessageKey(err, 'group'));
      setDisplayName(known.identity.displayName);
      setPhase('form');
    });
    return () => controller.abort();
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    if (!isValidName(displayName, limits.displayName)) {
      setNameError(true);
      nameRef.current?.focus();
      return;
    }
    setNameError(false);
    setPhase('joining');
    const name = cleanName(displayName);
    let joined;
    try {
      joined = await join({ token, displayName: name });
    } catch (err) {
      if (err instanceof HttpError && err.status === 400 && err.field === 'displayName') {
        setNameError(true);
        setPhase('form');
        return;
      }
      const message = errorMessageKey(err, 'join');
      setFormError(message);
      setPhase(message === 'app.error.linkInvalid' ? 'dead' : 'form');
      return;
    }
    const hadIdentity = identities.get(joined.groupId) !== null;
    const identity = identities.adopt(joined.groupId, {
      participantId: joined.participantId,
      participantToken: joined.participantToken,
      role: joined.role,
      displayName: name,
    });
    identities.rememberLink(token, { groupId: joined.groupId, role: joined.role });
    if (shouldWelcome({ hadIdentity, welcomedBefore: welcomes.has(joined.groupId) })) {
      // Marked as soon as it is shown: a reload or a second tab should not welcome them twice.
      welcomes.mark(joined.groupId);
      setWelcomeTo({ groupId: joined.groupId, token: identity.participantToken });
      setPhase('welcome');
      return;
    }
    await enter(joined.groupId, identity.participantToken);
  };

  if (phase === 'welcome' && welcomeTo) {
    return (
      <div className="page page-narrow page-welcome">
        <Welcome
          groupId={welcomeTo.groupId}
          token={welcomeTo.token}
          onContinue={() => void enter(welcomeTo.groupId, welcomeTo.token)}
        />
      </div>
    );
  }

  if (phase === 'checking') {
    return (
      <div className="page page-narrow">
        <p role="status">{t('app.join.opening')}</p>
      </div>
    );
  }

  if (phase === 'dead') {
    return (
      <div className="page page-narrow">
        <h1>{t('app.join.title')}</h1>
        <ErrorNotice message="app.error.linkInvalid">
          <Link to={{ name: 'home' }} className="button">
            {t('app.error.goHome')}
          </Link>
        </ErrorNotice>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <section className="card" aria-labelledby="join-title">
        <h1 id="join-title">{t('app.join.title')}</h1>
        <p>{t('app.join.intro')}</p>
        <form onSubmit={submit} noValidate>
          <TextField
            ref={nameRef}
            label={t('app.join.yourName')}
            hint={t('app.join.yourNameHint', { max: limits.displayName })}
            error={nameError ? t('app.field.displayName', { max: limits.displayName }) : null}
            value={displayName}
            onChange={setDisplayName}
            maxLength={limits.displayName}
            autoComplete="name"
          />
          {formError && <ErrorNotice message={formError} />}
          <button type="submit" className="button button-primary" aria-disabled={busy}>
            {busy ? t('app.join.submitting') : t('app.join.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}
