export * from './versioned.js';
