// Which board this browser shows while breakout rooms are open: a person's own room (the session
// says which), or for the facilitator the room they chose to visit; otherwise the plenary board.
// A move by the facilitator changes the session, and with it the document the board opens.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { roomOf, type DocName, type MeetingId, type Room } from '@vermeboard/shared';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';

interface RoomView {
  /** The room visited by the facilitator, or null. */
  visiting: number | null;
  visit(room: number | null): void;
}

const RoomViewContext = createContext<RoomView>({ visiting: null, visit: () => undefined });

export function RoomViewProvider({ children }: { children: ReactNode }) {
  const [visiting, visit] = useState<number | null>(null);
  const value = useMemo(() => ({ visiting, visit }), [visiting]);
  return <RoomViewContext.Provider value={value}>{children}</RoomViewContext.Provider>;
}

export function useRoomView(): RoomView {
  return useContext(RoomViewContext);
}

/** The room whose board is shown here now, and whether it is one's own or a visit. */
export function useShownRoom(): { room: Room; own: boolean } | null {
  const { state, me } = useFacilitation();
  const { visiting } = useRoomView();
  const own = roomOf(state?.breakout, me);
  if (own) return { room: own, own: true };
  const visited = state?.breakout?.rooms.find((r) => r.n === visiting);
  return visited ? { room: visited, own: false } : null;
}

/** The board document to open: the shown room's, or undefined for the plenary board. */
export function useBoardDoc(meetingId: MeetingId): DocName | undefined {
  const shown = useShownRoom();
  const n = shown?.room.n;
  return useMemo(() => (n === undefined ? undefined : { kind: 'room', meetingId, room: n }), [meetingId, n]);
}
