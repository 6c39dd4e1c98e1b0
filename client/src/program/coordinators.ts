// The programs this browser coordinates: programId → the coordinator's token and who they are.
// Kept beside the group identities (api/identity.ts), and the coordinator is also saved there as
// the plaza group's facilitator, so that an encounter opens like any meeting of one's own group.
import { groupIdSchema, participantIdSchema, programIdSchema, type ProgramId } from '@vermeboard/shared';
import { z } from 'zod';
import { identities } from '../api/identity.js';

const KEY = 'vermeboard.programs';

const entrySchema = z.object({
  token: z.string().min(1),
  plazaGroupId: groupIdSchema,
  coordinatorId: participantIdSchema,
  displayName: z.string(),
});
export type CoordinatorEntry = z.infer<typeof entrySchema>;

function readAll(): Record<string, CoordinatorEntry> {
  try {
    const parsed = z.record(programIdSchema, entrySchema).safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export const coordinators = {
  get(programId: ProgramId): CoordinatorEntry | null {
    return readAll()[programId] ?? null;
  },
  /** The program whose plaza this group is, when this browser coordinates it. */
  programOfPlaza(groupId: string): ProgramId | null {
    const found = Object.entries(readAll()).find(([, e]) => e.plazaGroupId === groupId);
    return found ? (found[0] as ProgramId) : null;
  },
  save(programId: ProgramId, entry: CoordinatorEntry): void {
    const all = readAll();
    all[programId] = entry;
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      // Private mode with no storage: the coordinator link still opens the program each time.
    }
    identities.save(entry.plazaGroupId, {
      participantId: entry.coordinatorId,
      participantToken: entry.token,
      role: 'facilitator',
      displayName: entry.displayName,
    });
  },
};
