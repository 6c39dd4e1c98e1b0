// Process entry: configuration from the environment, start, and a graceful stop on SIGTERM/SIGINT.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

const clientDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');

let config;
try {
  config = loadConfig(process.env, clientDir);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const logger = createLogger(config.logLevel);

try {
  const server = await startServer(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck shutdown must not hang forever under a process supervisor.
    setTimeout(() => {
      logger.error('shutdown timed out');
      process.exit(1);
    }, 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  logger.fatal({ err }, 'failed to start');
  process.exit(1);
}
