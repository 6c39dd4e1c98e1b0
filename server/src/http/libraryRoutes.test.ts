// The method studio against the real HTTP server and storage: a studio link saves, exports and
// imports methods all-or-nothing, malformed files are answered field by field and store nothing,
// a facilitator sees what the libraries share, and a meeting keeps the method it started with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStudioResponseSchema,
  facilitationLimits,
  groupLibraryResponseSchema,
  libraryMethodSchema,
  methodFormat,
  methodRefusalSchema,
  studioResponseSchema,
  type MethodInput,
  type TrainerId,
} from '@vermeboard/shared';
import { serverSession } from '../facilitation/sessionClients.testkit.js';
import { hashToken } from '../auth/tokens.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture } from './groupFixture.testkit.js';
import { createProgramFixture } from './programFixture.testkit.js';

const text = (en: string) => ({ en, fi: `${en} (fi)`, sv: `${en} (sv)` });

/** A valid three-step method with a two-frame layout, as a trainer would export it. */
function validMethod(id = 'harbour-walk'): MethodInput {
  return {
    version: methodFormat.version,
    id,
    name: text('Harbour walk'),
    description: text('Walk through a case in three steps.'),
    purpose: text('See a case from two sides.'),
    groupSize: { min: 3, max: 8 },
    phase: 'diverge',
    steps: [
      {
        id: 'gather',
        title: text('Gather'),
        instructions: text('Write what you notice.'),
        facilitatorNotes: text('Keep it short.'),
        timeboxSeconds: 180,
        speakingMode: 'silent',
        layout: {
          frames: [
            { id: 'seen', label: text('Seen'), x: 0, y: 0, w: 600, h: 400 },
            { id: 'heard', label: text('Heard'), x: 700, y: 0, w: 500, h: 400 },
          ],
          notes: [{ id: 'seen-prompt', text: text('What did you see?'), frameId: 'seen', color: 'yellow' }],
        },
      },
      {
        id: 'share',
        title: text('Share'),
        instructions: text('Tell the others.'),
        facilitatorNotes: text('One at a time.'),
        timeboxSeconds: 300,
        turnSeconds: 60,
        speakingMode: 'round-robin',
        revealOnTurn: true,
      },
      {
        id: 'close',
        title: text('Close'),
        instructions: text('One word each.'),
        facilitatorNotes: text('Thank everyone.'),
        timeboxSeconds: 120,
        speakingMode: 'open',
      },
    ],
  };
}

type Json = Record<string, unknown>;
const clone = () => structuredClone(validMethod()) as unknown as Json & { steps: Json[] };
const step = (m: Json & { steps: Json[] }, i: number) =>
  m.steps[i] as Json & { layout: { frames: Json[]; notes: Json[] } };
const long = (n: number) => 'x'.repeat(n);
/** The method after an edit in place. */
function changed<T>(m: T, apply: () => unknown): T {
  apply();
  return m;
}

/** Each malformed file, and the path one of its issues must name. */
function malformedFiles(): { name: string; file: string; path: string }[] {
  const cases: { name: string; edit: (m: Json & { steps: Json[] }) => unknown; path: string }[] = [
    { name: 'a newer version', edit: (m) => ({ ...m, version: 99 }), path: 'version' },
    { name: 'no version', edit: ({ version: _v, ...m }) => m, path: 'version' },
    { name: 'a version as text', edit: (m) => ({ ...m, version: '2' }), path: 'version' },
    { name: 'a missing Finnish name', edit: (m) => ({ ...m, name: { en: 'A', sv: 'A' } }), path: 'name.fi' },
    {
      name: 'a missing Swedish step title',
      edit: (m) => changed(m, () => (step(m, 1).title = { en: 'T', fi: 'T' })),
      path: 'steps.1.title.sv',
    },
    {
      name: 'a blank description',
      edit: (m) => ({ ...m, description: { ...text('d'), en: '   ' } }),
      path: 'description.en',
    },
    { name: 'a bad slug', edit: (m) => ({ ...m, id: 'Harbour Walk' }), path: 'id' },
    { name: 'a bad step slug', edit: (m) => changed(m, () => (step(m, 0).id = 'step.one')), path: 'steps.0.id' },
    { name: 'a duplicate step id', edit: (m) => changed(m, () => (step(m, 2).id = 'gather')), path: 'steps.2.id' },
    {
      name: 'too many steps',
      edit: (m) => ({
        ...m,
        steps: Array.from({ length: facilitationLimits.stepsPerMethod + 1 }, (_, i) => ({
          ...step(m, 2),
          id: `s-${i}`,
        })),
      }),
      path: 'steps',
    },
    { name: 'no steps', edit: (m) => ({ ...m, steps: [] }), path: 'steps' },
    {
      name: 'oversize instructions',
      edit: (m) => changed(m, () => (step(m, 0).instructions = text(long(facilitationLimits.methodText + 1)))),
      path: 'steps.0.instructions.en',
    },
    {
      name: 'an oversize name',
      edit: (m) => ({ ...m, name: text(long(facilitationLimits.methodLabel + 1)) }),
      path: 'name.en',
    },
    {
      name: 'a note in a missing frame',
      edit: (m) => changed(m, () => (step(m, 0).layout.notes[0]!.frameId = 'nowhere')),
      path: 'steps.0.layout.notes.0.frameId',
    },
    {
      // JSON has no Infinity, but 1e999 parses to it.
      name: 'a non-finite coordinate',
      edit: (m) => changed(m, () => (step(m, 0).layout.frames[0]!.x = 'INFINITY')),
      path: 'steps.0.layout.frames.0.x',
    },
    {
      name: 'a coordinate far off the board',
      edit: (m) => changed(m, () => (step(m, 0).layout.frames[1]!.y = 50_000)),
      path: 'steps.0.layout.frames.1.y',
    },
    {
      name: 'a tiny frame',
      edit: (m) => changed(m, () => (step(m, 0).layout.frames[1]!.w = 5)),
      path: 'steps.0.layout.frames.1.w',
    },
    { name: 'an unknown key', edit: (m) => ({ ...m, script: 'alert(1)' }), path: '' },
    { name: 'an unknown step key', edit: (m) => changed(m, () => (step(m, 1).onEnter = 'x')), path: 'steps.1' },
    { name: 'an unknown language', edit: (m) => ({ ...m, name: { ...text('N'), de: 'N' } }), path: 'name' },
    {
      name: 'a timebox as text',
      edit: (m) => changed(m, () => (step(m, 0).timeboxSeconds = '60')),
      path: 'steps.0.timeboxSeconds',
    },
    {
      name: 'a negative timebox',
      edit: (m) => changed(m, () => (step(m, 0).timeboxSeconds = -1)),
      path: 'steps.0.timeboxSeconds',
    },
    {
      name: 'an unknown speaking mode',
      edit: (m) => changed(m, () => (step(m, 2).speakingMode = 'shout')),
      path: 'steps.2.speakingMode',
    },
    {
      name: 'an unknown note colour',
      edit: (m) => changed(m, () => (step(m, 0).layout.notes[0]!.color = 'pink')),
      path: 'steps.0.layout.notes.0.color',
    },
    {
      name: 'a per-turn timebox off a round',
      edit: (m) => changed(m, () => (step(m, 2).turnSeconds = 30)),
      path: 'steps.2.turnSeconds',
    },
    { name: 'a built-in’s id', edit: (m) => ({ ...m, id: 'check-in-round' }), path: 'id' },
    {
      name: 'a focus on an unknown frame',
      edit: (m) => changed(m, () => (step(m, 2).focusFrames = ['nowhere'])),
      path: 'steps.2.focusFrames',
    },
    { name: 'a group size upside down', edit: (m) => ({ ...m, groupSize: { min: 8, max: 3 } }), path: 'groupSize.max' },
    { name: 'an unknown phase', edit: (m) => ({ ...m, phase: 'middle' }), path: 'phase' },
    { name: 'not an object', edit: () => [], path: '' },
    {
      name: 'too many layout items',
      edit: (m) => {
        const frames = step(m, 0).layout.frames;
        step(m, 0).layout.frames = Array.from({ length: facilitationLimits.layoutItems }, (_, i) => ({
          ...frames[0],
          id: `f-${i}`,
        }));
        return m;
      },
      path: 'steps.0.layout',
    },
  ];
  const files = cases.map(({ name, edit, path }) => ({
    name,
    file: JSON.stringify(edit(clone()), null, 2).replace('"INFINITY"', '1e999'),
    path,
  }));
  const whole = JSON.stringify(validMethod(), null, 2);
  files.push({ name: 'truncated JSON', file: whole.slice(0, whole.length / 2), path: '' });
  files.push({ name: 'an empty file', file: '', path: '' });
  files.push({ name: 'a huge file', file: JSON.stringify({ ...clone(), padding: long(2_000_000) }), path: '' });
  return files;
}

let server: TestServer;
let token: string;

async function studio(t = token) {
  const res = await server.api('/api/studio', { token: t });
  expect(res.status).toBe(200);
  return studioResponseSchema.parse(res.body);
}

async function newStudio(): Promise<string> {
  const res = await server.api('/api/studios', { method: 'POST' });
  expect(res.status).toBe(201);
  const made = createStudioResponseSchema.parse(res.body);
  expect(made.studioLink).toBe(`/studio#${made.trainerToken}`);
  return made.trainerToken;
}

beforeAll(async () => {
  server = await startTestServer({ LIBRARY_SHARING: 'open' });
  token = await newStudio();
});
afterAll(async () => {
  await server.close();
});

describe('importing a malformed method file', () => {
  const files = malformedFiles();

  it('covers at least thirty kinds of file', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('refuses $name with an issue at its field and stores nothing', async ({ file, path }) => {
    const res = await server.api('/api/studio/import', {
      method: 'POST',
      token,
      body: file,
      headers: { 'content-type': 'application/json' },
    });
    expect([409, 413, 422]).toContain(res.status);
    const refusal = methodRefusalSchema.parse(res.body);
    expect(refusal.issues.length).toBeGreaterThan(0);
    for (const issue of refusal.issues) expect(issue.message.length).toBeGreaterThan(0);
    expect(refusal.issues.map((i) => i.path)).toContain(path);
    expect((await studio()).methods).toEqual([]);
    const trainer = await server.storage.trainerByTokenHash(hashToken(token));
    await expect(server.storage.listTrainerMethods(trainer!.id)).resolves.toEqual([]);
    await expect(server.storage.getLibraryMethod('harbour-walk')).resolves.toBeNull();
  });
});

describe('the studio', () => {
  it('refuses a request without a studio link, and a group token', async () => {
    expect((await server.api('/api/studio')).status).toBe(401);
    const g = await createGroupFixture(server);
    expect((await server.api('/api/studio', { token: g.facilitator })).status).toBe(401);
    expect((await server.api('/api/studio', { token: g.group.tokens.facilitator })).status).toBe(401);
  });

  it('saves a method, exports it as it was saved and imports it on another server', async () => {
    const trainer = await newStudio();
    const saved = await server.api('/api/studio/methods/harbour-walk', {
      method: 'PUT',
      token: trainer,
      body: { method: validMethod(), scope: 'own' },
    });
    expect(saved.status).toBe(200);
    const exported = libraryMethodSchema.parse(saved.body).method;
    expect(exported).toEqual(validMethod());
    // Another trainer on the same server cannot take the id.
    const taken = await server.api('/api/studio/import', { token, body: JSON.stringify(exported) });
    expect(taken.status).toBe(409);
    expect(methodRefusalSchema.parse(taken.body).issues).toEqual([
      { path: 'id', message: 'a method with this id is on this server already' },
    ]);

    const fresh = await startTestServer({ LIBRARY_SHARING: 'open' });
    try {
      const made = createStudioResponseSchema.parse((await fresh.api('/api/studios', { method: 'POST' })).body);
      const imported = await fresh.api('/api/studio/import', {
        token: made.trainerToken,
        body: JSON.stringify(exported, null, 2),
      });
      expect(imported.status).toBe(200);
      const listed = studioResponseSchema.parse((await fresh.api('/api/studio', { token: made.trainerToken })).body);
      expect(listed.methods.map((m) => [m.method, m.scope])).toEqual([[validMethod(), 'own']]);
    } finally {
      await fresh.close();
    }
  });

  it('keeps the server’s library closed unless LIBRARY_SHARING=open', async () => {
    const closed = await startTestServer();
    try {
      const made = createStudioResponseSchema.parse((await closed.api('/api/studios', { method: 'POST' })).body);
      const listed = studioResponseSchema.parse((await closed.api('/api/studio', { token: made.trainerToken })).body);
      expect(listed.instanceLibraryOpen).toBe(false);
      const method = await closed.api('/api/studio/methods/harbour-walk', {
        method: 'PUT',
        token: made.trainerToken,
        body: { method: validMethod(), scope: 'instance' },
      });
      expect(method.status).toBe(422);
      expect(methodRefusalSchema.parse(method.body).issues.map((i) => i.path)).toEqual(['scope']);
      const agenda = await closed.api('/api/studio/agendas/harbour-evening', {
        method: 'PUT',
        token: made.trainerToken,
        body: {
          agenda: { version: 1, id: 'harbour-evening', name: validMethod().name, methodIds: ['check-in-round'] },
          scope: 'instance',
        },
      });
      expect(agenda.status).toBe(422);
      expect(methodRefusalSchema.parse(agenda.body).issues.map((i) => i.path)).toContain('scope');
      await expect(closed.storage.getLibraryMethod('harbour-walk')).resolves.toBeNull();
      await expect(closed.storage.getLibraryMethod('harbour-evening')).resolves.toBeNull();
      // The trainer's own library still works.
      const own = await closed.api('/api/studio/methods/harbour-walk', {
        method: 'PUT',
        token: made.trainerToken,
        body: { method: validMethod(), scope: 'own' },
      });
      expect(own.status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('refuses a save with problems, each at its field, and keeps the method as it was', async () => {
    const trainer = await newStudio();
    const first = validMethod('tide-table');
    await server.api('/api/studio/methods/tide-table', {
      method: 'PUT',
      token: trainer,
      body: { method: first, scope: 'own' },
    });
    const broken = { ...first, name: { en: 'Tide', fi: '', sv: 'Tidvatten' } };
    const res = await server.api('/api/studio/methods/tide-table', {
      method: 'PUT',
      token: trainer,
      body: { method: broken, scope: 'instance' },
    });
    expect(res.status).toBe(422);
    expect(methodRefusalSchema.parse(res.body).issues.map((i) => i.path)).toEqual(['name.fi']);
    const kept = await studio(trainer);
    expect(kept.methods.map((m) => [m.method.name.en, m.scope])).toEqual([['Harbour walk', 'own']]);
    // A studio link from the home page belongs to no program.
    const program = await server.api('/api/studio/methods/tide-table', {
      method: 'PUT',
      token: trainer,
      body: { method: first, scope: 'program' },
    });
    expect(program.status).toBe(422);
    expect(methodRefusalSchema.parse(program.body).issues.map((i) => i.path)).toEqual(['scope']);
  });

  it('quarantines a stored definition it cannot read: shown to its trainer, kept, never listed for a group', async () => {
    const trainer = await newStudio();
    const record = await server.storage.trainerByTokenHash(hashToken(trainer));
    await server.storage.saveLibraryMethod(
      {
        id: 'broken-one',
        kind: 'method',
        trainerId: record!.id as TrainerId,
        scope: 'instance',
        programId: null,
        definition: '{"version": 2, "id": "broken-one"}',
        updatedAt: new Date().toISOString(),
      },
      10,
    );
    const seen = await studio(trainer);
    expect(seen.quarantined.map((q) => q.id)).toEqual(['broken-one']);
    const g = await createGroupFixture(server);
    const library = groupLibraryResponseSchema.parse(
      (await server.api(g.path('/library'), { token: g.facilitator })).body,
    );
    expect(library.methods.map((m) => m.method.id)).not.toContain('broken-one');
    await expect(server.storage.getLibraryMethod('broken-one')).resolves.toMatchObject({
      definition: '{"version": 2, "id": "broken-one"}',
    });
    await server.storage.deleteLibraryMethod(record!.id as TrainerId, 'broken-one');
  });
});

describe('a meeting with a library method', () => {
  it('lists instance methods for a facilitator, copies the method into the meeting and keeps it after a delete', async () => {
    const trainer = await newStudio();
    const method = validMethod('pier-talk');
    const own = await server.api('/api/studio/methods/pier-talk', {
      method: 'PUT',
      token: trainer,
      body: { method, scope: 'own' },
    });
    expect(own.status).toBe(200);
    const g = await createGroupFixture(server);
    const listed = async () =>
      groupLibraryResponseSchema
        .parse((await server.api(g.path('/library'), { token: g.facilitator })).body)
        .methods.map((m) => m.method.id);
    const command = (c: unknown) =>
      server.api(`/api/meetings/${g.meetingId}/commands`, { token: g.facilitator, body: { command: c } });

    // In the trainer's own library nobody else sees it, and the server refuses to add it.
    expect(await listed()).not.toContain('pier-talk');
    expect((await command({ type: 'addAgendaItem', methodId: 'pier-talk' })).status).toBe(409);

    await server.api('/api/studio/methods/pier-talk', {
      method: 'PUT',
      token: trainer,
      body: { method, scope: 'instance' },
    });
    expect(await listed()).toContain('pier-talk');
    expect((await command({ type: 'addAgendaItem', methodId: 'pier-talk' })).status).toBe(200);
    expect((await command({ type: 'startMeeting' })).status).toBe(200);

    // The trainer edits and then deletes it: the meeting goes on with the copy it started with.
    const edited = { ...method, steps: method.steps.slice(0, 1) };
    await server.api('/api/studio/methods/pier-talk', {
      method: 'PUT',
      token: trainer,
      body: { method: edited, scope: 'instance' },
    });
    expect((await server.api('/api/studio/methods/pier-talk', { method: 'DELETE', token: trainer })).status).toBe(204);
    expect((await command({ type: 'nextStep' })).status).toBe(200);
    expect((await command({ type: 'nextStep' })).status).toBe(200);
    const session = await serverSession(server, g.meetingId);
    expect(session.methods?.map((m) => [m.id, m.steps.length])).toEqual([['pier-talk', 3]]);
    expect(session.position).toEqual({ agendaIndex: 0, stepIndex: 2 });
  });
});

describe('a program’s library', () => {
  it('is made by the coordinator’s studio link and seen only by the program’s groups', async () => {
    const p = await createProgramFixture(server);
    const outsider = await createGroupFixture(server);
    // Only the program's coordinator makes its studio links.
    const refused = await server.api(`/api/programs/${p.program.programId}/studios`, {
      method: 'POST',
      token: outsider.facilitator,
    });
    expect(refused.status).toBe(403);
    const made = await server.api(`/api/programs/${p.program.programId}/studios`, {
      method: 'POST',
      token: p.coordinator,
    });
    expect(made.status).toBe(201);
    const trainer = createStudioResponseSchema.parse(made.body).trainerToken;
    expect((await studio(trainer)).inProgram).toBe(true);
    const saved = await server.api('/api/studio/methods/quay-circle', {
      method: 'PUT',
      token: trainer,
      body: { method: validMethod('quay-circle'), scope: 'program' },
    });
    expect(saved.status).toBe(200);
    const ids = async (g: { path(rest: string): string; facilitator: string }) =>
      groupLibraryResponseSchema
        .parse((await server.api(g.path('/library'), { token: g.facilitator })).body)
        .methods.filter((m) => m.scope === 'program')
        .map((m) => m.method.id);
    expect(await ids(p.attached)).toEqual(['quay-circle']);
    expect(await ids(outsider)).toEqual([]);
  });
});

describe('agendas in a library', () => {
  it('saves an agenda of built-ins and own methods, refuses unknown ones, and offers it when every method is seen', async () => {
    const trainer = await newStudio();
    const put = (agenda: unknown, scope = 'instance') =>
      server.api('/api/studio/agendas/harbour-day', { method: 'PUT', token: trainer, body: { agenda, scope } });
    const agenda = {
      version: 1,
      id: 'harbour-day',
      name: text('Harbour day'),
      methodIds: ['welcome', 'lighthouse', 'reflection'],
    };
    const refused = await put(agenda);
    expect(refused.status).toBe(422);
    expect(methodRefusalSchema.parse(refused.body).issues).toEqual([
      { path: 'methodIds.1', message: 'no built-in method or method of this studio has this id' },
    ]);
    const blank = await put({ ...agenda, name: { ...text('x'), sv: ' ' } });
    expect(methodRefusalSchema.parse(blank.body).issues.map((i) => i.path)).toEqual(['name.sv']);
    expect((await studio(trainer)).agendas).toEqual([]);

    await server.api('/api/studio/methods/lighthouse', {
      method: 'PUT',
      token: trainer,
      body: { method: validMethod('lighthouse'), scope: 'own' },
    });
    expect((await put(agenda)).status).toBe(200);
    expect((await studio(trainer)).agendas.map((a) => a.agenda)).toEqual([agenda]);
    const g = await createGroupFixture(server);
    const offered = async () =>
      groupLibraryResponseSchema
        .parse((await server.api(g.path('/library'), { token: g.facilitator })).body)
        .agendas.map((a) => a.agenda.id);
    // The lighthouse method is the trainer's own: the agenda waits until facilitators see it.
    expect(await offered()).not.toContain('harbour-day');
    await server.api('/api/studio/methods/lighthouse', {
      method: 'PUT',
      token: trainer,
      body: { method: validMethod('lighthouse'), scope: 'instance' },
    });
    expect(await offered()).toContain('harbour-day');
    expect((await server.api('/api/studio/agendas/harbour-day', { method: 'DELETE', token: trainer })).status).toBe(
      204,
    );
    expect(await offered()).not.toContain('harbour-day');
  });
});
