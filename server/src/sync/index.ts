export { createSyncServer, syncServerDefaults } from './SyncServer.js';
export type { SyncServer, SyncServerOptions } from './SyncServer.js';
export type { AuthorizeResult, SyncAuth } from './SyncAuth.js';
