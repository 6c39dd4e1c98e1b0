// The between-meetings stream (README "Between meetings"): members post a line or a reply as
// themselves, say thanks to a post, remove their own; the facilitator pins and may remove any.
import express, { type Router } from 'express';
import {
  can,
  streamLimits,
  streamPinBody,
  streamPostBody,
  streamPostIdSchema,
  streamThanksBody,
  type GroupId,
  type ParticipantId,
  type StreamPost,
  type StreamPostId,
  type StreamResponse,
} from '@vermeboard/shared';
import { randomId } from '../auth/tokens.js';
import type { StreamPostRecord } from '../storage/BetweenStore.js';
import type { Storage } from '../storage/Storage.js';
import { allow } from './access.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

/** The group's stream as the caller sees it; `since` keeps only posts created after it. */
export async function streamOf(
  storage: Storage,
  groupId: GroupId,
  me: ParticipantId | null,
  since?: string,
): Promise<StreamPost[]> {
  const [posts, thanks] = await Promise.all([
    storage.listStreamPosts(groupId, since),
    storage.listStreamThanks(groupId),
  ]);
  return posts.map((p) => toPost(p, thanks, me));
}

function toPost(
  p: StreamPostRecord,
  thanks: readonly { postId: StreamPostId; participantId: ParticipantId }[],
  me: ParticipantId | null,
): StreamPost {
  const mine = thanks.filter((t) => t.postId === p.id);
  return {
    id: p.id,
    parentId: p.parentId,
    authorId: p.participantId,
    authorName: p.authorName,
    text: p.text,
    createdAt: p.createdAt,
    pinnedAt: p.pinnedAt,
    thanks: mine.length,
    thankedByMe: me !== null && mine.some((t) => t.participantId === me),
  };
}

export function streamRoutes({ storage, access }: Omit<RouteDeps, 'connections' | 'auth'>): Router {
  const router = express.Router();

  const respond = async (res: express.Response, groupId: GroupId, me: ParticipantId | null, status = 200) => {
    const body: StreamResponse = { posts: await streamOf(storage, groupId, me) };
    res.status(status).json(body);
  };
  async function ownPost(groupId: GroupId, raw: unknown): Promise<StreamPostRecord> {
    const id = pathParam(streamPostIdSchema, raw, 'postId');
    return ownedBy(await storage.getStreamPost(id), groupId, 'postId');
  }

  router.get('/groups/:groupId/stream', async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'group.read');
    await respond(res, groupId, participantId);
  });

  // What the goal recap shows: posts since the group's last ended meeting (all of them before one).
  router.get('/groups/:groupId/stream/since-last-meeting', async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'group.read');
    const ended = (await storage.listMeetings(groupId)).filter((m) => m.endedAt !== null);
    const since = ended
      .map((m) => m.endedAt!)
      .sort()
      .at(-1);
    const body: StreamResponse = { posts: await streamOf(storage, groupId, participantId, since) };
    res.json(body);
  });

  router.post('/groups/:groupId/stream', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.person(req, 'stream.post');
    const body = streamPostBody.parse(req.body);
    const added = await storage.addStreamPost(
      {
        id: randomId() as StreamPostId,
        groupId,
        parentId: body.parentId,
        participantId,
        text: body.text,
        createdAt: new Date().toISOString(),
      },
      streamLimits.posts,
    );
    if (added === 'noParent') throw new HttpError(400, 'parentId: not a post of this group’s stream', 'parentId');
    if (added === 'full') throw new HttpError(409, `the stream keeps at most ${streamLimits.posts} posts`);
    await respond(res, groupId, participantId, 201);
  });

  router.put('/groups/:groupId/stream/:postId/thanks', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.person(req, 'stream.post');
    const post = await ownPost(groupId, req.params.postId);
    const { thanks } = streamThanksBody.parse(req.body);
    await storage.setStreamThanks(post.id, participantId, thanks);
    await respond(res, groupId, participantId);
  });

  router.put('/groups/:groupId/stream/:postId/pin', jsonBody, async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'stream.moderate');
    const post = await ownPost(groupId, req.params.postId);
    const { pinned } = streamPinBody.parse(req.body);
    await storage.pinStreamPost(post.id, pinned ? (post.pinnedAt ?? new Date().toISOString()) : null);
    await respond(res, groupId, participantId);
  });

  router.delete('/groups/:groupId/stream/:postId', async (req, res) => {
    const caller = await access.group(req, 'group.read');
    const post = await ownPost(caller.groupId, req.params.postId);
    // Anyone may take back their own line; the facilitator may remove any.
    if (post.participantId !== caller.participantId || !can(caller, 'stream.post')) allow(caller, 'stream.moderate');
    await storage.deleteStreamPost(post.id);
    await respond(res, caller.groupId, caller.participantId);
  });

  return router;
}
