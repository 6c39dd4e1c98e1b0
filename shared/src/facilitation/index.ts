// The facilitation engine's public surface: methods as data, the session state and its commands,
// the pure reducer the server applies, and the helpers browsers use to show a step.
export * from './limits.js';
export * from './method.js';
export * from './layoutPlan.js';
export * from './methods/index.js';
export * from './session.js';
export * from './commands.js';
export * from './ballots.js';
export * from './agenda.js';
export * from './roundRobin.js';
export * from './timer.js';
export * from './sessionReducer.js';
export * from './speakingMode.js';
export * from './caseOwner.js';
export * from './presencePrivacy.js';
export * from './wire.js';
export * from './roster.js';
export * from './rooms.js';
export * from './roomCommands.js';
