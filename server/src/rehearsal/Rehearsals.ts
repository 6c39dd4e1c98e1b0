// Rehearsals: a facilitator runs an agenda alone with 3–8 simulated participants before a real
// meeting. A rehearsal is a meeting of a throwaway group of its own — named like the real group, with
// its language, ground rules and goals copied in — so it cannot reach the real group's history,
// summaries, members, attendance, talk time, assessments or program figures: none of those ever
// list a group they do not hold. The facilitator gets a personal token of that group; the bots join
// it through its member link over HTTP and then act only as real clients (SimulatedParticipant.ts).
//
// Bounds: at most one rehearsal per real group at a time, 8 bots; it ends when the facilitator ends
// it, when the facilitator has had no connection for `facilitatorAwayMs`, or after `maxDurationMs`.
// Once it has ended, its bots disconnect, and a minute later every token of its group dies and the
// retention sweep (the group keeps boards 0 days) deletes its documents, assets and event log.
// The running state (bots, timers) is this process's, but every rehearsal is also recorded in the
// store: one that a restart or a dead instance cut short is discarded all the same (`reap`) — at
// start-up on a single instance, and on any instance once it is older than any rehearsal can run.
import type { Logger } from 'pino';
import {
  agendaPresets,
  builtInMethods,
  CloseCode,
  rehearsalLimits,
  stepDurationMs,
  type ClientCommand,
  type CompetenceAreaId,
  type GoalId,
  type GroupId,
  type MeetingId,
  type ParticipantId,
  type RehearsalInfo,
  type SessionState,
  type StartRehearsalBody,
  type StartRehearsalResponse,
} from '@vermeboard/shared';
import type { Auth, Caller } from '../auth/Auth.js';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import type { Facilitation } from '../facilitation/Facilitation.js';
import type { CloseSelector } from '../http/deps.js';
import type { Storage } from '../storage/Storage.js';
import { SimulatedParticipant } from './SimulatedParticipant.js';
import { botNames } from './botVoices.js';

export class RehearsalRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface RehearsalsOptions {
  storage: Storage;
  auth: Auth;
  facilitation: Pick<Facilitation, 'createSession' | 'command' | 'endMeeting'>;
  /** The session as the server holds it now. */
  readSession: (meetingId: MeetingId) => Promise<SessionState | null>;
  /** This server's own address, known once it listens. */
  baseUrl: () => string;
  closeSelected: (selector: CloseSelector, code: number, reason: string) => void;
  /** Runs the retention sweep now (storage/retention.ts). */
  purge: () => Promise<unknown>;
  logger: Logger;
  /** Draws for the bots' choices; `Math.random` by default, seeded in tests that need a fixed run. */
  chance?: () => number;
  limits?: Partial<Record<'facilitatorAwayMs' | 'maxDurationMs' | 'keepEndedMs', number>>;
  /** How often `reap(false)` runs by itself; 10 minutes by default. */
  reapIntervalMs?: number;
}

export interface Rehearsals {
  start(realGroupId: GroupId, caller: Caller, body: StartRehearsalBody): Promise<StartRehearsalResponse>;
  /** What the group answer tells of a rehearsal's own group; undefined for every other group. */
  info(groupId: GroupId): RehearsalInfo | undefined;
  /**
   * Ends and discards the stored rehearsals that no process runs any more: with `everything`, each
   * that this process does not run (a single instance just started: nobody else can run one);
   * otherwise only those older than the longest a rehearsal runs, plus the time an ended one is kept.
   * Answers how many it discarded.
   */
  reap(everything: boolean): Promise<number>;
  /** Stops every bot, for a server shutting down. */
  close(): void;
}

interface Running {
  realGroupId: GroupId;
  groupId: GroupId;
  meetingId: MeetingId;
  info: RehearsalInfo;
  facilitator: Caller;
  bots: SimulatedParticipant[];
  timers: Set<NodeJS.Timeout>;
  awayTimer: NodeJS.Timeout | null;
  ended: boolean;
}

const botColors = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c', '#5c940d'];

export function createRehearsals(opts: RehearsalsOptions): Rehearsals {
  const { storage, auth, facilitation, logger: log } = opts;
  const chance = opts.chance ?? Math.random;
  const bounds: Record<'facilitatorAwayMs' | 'maxDurationMs' | 'keepEndedMs', number> = {
    ...rehearsalLimits,
    ...opts.limits,
  };
  /** Live rehearsals by the real group they rehearse for: one at a time each. */
  const byRealGroup = new Map<GroupId, Running>();
  /** Every rehearsal group whose documents are not deleted yet, live or ended. */
  const byGroup = new Map<GroupId, Running>();
  /** Rehearsal groups being discarded after an interruption (so that two sweeps do not overlap). */
  const reaping = new Set<GroupId>();
  const reapTimer = setInterval(() => void reap(false), opts.reapIntervalMs ?? 10 * 60 * 1000);
  reapTimer.unref();

  function later(r: Running, ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      r.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    r.timers.add(t);
    return t;
  }

  async function command(r: Running, cmd: ClientCommand): Promise<void> {
    const outcome = await facilitation.command(r.meetingId, r.facilitator, cmd);
    if (!outcome.ok) throw new RehearsalRefused(400, `the agenda could not be set up: ${outcome.reason}`);
  }

  /** The agenda, with every step's timebox divided by the speed (the session timer shows the shorter time). */
  async function setUpAgenda(r: Running, body: StartRehearsalBody): Promise<void> {
    if (body.agenda.kind === 'preset') await command(r, { type: 'applyPreset', presetId: body.agenda.presetId });
    else for (const methodId of body.agenda.methodIds) await command(r, { type: 'addAgendaItem', methodId });
    if (body.speed === 1) return;
    const state = await opts.readSession(r.meetingId);
    for (const item of state?.agenda ?? []) {
      for (const step of builtInMethods[item.methodId]?.steps ?? []) {
        const seconds = Math.max(10, Math.round(stepDurationMs(step, body.bots + 1) / 1000 / body.speed));
        await command(r, {
          type: 'setStepDuration',
          instanceId: item.instanceId,
          stepId: step.id,
          minutes: Math.floor(seconds / 60),
          seconds: seconds % 60,
        });
      }
    }
  }

  /** A bot joins the rehearsal group through its member link, as a person opening the invite would. */
  async function joinBot(memberLink: string, name: string): Promise<{ participantId: ParticipantId; token: string }> {
    const res = await fetch(`${opts.baseUrl()}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: memberLink, displayName: name }),
    });
    if (!res.ok) throw new Error(`a simulated participant could not join: ${res.status}`);
    const joined = (await res.json()) as { participantId: ParticipantId; participantToken: string };
    return { participantId: joined.participantId, token: joined.participantToken };
  }

  /** Watches the session through a bot's copy: the end, and whether the facilitator is still there. */
  function observe(r: Running, state: SessionState): void {
    if (r.ended) return;
    if (state.status === 'ended') {
      finish(r);
      return;
    }
    const present = state.participants.some((p) => p.id === r.facilitator.participantId && p.present);
    if (present && r.awayTimer) {
      clearTimeout(r.awayTimer);
      r.timers.delete(r.awayTimer);
      r.awayTimer = null;
    } else if (!present && !r.awayTimer) {
      r.awayTimer = later(r, bounds.facilitatorAwayMs, () => void end(r, 'the facilitator left'));
    }
  }

  async function end(r: Running, why: string): Promise<void> {
    if (r.ended) return;
    log.info({ meetingId: r.meetingId, why }, 'ending a rehearsal');
    try {
      await facilitation.endMeeting(r.meetingId, r.facilitator);
    } catch (err) {
      log.error({ err, meetingId: r.meetingId }, 'could not end a rehearsal');
    }
    finish(r);
  }

  /** The bots leave at once; a minute later the rehearsal's tokens die and its documents are deleted. */
  function finish(r: Running): void {
    if (r.ended) return;
    r.ended = true;
    for (const bot of r.bots) bot.stop();
    if (byRealGroup.get(r.realGroupId) === r) byRealGroup.delete(r.realGroupId);
    for (const t of r.timers) clearTimeout(t);
    r.timers.clear();
    later(r, bounds.keepEndedMs, () => void discard(r));
  }

  /** Answers whether everything was discarded (else the stored rehearsal stays for the next sweep). */
  async function discard(r: Pick<Running, 'groupId' | 'meetingId'>): Promise<boolean> {
    try {
      const at = new Date().toISOString();
      for (const p of await storage.listParticipants(r.groupId)) {
        await storage.removeParticipant(p.id, at);
        opts.closeSelected({ participantId: p.id }, CloseCode.tokenRevoked, 'the rehearsal is over');
      }
      const group = await storage.getGroup(r.groupId);
      if (group) {
        const dead = {
          facilitator: hashToken(randomToken()),
          member: hashToken(randomToken()),
          observer: hashToken(randomToken()),
        };
        await storage.rotateLinks(r.groupId, group.linkGeneration, dead);
      }
      await opts.purge();
      await storage.markRehearsalDiscarded(r.groupId, new Date().toISOString());
      return true;
    } catch (err) {
      log.error({ err, meetingId: r.meetingId }, 'could not discard a rehearsal');
      return false;
    } finally {
      byGroup.delete(r.groupId);
    }
  }

  async function reap(everything: boolean): Promise<number> {
    let discarded = 0;
    try {
      const staleMs = bounds.maxDurationMs + bounds.keepEndedMs;
      for (const stored of await storage.listUndiscardedRehearsals()) {
        const { groupId, meetingId } = stored;
        if (byGroup.has(groupId) || reaping.has(groupId)) continue;
        if (!everything && Date.now() - Date.parse(stored.startedAt) < staleMs) continue;
        reaping.add(groupId);
        try {
          log.info({ meetingId }, 'discarding a rehearsal that was cut short');
          const meeting = await storage.getMeeting(meetingId);
          if (meeting && !meeting.endedAt && meeting.facilitatedBy) {
            const facilitator = {
              groupId,
              role: 'facilitator' as const,
              participantId: meeting.facilitatedBy,
              tokenHash: '',
            };
            await facilitation.endMeeting(meetingId, facilitator).catch(async (err: unknown) => {
              log.warn({ err, meetingId }, 'could not end the rehearsal as its facilitator; ending it in the store');
              await storage.endMeeting(meetingId, new Date().toISOString());
            });
          } else if (meeting && !meeting.endedAt) {
            await storage.endMeeting(meetingId, new Date().toISOString());
          }
          if (await discard(stored)) discarded++;
        } finally {
          reaping.delete(groupId);
        }
      }
    } catch (err) {
      log.error({ err }, 'could not look for rehearsals that were cut short');
    }
    return discarded;
  }

  return {
    async start(realGroupId, caller, body) {
      if (!caller.participantId)
        throw new RehearsalRefused(403, 'join the group first: a rehearsal needs your own token');
      if (body.agenda.kind === 'preset' && !agendaPresets[body.agenda.presetId]) {
        throw new RehearsalRefused(400, 'unknown agenda preset');
      }
      if (body.agenda.kind === 'methods' && body.agenda.methodIds.some((id) => !builtInMethods[id])) {
        throw new RehearsalRefused(400, 'unknown method');
      }
      if (byGroup.has(realGroupId)) throw new RehearsalRefused(409, 'a rehearsal cannot be rehearsed');
      if (byRealGroup.has(realGroupId)) throw new RehearsalRefused(409, 'this group already has a rehearsal running');
      const [real, settings, me, goals] = await Promise.all([
        storage.getGroup(realGroupId),
        storage.getGroupSettings(realGroupId),
        storage.getParticipant(caller.participantId),
        storage.listGoals(realGroupId),
      ]);
      if (!real || !settings || !me) throw new RehearsalRefused(404, 'unknown group');

      const groupId = randomId() as GroupId;
      const createdAt = new Date().toISOString();
      const links = auth.linkTokens(groupId, 0);
      await storage.createGroup(
        { id: groupId, name: real.name, createdAt, linkGeneration: 0 },
        {
          facilitator: hashToken(links.facilitator),
          member: hashToken(links.member),
          observer: hashToken(links.observer),
        },
        {
          locale: settings.locale,
          groundRules: settings.groundRules,
          competenceAreas: [{ id: randomId() as CompetenceAreaId, name: 'Rehearsal' }],
        },
      );
      // Deleted by the retention sweep as soon as it has ended (see `discard`).
      await storage.setRetention(groupId, 0);
      for (const goal of goals) {
        await storage.addGoal({ id: randomId() as GoalId, groupId, text: goal.text, createdAt }, goals.length);
      }
      const participantId = randomId() as ParticipantId;
      const participantToken = randomToken();
      await storage.createParticipant(
        { id: participantId, groupId, role: 'facilitator', displayName: me.displayName, createdAt },
        hashToken(participantToken),
      );
      const meetingId = randomId() as MeetingId;
      await storage.startMeeting({ id: meetingId, groupId, createdAt, facilitatedBy: participantId });
      await facilitation.createSession(meetingId);

      const r: Running = {
        realGroupId,
        groupId,
        meetingId,
        info: { ofGroupId: realGroupId, speed: body.speed, bots: body.bots },
        facilitator: { groupId, role: 'facilitator', participantId, tokenHash: hashToken(participantToken) },
        bots: [],
        timers: new Set(),
        awayTimer: null,
        ended: false,
      };
      byRealGroup.set(realGroupId, r);
      byGroup.set(groupId, r);
      try {
        await storage.recordRehearsal({ groupId, realGroupId, meetingId, startedAt: createdAt });
        await setUpAgenda(r, body);
        const names = botNames[settings.locale];
        for (let i = 0; i < body.bots; i++) {
          const name = names[i % names.length]!;
          const joined = await joinBot(links.member, name);
          const bot = new SimulatedParticipant({
            baseUrl: opts.baseUrl(),
            meetingId,
            participantId: joined.participantId,
            token: joined.token,
            name,
            color: botColors[i % botColors.length]!,
            locale: settings.locale,
            speed: body.speed,
            chance,
            logger: log,
            onSession: (state) => observe(r, state),
          });
          r.bots.push(bot);
          await bot.start();
        }
      } catch (err) {
        await end(r, 'it could not be set up');
        throw err;
      }
      // Until the facilitator's browser connects, they count as away.
      r.awayTimer ??= later(r, bounds.facilitatorAwayMs, () => void end(r, 'the facilitator never came'));
      later(r, bounds.maxDurationMs, () => void end(r, 'it ran too long'));
      log.info({ meetingId, bots: body.bots, speed: body.speed }, 'started a rehearsal');
      return { groupId, meetingId, participantId, participantToken, displayName: me.displayName };
    },

    info(groupId) {
      return byGroup.get(groupId)?.info;
    },

    reap,

    close() {
      clearInterval(reapTimer);
      for (const r of byGroup.values()) {
        for (const bot of r.bots) bot.stop();
        for (const t of r.timers) clearTimeout(t);
      }
    },
  };
}
