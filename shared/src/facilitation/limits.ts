// Size bounds for facilitation data. The server rejects anything larger, and a method definition
// that breaks them fails its schema test, so a bad template never reaches a meeting.
export const facilitationLimits = {
  /** Longest instruction or note text in a method, per locale. */
  methodText: 2000,
  /** Longest title, name or label, per locale. */
  methodLabel: 160,
  stepsPerMethod: 20,
  /** Frames plus prompt notes in one step's board layout. */
  layoutItems: 40,
  /** Largest timebox or timer duration: four hours is longer than any meeting. */
  maxDurationMs: 4 * 60 * 60 * 1000,
  /** Largest single timer adjustment, in minutes, either way. */
  maxAdjustMinutes: 60,
  agendaItems: 24,
  /**
   * Methods from a library (not built in) one meeting's agenda may use: their definitions are copied
   * into the session, so this bounds the session document.
   */
  meetingLibraryMethods: 6,
  /** Longest method definition, in JSON characters: an import or a save above this is refused before parsing. */
  methodJsonChars: 96 * 1024,
  /**
   * Facilitators and members who have been in the meeting, present or not: a verme group is 4–10
   * people. Observers are counted apart (`observers`), see roster.ts.
   */
  participants: 100,
  /** Observers who have been in the meeting, present or not. */
  observers: 100,
  lockedShapes: 2000,
  /** Shape ids in one lock or unlock command. */
  shapesPerCommand: 200,
  votes: 50,
  votesPerPerson: 20,
  /** Step visits kept for the summary: a long meeting enters 30–40 steps, going back and forth included. */
  stepVisits: 300,
} as const;
