import { describe, expect, it } from 'vitest';
import type { MeetingId, ParticipantId } from '../ids.js';
import type { ActionItemId, GoalId } from '../process/ids.js';
import { meetingSummarySchema, type MeetingSummary } from './meetingSummary.js';
import { markdownText, summaryFileName, summaryToMarkdown } from './summaryMarkdown.js';

const anna = { id: 'p-anna-0001' as ParticipantId, name: 'Anna' };
const kaisa = { id: 'p-kaisa-001' as ParticipantId, name: 'Kaisa' };

const sampleSummary: MeetingSummary = {
  version: 2,
  meetingId: 'meeting-0001' as MeetingId,
  groupName: 'Project leads ÄÖ',
  startedAt: '2026-03-14T15:00:00.000Z',
  endedAt: '2026-03-14T16:30:00.000Z',
  facilitator: kaisa,
  attendees: [
    { ...kaisa, role: 'facilitator' },
    { ...anna, role: 'member' },
  ],
  agenda: [
    {
      instanceId: 'reflection-1',
      methodId: 'reflection',
      name: { en: 'Reflection', fi: 'Reflektio', sv: 'Reflektion' },
      steps: [
        {
          stepId: 'what-alone',
          title: { en: 'What happened?', fi: 'Mitä tapahtui?', sv: 'Vad hände?' },
          plannedMinutes: 1,
          enteredAt: '2026-03-14T16:00:00.000Z',
          leftAt: '2026-03-14T16:02:00.000Z',
          durationMs: 120_000,
        },
        {
          stepId: 'closing-words',
          title: { en: 'Closing words', fi: 'Loppusanat', sv: 'Avslutande ord' },
          plannedMinutes: 5,
          enteredAt: null,
          leftAt: null,
          durationMs: 0,
        },
      ],
    },
  ],
  goals: [{ goalId: 'goal-00001' as GoalId, text: 'Win a grant', progress: [{ authorName: 'Anna', text: 'Drafted' }] }],
  cases: [],
  reflections: [{ instanceId: 'reflection-1', what: ['# not a heading'], soWhat: [], nowWhat: ['Call Liisa'] }],
  actionItems: [{ id: 'action-0001' as ActionItemId, text: 'Call Liisa', ownerName: 'Anna', dueDate: '2026-04-01' }],
  votes: [
    {
      voteId: 'vote-1',
      frameName: 'Ideas',
      voterCount: 3,
      results: [{ shapeId: 'shape:a', text: 'Pilot', count: 4 }],
    },
  ],
  nextMeeting: { date: '2026-05-20', time: '17:30', place: 'https://meet.example/verme', theme: 'Funding' },
};

function caseOf(): MeetingSummary['cases'][number] {
  return {
    instanceId: 'problem-clinic-4',
    methodName: { en: 'Problem clinic', fi: 'Ongelmaklinikka', sv: 'Problemklinik' },
    owner: anna,
    keyQuestion: ['How can I say no?'],
    starredIdeas: ['Ask for a week'],
  };
}

describe('summaryToMarkdown', () => {
  it('is a valid summary fixture', () => {
    expect(meetingSummarySchema.parse(sampleSummary)).toEqual(sampleSummary);
  });

  it('writes every section in English', () => {
    const md = summaryToMarkdown(sampleSummary, { locale: 'en', timeZone: 'Europe/Helsinki' });
    expect(md).toContain('# Meeting summary — Project leads ÄÖ');
    expect(md).toContain('**Facilitator:** Kaisa');
    expect(md).toContain('**Attended:** Kaisa (facilitator), Anna');
    expect(md).toContain('- What happened? — 6:00 PM–6:02 PM, 2 min (planned 1 min)');
    expect(md).toContain('- Closing words — not reached (planned 5 min)');
    expect(md).toContain('- **Anna:** Drafted');
    expect(md).toContain('### Now what?\n\n- Call Liisa');
    expect(md).toContain('- \\# not a heading');
    expect(md).toContain('- [ ] Call Liisa — Anna, due April 1, 2026');
    expect(md).toContain('### Ideas (3 voters)\n\n- Pilot — 4 votes');
  });

  it('writes Finnish, with UTC times when no zone is given', () => {
    const md = summaryToMarkdown(sampleSummary, { locale: 'fi' });
    expect(md).toContain('# Tapaamisen yhteenveto – Project leads ÄÖ');
    expect(md).toContain('(UTC)');
    expect(md).toContain('### Mitä nyt?');
    // Dates in the group's language, and the en dash of Finnish typography.
    expect(md).toContain('Call Liisa – Anna, määräpäivä 1. huhtikuuta 2026');
    expect(md).toContain('4 ääntä');
    expect(md).toContain('Loppusanat – ei ehditty');
    expect(md).not.toContain(' — ');
    expect(md).toContain('## Seuraava tapaaminen\n\n- **Aika:** 20. toukokuuta 2026 17:30');
    expect(md).toContain('- **Paikka:** https://meet.example/verme');
  });

  it('writes Swedish, with the en dash and Swedish dates and plurals', () => {
    const md = summaryToMarkdown(
      { ...sampleSummary, cases: [caseOf()], votes: [{ ...sampleSummary.votes[0]!, voterCount: 1 }] },
      { locale: 'sv', timeZone: 'Europe/Helsinki' },
    );
    expect(md).toContain('# Sammanfattning av träffen – Project leads ÄÖ');
    expect(md).toContain('**Facilitator:** Kaisa');
    expect(md).toContain('### Vad nu?');
    expect(md).toContain('Call Liisa – Anna, senast 1 april 2026');
    expect(md).toContain('### Ideas (1 röstande)\n\n- Pilot – 4 röster');
    expect(md).toContain('Avslutande ord – hanns inte med');
    expect(md).toContain('## Fall');
    expect(md).toContain('## Nästa träff');
    expect(md).not.toContain(' — ');
  });

  it('puts the case, the decisions and the action items first and the step timing last', () => {
    const md = summaryToMarkdown({ ...sampleSummary, cases: [caseOf()] }, { locale: 'en' });
    const at = (heading: string) => md.indexOf(`## ${heading}`);
    expect(at('Cases')).toBeGreaterThan(0);
    expect(at('Cases')).toBeLessThan(at('Vote results'));
    expect(at('Vote results')).toBeLessThan(at('Action items'));
    expect(at('Action items')).toBeLessThan(at('Next meeting'));
    expect(at('Next meeting')).toBeLessThan(at('Goals and progress'));
    expect(at('Reflection')).toBeLessThan(at('Agenda as run'));
    expect(md.trimEnd().endsWith('(planned 5 min)')).toBe(true);
  });

  it('leaves the next meeting out when nothing was agreed (summaries from before it too)', () => {
    const { nextMeeting: _omitted, ...older } = sampleSummary;
    expect(meetingSummarySchema.parse(older)).toEqual(older);
    expect(summaryToMarkdown(older, { locale: 'en' })).not.toContain('Next meeting');
  });

  it('names each breakout room’s case owner, in every language', () => {
    const troika = {
      ...caseOf(),
      methodName: { en: 'Troika consulting', fi: 'Troikka-konsultaatio', sv: 'Trojkakonsultation' },
      owner: null,
      roomOwners: [
        { room: '1', owner: anna },
        { room: '2', owner: kaisa },
      ],
    };
    const summary = { ...sampleSummary, cases: [troika] };
    expect(meetingSummarySchema.parse(summary)).toEqual(summary);
    const en = summaryToMarkdown(summary, { locale: 'en' });
    expect(en).toContain('**Case owner in room 1:** Anna  \n**Case owner in room 2:** Kaisa');
    expect(en).not.toContain('**Case owner:**');
    expect(summaryToMarkdown(summary, { locale: 'fi' })).toContain('**Tapauksen tuoja huoneessa 2:** Kaisa');
    expect(summaryToMarkdown(summary, { locale: 'sv' })).toContain('**Fallägare i rum 1:** Anna');
    // A case with no owner anywhere still says so.
    expect(summaryToMarkdown({ ...summary, cases: [{ ...troika, roomOwners: [] }] }, { locale: 'en' })).toContain(
      '**Case owner:** —',
    );
  });

  it('escapes Markdown structure in people’s text', () => {
    expect(markdownText('1. *bold* [x](y)\nnext')).toBe('\\1. \\*bold\\* \\[x\\](y)  \n  next');
  });

  it('names the file after the group and the date', () => {
    expect(summaryFileName(sampleSummary, 'md')).toBe('project-leads-ao-2026-03-14.md');
  });
});
