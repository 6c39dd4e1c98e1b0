// Size and count bounds for a group's process data. The server refuses anything larger and the
// client's forms use the same numbers, so both sides agree.
export const processLimits = {
  /** A verme group sets 1–3 concrete goals; more dilutes the recap at the start of every meeting. */
  activeGoals: 3,
  goalText: 300,
  progressText: 2000,
  groundRule: 300,
  groundRules: 20,
  nextMeetingTheme: 200,
  /** A room, an address or a video link. */
  nextMeetingPlace: 500,
  actionText: 500,
  /** tldraw shape ids look like `shape:<nanoid>`; this is far above that. */
  shapeId: 100,
  competenceAreaName: 120,
  competenceAreas: 12,
  /** Retention longer than ten years is the same as keeping everything. */
  retentionDays: 3650,
  /** A self-assessment phase's averages can be released only from this many answers; groups may ask more. */
  assessmentMinRespondents: 3,
  /** The highest threshold a group may set. */
  assessmentMaxThreshold: 100,
} as const;
