// Loads a group with this browser's token for it, optionally re-checking on an interval (used while
// members wait for the facilitator to start a meeting). Keeps the last good answer during re-checks.
import type { GroupId, GroupResponse } from '@vermeboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { getGroup } from '../api/client.js';
import { NetworkError } from '../api/errors.js';

export type GroupState =
  { status: 'loading' } | { status: 'ready'; group: GroupResponse } | { status: 'error'; error: unknown };

export function useGroup(
  groupId: GroupId,
  token: string | null,
  pollMs: number | null = null,
): { state: GroupState; reload(): void } {
  const [state, setState] = useState<GroupState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

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
    void load();
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
