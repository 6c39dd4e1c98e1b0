// What the announcer says, and that it says each thing once: sessions from the real reducer.
import { describe, expect, it } from 'vitest';
import type { SessionState, Vote } from '@vermeboard/shared';
import { translate } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { anna, atStep, bob, cat, meetingWithThree, run } from '../facilitation/testSession.js';
import { announcementText } from './Announcer.js';
import { AnnouncementLog, stateAnnouncements, TimerWatch } from './announcements.js';
import { shortcutCommand } from './Shortcuts.js';
import { shortcutOf } from './shortcuts.js';

const said = (log: AnnouncementLog, state: SessionState, me = bob, locale: Locale = 'en') =>
  log
    .fresh(stateAnnouncements(state, me))
    .map((a) => [a.politeness, announcementText(a, state, me, (k, p) => translate(locale, k, p), locale)]);

const vote = (status: Vote['status']): Vote => ({
  id: 'vote-1',
  frameShapeId: 'shape:frame',
  votesPerPerson: 3,
  status,
  ...(status === 'closed' ? { voterCount: 2, results: {} } : {}),
});

describe('meeting announcements', () => {
  it('say nothing about what was already true when the page first saw the meeting', () => {
    const log = new AnnouncementLog();
    expect(said(log, atStep(meetingWithThree(), 'check-in-round', 'round'))).toEqual([]);
  });

  it('announce a step change once, with its place in the agenda and the cue, in the person’s language', () => {
    const draft = meetingWithThree();
    const log = new AnnouncementLog();
    said(log, draft);
    const round = atStep(draft, 'check-in-round', 'round');
    expect(said(log, round)).toEqual([['polite', 'Step 3 of 22: Check-in round. The round starts soon']]);
    // A re-render or a reconnect brings the same state: nothing again.
    expect(said(log, round)).toEqual([]);
    expect(said(log, structuredClone(round))).toEqual([]);

    const fiLog = new AnnouncementLog();
    said(fiLog, draft, bob, 'fi');
    expect(said(fiLog, round, bob, 'fi')[0]?.[1]).toBe('Vaihe 3/22: Kuulumiskierros. Kierros alkaa pian');
  });

  it('tell the speaker it is their turn assertively and the others politely who speaks', () => {
    const round = atStep(meetingWithThree(), 'check-in-round', 'round');
    const bobLog = new AnnouncementLog();
    const catLog = new AnnouncementLog();
    said(bobLog, round, bob);
    said(catLog, round, cat);
    // The order is the joining order: Anna, Bob, Cat.
    const first = run([{ type: 'nextTurn', speakerId: null }], round);
    expect(said(bobLog, first, bob)).toEqual([['polite', 'Listen — Anna is speaking. You are next.']]);
    expect(said(catLog, first, cat)).toEqual([['polite', 'Listen — Anna is speaking']]);
    const second = run([{ type: 'nextTurn', speakerId: anna }], first);
    expect(said(bobLog, second, bob)).toEqual([['assertive', 'Your turn']]);
    expect(said(catLog, second, cat)).toEqual([['polite', 'Listen — Bob is speaking. You are next.']]);
    const third = run([{ type: 'nextTurn', speakerId: bob }], second);
    expect(said(bobLog, third, bob)).toEqual([['polite', 'Listen — Cat is speaking']]);
    expect(said(catLog, third, cat)).toEqual([['assertive', 'Your turn']]);
    const done = run([{ type: 'nextTurn', speakerId: cat }], third);
    expect(said(bobLog, done, bob)).toEqual([['polite', 'The round is over']]);
    expect(said(bobLog, done, bob)).toEqual([]);
  });

  it('announce a vote opening and closing once each, with plural forms', () => {
    const step = atStep(meetingWithThree(), 'reflection', 'what-together');
    const log = new AnnouncementLog();
    said(log, step);
    const open = { ...step, votes: [vote('open')] };
    expect(said(log, open)).toEqual([['polite', 'The dot vote is open. Everyone has 3 dots.']]);
    expect(said(log, open)).toEqual([]);
    const closed = { ...step, votes: [vote('closed')] };
    expect(said(log, closed)).toEqual([
      ['polite', 'The dot vote is closed. 2 people voted; the counts are on the notes.'],
    ]);
  });

  it('announce the end of the meeting', () => {
    const round = atStep(meetingWithThree(), 'check-in-round', 'round');
    const log = new AnnouncementLog();
    said(log, round);
    expect(said(log, run([{ type: 'endMeeting' }], round))).toEqual([['polite', 'The meeting has ended.']]);
  });
});

describe('timer warnings', () => {
  const withTimer = (timer: SessionState['timer']) => ({
    ...atStep(meetingWithThree(), 'check-in-round', 'round'),
    timer,
  });
  const running = withTimer({ state: 'running', durationMs: 600_000, startedAt: 0, remainingMs: null });
  const kinds = (watch: TimerWatch, state: SessionState, now: number) =>
    watch.observe(state, now).map((a) => [a.politeness, a.event.kind]);

  it('warn once as the last minute begins and once, assertively, when time is up', () => {
    const watch = new TimerWatch();
    expect(kinds(watch, running, 1000)).toEqual([]);
    expect(kinds(watch, running, 500_000)).toEqual([]);
    expect(kinds(watch, running, 541_000)).toEqual([['polite', 'oneMinuteLeft']]);
    expect(kinds(watch, running, 560_000)).toEqual([]);
    expect(kinds(watch, running, 600_000)).toEqual([['assertive', 'timeUp']]);
    expect(kinds(watch, running, 700_000)).toEqual([]);
  });

  it('say time is up when the facilitator removes the last minute', () => {
    const watch = new TimerWatch();
    kinds(watch, running, 570_000);
    const finished = withTimer({ state: 'finished', durationMs: 600_000, startedAt: null, remainingMs: null });
    expect(kinds(watch, finished, 571_000)).toEqual([['assertive', 'timeUp']]);
    expect(kinds(watch, finished, 572_000)).toEqual([]);
  });

  it('warn once per step, however time is added and taken away again', () => {
    const watch = new TimerWatch();
    kinds(watch, running, 550_000);
    const added = withTimer({ state: 'running', durationMs: 660_000, startedAt: 0, remainingMs: null });
    expect(kinds(watch, added, 551_000)).toEqual([]);
    expect(kinds(watch, running, 552_000)).toEqual([['polite', 'oneMinuteLeft']]);
    expect(kinds(watch, added, 553_000)).toEqual([]);
    expect(kinds(watch, running, 554_000)).toEqual([]);
  });

  it('do not warn for a step that starts with a minute or less, a paused timer, or what was due when the page opened', () => {
    const short = withTimer({ state: 'running', durationMs: 60_000, startedAt: 0, remainingMs: null });
    const watch = new TimerWatch();
    expect(kinds(watch, short, 0)).toEqual([]);
    expect(kinds(watch, short, 30_000)).toEqual([]);
    const paused = withTimer({ state: 'paused', durationMs: 600_000, startedAt: null, remainingMs: 30_000 });
    const pausedWatch = new TimerWatch();
    kinds(pausedWatch, paused, 0);
    expect(kinds(pausedWatch, paused, 999_999)).toEqual([]);
    const late = new TimerWatch();
    expect(kinds(late, running, 700_000)).toEqual([]);
    expect(kinds(late, running, 710_000)).toEqual([]);
  });
});

describe('facilitator shortcuts', () => {
  const key = (
    code: string,
    mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }>,
  ) => ({
    code,
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });

  it('are Alt+Shift with a letter, and nothing else', () => {
    expect(shortcutOf(key('KeyN', { altKey: true, shiftKey: true }))).toBe('nextStep');
    expect(shortcutOf(key('KeyT', { altKey: true, shiftKey: true }))).toBe('nextTurn');
    expect(shortcutOf(key('KeyP', { altKey: true, shiftKey: true }))).toBe('timer');
    expect(shortcutOf(key('KeyN', {}))).toBeNull();
    expect(shortcutOf(key('KeyN', { altKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    // tldraw's own Alt+Shift keys stay tldraw's.
    for (const code of ['KeyV', 'KeyF', 'KeyH'])
      expect(shortcutOf(key(code, { altKey: true, shiftKey: true }))).toBeNull();
  });

  it('send the command the matching button sends', () => {
    const round = atStep(meetingWithThree(), 'check-in-round', 'round');
    expect(shortcutCommand('nextStep', round)).toEqual({ type: 'nextStep', from: round.position });
    expect(shortcutCommand('nextTurn', round)).toEqual({ type: 'nextTurn', speakerId: null });
    const timer = round.timer.state === 'running' ? 'pauseTimer' : 'startTimer';
    expect(shortcutCommand('timer', round)).toEqual({ type: timer, timer: 'step' });
    const open = atStep(meetingWithThree(), 'check-in-round', 'themes');
    expect(shortcutCommand('nextTurn', open)).toBeNull();
    expect(shortcutCommand('nextStep', run([{ type: 'endMeeting' }], round))).toBeNull();
  });
});
