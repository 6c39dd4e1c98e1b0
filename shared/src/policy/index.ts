// The authorization policy: one answer to who may do what, on every surface.
export * from './subject.js';
export * from './commandRules.js';
export * from './policy.js';
export * from './debrief.js';
export * from './programRules.js';
