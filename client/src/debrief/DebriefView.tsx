// A meeting's debrief, as the server computed it: the timeline (an SVG with a table of the same
// facts beside it for screen readers and small screens), where the meeting ran over, the
// round-robin turns, the talk-time balance as a bar chart with its numbers, raised hands, and the
// coaching notes (a coach adds them here; the facilitator reads them).
import type { CoachingNote, Debrief, DebriefResponse, MeetingId } from '@vermeboard/shared';
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { HttpError } from '../api/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { debriefApi } from './api.js';
import { clock, stepName, ticks, timelineGeometry, timelinePoints, timelineWidth } from './timelineModel.js';
import './debrief.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; kind: 'forbidden' | 'gone' | 'other' }
  | { status: 'ready'; data: DebriefResponse };

export function DebriefView({ meetingId, token }: { meetingId: MeetingId | string; token: string }) {
  const { t, locale } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const load = useCallback(() => {
    debriefApi.debrief(meetingId, token).then(
      (data) => setLoaded({ status: 'ready', data }),
      (err: unknown) => {
        const status = err instanceof HttpError ? err.status : 0;
        setLoaded({ status: 'error', kind: status === 403 ? 'forbidden' : status === 404 ? 'gone' : 'other' });
      },
    );
  }, [meetingId, token]);
  useEffect(load, [load]);

  if (loaded.status === 'loading') return <p role="status">{t('debrief.loading')}</p>;
  if (loaded.status === 'error') {
    const key =
      loaded.kind === 'forbidden'
        ? 'debrief.forbidden'
        : loaded.kind === 'gone'
          ? 'debrief.gone'
          : 'debrief.loadFailed';
    return (
      <p role="alert" className="debrief-error">
        {t(key)}
      </p>
    );
  }
  const { debrief: d, notes, mayAddNotes, meeting } = loaded.data;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(meeting.createdAt),
  );
  return (
    <div className="debrief">
      <p className="debrief-meta">
        {t('debrief.meetingOf', { date })} ·{' '}
        {t('debrief.totals', { planned: clock(d.plannedMs), actual: clock(d.actualMs) })}
      </p>
      {d.truncated && <p className="debrief-warning">{t('debrief.truncated')}</p>}
      {d.steps.length === 0 ? (
        <p>{t('debrief.empty')}</p>
      ) : (
        <>
          <Timeline d={d} notes={notes} />
          <StepsTable d={d} />
          <Overruns d={d} />
          <Turns d={d} />
          <TalkChart d={d} />
          <Hands d={d} />
        </>
      )}
      <Notes d={d} notes={notes} mayAdd={mayAddNotes} meetingId={meetingId} token={token} onAdded={load} />
    </div>
  );
}

/** A server time as the time since the meeting started, as the timeline's axis counts it. */
function sinceStart(d: Debrief) {
  const start = timelineGeometry(d).start;
  return (at: number) => clock(at - start);
}

const rowHeight = 34;

function Timeline({ d, notes }: { d: Debrief; notes: readonly CoachingNote[] }) {
  const { t, locale } = useI18n();
  const id = useId();
  const g = timelineGeometry(d);
  const height = 30 + d.steps.length * rowHeight * 2 + 20;
  const rowY = (i: number) => 30 + i * rowHeight * 2;
  return (
    <section className="debrief-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('debrief.timeline')}</h2>
      <p id={`${id}-desc`} className="muted">
        {t('debrief.timelineDesc')}
      </p>
      <div className="debrief-timeline-box">
        <svg
          className="debrief-timeline"
          viewBox={`-4 0 ${timelineWidth + 8} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          preserveAspectRatio="none"
        >
          {ticks(g).map((tick) => (
            // The last label would run off the right edge; its line stays.
            <g key={tick} className="debrief-tick">
              <line x1={g.x(g.start + tick)} x2={g.x(g.start + tick)} y1={16} y2={height - 8} />
              {g.x(g.start + tick) < timelineWidth - 30 && (
                <text x={g.x(g.start + tick) + 3} y={12}>
                  {clock(tick)}
                </text>
              )}
            </g>
          ))}
          {d.steps.map((s, i) => {
            const y = rowY(i);
            const over = s.overrunMs > 0;
            const planEnd = s.enteredAt + s.plannedMs;
            return (
              <g key={`${s.instanceId}/${s.stepId}/${s.enteredAt}`} data-step={s.stepId}>
                <title>
                  {`${stepName(s, locale)}: ${t('debrief.planned')} ${clock(s.plannedMs)}, ${t('debrief.actual')} ${clock(s.actualMs)}`}
                </title>
                {s.plannedMs > 0 && (
                  <rect
                    className="debrief-plan"
                    x={g.x(s.enteredAt)}
                    y={y}
                    width={g.w(s.plannedMs)}
                    height={rowHeight - 10}
                  />
                )}
                <rect
                  className="debrief-actual"
                  x={g.x(s.enteredAt)}
                  y={y + 4}
                  width={g.w(over ? s.plannedMs : s.actualMs)}
                  height={rowHeight - 18}
                />
                {over && (
                  <>
                    <rect
                      className="debrief-over"
                      x={g.x(planEnd)}
                      y={y + 4}
                      width={g.w(s.overrunMs)}
                      height={rowHeight - 18}
                    />
                    <line
                      className="debrief-over-mark"
                      x1={g.x(planEnd)}
                      x2={g.x(planEnd)}
                      y1={y - 4}
                      y2={y + rowHeight}
                    />
                  </>
                )}
                <text
                  className="debrief-step-label"
                  x={Math.min(g.x(s.enteredAt) + 2, timelineWidth - 200)}
                  y={y + rowHeight + 8}
                >
                  {stepName(s, locale)}
                </text>
                {d.turns
                  .filter(
                    (tn) =>
                      tn.instanceId === s.instanceId &&
                      tn.stepId === s.stepId &&
                      tn.startedAt >= s.enteredAt &&
                      tn.startedAt <= s.leftAt,
                  )
                  .map((tn, k) => (
                    <rect
                      key={tn.startedAt}
                      className={`debrief-turn debrief-turn-${k % 2}${tn.passed ? ' debrief-turn-passed' : ''}`}
                      x={g.x(tn.startedAt)}
                      y={y + rowHeight + 12}
                      width={g.w(tn.ms)}
                      height={10}
                    >
                      <title>{`${tn.name}: ${clock(tn.ms)}${tn.passed ? ` (${t('debrief.passed')})` : ''}`}</title>
                    </rect>
                  ))}
              </g>
            );
          })}
          {d.hands.map((h) => (
            <path
              key={`${h.participantId}/${h.raisedAt}`}
              className="debrief-hand"
              d={`M ${g.x(h.raisedAt)} 18 l 6 10 l -12 0 z`}
            >
              <title>{`${t('debrief.hands')}: ${h.name}, ${t('debrief.waited')} ${clock(h.waitedMs)}`}</title>
            </path>
          ))}
          {notes.map((n) => (
            <circle key={n.id} className="debrief-note-mark" cx={g.x(n.at)} cy={height - 10} r={6}>
              <title>{n.text}</title>
            </circle>
          ))}
        </svg>
      </div>
    </section>
  );
}

/** A titled card of the debrief; `empty` stands in for its content when there is nothing to show. */
function Section({ title, empty, children }: { title: string; empty?: string | null; children?: ReactNode }) {
  const id = useId();
  return (
    <section className="debrief-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

interface Row {
  key: string;
  /** The row's header cell: what the row is about. */
  header: string;
  cells: string[];
  className?: string;
}

/** One of the debrief's tables: column headers, then a header cell and data cells per row. */
function Table({ columns, rows }: { columns: string[]; rows: Row[] }) {
  return (
    <div className="debrief-table-box">
      <table className="debrief-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.className}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StepsTable({ d }: { d: Debrief }) {
  const { t, locale } = useI18n();
  const time = sinceStart(d);
  return (
    <Section title={t('debrief.steps')}>
      <Table
        columns={[
          t('debrief.step'),
          t('debrief.start'),
          t('debrief.planned'),
          t('debrief.actual'),
          t('debrief.overrun'),
        ]}
        rows={d.steps.map((s) => ({
          key: `${s.instanceId}/${s.stepId}/${s.enteredAt}`,
          header: stepName(s, locale),
          cells: [
            time(s.enteredAt),
            clock(s.plannedMs),
            clock(s.actualMs),
            s.overrunMs > 0 ? `+${clock(s.overrunMs)}` : t('debrief.onTime'),
          ],
          ...(s.overrunMs > 0 && { className: 'debrief-row-over' }),
        }))}
      />
    </Section>
  );
}

function Overruns({ d }: { d: Debrief }) {
  const { t, locale } = useI18n();
  return (
    <Section title={t('debrief.overruns')} empty={d.overruns.length === 0 ? t('debrief.noOverruns') : null}>
      <ul className="debrief-overrun-list">
        {d.overruns.map((i) => {
          const s = d.steps[i]!;
          return (
            <li key={i}>
              <span className="debrief-over-badge" aria-hidden="true">
                !
              </span>{' '}
              {stepName(s, locale)}: {t('debrief.ranOver', { time: clock(s.overrunMs) })}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function Turns({ d }: { d: Debrief }) {
  const { t, locale } = useI18n();
  const time = sinceStart(d);
  const stepOf = (instanceId: string, stepId: string) =>
    d.steps.find((s) => s.instanceId === instanceId && s.stepId === stepId);
  return (
    <Section title={t('debrief.turns')} empty={d.turns.length === 0 ? t('debrief.noTurns') : null}>
      <Table
        columns={[t('debrief.speaker'), t('debrief.step'), t('debrief.start'), t('debrief.length')]}
        rows={d.turns.map((tn) => {
          const s = stepOf(tn.instanceId, tn.stepId);
          return {
            key: `${tn.participantId}/${tn.startedAt}`,
            header: tn.name,
            cells: [
              s ? stepName(s, locale) : tn.stepId,
              time(tn.startedAt),
              tn.passed ? `${clock(tn.ms)} (${t('debrief.passed')})` : clock(tn.ms),
            ],
          };
        })}
      />
    </Section>
  );
}

function TalkChart({ d }: { d: Debrief }) {
  const { t } = useI18n();
  if (d.talk.length === 0) return null;
  const most = Math.max(...d.talk.map((r) => r.ms), 1);
  return (
    <Section title={t('debrief.talk')}>
      <p className="muted">{t('debrief.talkDesc')}</p>
      <ul className="debrief-bars">
        {d.talk.map((r) => (
          <li key={r.participantId} className="debrief-bar-row">
            <span className="debrief-bar-text">
              {t('debrief.talkRow', {
                name: r.name,
                time: clock(r.ms),
                share: Math.round(r.share * 100),
                turns: r.turns,
              })}
            </span>
            <span className="debrief-bar-track" aria-hidden="true">
              <span className="debrief-bar" style={{ width: `${(r.ms / most) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Hands({ d }: { d: Debrief }) {
  const { t } = useI18n();
  const time = sinceStart(d);
  return (
    <Section title={t('debrief.hands')} empty={d.hands.length === 0 ? t('debrief.noHands') : null}>
      <Table
        columns={[t('debrief.person'), t('debrief.raisedAt'), t('debrief.waited')]}
        rows={d.hands.map((h) => ({
          key: `${h.participantId}/${h.raisedAt}`,
          header: h.name,
          cells: [
            time(h.raisedAt),
            h.loweredAt === null ? `${clock(h.waitedMs)} (${t('debrief.stillUp')})` : clock(h.waitedMs),
          ],
        }))}
      />
    </Section>
  );
}

interface NotesProps {
  d: Debrief;
  notes: readonly CoachingNote[];
  mayAdd: boolean;
  meetingId: MeetingId | string;
  token: string;
  onAdded(): void;
}

function Notes({ d, notes, mayAdd, meetingId, token, onAdded }: NotesProps) {
  const { t, locale } = useI18n();
  const time = sinceStart(d);
  const id = useId();
  const points = timelinePoints(d, locale, (kind, params) =>
    t(kind === 'step' ? 'debrief.pointStep' : kind === 'turn' ? 'debrief.pointTurn' : 'debrief.pointHand', params),
  );
  const [at, setAt] = useState(points[0]?.at ?? d.startedAt ?? 0);
  const [text, setText] = useState('');
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!mayAdd && notes.length === 0) return null;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    debriefApi.addNote(meetingId, token, at, text).then(
      () => {
        setBusy(false);
        setText('');
        setResult('saved');
        onAdded();
      },
      () => {
        setBusy(false);
        setResult('failed');
      },
    );
  };

  return (
    <section className="debrief-section" aria-labelledby={`${id}-notes`}>
      <h2 id={`${id}-notes`}>{t('debrief.notes')}</h2>
      <p className="muted">{t('debrief.notesPrivate')}</p>
      {notes.length === 0 ? (
        <p>{t('debrief.noNotes')}</p>
      ) : (
        <ul className="debrief-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="debrief-note-head">{t('debrief.noteBy', { name: n.coachName, time: time(n.at) })}</p>
              <p className="debrief-note-text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      {mayAdd && (
        <form className="debrief-note-form" onSubmit={save}>
          <h3>{t('debrief.addNote')}</h3>
          <label htmlFor={`${id}-point`}>{t('debrief.notePoint')}</label>
          <select id={`${id}-point`} value={at} onChange={(e) => setAt(Number(e.target.value))}>
            {points.map((p) => (
              <option key={`${p.kind}/${p.at}/${p.label}`} value={p.at}>
                {`${time(p.at)} · ${p.label}`}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-text`}>{t('debrief.noteText')}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('debrief.saveNote')}
          </button>
          <p role="status" className="debrief-note-status">
            {result === 'saved' ? t('debrief.noteSaved') : result === 'failed' ? t('debrief.noteFailed') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
