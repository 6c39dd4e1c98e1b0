// The board's note (client/src/board/noteShape.ts) leaves measuring a note's label until something
// needs the label. In real Chromium, with the browser's own text layout: its geometry equals
// tldraw's for notes that grew, shrank their text or are empty, in every size, alignment and scale;
// notes that arrive from the board document get page bounds and culling without a single text
// measurement, and a hit test on a label measures it.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build, defaultClientConditions, type Rollup } from 'vite';

/** As client/src/board/noteShape.harness.ts has them. */
interface NoteCase {
  text: string;
  props?: Record<string, string | number>;
}
type GeometryFacts = Record<string, unknown> & { labels: unknown[] };

const client = fileURLToPath(new URL('../../client/', import.meta.url));
let harness = '';

test.beforeAll(async () => {
  // The harness and tldraw in one script, built the way the client is (Vite, source conditions).
  const output = (await build({
    configFile: false,
    root: client,
    logLevel: 'error',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      lib: { entry: 'src/board/noteShape.harness.ts', formats: ['iife'], name: 'noteGeometryHarness' },
    },
  })) as Rollup.RollupOutput[];
  harness = output[0]!.output.find((file) => file.type === 'chunk')!.code;
});

async function openHarness(page: import('@playwright/test').Page) {
  await page.setContent('<!doctype html><html lang="en"><head></head><body></body></html>');
  await page.addStyleTag({ path: fileURLToPath(import.meta.resolve('tldraw/tldraw.css')) });
  await page.addScriptTag({ content: harness });
}

const long = 'Kuulumiskierroksella jokainen kertoo vuorollaan, mitä on tapahtunut sitten viime tapaamisen. '.repeat(4);
const cases: NoteCase[] = [
  { text: '' },
  { text: 'Note 1' },
  { text: 'Two cases were heard' },
  { text: long },
  { text: 'Supercalifragilisticexpialidocious' },
  { text: 'Yksi\nKaksi\nKolme\nNeljä\nViisi\nKuusi\nSeitsemän\nKahdeksan' },
  { text: long, props: { size: 's' } },
  { text: long, props: { size: 'xl', font: 'serif' } },
  { text: 'Vasemmalle ylös', props: { align: 'start', verticalAlign: 'start' } },
  { text: 'Oikealle alas', props: { align: 'end', verticalAlign: 'end', font: 'mono' } },
  { text: 'Legacy middle', props: { align: 'middle-legacy' } },
  { text: long, props: { scale: 2 } },
  { text: 'Puolikas', props: { scale: 0.5, size: 'l' } },
];

test('a board note has tldraw’s geometry, label included, for notes that grew, shrank or are empty', async ({
  page,
}) => {
  await openHarness(page);
  const results = await page.evaluate(
    (all) =>
      (
        window as unknown as {
          noteGeometry: {
            compare(
              c: NoteCase[],
            ): { board: GeometryFacts; tldraw: GeometryFacts; props: { growY: number; fontSizeAdjustment: number } }[];
          };
        }
      ).noteGeometry.compare(all),
    cases,
  );
  expect(results).toHaveLength(cases.length);
  // The cases reach tldraw's growing and shrinking: otherwise the comparison proves little.
  expect(results.some((r) => r.props.growY > 0)).toBe(true);
  expect(results.some((r) => r.props.fontSizeAdjustment < 1)).toBe(true);
  results.forEach(({ board, tldraw }, i) => {
    expect(tldraw.labels, `case ${i}`).toHaveLength(1);
    expect(board, `case ${i}: ${cases[i]!.text.slice(0, 20)}`).toEqual(tldraw);
  });
});

test('notes from the board document get page bounds without measuring text, and a label hit measures it', async ({
  page,
}) => {
  await openHarness(page);
  const counts = await page.evaluate(() =>
    (
      window as unknown as {
        noteGeometry: { measurements(n: number): { forBounds: number; forLabel: number; labelHit: boolean } };
      }
    ).noteGeometry.measurements(200),
  );
  expect(counts.forBounds).toBe(0);
  expect(counts.forLabel).toBeGreaterThan(0);
  expect(counts.labelHit).toBe(true);
});
