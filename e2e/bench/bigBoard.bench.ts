// Big boards: how long a browser takes to join a board of many notes until it is live with every
// note rendered, and how long a frame takes while panning a board of 10,000. The notes are written
// over the sync endpoint beforehand (server/src/bench/boardFill.ts), through the board checks.
// Run by `npm run bench:client`; it measures and prints, it does not judge (timings depend on how
// busy the machine is: the load average is printed with them).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fillBoard } from '../../server/dist/bench/boardFill.js';
import { connectionStatus, createGroup, shapes, startMeeting } from '../flows.js';
import { launchServer, type ServerProcess } from '../server.js';
import { median } from './wire.js';

let server: ServerProcess;
test.beforeAll(async () => {
  // 10,000 notes are about 6 MB of board: past the default document cap, which is not under test.
  server = await launchServer({
    MAX_DOCUMENT_BYTES: String(32 * 1024 * 1024),
    MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
  });
});
test.afterAll(async () => {
  await server?.stop();
});

const JOINS = Number(process.env['BENCH_JOINS'] ?? 3);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(', ');

/** A running meeting whose board holds `notes` notes; returns the member link and the facilitator's page. */
async function boardOf(page: Page, notes: number) {
  const links = await createGroup(page, server.url, `Board of ${notes}`, 'Kaisa');
  await startMeeting(page);
  const meetingId = /\/m\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
  const token = links.facilitator.split('/').pop()!;
  const started = performance.now();
  await fillBoard({ url: `${server.url.replace('http', 'ws')}/sync/meeting/${meetingId}/board`, token, notes });
  const fillSeconds = (performance.now() - started) / 1000;
  return { links, fillSeconds };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * With BENCH_PROFILE set: the page's CPU profile while `run` runs (Chrome DevTools Protocol),
 * printed as the functions with the most self time, to see where a join or a pan spends it.
 */
async function profiled<T>(page: Page, run: () => Promise<T>): Promise<T> {
  if (!process.env['BENCH_PROFILE']) return run();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  const result = await run();
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  // BENCH_PROFILE_DIR keeps each profile as a file for Chrome DevTools' Performance panel.
  const dir = process.env['BENCH_PROFILE_DIR'];
  if (dir) writeFileSync(join(dir, `join-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\nCPU profile (self ms)\n${top.map(([k, ms]) => `${ms.toFixed(0).padStart(7)}  ${k}`).join('\n')}\n`);
  await session.detach();
  return result;
}

/**
 * The page's main-thread CPU time in seconds (Chrome DevTools Protocol `ThreadTime`): unlike the
 * time until rendered, it hardly grows when other processes keep the machine busy.
 */
async function threadTime(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return {
    read: async () => {
      const { metrics } = await session.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    },
    stop: () => session.detach(),
  };
}

/** Milliseconds from `start` until the page shows `count` shapes and its board is live. */
async function timeUntilRendered(page: Page, count: number, start: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await start();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.tl-shape').length >= n &&
      document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status') === 'live',
    count,
    { timeout: 120_000, polling: 'raf' },
  );
  return performance.now() - t0;
}

test('joining a board of 2,000 notes', async ({ browser, page }) => {
  const notes = 2000;
  const { links, fillSeconds } = await boardOf(page, notes);
  await expect(shapes(page)).toHaveCount(notes, { timeout: 120_000 });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto(links.member);
    await member.getByLabel('Your name').fill(`Member ${i + 1}`);
    await member.getByRole('button', { name: 'Join' }).click();
    const continueButton = member.getByRole('button', { name: 'Continue to the meeting' });
    await continueButton.waitFor();
    const cpu = await threadTime(member);
    const before = await cpu.read();
    times.push(await profiled(member, () => timeUntilRendered(member, notes, () => continueButton.click())));
    cpuTimes.push((await cpu.read()) - before);
    await cpu.stop();
    await expect(connectionStatus(member)).toHaveAttribute('data-status', 'live');
    await context.close();
  }
  const line =
    `join of a board of ${notes} notes (filled in ${fillSeconds.toFixed(1)} s): live with every note rendered ` +
    `in ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s, median ${(median(times) / 1000).toFixed(2)} s ` +
    `(target < 1.5 s), the page's main thread busy for ${cpuTimes.map((t) => t.toFixed(2)).join(', ')} s of CPU ` +
    `meanwhile; load average ${load()}`;
  console.log(`\nBig boards\n${line}\n`);
  test.info().annotations.push({ type: 'big board join', description: line });
  expect(times).toHaveLength(JOINS);
});

test('panning a board of 10,000 notes', async ({ browser, page }) => {
  const notes = 10_000;
  const { links, fillSeconds } = await boardOf(page, notes);
  // The facilitator leaves the board, so that the panner's frames are not shared with a second
  // browser rendering the same 10,000 notes on this machine's two cores.
  await page.goto('about:blank');
  const context = await browser.newContext();
  const member = { context, page: await context.newPage() };
  await member.page.goto(links.member);
  await member.page.getByLabel('Your name').fill('Panner');
  await member.page.getByRole('button', { name: 'Join' }).click();
  const continueButton = member.page.getByRole('button', { name: 'Continue to the meeting' });
  await continueButton.waitFor();
  const joinMs = await timeUntilRendered(member.page, notes, () => continueButton.click());
  const canvas = member.page.locator('.tl-canvas');
  const box = (await canvas.boundingBox())!;
  await member.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // While the wheel pans the camera for about two seconds: the time from one frame to the next
  // (requestAnimationFrame), and the frames the browser itself reports as long (over 50 ms, from
  // the start of their work to their paint: long-animation-frame entries).
  await member.page.evaluate(() => {
    const w = window as unknown as { frames: number[]; longFrames: number[]; recording: boolean };
    w.frames = [];
    w.longFrames = [];
    w.recording = true;
    new PerformanceObserver((list) => {
      if (w.recording) for (const entry of list.getEntries()) w.longFrames.push(entry.duration);
    }).observe({ type: 'long-animation-frame' });
    const tick = (t: number) => {
      w.frames.push(t);
      if (w.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const panStarted = performance.now();
  await profiled(member.page, async () => {
    for (let i = 0; i < 120; i++) {
      await member.page.mouse.wheel(i % 60 < 30 ? 40 : -40, 25);
      await member.page.waitForTimeout(16);
    }
  });
  const panSeconds = (performance.now() - panStarted) / 1000;
  const { frames, longFrames } = await member.page.evaluate(async () => {
    // The last frames' entries arrive after they have been painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    const w = window as unknown as { frames: number[]; longFrames: number[]; recording: boolean };
    w.recording = false;
    return { frames: w.frames, longFrames: w.longFrames };
  });
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
  const line =
    `pan of a board of ${notes} notes (filled in ${fillSeconds.toFixed(1)} s, the panner live with every note ` +
    `rendered ${(joinMs / 1000).toFixed(2)} s after joining): 120 wheel events in ${panSeconds.toFixed(1)} s, ` +
    `${intervals.length} frames, frame to frame p50 ${quantile(0.5).toFixed(1)} ms, p95 ${quantile(0.95).toFixed(1)} ms, ` +
    `longest ${sorted.at(-1)?.toFixed(1)} ms; ${longFrames.length} frames over 50 ms` +
    (longFrames.length ? ` (longest ${Math.max(...longFrames).toFixed(0)} ms)` : '') +
    ` (target < 50 ms a frame); load average ${load()}`;
  console.log(`\nBig boards\n${line}\n`);
  test.info().annotations.push({ type: 'big board pan', description: line });
  await member.context.close();
  expect(intervals.length).toBeGreaterThan(0);
});
