// @vitest-environment node
// The facilitation UI's decisions, against sessions made by the real reducer.
import { describe, expect, it } from 'vitest';
import type { TLShape, TLShapeId } from 'tldraw';
import { PRIVATE_META, builtInMethods, layoutShapeId, speakingCue, type RecentReaction } from '@vermeboard/shared';
import { translate } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { overrunMs, plannedTotalMs } from './agendaTiming.js';
import { cueText } from './cueText.js';
import { focusBounds, isAway, readableZoom, stepCamera } from './follow.js';
import { personStatus } from './personStatus.js';
import { markPrivate, privateStepKey } from './privateNotes.js';
import { freshReactions, highestSeq } from './reactions.js';
import { refusesChange } from './shapeLocks.js';
import { agendaStepNumber } from './StepCard.js';
import { anna, atStep, bob, cat, meetingWithThree, run } from './testSession.js';
import { dotsLeft, isNoteInFrame, openVote, shownResults } from './votes.js';
import { workFrameIds } from './workFrames.js';

const tr = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(locale, key, params);

describe('cueText', () => {
  const clinic = (stepId: string) =>
    run([{ type: 'chooseCaseOwner', participantId: anna }], atStep(meetingWithThree(), 'problem-clinic', stepId));

  it('tells the presenter it is their turn and the others whom to listen to', () => {
    const state = clinic('present-case');
    expect(cueText(speakingCue(state, anna), state, tr('en'), 'en')).toBe('Your turn');
    expect(cueText(speakingCue(state, bob), state, tr('en'), 'en')).toBe('Listen — Anna has the floor');
    expect(cueText(speakingCue(state, bob), state, tr('fi'), 'fi')).toBe('Kuuntele – Anna on äänessä');
    // The key question and the owner's reflection are hers too, but she presents no case there.
    const reflection = clinic('owner-reflection');
    expect(cueText(speakingCue(reflection, bob), reflection, tr('en'), 'en')).not.toMatch(/presents/);
    expect(cueText(speakingCue(state, anna), state, tr('fi'), 'fi')).toBe('Sinun vuorosi');
  });

  it('tells consultants and the listening owner what to do, with Finnish cases', () => {
    const state = clinic('consultation');
    expect(cueText(speakingCue(state, bob), state, tr('en'), 'en')).toBe('Consultants: ideas for Anna; Anna listens');
    expect(cueText(speakingCue(state, bob), state, tr('fi'), 'fi')).toBe('Konsultit: ideoita Annalle; Anna kuuntelee');
    expect(cueText(speakingCue(state, anna), state, tr('en'), 'en')).toMatch(/^Listen and take notes/);
    const questions = clinic('clarifying-questions');
    expect(cueText(speakingCue(questions, cat), questions, tr('fi'), 'fi')).toBe(
      'Kysy tarkentavia kysymyksiä Annalta; Anna vastaa lyhyesti',
    );
  });

  it('asks for silent writing and names the speaker in a round', () => {
    const silent = atStep(meetingWithThree(), 'check-in-round', 'silent-prep');
    expect(cueText(speakingCue(silent, bob), silent, tr('fi'), 'fi')).toBe('Kirjoita hiljaa');
    const round = run([{ type: 'nextTurn', speakerId: null }], atStep(meetingWithThree(), 'check-in-round', 'round'));
    expect(cueText(speakingCue(round, anna), round, tr('en'), 'en')).toBe('Your turn');
    expect(cueText(speakingCue(round, bob), round, tr('en'), 'en')).toBe('Listen — Anna is speaking. You are next.');
    expect(cueText(speakingCue(round, cat), round, tr('fi'), 'fi')).toBe('Kuuntele – Anna puhuu');
  });
});

describe('agendaStepNumber', () => {
  it('counts steps across the whole agenda', () => {
    const state = atStep(meetingWithThree(), 'check-in-round', 'round');
    const welcome = builtInMethods.welcome!.steps.length;
    const total = state.agenda.reduce((n, i) => n + builtInMethods[i.methodId]!.steps.length, 0);
    expect(agendaStepNumber(state)).toEqual({ n: welcome + 2, total });
  });
});

describe('personStatus', () => {
  it('highlights the speaker and lists raised hands', () => {
    const state = run(
      [{ type: 'nextTurn', speakerId: null }, [{ type: 'raiseHand' }, { participantId: cat, role: 'member' }]],
      atStep(meetingWithThree(), 'check-in-round', 'round'),
    );
    expect(personStatus(state, anna, tr('en'))).toEqual({ label: 'speaking', current: true });
    expect(personStatus(state, cat, tr('fi'))).toEqual({ label: 'käsi ylhäällä', current: false });
    expect(personStatus(state, bob, tr('en'))).toBeNull();
  });

  it('marks each breakout room’s own case owner, who presents in their room', () => {
    const troika = run([{ type: 'addAgendaItem', methodId: 'troika-consulting' }], meetingWithThree());
    let state = atStep(troika, 'troika-consulting', 'prep');
    state = run(
      [
        { type: 'closeRooms' },
        {
          type: 'openRooms',
          split: { kind: 'manual', rooms: [{ memberIds: [bob] }, { memberIds: [cat] }] },
          seconds: 600,
        },
      ],
      state,
    );
    const room = state.breakout!.rooms[0]!.n;
    state = run(
      [
        [
          { type: 'chooseCaseOwner', participantId: bob, room },
          { participantId: bob, role: 'member' },
        ],
      ],
      state,
    );
    expect(personStatus(state, bob, tr('en'))).toEqual({ label: 'case owner', current: false });
    expect(personStatus(state, cat, tr('en'))).toBeNull();
    const presenting = atStep(state, 'troika-consulting', 'present');
    expect(personStatus(presenting, bob, tr('fi'))).toEqual({ label: 'puhuu', current: true });
    expect(cueText(speakingCue(presenting, cat), presenting, tr('en'), 'en')).toBe(
      'The case owner has not been chosen yet',
    );
  });

  it('shows who leads the meeting after the facilitator role was handed to a member', () => {
    const state = run(
      [{ type: 'handOverFacilitation', participantId: bob }],
      atStep(meetingWithThree(), 'welcome', 'welcome'),
    );
    expect(personStatus(state, bob, tr('en'))).toEqual({ label: 'leads the meeting', current: false });
    expect(personStatus(state, bob, tr('fi'))).toEqual({ label: 'vetää tapaamista', current: false });
    // The link's "facilitator" badge already says it for a facilitator who has not handed over.
    expect(personStatus(atStep(meetingWithThree(), 'welcome', 'welcome'), anna, tr('en'))).toBeNull();
  });
});

describe('shape locks', () => {
  const frame = {
    id: 'shape:layout.a.f' as TLShapeId,
    x: 0,
    y: 0,
    rotation: 0,
    parentId: 'page:page',
    index: 'a1',
    opacity: 1,
    props: { w: 100, h: 100, name: 'F' },
  } as unknown as TLShape;
  const locked = (id: string) => id === frame.id;

  it('refuses any change to a protected shape, its meta included, as the server would', () => {
    expect(refusesChange(frame, { ...frame, x: 5 }, locked)).toBe(true);
    expect(refusesChange(frame, { ...frame, props: { ...frame.props, w: 50 } } as TLShape, locked)).toBe(true);
    expect(refusesChange(frame, { ...frame, meta: { any: 1 } }, locked)).toBe(true);
    expect(refusesChange(frame, { ...frame }, locked)).toBe(false);
    expect(refusesChange(frame, { ...frame, x: 5 }, () => false)).toBe(false);
  });
});

describe('private notes', () => {
  it('makes notes private only in a silent step, for writers', () => {
    const silent = atStep(meetingWithThree(), 'check-in-round', 'silent-prep');
    const key = privateStepKey(silent, true);
    expect(key).toMatch(/\/silent-prep$/);
    expect(privateStepKey(silent, false)).toBeNull();
    expect(privateStepKey(atStep(silent, 'check-in-round', 'round'), true)).toBeNull();
    const note = { id: 'shape:n', type: 'note', meta: {} } as unknown as TLShape;
    expect(markPrivate(note, bob, key!).meta).toEqual({
      [PRIVATE_META.private]: true,
      [PRIVATE_META.author]: bob,
      [PRIVATE_META.step]: key,
    });
  });
});

describe('agenda timing', () => {
  it('plans every step, totals the agenda and counts the overrun from the step log', () => {
    const draft = meetingWithThree();
    const clinic = draft.agenda.find((i) => i.methodId === 'problem-clinic')!.instanceId;
    const planned = plannedTotalMs(draft);
    const edited = run([{ type: 'setStepDuration', instanceId: clinic, stepId: 'choose-case', minutes: 7 }], draft);
    // The clinic's first step was five minutes.
    expect(plannedTotalMs(edited)).toBe(planned + 2 * 60_000);
    // Walk into the clinic's first step; the test clock moves a second per command.
    const at = atStep(edited, 'problem-clinic', 'choose-case');
    const entered = at.stepLog!.at(-1)!.enteredAt;
    // Still within the step's seven minutes: no overrun (a step under way is not "ahead" yet).
    expect(overrunMs(at, entered + 60_000)).toBeLessThanOrEqual(0);
    // Nine minutes in: two minutes over, plus whatever the earlier steps ran short.
    const earlier = overrunMs(at, entered);
    expect(overrunMs(at, entered + 9 * 60_000) - earlier).toBe(2 * 60_000);
  });
});

describe('step camera', () => {
  it('brings the case owner to the ideas they star, not only to the first-step frame', () => {
    const state = run(
      [{ type: 'chooseCaseOwner', participantId: anna }],
      atStep(meetingWithThree(), 'problem-clinic', 'owner-reflection'),
    );
    const instanceId = state.agenda.find((i) => i.methodId === 'problem-clinic')!.instanceId;
    expect(workFrameIds(state)).toEqual([layoutShapeId(instanceId, 'ideas'), layoutShapeId(instanceId, 'first-step')]);
    const themes = atStep(meetingWithThree(), 'check-in-round', 'themes');
    // The themes step works in its own frame; the check-in frame lies beside it.
    expect(workFrameIds(themes)).toEqual([expect.stringMatching(/\.themes$/)]);
    // A step that names no frames works in its layout's.
    expect(workFrameIds(atStep(meetingWithThree(), 'check-in-round', 'round'))).toEqual([
      expect.stringMatching(/\.check-in$/),
    ]);
  });

  it('never zooms out so far that notes are unreadable, keeping the frame’s top-left in view', () => {
    // The reflection's three columns (2900 page px wide) on a 1440 px wide board.
    const wide = stepCamera({ x: 0, y: 0, w: 2900, h: 900 }, { w: 1120, h: 760 }, 128);
    expect(wide.z).toBe(readableZoom);
    // The frame's corner sits at the inset: (page + camera) × zoom = screen.
    expect((0 + wide.x) * wide.z).toBeCloseTo(128);
    expect((0 + wide.y) * wide.z).toBeCloseTo(128);
    // A frame that fits readably is centred whole.
    const small = stepCamera({ x: 100, y: 50, w: 800, h: 400 }, { w: 1120, h: 760 }, 128);
    expect(small.z).toBeCloseTo(Math.min(1, 864 / 800, 504 / 400));
    expect((100 + 400 + small.x) * small.z).toBeCloseTo(560);
  });
});

describe('follow', () => {
  it('resolves a target and notices wandering off', () => {
    const target = focusBounds({ kind: 'viewport', x: 0, y: 0, w: 1000, h: 600 }, () => null)!;
    expect(focusBounds({ kind: 'frame', shapeId: 'shape:x' }, () => null)).toBeNull();
    expect(isAway({ x: 50, y: 20, w: 1100, h: 620 }, target)).toBe(false);
    expect(isAway({ x: 300, y: 200, w: 300, h: 200 }, target)).toBe(false);
    expect(isAway({ x: 2000, y: 0, w: 1000, h: 600 }, target)).toBe(true);
  });
});

describe('votes', () => {
  it('drops the last vote’s result once the meeting moves to another step', () => {
    const base = atStep(meetingWithThree(), 'check-in-round', 'themes');
    const open = run([{ type: 'startVote', frameShapeId: 'shape:f', votesPerPerson: 3 }], base);
    const closed = run([{ type: 'closeVote', voteId: openVote(open)!.id }], open);
    expect(shownResults(closed)).not.toBeNull();
    expect(shownResults(run([{ type: 'nextStep' }], closed))).toBeNull();
  });

  it('finds the open vote, counts dots left, and shows the last closed result', () => {
    const base = atStep(meetingWithThree(), 'check-in-round', 'themes');
    const open = run([{ type: 'startVote', frameShapeId: 'shape:f', votesPerPerson: 3 }], base);
    const vote = openVote(open)!;
    expect(dotsLeft(vote, ['shape:a', 'shape:a'])).toBe(1);
    expect(shownResults(open)).toBeNull();
    const closed = run([{ type: 'closeVote', voteId: vote.id }], open);
    expect(openVote(closed)).toBeNull();
    expect(shownResults(closed)?.id).toBe(vote.id);
  });

  it('counts a note as inside a frame through its parent chain', () => {
    const shapes = new Map([
      ['shape:f', { id: 'shape:f', type: 'frame', parentId: 'page:page' }],
      ['shape:g', { id: 'shape:g', type: 'group', parentId: 'shape:f' }],
      ['shape:n', { id: 'shape:n', type: 'note', parentId: 'shape:g' }],
      ['shape:o', { id: 'shape:o', type: 'note', parentId: 'page:page' }],
    ]);
    expect(isNoteInFrame(shapes, 'shape:f', 'shape:n')).toBe(true);
    expect(isNoteInFrame(shapes, 'shape:f', 'shape:o')).toBe(false);
    expect(isNoteInFrame(shapes, 'shape:f', 'shape:g')).toBe(false);
    // A template prompt note is not an idea to vote on.
    const prompt = layoutShapeId('problem-clinic-4', 'prompt-propose');
    shapes.set(prompt, { id: prompt, type: 'note', parentId: 'shape:f' });
    expect(isNoteInFrame(shapes, 'shape:f', prompt)).toBe(false);
  });
});

describe('reactions', () => {
  const r = (seq: number, at: number): RecentReaction => ({ seq, at, participantId: bob, reaction: 'clap' });
  it('shows only reactions newer than the last seen, and none of the first list', () => {
    const list = [r(1, 1000), r(2, 9000), r(3, 9500)];
    expect(freshReactions(list, null, 10_000)).toEqual([]);
    expect(freshReactions(list, 1, 10_000)).toEqual([r(2, 9000), r(3, 9500)]);
    expect(freshReactions(list, 1, 20_000)).toEqual([]);
    expect(highestSeq(list, null)).toBe(3);
  });
});
