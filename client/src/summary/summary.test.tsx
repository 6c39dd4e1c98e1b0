// @vitest-environment node
// The summary as people read it (group home, print view, welcome) and as they download it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import type { ActionItemId, GoalId, GroupId, MeetingId, MeetingSummary, ParticipantId } from '@vermeboard/shared';
import { I18nProvider } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { markdownFile } from './markdownFile.js';
import { SummaryActions } from './SummaryActions.js';
import { SummaryView } from './SummaryView.js';

const kaisa = { id: 'p-kaisa-001' as ParticipantId, name: 'Kaisa' };
const summary: MeetingSummary = {
  version: 2,
  meetingId: 'meeting-0001' as MeetingId,
  groupName: 'Project leads',
  startedAt: '2026-03-14T15:00:00.000Z',
  endedAt: '2026-03-14T16:30:00.000Z',
  facilitator: kaisa,
  attendees: [
    { ...kaisa, role: 'facilitator' },
    { id: 'p-anna-0001' as ParticipantId, name: 'Anna', role: 'member' },
  ],
  agenda: [
    {
      instanceId: 'goal-recap-1',
      methodId: 'goal-recap',
      name: { en: 'Goal recap', fi: 'Tavoitteiden kertaus', sv: 'Genomgång av målen' },
      steps: [
        {
          stepId: 'show-goals',
          title: { en: 'Our goals', fi: 'Ryhmän tavoitteet', sv: 'Gruppens mål' },
          plannedMinutes: 1,
          enteredAt: '2026-03-14T15:00:00.000Z',
          leftAt: '2026-03-14T15:03:00.000Z',
          durationMs: 180_000,
        },
        {
          stepId: 'adjust',
          title: { en: 'Adjust the goals', fi: 'Tavoitteiden tarkistus', sv: 'Justera målen' },
          plannedMinutes: 3,
          enteredAt: null,
          leftAt: null,
          durationMs: 0,
        },
      ],
    },
  ],
  goals: [{ goalId: 'goal-00001' as GoalId, text: 'Win a grant', progress: [{ authorName: 'Anna', text: 'Drafted' }] }],
  cases: [],
  reflections: [{ instanceId: 'reflection-2', what: ['Two cases'], soWhat: [], nowWhat: ['Call Liisa'] }],
  actionItems: [{ id: 'action-0001' as ActionItemId, text: 'Call Liisa', ownerName: 'Anna', dueDate: '2026-04-01' }],
  votes: [
    { voteId: 'vote-1', frameName: 'Ideas', voterCount: 3, results: [{ shapeId: 'shape:a', text: 'Pilot', count: 4 }] },
  ],
};

function render(node: ReactNode, locale: Locale = 'en'): string {
  vi.stubGlobal('localStorage', { getItem: () => locale, setItem: () => {} });
  return renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);
}

afterEach(() => vi.unstubAllGlobals());

describe('SummaryView', () => {
  it('names each breakout room’s case owner, in the reader’s language', () => {
    const troika: MeetingSummary['cases'][number] = {
      instanceId: 'troika-consulting-1',
      methodName: { en: 'Troika consulting', fi: 'Troikka-konsultaatio', sv: 'Trojkakonsultation' },
      owner: null,
      roomOwners: [
        { room: '1', owner: kaisa },
        { room: '2', owner: { id: 'p-anna-0001' as ParticipantId, name: 'Anna' } },
      ],
      keyQuestion: [],
      starredIdeas: [],
    };
    const withRooms = { ...summary, cases: [troika] };
    const html = render(<SummaryView summary={withRooms} />);
    expect(html).toContain('<li>Case owner in room 1: Kaisa</li><li>Case owner in room 2: Anna</li>');
    expect(html).not.toContain('Case owner: ');
    expect(render(<SummaryView summary={withRooms} />, 'fi')).toContain('Tapauksen tuoja huoneessa 2: Anna');
    expect(render(<SummaryView summary={withRooms} />, 'sv')).toContain('Fallägare i rum 1: Kaisa');
  });

  it('shows every section: attendance, the agenda as run, goals, reflection, actions and votes', () => {
    const html = render(<SummaryView summary={summary} />);
    expect(html).toContain('Facilitator: Kaisa');
    expect(html).toContain('Attended: Kaisa (facilitator), Anna');
    expect(html).toContain('<h3>Agenda as run</h3>');
    expect(html).toContain(', 3 min (planned 1 min)');
    expect(html).toContain('Adjust the goals</span><span class="summary-step-time"> — not reached (planned 3 min)');
    expect(html).toContain('<strong>Anna:</strong> Drafted');
    expect(html).toContain('<h4>Now what?</h4><ul class="summary-notes"><li>Call Liisa</li>');
    expect(html).toContain('Call Liisa<span class="muted"> — Anna, due');
    expect(html).toContain('Pilot <span class="muted"> — 4 votes</span>');
    // What was decided comes before the step-timing log.
    expect(html.indexOf('<h3>Action items</h3>')).toBeLessThan(html.indexOf('<h3>Agenda as run</h3>'));
    expect(html.indexOf('<h3>Vote results</h3>')).toBeLessThan(html.indexOf('<h3>Goals and progress</h3>'));
  });

  it('speaks Finnish, method names included', () => {
    const html = render(<SummaryView summary={summary} level={2} />, 'fi');
    expect(html).toContain('<h2>Toteutunut asialista</h2>');
    expect(html).toContain('<h3>Tavoitteiden kertaus</h3>');
    expect(html).toContain('Fasilitaattori: Kaisa');
    expect(html).toContain('<h3>Mitä nyt?</h3>');
    expect(html).toContain('4 ääntä');
  });

  it('speaks Swedish, method names included, with the en dash', () => {
    const html = render(<SummaryView summary={summary} level={2} />, 'sv');
    expect(html).toContain('<h2>Dagordningen som den genomfördes</h2>');
    expect(html).toContain('<h3>Genomgång av målen</h3>');
    expect(html).toContain('Facilitator: Kaisa');
    expect(html).toContain('Närvarande: Kaisa (facilitator), Anna');
    expect(html).toContain('<h3>Vad nu?</h3>');
    expect(html).toContain('Pilot <span class="muted"> – 4 röster</span>');
    expect(html).not.toContain(' — ');
  });
});

describe('SummaryActions', () => {
  it('offers the Markdown as a named download and links the print view', () => {
    const html = render(<SummaryActions summary={summary} groupId={'group-000001' as GroupId} />);
    expect(html).toMatch(
      /<a class="button" href="blob:[^"]+" download="project-leads-2026-03-14.md">Download Markdown<\/a>/,
    );
    expect(html).toContain('href="/g/group-000001/m/meeting-0001/summary" class="button">Print / PDF</a>');
    expect(render(<SummaryActions summary={summary} groupId={'group-000001' as GroupId} />, 'fi')).toContain(
      'Lataa Markdown-tiedostona',
    );
  });

  it('downloads the same Markdown the server serves, in the reader’s language and time zone', async () => {
    const file = markdownFile(summary, 'fi', 'Europe/Helsinki');
    expect(file.fileName).toBe('project-leads-2026-03-14.md');
    expect(file.blob.type).toBe('text/markdown;charset=utf-8');
    const text = await file.blob.text();
    expect(text).toContain('# Tapaamisen yhteenveto – Project leads');
    expect(text).toContain('- [ ] Call Liisa – Anna, määräpäivä 1. huhtikuuta 2026');
    expect(text).toContain('17.00');
  });
});
