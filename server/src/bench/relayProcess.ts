// Entry point of the relay child process the bench starts (`node dist/bench/relayProcess.js`).
// It runs in its own process, like the server, so that its CPU and memory are measured the same way.
// Prints one JSON line `{"port": n}` once it listens.
import { startRelay } from './relay.js';

const relay = await startRelay({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) });
process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`);

const stop = () => void relay.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started with an IPC channel: when the bench goes away, however it ends, the relay goes too.
process.on('disconnect', stop);
