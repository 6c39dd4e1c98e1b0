export * from './limits.js';
export * from './text.js';
export * from './ids.js';
export * from './locale.js';
export * from './group.js';
export * from './goals.js';
export * from './actionItems.js';
export * from './assessments.js';
