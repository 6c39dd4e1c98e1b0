// The method studio and the libraries (README "Method studio and libraries").
//
// Who a trainer is: the holder of a studio link (`/studio#<token>`), made on the home page like a
// program's coordinator link, or by a program's coordinator for the program's trainers. The token
// is random, only its hash is stored, and it opens these routes and nothing else: a studio link
// reads no group, meeting or board, and a group token opens no studio. A trainer's methods stay in
// their own library until they put one in the instance's library (every facilitator on this server
// sees it) or, for a program's studio link, the program's (the facilitators of its groups see it).
//
// Saves and imports are all-or-nothing: the definition is read with the versioned method format
// and every problem is answered at its path (422 `{ error, issues }`); nothing is stored then.
import express, { type Request, type Response, type Router } from 'express';
import {
  agendaFormat,
  builtInMethods,
  saveAgendaBody,
  type LibraryAgendaEntry,
  facilitationLimits,
  libraryLimits,
  programIdSchema,
  readMethodFile,
  saveMethodBody,
  slugSchema,
  studioPath,
  type CreateStudioResponse,
  type GroupLibraryResponse,
  type LibraryMethod,
  type LibraryScope,
  type Method,
  type MethodIssue,
  type MethodRefusal,
  type ProgramId,
  type StudioResponse,
  type TrainerId,
} from '@vermeboard/shared';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import { programOfGroup, readAgendaRow, readMethodRow, visibleTo } from '../library/storedMethods.js';
import type { StoredMethodRow, TrainerRecord } from '../storage/libraryStore.js';
import { allow } from './access.js';
import { bearerToken } from './bearer.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { pathParam } from './requests.js';

/** A method file is at most this many bytes on the wire (JSON characters, some of them multi-byte). */
const methodBodyLimit = facilitationLimits.methodJsonChars * 4;
/** A body the parser refuses (too large, not JSON) is answered like any other problem with the file. */
function methodBody(parse: express.RequestHandler): express.RequestHandler {
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (err === undefined) return next();
      const e = err as { status?: number; type?: string };
      const tooLarge = e.type === 'entity.too.large';
      const message = tooLarge ? `the file is larger than ${methodBodyLimit / 1024} KiB` : 'not valid JSON';
      refuse(res, tooLarge ? 413 : 422, `${message}; nothing was stored`, [{ path: '', message }]);
    });
}
const methodJson = methodBody(express.json({ limit: methodBodyLimit, strict: true }));
/** An import is the file's text as it is, so that malformed JSON is answered like any other issue. */
const methodText = methodBody(express.text({ type: () => true, limit: methodBodyLimit }));

function refuse(res: Response, status: number, error: string, issues: MethodIssue[]): void {
  const body: MethodRefusal = { error, issues };
  res.status(status).json(body);
}

export function libraryRoutes({
  storage,
  access,
  instanceLibraryOpen,
}: Omit<RouteDeps, 'auth' | 'connections'> & { instanceLibraryOpen: boolean }): Router {
  const router = express.Router();

  async function trainer(req: Request): Promise<TrainerRecord> {
    const token = bearerToken(req);
    if (!token) throw new HttpError(401, 'missing bearer token');
    const found = await storage.trainerByTokenHash(hashToken(token));
    if (!found) throw new HttpError(401, 'unknown studio link');
    return found;
  }

  async function createStudio(res: Response, programId: ProgramId | null): Promise<void> {
    const token = randomToken();
    await storage.createTrainer(
      { id: randomId() as TrainerId, programId, createdAt: new Date().toISOString() },
      hashToken(token),
    );
    const body: CreateStudioResponse = { trainerToken: token, studioLink: studioPath(token) };
    res.status(201).json(body);
  }

  /** Why a studio link may not save into `scope`, or null when it may. */
  function scopeIssue(who: TrainerRecord, scope: LibraryScope): MethodIssue | null {
    if (scope === 'program' && who.programId === null) {
      return { path: 'scope', message: 'only a studio link made by a program’s coordinator shares with a program' };
    }
    if (scope === 'instance' && !instanceLibraryOpen) {
      return { path: 'scope', message: 'this server’s library is closed (LIBRARY_SHARING)' };
    }
    return null;
  }

  /** Stores a definition that passed `readMethodFile`, or answers why not. */
  async function store(res: Response, who: TrainerRecord, method: Method, scope: LibraryScope): Promise<void> {
    const refused = scopeIssue(who, scope);
    if (refused) return refuse(res, 422, 'this library is not open to this studio link; nothing was stored', [refused]);
    const updatedAt = new Date().toISOString();
    const outcome = await storage.saveLibraryMethod(
      {
        id: method.id,
        kind: 'method',
        trainerId: who.id,
        scope,
        programId: scope === 'program' ? who.programId : null,
        definition: JSON.stringify(method),
        updatedAt,
      },
      libraryLimits.methodsPerTrainer,
    );
    if (outcome === 'taken') {
      return refuse(res, 409, 'another method on this server has this id', [
        { path: 'id', message: 'another method on this server has this id' },
      ]);
    }
    if (outcome === 'full') {
      return refuse(res, 409, `a studio keeps at most ${libraryLimits.methodsPerTrainer} methods`, [
        { path: '', message: `a studio keeps at most ${libraryLimits.methodsPerTrainer} methods` },
      ]);
    }
    const body: LibraryMethod = { method, scope, updatedAt };
    res.status(200).json(body);
  }

  router.post('/studios', async (_req, res) => createStudio(res, null));

  // A program's coordinator makes studio links for the program's trainers.
  router.post('/programs/:programId/studios', async (req, res) => {
    const caller = await access.caller(req);
    const programId = pathParam(programIdSchema, req.params.programId, 'programId');
    const program = await storage.getProgram(programId);
    if (!program) throw new HttpError(404, 'unknown program', 'programId');
    allow(caller, 'program.coordinate', program);
    await createStudio(res, program.id);
  });

  router.get('/studio', async (req, res) => {
    const who = await trainer(req);
    const body: StudioResponse = {
      inProgram: who.programId !== null,
      instanceLibraryOpen,
      methods: [],
      agendas: [],
      quarantined: [],
    };
    for (const row of await storage.listTrainerMethods(who.id)) {
      if (row.kind === 'agenda') {
        const read = readAgendaRow(row);
        if (read.ok) body.agendas.push(read.agenda);
        else body.quarantined.push({ id: read.id, reason: read.reason });
        continue;
      }
      const read = readMethodRow(row);
      if (read.ok) body.methods.push(read.method);
      else body.quarantined.push({ id: read.id, reason: read.reason });
    }
    res.json(body);
  });

  router.put('/studio/methods/:methodId', methodJson, async (req, res) => {
    const who = await trainer(req);
    const methodId = pathParam(slugSchema, req.params.methodId, 'methodId');
    const body = saveMethodBody.safeParse(req.body);
    if (!body.success) {
      return refuse(
        res,
        422,
        'not a save',
        body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const read = readMethodFile(body.data.method);
    if (!read.ok) return refuse(res, 422, 'the method has problems; nothing was saved', read.issues);
    if (read.method.id !== methodId) {
      return refuse(res, 422, 'the id differs from the address', [{ path: 'id', message: 'differs from the address' }]);
    }
    await store(res, who, read.method, body.data.scope);
  });

  router.post('/studio/import', methodText, async (req, res) => {
    const who = await trainer(req);
    const text = typeof req.body === 'string' ? req.body : '';
    const read = readMethodFile(text);
    if (!read.ok) return refuse(res, 422, 'the file has problems; nothing was imported', read.issues);
    // An import never replaces a method: the trainer deletes theirs first, or changes the file's id.
    if ((await storage.getLibraryMethod(read.method.id)) !== null) {
      return refuse(res, 409, 'a method with this id is on this server already; nothing was imported', [
        { path: 'id', message: 'a method with this id is on this server already' },
      ]);
    }
    await store(res, who, read.method, 'own');
  });

  router.put('/studio/agendas/:agendaId', methodJson, async (req, res) => {
    const who = await trainer(req);
    const agendaId = pathParam(slugSchema, req.params.agendaId, 'agendaId');
    const body = saveAgendaBody.safeParse(req.body);
    const read = body.success ? agendaFormat.read(body.data.agenda) : null;
    if (!body.success || !read?.ok) {
      const issues = body.success
        ? (read as { issues: MethodIssue[] }).issues
        : body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return refuse(res, 422, 'the agenda has problems; nothing was saved', issues);
    }
    const agenda = read.value;
    // Its methods are built-ins or the trainer's own: a facilitator is offered it when they see them all.
    const own = new Set((await storage.listTrainerMethods(who.id)).filter((r) => r.kind === 'method').map((r) => r.id));
    const issues: MethodIssue[] = [];
    if (agenda.id !== agendaId) issues.push({ path: 'id', message: 'differs from the address' });
    if (builtInMethods[agenda.id] !== undefined) issues.push({ path: 'id', message: 'a built-in method has this id' });
    agenda.methodIds.forEach((id, i) => {
      if (builtInMethods[id] === undefined && !own.has(id))
        issues.push({ path: `methodIds.${i}`, message: 'no built-in method or method of this studio has this id' });
    });
    const refused = scopeIssue(who, body.data.scope);
    if (refused) issues.push(refused);
    if (issues.length > 0) return refuse(res, 422, 'the agenda has problems; nothing was saved', issues);
    const updatedAt = new Date().toISOString();
    const outcome = await storage.saveLibraryMethod(
      {
        id: agenda.id,
        kind: 'agenda',
        trainerId: who.id,
        scope: body.data.scope,
        programId: body.data.scope === 'program' ? who.programId : null,
        definition: JSON.stringify(agenda),
        updatedAt,
      },
      libraryLimits.methodsPerTrainer,
    );
    if (outcome !== 'saved') {
      const message =
        outcome === 'taken' ? 'another method or agenda on this server has this id' : 'the studio is full';
      return refuse(res, 409, message, [{ path: outcome === 'taken' ? 'id' : '', message }]);
    }
    const answer: LibraryAgendaEntry = { agenda, scope: body.data.scope, updatedAt };
    res.json(answer);
  });

  router.delete('/studio/agendas/:agendaId', async (req, res) => {
    const who = await trainer(req);
    const agendaId = pathParam(slugSchema, req.params.agendaId, 'agendaId');
    const row = await storage.getLibraryMethod(agendaId);
    if (row?.kind !== 'agenda' || !(await storage.deleteLibraryMethod(who.id, agendaId))) {
      throw new HttpError(404, 'unknown agenda', 'agendaId');
    }
    res.status(204).end();
  });

  router.delete('/studio/methods/:methodId', async (req, res) => {
    const who = await trainer(req);
    const methodId = pathParam(slugSchema, req.params.methodId, 'methodId');
    if (!(await storage.deleteLibraryMethod(who.id, methodId))) throw new HttpError(404, 'unknown method', 'methodId');
    res.status(204).end();
  });

  // What the group's facilitator picks from besides the built-ins.
  router.get('/groups/:groupId/library', async (req, res) => {
    const caller = await access.group(req, 'group.read');
    const programId = await programOfGroup(storage, caller.groupId);
    const body: GroupLibraryResponse = { methods: [], agendas: [] };
    const rows = (await storage.listVisibleMethods(programId, libraryLimits.listed)).filter(
      (row) => visibleTo(row, programId) && builtInMethods[row.id] === undefined,
    );
    const scopeOf = (row: StoredMethodRow) => (row.scope === 'program' ? 'program' : 'instance');
    for (const row of rows) {
      const read = readMethodRow(row);
      if (read.ok) body.methods.push({ ...read.method, scope: scopeOf(row) });
    }
    // An agenda is offered only when the facilitator can add every one of its methods.
    const addable = new Set([...Object.keys(builtInMethods), ...body.methods.map((m) => m.method.id)]);
    for (const row of rows.filter((r) => r.kind === 'agenda')) {
      const read = readAgendaRow(row);
      if (read.ok && read.agenda.agenda.methodIds.every((id) => addable.has(id))) {
        body.agendas.push({ ...read.agenda, scope: scopeOf(row) });
      }
    }
    res.json(body);
  });

  return router;
}
