// What the group's mail says, in each of the group's languages (a missing one is a type error).
// Plain text only: every mail client shows it, and nothing in it can be made to run or track.
import type { GroupLocale } from '@vermeboard/shared';

export interface MeetingLines {
  group: string;
  /** The date and time as the group's locale writes them, with the zone. */
  when: string;
  theme: string | null;
  place: string | null;
}

export interface DigestLines {
  group: string;
  posts: { author: string; text: string; reply: boolean }[];
  actionItems: { text: string; owner: string | null; due: string | null }[];
  /** The next planned meeting, already formatted; null when none is planned. */
  next: string | null;
}

export interface MailText {
  bookedSubject(m: MeetingLines): string;
  bookedIntro(m: MeetingLines): string;
  reminderSubject(m: MeetingLines): string;
  reminderIntro(m: MeetingLines): string;
  theme: string;
  place: string;
  icsNote: string;
  digestSubject(group: string): string;
  digestIntro(group: string): string;
  digestPosts: string;
  digestNoPosts: string;
  digestActions: string;
  digestNoActions: string;
  digestNext(when: string): string;
  owner(name: string): string;
  due(date: string): string;
  reply: string;
  /** Why this mail came and how to stop it. */
  footer: string;
  /** The link to the page that stops this person's mail, below the footer (only with PUBLIC_URL). */
  stopLine(url: string): string;
}

export const mailText: Record<GroupLocale, MailText> = {
  en: {
    bookedSubject: (m) => `${m.group}: next meeting ${m.when}`,
    bookedIntro: (m) => `The facilitator of ${m.group} booked a meeting: ${m.when}.`,
    reminderSubject: (m) => `${m.group}: meeting tomorrow, ${m.when}`,
    reminderIntro: (m) => `A reminder: ${m.group} meets tomorrow, ${m.when}.`,
    theme: 'Theme',
    place: 'Place',
    icsNote: 'The attached meeting.ics adds the meeting to your calendar.',
    digestSubject: (g) => `${g}: this week between meetings`,
    digestIntro: (g) => `What happened in ${g} between meetings this week.`,
    digestPosts: 'In the stream',
    digestNoPosts: 'Nothing new in the stream.',
    digestActions: 'Open action items',
    digestNoActions: 'No open action items.',
    digestNext: (when) => `Next meeting: ${when}`,
    owner: (name) => `owner ${name}`,
    due: (date) => `due ${date}`,
    reply: 'reply',
    footer:
      'You get this mail because you gave your address on the group home in Vermeboard. Remove it there to get no more mail.',
    stopLine: (url) => `Or stop these mails with one press: ${url}`,
  },
  fi: {
    bookedSubject: (m) => `${m.group}: seuraava tapaaminen ${m.when}`,
    bookedIntro: (m) => `Ryhmän ${m.group} fasilitaattori varasi tapaamisen: ${m.when}.`,
    reminderSubject: (m) => `${m.group}: tapaaminen huomenna, ${m.when}`,
    reminderIntro: (m) => `Muistutus: ${m.group} tapaa huomenna, ${m.when}.`,
    theme: 'Teema',
    place: 'Paikka',
    icsNote: 'Liitteenä oleva meeting.ics lisää tapaamisen kalenteriisi.',
    digestSubject: (g) => `${g}: viikko tapaamisten välissä`,
    digestIntro: (g) => `Mitä ryhmässä ${g} tapahtui tällä viikolla tapaamisten välissä.`,
    digestPosts: 'Viestivirrassa',
    digestNoPosts: 'Ei uutta viestivirrassa.',
    digestActions: 'Avoimet sovitut tehtävät',
    digestNoActions: 'Ei avoimia sovittuja tehtäviä.',
    digestNext: (when) => `Seuraava tapaaminen: ${when}`,
    owner: (name) => `vastuussa ${name}`,
    due: (date) => `määräpäivä ${date}`,
    reply: 'vastaus',
    footer:
      'Saat tämän viestin, koska annoit osoitteesi ryhmän sivulla Vermeboardissa. Poista se sieltä, niin viestejä ei enää tule.',
    stopLine: (url) => `Tai lopeta nämä viestit yhdellä painalluksella: ${url}`,
  },
  sv: {
    bookedSubject: (m) => `${m.group}: nästa träff ${m.when}`,
    bookedIntro: (m) => `Facilitatorn för ${m.group} bokade en träff: ${m.when}.`,
    reminderSubject: (m) => `${m.group}: träff i morgon, ${m.when}`,
    reminderIntro: (m) => `En påminnelse: ${m.group} träffas i morgon, ${m.when}.`,
    theme: 'Tema',
    place: 'Plats',
    icsNote: 'Den bifogade meeting.ics lägger till träffen i din kalender.',
    digestSubject: (g) => `${g}: veckan mellan träffarna`,
    digestIntro: (g) => `Det här hände i ${g} mellan träffarna den här veckan.`,
    digestPosts: 'I flödet',
    digestNoPosts: 'Inget nytt i flödet.',
    digestActions: 'Öppna överenskomna uppgifter',
    digestNoActions: 'Inga öppna överenskomna uppgifter.',
    digestNext: (when) => `Nästa träff: ${when}`,
    owner: (name) => `ansvarig ${name}`,
    due: (date) => `senast ${date}`,
    reply: 'svar',
    footer:
      'Du får det här mejlet eftersom du angav din adress på gruppens sida i Vermeboard. Ta bort den där så kommer inga fler mejl.',
    stopLine: (url) => `Eller stoppa de här mejlen med ett klick: ${url}`,
  },
};

export function meetingMail(t: MailText, m: MeetingLines, intro: string, withIcs: boolean): string {
  return [
    intro,
    '',
    ...(m.theme ? [`${t.theme}: ${m.theme}`] : []),
    ...(m.place ? [`${t.place}: ${m.place}`] : []),
    ...(withIcs ? ['', t.icsNote] : []),
    '',
    '-- ',
    t.footer,
  ].join('\n');
}

export function digestMail(t: MailText, d: DigestLines): string {
  const posts = d.posts.map((p) => `${p.reply ? `  (${t.reply}) ` : '- '}${p.author}: ${p.text}`);
  const items = d.actionItems.map(
    (a) => `- ${[a.text, a.owner && t.owner(a.owner), a.due && t.due(a.due)].filter(Boolean).join(', ')}`,
  );
  return [
    t.digestIntro(d.group),
    '',
    `${t.digestPosts}:`,
    ...(posts.length ? posts : [t.digestNoPosts]),
    '',
    `${t.digestActions}:`,
    ...(items.length ? items : [t.digestNoActions]),
    ...(d.next ? ['', t.digestNext(d.next)] : []),
    '',
    '-- ',
    t.footer,
  ].join('\n');
}

/** A queued mail's text with the stop link of its addressee's current address, added when it is sent. */
export function withStopLine(t: MailText, text: string, url: string): string {
  return `${text}\n${t.stopLine(url)}`;
}
