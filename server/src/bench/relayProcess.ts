// Entry point of the relay child process the bench starts (`node dist/bench/relayProcess.js`).
// It runs in its own process, like the server, so that its CPU and memory are measured the same way.
import { serveUntilStopped } from './childEntry.js';
import { startRelay } from './relay.js';

serveUntilStopped(await startRelay({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) }));
