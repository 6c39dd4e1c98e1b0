// The words of a meeting summary in each UI language, for the Markdown export. The server renders
// it for the `summary.md` route and the browser for its download link, so both share this table.
import type { Locale } from '../facilitation/method.js';

export interface SummaryLabels {
  title: (group: string) => string;
  held: string;
  facilitator: string;
  attendees: string;
  nobody: string;
  agenda: string;
  planned: (minutes: number) => string;
  actual: (minutes: number) => string;
  skipped: string;
  goals: string;
  noProgress: string;
  cases: string;
  caseOwner: string;
  /** A breakout room's own case owner (Troika consulting, Wise crowds). */
  roomCaseOwner: (room: string) => string;
  keyQuestion: string;
  starredIdeas: string;
  none: string;
  reflection: string;
  what: string;
  soWhat: string;
  nowWhat: string;
  actionItems: string;
  due: (date: string) => string;
  votes: string;
  voters: (n: number) => string;
  votesFor: (n: number) => string;
  /** Between an item and its details: a spaced em dash in English, a spaced en dash in Finnish and Swedish. */
  dash: string;
  nextMeeting: string;
  when: string;
  place: string;
  theme: string;
  roles: Record<'facilitator' | 'member' | 'observer', string>;
}

/** The singular or the plural, as the language's own rules (`Intl.PluralRules`) say for `n`. */
function plural(locale: Locale, n: number, one: string, other: string): string {
  return new Intl.PluralRules(locale).select(n) === 'one' ? one : other;
}

export const summaryLabels: Record<Locale, SummaryLabels> = {
  en: {
    title: (group) => `Meeting summary — ${group}`,
    held: 'Held',
    facilitator: 'Facilitator',
    attendees: 'Attended',
    nobody: 'nobody recorded',
    agenda: 'Agenda as run',
    planned: (m) => `planned ${m} min`,
    actual: (m) => `${m} min`,
    skipped: 'not reached',
    goals: 'Goals and progress',
    noProgress: 'No progress notes this time.',
    cases: 'Cases',
    caseOwner: 'Case owner',
    roomCaseOwner: (room) => `Case owner in room ${room}`,
    keyQuestion: 'Key question',
    starredIdeas: 'Starred ideas',
    none: 'none',
    reflection: 'Reflection',
    what: 'What?',
    soWhat: 'So what?',
    nowWhat: 'Now what?',
    actionItems: 'Action items',
    due: (d) => `due ${d}`,
    votes: 'Vote results',
    voters: (n) => plural('en', n, `${n} voter`, `${n} voters`),
    votesFor: (n) => plural('en', n, `${n} vote`, `${n} votes`),
    dash: ' — ',
    nextMeeting: 'Next meeting',
    when: 'When',
    place: 'Where',
    theme: 'Theme',
    roles: { facilitator: 'facilitator', member: 'member', observer: 'observer' },
  },
  fi: {
    title: (group) => `Tapaamisen yhteenveto – ${group}`,
    held: 'Pidetty',
    facilitator: 'Fasilitaattori',
    attendees: 'Paikalla',
    nobody: 'ei kirjattu ketään',
    agenda: 'Toteutunut asialista',
    planned: (m) => `suunniteltu ${m} min`,
    actual: (m) => `${m} min`,
    skipped: 'ei ehditty',
    goals: 'Tavoitteet ja edistyminen',
    noProgress: 'Ei edistymismerkintöjä tällä kertaa.',
    cases: 'Tapaukset',
    caseOwner: 'Tapauksen tuoja',
    roomCaseOwner: (room) => `Tapauksen tuoja huoneessa ${room}`,
    keyQuestion: 'Avainkysymys',
    starredIdeas: 'Tähdellä merkityt ideat',
    none: 'ei yhtään',
    reflection: 'Reflektio',
    what: 'Mitä?',
    soWhat: 'Entä sitten?',
    nowWhat: 'Mitä nyt?',
    actionItems: 'Sovitut tehtävät',
    due: (d) => `määräpäivä ${d}`,
    votes: 'Äänestysten tulokset',
    voters: (n) => plural('fi', n, `${n} äänestäjä`, `${n} äänestäjää`),
    votesFor: (n) => plural('fi', n, `${n} ääni`, `${n} ääntä`),
    dash: ' – ',
    nextMeeting: 'Seuraava tapaaminen',
    when: 'Aika',
    place: 'Paikka',
    theme: 'Teema',
    roles: { facilitator: 'fasilitaattori', member: 'jäsen', observer: 'tarkkailija' },
  },
  sv: {
    title: (group) => `Sammanfattning av träffen – ${group}`,
    held: 'Hölls',
    facilitator: 'Facilitator',
    attendees: 'Närvarande',
    nobody: 'ingen antecknad',
    agenda: 'Dagordningen som den genomfördes',
    planned: (m) => `planerat ${m} min`,
    actual: (m) => `${m} min`,
    skipped: 'hanns inte med',
    goals: 'Mål och framsteg',
    noProgress: 'Inga anteckningar om framsteg den här gången.',
    cases: 'Fall',
    caseOwner: 'Fallägare',
    roomCaseOwner: (room) => `Fallägare i rum ${room}`,
    keyQuestion: 'Nyckelfråga',
    starredIdeas: 'Stjärnmärkta idéer',
    none: 'inga',
    reflection: 'Reflektion',
    what: 'Vad?',
    soWhat: 'Så vad?',
    nowWhat: 'Vad nu?',
    actionItems: 'Överenskomna uppgifter',
    due: (d) => `senast ${d}`,
    votes: 'Röstningsresultat',
    voters: (n) => plural('sv', n, `${n} röstande`, `${n} röstande`),
    votesFor: (n) => plural('sv', n, `${n} röst`, `${n} röster`),
    dash: ' – ',
    nextMeeting: 'Nästa träff',
    when: 'Tid',
    place: 'Plats',
    theme: 'Tema',
    roles: { facilitator: 'facilitator', member: 'medlem', observer: 'observatör' },
  },
};
