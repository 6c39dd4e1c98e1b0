// Picks the storage adapter that the configuration names.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './Storage.js';

export async function openStorage(config: Pick<Config, 'storage' | 'dataDir'>, logger: Logger): Promise<Storage> {
  if (config.storage.kind === 'postgres') {
    return openPostgresStorage(config.storage.url, {
      onError: (err) => logger.warn({ err }, 'an idle PostgreSQL connection failed; the pool replaces it'),
    });
  }
  return openSqliteStorage(join(config.dataDir, 'vermeboard.sqlite'), {
    onCheckpointFailure: (err) =>
      logger.warn({ err }, 'the checkpoint worker stopped; the database checkpoints on the main thread again'),
  });
}
