// Entry point of the Hocuspocus child process the bench starts (`node dist/bench/hocuspocusProcess.js`),
// in its own process like the other targets so that its CPU and memory are measured the same way.
// Prints one JSON line `{"port": n}` once it listens.
import { startHocuspocus } from './hocuspocus.js';

const server = await startHocuspocus({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) });
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started with an IPC channel: when the bench goes away, however it ends, Hocuspocus goes too.
process.on('disconnect', stop);
