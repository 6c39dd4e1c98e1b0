// A meeting summary as a Markdown document in one language. Board text is people's writing, so it
// is escaped where Markdown would read it as structure (a note starting with "#" stays text).
import type { Locale } from '../facilitation/method.js';
import type { MeetingSummary } from './meetingSummary.js';
import { summaryLabels } from './summaryLabels.js';

/** Escapes characters Markdown gives meaning to, and keeps a multi-line text inside its list item. */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3')
    .replace(/\n/g, '  \n  ');
}

export interface MarkdownOptions {
  locale: Locale;
  /** IANA time zone for times; UTC when omitted or unknown. */
  timeZone?: string;
}

function validZone(zone: string | undefined): string {
  if (zone === undefined) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const minutes = (ms: number) => Math.round(ms / 60_000);

export function summaryToMarkdown(summary: MeetingSummary, opts: MarkdownOptions): string {
  const l = summaryLabels[opts.locale];
  const timeZone = validZone(opts.timeZone);
  const dateTime = new Intl.DateTimeFormat(opts.locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(opts.locale, { timeStyle: 'short', timeZone });
  // Calendar dates (due dates, the next meeting) are days, not instants: formatted at noon UTC so
  // no zone moves them to another day.
  const day = new Intl.DateTimeFormat(opts.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const zoneNote = timeZone === 'UTC' ? ' (UTC)' : '';
  const out: string[] = [];
  const list = (items: readonly string[]) => {
    if (items.length === 0) out.push(`- *${l.none}*`);
    for (const item of items) out.push(`- ${markdownText(item)}`);
  };

  out.push(`# ${markdownText(l.title(summary.groupName))}`, '');
  out.push(
    `**${l.held}:** ${dateTime.format(new Date(summary.startedAt))} – ${time.format(new Date(summary.endedAt))}${zoneNote}  `,
  );
  out.push(`**${l.facilitator}:** ${summary.facilitator ? markdownText(summary.facilitator.name) : '—'}  `);
  const attendees = summary.attendees.map((a) =>
    a.role === 'member' ? markdownText(a.name) : `${markdownText(a.name)} (${l.roles[a.role]})`,
  );
  out.push(`**${l.attendees}:** ${attendees.length > 0 ? attendees.join(', ') : l.nobody}`, '');

  // What the group decided comes first: the case, the votes and the action items, then the next
  // meeting, goals and reflection; the step-timing log is last.
  if (summary.cases.length > 0) {
    out.push(`## ${l.cases}`, '');
    for (const c of summary.cases) {
      out.push(`### ${markdownText(c.methodName[opts.locale])}`, '');
      const inRooms = c.roomOwners ?? [];
      // Where only rooms chose owners, a plenary "Case owner: —" would read as if nobody had.
      if (c.owner || inRooms.length === 0) {
        out.push(`**${l.caseOwner}:** ${c.owner ? markdownText(c.owner.name) : '—'}`, '');
      }
      for (const r of inRooms)
        out.push(`**${l.roomCaseOwner(markdownText(r.room))}:** ${markdownText(r.owner.name)}  `);
      if (inRooms.length > 0) out.push('');
      out.push(`**${l.keyQuestion}:**`, '');
      list(c.keyQuestion);
      out.push('', `**${l.starredIdeas}:**`, '');
      list(c.starredIdeas);
      out.push('');
    }
  }

  if (summary.votes.length > 0) {
    out.push(`## ${l.votes}`, '');
    for (const v of summary.votes) {
      out.push(`### ${markdownText(v.frameName ?? v.voteId)} (${l.voters(v.voterCount)})`, '');
      for (const r of v.results) out.push(`- ${markdownText(r.text || '—')}${l.dash}${l.votesFor(r.count)}`);
      out.push('');
    }
  }
  if (summary.actionItems.length > 0) {
    out.push(`## ${l.actionItems}`, '');
    for (const a of summary.actionItems) {
      const due = a.dueDate && l.due(day.format(new Date(`${a.dueDate}T12:00:00Z`)));
      const details = [a.ownerName && markdownText(a.ownerName), due].filter(Boolean);
      out.push(`- [ ] ${markdownText(a.text)}${details.length > 0 ? `${l.dash}${details.join(', ')}` : ''}`);
    }
    out.push('');
  }

  if (summary.nextMeeting) {
    const n = summary.nextMeeting;
    out.push(`## ${l.nextMeeting}`, '');
    const when = [n.date && day.format(new Date(`${n.date}T12:00:00Z`)), n.time].filter(Boolean).join(' ');
    if (when) out.push(`- **${l.when}:** ${when}`);
    if (n.place) out.push(`- **${l.place}:** ${markdownText(n.place)}`);
    if (n.theme) out.push(`- **${l.theme}:** ${markdownText(n.theme)}`);
    out.push('');
  }

  if (summary.goals.length > 0) {
    out.push(`## ${l.goals}`, '');
    for (const goal of summary.goals) {
      out.push(`### ${markdownText(goal.text)}`, '');
      if (goal.progress.length === 0) out.push(`*${l.noProgress}*`);
      for (const p of goal.progress) out.push(`- **${markdownText(p.authorName)}:** ${markdownText(p.text)}`);
      out.push('');
    }
  }

  for (const r of summary.reflections) {
    out.push(`## ${l.reflection}`, '');
    for (const [label, notes] of [
      [l.what, r.what],
      [l.soWhat, r.soWhat],
      [l.nowWhat, r.nowWhat],
    ] as const) {
      out.push(`### ${label}`, '');
      list(notes);
      out.push('');
    }
  }

  if (summary.agenda.length > 0) {
    out.push(`## ${l.agenda}`, '');
    for (const item of summary.agenda) {
      out.push(`### ${markdownText(item.name[opts.locale])}`, '');
      for (const step of item.steps) {
        const when =
          step.enteredAt === null
            ? l.skipped
            : `${time.format(new Date(step.enteredAt))}–${step.leftAt ? time.format(new Date(step.leftAt)) : ''}, ${l.actual(minutes(step.durationMs))}`;
        out.push(`- ${markdownText(step.title[opts.locale])}${l.dash}${when} (${l.planned(step.plannedMinutes)})`);
      }
      out.push('');
    }
  }

  return `${out.join('\n').trimEnd()}\n`;
}

/** A file name for the export: the group and the meeting's date, safe on every file system. */
export function summaryFileName(summary: MeetingSummary, extension: string): string {
  const group = summary.groupName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${group || 'meeting'}-${summary.startedAt.slice(0, 10)}.${extension}`;
}
