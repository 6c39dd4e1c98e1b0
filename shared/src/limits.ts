// Size limits shared by server validation and client forms, so both sides agree.
export const limits = {
  groupName: 120,
  displayName: 60,
  /** Largest awareness state (JSON bytes) one client may publish. */
  awarenessStateBytes: 16 * 1024,
  /** Client ids one connection may publish awareness for (a doc may change its clientID on conflict). */
  awarenessClientsPerConnection: 4,
  /** Largest pasted image or file accepted by the asset upload. */
  assetBytes: 5 * 1024 * 1024,
} as const;
