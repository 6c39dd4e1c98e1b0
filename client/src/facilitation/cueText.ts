// The step card's sentence for what the speaking mode asks of the viewer right now: the cue from
// `speakingCue` (ids only) turned into their language with names filled in.
import type { ParticipantId, SessionState, SpeakingCue } from '@vermeboard/shared';
import type { Locale } from '../i18n/messages.js';
import type { Translate } from '../i18n/I18nProvider.js';
import { inflectName } from './finnishNames.js';

/** A participant's display name; the session keeps people who left, so a name is nearly always found. */
export function nameOf(state: SessionState, id: ParticipantId | null | undefined, fallback: string): string {
  return state.participants.find((p) => p.id === id)?.name ?? fallback;
}

/** Placeholders for a sentence about one person: plain, "to" and "from" forms (Finnish needs the cases). */
function nameParams(name: string, locale: Locale): Record<string, string> {
  if (locale !== 'fi') return { name, nameTo: name, nameFrom: name };
  return {
    name,
    nameTo: inflectName(name, 'allative') ?? `(${name})`,
    nameFrom: inflectName(name, 'ablative') ?? `(${name})`,
  };
}

export function cueText(cue: SpeakingCue, state: SessionState, t: Translate, locale: Locale): string {
  const person = (id: ParticipantId | null) => nameParams(nameOf(state, id, t('facilitation.someone')), locale);
  switch (cue.kind) {
    case 'notRunning':
      return t('facilitation.cue.notRunning');
    case 'open':
      return t('facilitation.cue.open');
    case 'yourTurn':
      return t('facilitation.cue.yourTurn');
    case 'listen':
      return t(cue.youAreNext ? 'facilitation.cue.listenNext' : 'facilitation.cue.listen', person(cue.speakerId));
    case 'roundNotStarted':
      return t('facilitation.cue.roundNotStarted');
    case 'roundDone':
      return t('facilitation.cue.roundDone');
    case 'facilitatorSpeaks':
      return cue.facilitatorId === null
        ? t('facilitation.cue.facilitatorSpeaksNobody')
        : t('facilitation.cue.facilitatorSpeaks', person(cue.facilitatorId));
    case 'presenterSpeaks':
      return t('facilitation.cue.presenterSpeaks', person(cue.presenterId));
    case 'caseOwnerNotChosen':
      return t('facilitation.cue.caseOwnerNotChosen');
    case 'consultantsIdeasFor':
      return t('facilitation.cue.consultantsIdeasFor', person(cue.ownerId));
    case 'ownerListens':
      return t('facilitation.cue.ownerListens');
    case 'askOwner':
      return t('facilitation.cue.askOwner', person(cue.ownerId));
    case 'ownerAnswers':
      return t('facilitation.cue.ownerAnswers');
    case 'writeSilently':
      return t(cue.done ? 'facilitation.cue.writeSilentlyDone' : 'facilitation.cue.writeSilently');
    case 'othersWriteSilently':
      return t('facilitation.cue.othersWriteSilently');
  }
}
