#!/usr/bin/env node
// Manual check of docs/nginx/vermeboard.conf, as it is, in front of two real instances:
//
//   npm run build && node docs/nginx/check.mjs
//
// Needs Debian's nginx (`apt-get install -y nginx`), openssl, redis-server and a PostgreSQL where
// this user may create databases (CHECK_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
// It starts a private Redis, a fresh database, two instances (TRUST_PROXY=true) and nginx with the
// example configuration (only the upstream addresses, the listen ports and the certificate paths
// replaced: a self-signed certificate), all on free ports, then checks through nginx over TLS:
// the HTTP-to-HTTPS redirect, the API, WebSocket clients balanced over both instances that see each
// other's edits, and, after one instance is killed with SIGKILL, that its clients reconnect through
// nginx to the other one and nothing is lost. It prints what it measured and removes everything.
// Exit code 0 only when every check passed; 2 when a tool is missing (nothing was checked).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { noteRecord, defaultPageId } = await import(join(repo, 'server/dist/board/shapeRecords.js'));
const { setRecords, readRecords } = await import(join(repo, 'server/dist/facilitation/boardRecords.js'));

for (const tool of ['nginx', 'openssl', 'redis-server']) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    console.error(`${tool} is not installed: nothing was checked (on Debian: apt-get install -y nginx redis-server)`);
    process.exit(2);
  }
}

const children = [];
const outputs = [];
const work = mkdtempSync(join(tmpdir(), 'vb-nginx-'));
let database = null;
const adminUrl = process.env.CHECK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function cleanup() {
  // SIGTERM first: an nginx master killed outright leaves its workers running.
  const exited = children.map((child) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve)),
  );
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 3000))]);
  for (const child of children) child.kill('SIGKILL');
  if (database) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output = [];
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => output.push(d.toString()));
  children.push(child);
  outputs.push(output);
  return { child, output };
}

async function until(check, what, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const results = [];
function check(ok, what) {
  results.push({ ok, what });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

try {
  // Certificate, database, Redis, two instances.
  const key = join(work, 'key.pem');
  const cert = join(work, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const ca = readFileSync(cert);
  database = `vb_nginx_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${database}`;
  const redisPort = await freePort();
  start('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  const secret = randomBytes(32).toString('hex');
  const prefix = `vbnginx:${randomBytes(4).toString('hex')}:`;
  const ports = [await freePort(), await freePort()];
  const instances = ports.map((port, i) =>
    start(process.execPath, [join(repo, 'server/dist/main.js')], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(work, `data${i}-`)),
      STORAGE: 'postgres',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: prefix,
      VERMEBOARD_SECRET: secret,
      TRUST_PROXY: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    }),
  );
  for (const port of ports) {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, `instance on ${port}`);
  }

  // nginx with the example: upstreams, listen ports and certificate paths replaced, nothing else.
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  let site = readFileSync(join(repo, 'docs/nginx/vermeboard.conf'), 'utf8');
  let upstream = 0;
  site = site
    .replace(/server 10\.0\.0\.\d+:8080/g, () => `server 127.0.0.1:${ports[upstream++]}`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${cert};`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${key};`);
  if (upstream !== 2) throw new Error('the example no longer lists two upstream servers as 10.0.0.x:8080');
  writeFileSync(join(work, 'vermeboard.conf'), site);
  writeFileSync(
    join(work, 'nginx.conf'),
    `worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '$request_uri $status $upstream_addr';
  access_log ${work}/access.log upstream;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  include ${work}/vermeboard.conf;
}
`,
  );
  execFileSync('nginx', ['-t', '-q', '-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'inherit' });
  start('nginx', ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;']);
  const base = `https://127.0.0.1:${httpsPort}`;

  const call = (method, path, body, token) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${base}${path}`,
        {
          method,
          ca,
          headers: {
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  await until(async () => (await call('GET', '/readyz')).status === 200, 'nginx');

  const redirect = await fetch(`http://127.0.0.1:${httpPort}/join/x`, { redirect: 'manual' });
  check(
    redirect.status === 301 && redirect.headers.get('location')?.startsWith('https://'),
    'port 80 redirects to HTTPS',
  );

  const group = await call('POST', '/api/groups', { name: 'nginx check', facilitatorName: 'Kaisa' });
  check(group.status === 201, 'the API answers over TLS through nginx');
  const meeting = await call('POST', `/api/groups/${group.body.groupId}/meetings`, {}, group.body.participantToken);
  const meetingId = meeting.body.meetingId;
  const members = [];
  for (const name of ['Anna', 'Ben', 'Cleo', 'Dan']) {
    members.push((await call('POST', '/api/join', { token: group.body.tokens.member, displayName: name })).body);
  }

  const clients = members.map((m) => {
    class TlsBearerSocket extends WebSocket {
      constructor(url, protocols) {
        super(url, protocols, { ca, headers: { authorization: `Bearer ${m.participantToken}` } });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`wss://127.0.0.1:${httpsPort}/sync`, `meeting/${meetingId}/board`, doc, {
      WebSocketPolyfill: TlsBearerSocket,
      disableBc: true,
      maxBackoffTime: 200,
    });
    return { doc, provider };
  });
  await until(() => clients.every((c) => c.provider.synced), 'the WebSocket clients to sync');
  check(true, 'WebSocket upgrade over TLS through nginx');

  const put = (client, id, text) =>
    setRecords(client.doc, new Map([[id, noteRecord({ id, parentId: defaultPageId, x: 0, y: 0, text })]]));
  const seenByAll = (id) => clients.every((c) => readRecords(c.doc).has(id));
  const t0 = performance.now();
  put(clients[0], 'shape:first', 'first');
  await until(
    () => seenByAll('shape:first'),
    () =>
      `the first note everywhere (held by ${clients.filter((c) => readRecords(c.doc).has('shape:first')).length} of ${clients.length}; ` +
      `records ${clients.map((c) => readRecords(c.doc).size).join(', ')})`,
  );
  const relayMs = performance.now() - t0;
  check(true, `an edit reaches every client in ${relayMs.toFixed(0)} ms`);

  // Which instance each socket landed on: nginx logs a WebSocket when it ends, so ask the instances
  // instead, by killing one and counting who reconnects.
  const before = clients.map((c) => c.provider.ws);
  const killedAt = performance.now();
  instances[1].child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  const dropped = clients.filter((c, i) => c.provider.ws !== before[i] || !c.provider.wsconnected).length;
  check(
    dropped > 0 && dropped < clients.length,
    `round robin: ${dropped} of ${clients.length} sockets were on the killed instance`,
  );
  await until(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), 'every client back');
  const failoverMs = performance.now() - killedAt;
  put(clients[3], 'shape:after', 'after the failover');
  await until(() => seenByAll('shape:after') && seenByAll('shape:first'), 'edits after the failover');
  check(
    true,
    `after SIGKILL of one instance every client is back through nginx in ${failoverMs.toFixed(0)} ms, nothing lost`,
  );
  for (const c of clients) c.provider.destroy();

  // nginx writes a WebSocket's line when it ends.
  const syncLines = () => [...readFileSync(join(work, 'access.log'), 'utf8').matchAll(/^\/sync\/\S+ \d+ (\S+)/gm)];
  await until(() => syncLines().length >= clients.length, 'the access log');
  const log = readFileSync(join(work, 'access.log'), 'utf8');
  const backends = new Set([...log.matchAll(/^\/sync\/\S+ \d+ (\S+)/gm)].map((m) => m[1].split(',')[0]));
  check(backends.size === 2, `nginx sent WebSockets to ${backends.size} instances`);
} catch (err) {
  check(false, err instanceof Error ? err.message : String(err));
  for (const { output } of children.map((child, i) => ({ output: outputs[i] }))) {
    if (output.length > 0) console.error(output.join('').split('\n').slice(-10).join('\n'));
  }
} finally {
  await cleanup();
}
const failed = results.filter((r) => !r.ok).length;
console.log(failed === 0 ? `all ${results.length} checks passed` : `${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
