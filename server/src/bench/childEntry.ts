// What a target process the bench starts (relayProcess.ts, hocuspocusProcess.ts) does once its
// server listens: print one JSON line `{"port": n}` for the bench, and stop when told to or when
// the bench goes away.

export function serveUntilStopped(server: { port: number; close(): Promise<void> }): void {
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started with an IPC channel: when the bench goes away, however it ends, the target goes too.
  process.on('disconnect', stop);
}
