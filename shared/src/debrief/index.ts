// The debrief of a meeting: its event log, the timeline computed from it, and the coach's API.
export * from './events.js';
export * from './timeline.js';
export * from './api.js';
