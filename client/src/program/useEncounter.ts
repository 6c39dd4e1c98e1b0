// Whether a meeting is a running encounter that invited this group: then a member opens it from
// their own group's address, with their own identity (the server accepts their group token there).
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useEffect, useState } from 'react';
import { groupProgramApi } from './programApi.js';

export type EncounterCheck = 'checking' | 'encounter' | 'no';

export function useEncounter(groupId: GroupId, token: string, meetingId: MeetingId, enabled: boolean): EncounterCheck {
  const [state, setState] = useState<EncounterCheck>('checking');
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    groupProgramApi(groupId, token)
      .program()
      .then(
        (p) => current && setState(p.encounters.some((e) => e.meetingId === meetingId) ? 'encounter' : 'no'),
        () => current && setState('no'),
      );
    return () => {
      current = false;
    };
  }, [groupId, token, meetingId, enabled]);
  return state;
}
