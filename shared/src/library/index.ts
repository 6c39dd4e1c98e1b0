export * from './library.js';
export * from './agendaFile.js';
