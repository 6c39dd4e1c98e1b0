// Pure helpers of the debrief page: durations as clock text, step names, the points a coaching
// note can be attached to, and the timeline's geometry (time → x in the SVG's own units).
import { builtInMethods, type Debrief, type DebriefStep } from '@vermeboard/shared';
import type { Locale } from '../i18n/messages.js';

/** `m:ss`, or `h:mm:ss` past an hour: the same in English and Finnish, and what a timer shows. */
export function clock(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "Method: step" from the built-in library; the ids for a method this version does not know. */
export function stepName(step: Pick<DebriefStep, 'methodId' | 'stepId'>, locale: Locale): string {
  const method = builtInMethods[step.methodId];
  const found = method?.steps.find((s) => s.id === step.stepId);
  if (!method || !found) return `${step.methodId}: ${step.stepId}`;
  return `${method.name[locale]}: ${found.title[locale]}`;
}

/** Width of the timeline in SVG units; the SVG scales to its box. */
export const timelineWidth = 1000;

export interface TimelineGeometry {
  start: number;
  end: number;
  /** Server time → x. */
  x(at: number): number;
  /** Duration → width, at least a hairline so that a short turn stays visible. */
  w(ms: number): number;
}

/** Spans the meeting from its first step to the later of its end and its last planned step end. */
export function timelineGeometry(d: Debrief): TimelineGeometry {
  const first = d.steps[0];
  const start = d.startedAt ?? first?.enteredAt ?? 0;
  const ends = d.steps.map((s) => Math.max(s.leftAt, s.enteredAt + s.plannedMs));
  const end = Math.max(start + 1000, d.endedAt ?? start, ...ends);
  const scale = timelineWidth / (end - start);
  return {
    start,
    end,
    x: (at) => (at - start) * scale,
    w: (ms) => Math.max(1, ms * scale),
  };
}

/** Ticks every 5, 10, 15 or 30 minutes, so a timeline has a handful of labels. */
export function ticks(g: TimelineGeometry): number[] {
  const span = g.end - g.start;
  const step =
    [60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000].find((s) => span / s <= 8) ?? 2 * 3600_000;
  const out: number[] = [];
  for (let t = 0; t <= span; t += step) out.push(t);
  return out;
}

export interface TimelinePoint {
  at: number;
  kind: 'step' | 'turn' | 'hand';
  label: string;
}

/** What a coach can pin a note to: each step visit's start, each turn's start, each raised hand. */
export function timelinePoints(
  d: Debrief,
  locale: Locale,
  label: (kind: TimelinePoint['kind'], params: Record<string, string>) => string,
): TimelinePoint[] {
  const stepOf = (instanceId: string, stepId: string) =>
    d.steps.find((s) => s.instanceId === instanceId && s.stepId === stepId);
  const points: TimelinePoint[] = [
    ...d.steps.map((s) => ({
      at: s.enteredAt,
      kind: 'step' as const,
      label: label('step', { step: stepName(s, locale) }),
    })),
    ...d.turns.map((t) => {
      const s = stepOf(t.instanceId, t.stepId);
      return {
        at: t.startedAt,
        kind: 'turn' as const,
        label: label('turn', { name: t.name, step: s ? stepName(s, locale) : t.stepId }),
      };
    }),
    ...d.hands.map((h) => ({ at: h.raisedAt, kind: 'hand' as const, label: label('hand', { name: h.name }) })),
  ];
  return points.sort((a, b) => a.at - b.at);
}
