// One simulated participant of a rehearsal: a real client of this server, as a browser is. It holds
// a personal token (it joined through the rehearsal group's member link), buys a single-use sync
// ticket for every connection, opens the meeting's session, board and its own private document over
// y-websocket, and changes the session only with commands over HTTP. Nothing in the engine knows it
// is a bot: the server checks its board updates, awareness and commands as anyone's.
//
// What it does comes from botMoves.ts; here each planned move waits its time (scaled by the
// rehearsal's speed), is checked again against the session as it is then, and is carried out.
import type { Logger } from 'pino';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  PRIVATE_META,
  currentStep,
  formatDocName,
  isLayoutShapeId,
  stepKey,
  type ClientCommand,
  type GroupLocale,
  type MeetingId,
  type ParticipantId,
  type SessionState,
} from '@vermeboard/shared';
import { readRecords, setRecords } from '../facilitation/boardRecords.js';
import { readSession } from '../facilitation/sessionDoc.js';
import { defaultPageId, noteRecord } from '../board/shapeRecords.js';
import { movesFor, stillApplies, type Chance, type PlannedMove } from './botMoves.js';
import { botNotes } from './botVoices.js';

export interface SimulatedParticipantOptions {
  /** This server's own address, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  meetingId: MeetingId;
  participantId: ParticipantId;
  token: string;
  name: string;
  color: string;
  locale: GroupLocale;
  /** Planned durations are divided by this. */
  speed: number;
  chance: Chance;
  logger: Logger;
  /** Told every session state this bot's copy reaches (the rehearsal watches for the end). */
  onSession?: (state: SessionState) => void;
}

/** Reconnects after the server closed a connection, before the bot gives that document up. */
const maxReconnects = 5;
/** Looks, two seconds apart, for notes to vote on in an open vote's frame. */
const maxVoteTries = 30;

interface Channel {
  doc: Y.Doc;
  provider: WebsocketProvider;
  docName: string;
  reconnects: number;
}

export class SimulatedParticipant {
  private readonly session: Channel;
  private readonly board: Channel;
  private readonly private: Channel;
  private readonly planned = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private notesWritten = 0;
  private stopped = false;

  constructor(private readonly opts: SimulatedParticipantOptions) {
    const { meetingId, participantId } = opts;
    this.session = this.channel(formatDocName({ kind: 'session', meetingId }));
    this.board = this.channel(formatDocName({ kind: 'board', meetingId }));
    this.private = this.channel(formatDocName({ kind: 'private', meetingId, participantId }));
    this.session.doc.on('update', () => this.onSessionChanged());
  }

  get participantId(): ParticipantId {
    return this.opts.participantId;
  }

  /** Opens the three connections (each with its own ticket). */
  async start(): Promise<void> {
    await Promise.all([this.session, this.board, this.private].map((c) => this.connect(c)));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of [this.session, this.board, this.private]) {
      c.provider.destroy();
      c.doc.destroy();
    }
  }

  private channel(docName: string): Channel {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${this.opts.baseUrl.replace(/^http/, 'ws')}/sync`, docName, doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // A ticket opens one connection once: every reconnect buys a new one (see `closed` below).
      shouldReconnect: () => false,
    });
    const channel: Channel = { doc, provider, docName, reconnects: 0 };
    provider.awareness.setLocalState({
      user: { id: this.opts.participantId, name: this.opts.name, color: this.opts.color, role: 'member' },
      presence: null,
    });
    provider.on('closed', () => {
      if (this.stopped || channel.reconnects >= maxReconnects) return;
      channel.reconnects++;
      this.connect(channel).catch((err: unknown) => this.opts.logger.debug({ err }, 'a bot could not reconnect'));
    });
    return channel;
  }

  private async connect(channel: Channel): Promise<void> {
    const { ticket } = (await this.request('/api/sync-tickets', { docName: channel.docName })) as { ticket: string };
    if (this.stopped) return;
    channel.provider.params = { ticket };
    channel.provider.connect();
  }

  private async request(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.opts.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer: unknown = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  private command(command: ClientCommand): Promise<unknown> {
    return this.request(`/api/meetings/${this.opts.meetingId}/commands`, { command });
  }

  private state(): SessionState | null {
    const read = readSession(this.session.doc);
    return read.ok ? read.value : null;
  }

  private onSessionChanged(): void {
    if (this.stopped) return;
    const state = this.state();
    if (state === null) return;
    this.opts.onSession?.(state);
    if (state.status === 'ended') return;
    for (const planned of movesFor(state, this.opts.participantId, this.opts.chance)) {
      if (this.planned.has(planned.key)) continue;
      this.planned.add(planned.key);
      this.schedule(planned);
    }
  }

  private schedule(planned: PlannedMove): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        const state = this.state();
        if (this.stopped || state === null || !stillApplies(state, this.opts.participantId, planned)) return;
        this.act(planned, state).catch((err: unknown) =>
          // A move that crossed the facilitator's click (the turn moved on) is refused: harmless.
          this.opts.logger.debug({ err, move: planned.move.kind }, 'a bot’s move was refused'),
        );
      },
      Math.max(200, planned.afterMs / this.opts.speed),
    );
    this.timers.add(timer);
  }

  private async act(planned: PlannedMove, state: SessionState): Promise<void> {
    const { move } = planned;
    const me = this.opts.participantId;
    switch (move.kind) {
      case 'writePrivate':
        this.writeNote(this.private.doc, move.frameId, state, true);
        return;
      case 'writeBoard':
        this.writeNote(this.board.doc, move.frameId, state, false);
        return;
      case 'markDone':
        await this.command({ type: 'markDone' });
        return;
      case 'raiseHand':
        await this.command({ type: 'raiseHand' });
        return;
      case 'lowerHand':
        await this.command({ type: 'lowerHand' });
        return;
      case 'takeTurn':
        if (move.pass) {
          await this.command({ type: 'passTurn', speakerId: me });
          return;
        }
        if (move.share) await this.command({ type: 'shareNotes', speakerId: me });
        await this.command({ type: 'nextTurn', speakerId: me });
        return;
      case 'vote': {
        const choices = this.voteChoices(move.frameShapeId, move.dots);
        // Nothing to vote on yet (the notes are still being written): look again in a moment.
        if (choices.length === 0 && (planned.tries ?? 0) < maxVoteTries) {
          this.schedule({ ...planned, afterMs: 2000 * this.opts.speed, tries: (planned.tries ?? 0) + 1 });
        }
        for (const shapeId of choices) await this.command({ type: 'castVote', voteId: move.voteId, shapeId });
        return;
      }
    }
  }

  /** A note somewhere inside the frame (or on the page), with one of the group language's sample texts. */
  private writeNote(doc: Y.Doc, frameId: string | null, state: SessionState, isPrivate: boolean): void {
    const frame = frameId === null ? undefined : frameSize(readRecords(this.board.doc).get(frameId));
    const parentId = frame ? frameId! : defaultPageId;
    const { w, h } = frame ?? { w: 1200, h: 900 };
    const texts = botNotes[this.opts.locale];
    const text = texts[Math.floor(this.opts.chance() * texts.length)] ?? texts[0]!;
    const current = currentStep(state);
    const id = `shape:bot-${this.opts.participantId}-${++this.notesWritten}`;
    const meta = isPrivate
      ? {
          [PRIVATE_META.private]: true,
          [PRIVATE_META.author]: this.opts.participantId,
          ...(current ? { [PRIVATE_META.step]: stepKey(current.ref) } : {}),
        }
      : {};
    const record = noteRecord({
      id,
      parentId,
      x: 20 + Math.round(this.opts.chance() * Math.max(0, w - 260)),
      y: 80 + Math.round(this.opts.chance() * Math.max(0, h - 320)),
      text,
      color: 'yellow',
      meta,
    });
    setRecords(doc, new Map([[id, record]]));
  }

  /** `dots` notes of the frame to put a dot on, different ones while there are enough. */
  private voteChoices(frameShapeId: string, dots: number): string[] {
    const notes = [...readRecords(this.board.doc).values()].filter(
      (r): r is { id: string; parentId: string; type: string } =>
        typeof r === 'object' &&
        r !== null &&
        (r as { type?: unknown }).type === 'note' &&
        (r as { parentId?: unknown }).parentId === frameShapeId &&
        typeof (r as { id?: unknown }).id === 'string' &&
        !isLayoutShapeId((r as { id: string }).id),
    );
    const shuffled = notes
      .map((n) => ({ id: n.id, order: this.opts.chance() }))
      .sort((a, b) => a.order - b.order)
      .map((n) => n.id);
    const choices = shuffled.slice(0, dots);
    // Fewer notes than dots: the rest go on notes already chosen (dots may stack, as people's do).
    while (choices.length > 0 && choices.length < dots) {
      choices.push(shuffled[Math.floor(this.opts.chance() * shuffled.length)] ?? shuffled[0]!);
    }
    return choices;
  }
}

function frameSize(record: unknown): { w: number; h: number } | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const props = (record as { props?: { w?: unknown; h?: unknown } }).props;
  return typeof props?.w === 'number' && typeof props.h === 'number' ? { w: props.w, h: props.h } : undefined;
}
