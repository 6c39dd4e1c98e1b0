// Entry point of the Hocuspocus child process the bench starts (`node dist/bench/hocuspocusProcess.js`),
// in its own process like the other targets so that its CPU and memory are measured the same way.
import { serveUntilStopped } from './childEntry.js';
import { startHocuspocus } from './hocuspocus.js';

serveUntilStopped(await startHocuspocus({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) }));
