// Loads a group with this browser's token for it, optionally re-checking on an interval (used while
// members wait for the facilitator to start a meeting). Keeps the last good answer during re-checks.
import type { GroupId, GroupResponse } from '@vermeboard/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getGroup } from '../api/client.js';
import { NetworkError } from '../api/errors.js';

/** How long the answer that opening a group had counts for the page it opened. */
const openedFreshMs = 5000;
let opened: { groupId: GroupId; token: string; group: GroupResponse; at: number } | null = null;

/**
 * Keeps the answer with which a group was just opened (openGroup.ts), so that the page it opens
 * draws at once instead of asking the server the same question again. Only that page takes it: a
 * page opened after it (a member waiting on the group page is taken to the meeting that just
 * started) asks the server, since the answer says nothing of what happened since.
 */
export function rememberOpenedGroup(groupId: GroupId, token: string, group: GroupResponse): void {
  opened = { groupId, token, group, at: Date.now() };
}

/** The answer openGroup just had for this group and token, once: whoever takes it takes it away. */
export function takeOpenedGroup(groupId: GroupId, token: string | null): GroupResponse | null {
  if (!opened || opened.groupId !== groupId || opened.token !== token) return null;
  const taken = opened;
  opened = null;
  return Date.now() - taken.at < openedFreshMs ? taken.group : null;
}

export type GroupState =
  { status: 'loading' } | { status: 'ready'; group: GroupResponse } | { status: 'error'; error: unknown };

export function useGroup(
  groupId: GroupId,
  token: string | null,
  pollMs: number | null = null,
): { state: GroupState; reload(): void } {
  const [state, setState] = useState<GroupState>(() => {
    const group = takeOpenedGroup(groupId, token);
    return group ? { status: 'ready', group } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  // Answered just now by the page that opened this one: the first load is not needed.
  const answered = useRef(state.status === 'ready');

  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    const load = () =>
      getGroup(groupId, token, controller.signal).then(
        (group) => setState({ status: 'ready', group }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          // While waiting, a dropped request is no reason to replace the page with an error; the next
          // check will tell. A real refusal (401, 404) still shows.
          setState((prev) =>
            prev.status === 'ready' && error instanceof NetworkError ? prev : { status: 'error', error },
          );
        },
      );
    if (answered.current) answered.current = false;
    else void load();
    const timer = pollMs === null ? undefined : window.setInterval(() => void load(), pollMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [groupId, token, pollMs, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}

/** The newest meeting, which the app treats as the group's current one. */
export function latestMeeting(group: GroupResponse): GroupResponse['meetings'][number] | null {
  let latest: GroupResponse['meetings'][number] | null = null;
  for (const meeting of group.meetings) {
    if (!latest || Date.parse(meeting.createdAt) > Date.parse(latest.createdAt)) latest = meeting;
  }
  return latest;
}
