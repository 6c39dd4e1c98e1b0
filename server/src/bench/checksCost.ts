// What the board checks cost per update, measured in-process and without the network: the same
// stream of realistic browser updates (eight people dragging and editing their notes on a board
// with a layout and 200 notes, each update one YKeyValue set of a ~450-byte tldraw record) is
// applied to a server document twice — decode and apply only (what the server did before the
// checks), and decode, check, apply and record (what it does now) — in interleaved repetitions.
// Reported: CPU µs per update for both, and the checks' share of the checked path.
import * as Y from 'yjs';
import { layoutShapeId, type ParticipantId } from '@vermeboard/shared';
import { BoardGuard, type GuardedWriter } from '../board/boardGuard.js';
import { frameRecord, noteRecord } from '../board/shapeRecords.js';
import { openRules } from '../board/meetingRules.js';
import { setRecords } from '../facilitation/boardRecords.js';

export interface ChecksCost {
  updates: number;
  meanUpdateBytes: number;
  /** Median over the repetitions, CPU µs per update. */
  plainMicros: number;
  checkedMicros: number;
  /** (checked − plain) / checked: the share of the server's per-update CPU the checks take. */
  checksShare: number;
}

interface Sample {
  update: Uint8Array;
  writer: GuardedWriter;
}

const people = 8;
const notesPerPerson = 25;

function buildStream(count: number): { base: Uint8Array; samples: Sample[] } {
  const server = new Y.Doc();
  const frames = ['what', 'so-what', 'now-what'].map((f) => layoutShapeId('reflection-1', f));
  setRecords(
    server,
    new Map(
      frames.map((id, i) => [
        id,
        frameRecord({ id, parentId: 'page:page', x: i * 900, y: 0, w: 800, h: 1100, name: id }),
      ]),
    ),
  );
  const writers: GuardedWriter[] = [];
  const docs: Y.Doc[] = [];
  for (let p = 0; p < people; p++) {
    const participantId = `bench-person-${p}` as ParticipantId;
    writers.push({ role: 'member', participantId, tokenHash: `hash-${p}` });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const notes = new Map<string, unknown>();
    for (let n = 0; n < notesPerPerson; n++) {
      const id = `shape:bench-${p}-${n}`;
      notes.set(
        id,
        noteRecord({
          id,
          parentId: frames[n % 3]!,
          x: 20,
          y: 60 + n * 10,
          text: `Idea ${n} of ${p}`,
          meta: { vbAuthor: participantId },
        }),
      );
    }
    setRecords(doc, notes);
    docs.push(doc);
  }
  // Everyone's notes, then the stream of drags and text edits that follows.
  for (const doc of docs) Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  for (const doc of docs) Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  const base = Y.encodeStateAsUpdate(server);
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const p = i % people;
    const doc = docs[p]!;
    const id = `shape:bench-${p}-${Math.floor(i / people) % notesPerPerson}`;
    const before = Y.encodeStateVector(doc);
    const note = noteRecord({
      id,
      parentId: frames[i % 3]!,
      x: 20 + (i % 300),
      y: 60 + (i % 700),
      text: i % 10 === 0 ? `Edited idea ${i}` : `Idea ${i % notesPerPerson} of ${p}`,
      meta: { vbAuthor: writers[p]!.participantId },
    });
    setRecords(doc, new Map([[id, note]]));
    samples.push({ update: Y.encodeStateAsUpdate(doc, before), writer: writers[p]! });
  }
  return { base, samples };
}

function run(base: Uint8Array, samples: readonly Sample[], checked: boolean): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const guard = checked
    ? new BoardGuard(doc, { kind: 'board', rules: () => openRules, maxRecordBytes: 64 * 1024 })
    : null;
  const start = process.cpuUsage();
  for (const { update, writer } of samples) {
    // The frame is decoded once either way (the protocol reader does it before anything else).
    const decoded = Y.decodeUpdate(update);
    const accepted = guard?.check(decoded, writer);
    Y.applyUpdate(doc, update);
    if (accepted) guard!.record(accepted, writer, (fn) => doc.transact(() => fn(doc)));
  }
  const used = process.cpuUsage(start);
  guard?.destroy();
  doc.destroy();
  return (used.user + used.system) / samples.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measureChecksCost(updates = 8000, repetitions = 7): ChecksCost {
  const { base, samples } = buildStream(updates);
  // Warm both paths up so the JIT has seen them before anything is timed.
  run(base, samples.slice(0, 500), false);
  run(base, samples.slice(0, 500), true);
  const plain: number[] = [];
  const checked: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    plain.push(run(base, samples, false));
    checked.push(run(base, samples, true));
  }
  const plainMicros = median(plain);
  const checkedMicros = median(checked);
  return {
    updates,
    meanUpdateBytes: Math.round(samples.reduce((n, s) => n + s.update.byteLength, 0) / samples.length),
    plainMicros,
    checkedMicros,
    checksShare: (checkedMicros - plainMicros) / checkedMicros,
  };
}

export function checksCostLines(cost: ChecksCost): string[] {
  return [
    `Board checks, in-process, ${cost.updates} updates of ${cost.meanUpdateBytes} bytes (median of interleaved runs):`,
    `  decode + apply:                  ${cost.plainMicros.toFixed(1)} µs CPU per update`,
    `  decode + check + apply + record: ${cost.checkedMicros.toFixed(1)} µs CPU per update`,
    `  the checks' share of that:       ${(cost.checksShare * 100).toFixed(0)} %`,
  ];
}
