export * from './ids.js';
export * from './roles.js';
export * from './docNames.js';
export * from './closeCodes.js';
export * from './limits.js';
export * from './api.js';
export * from './boardDoc.js';
export * from './process/index.js';
