// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '@vermeboard/shared';
import { translate } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { buildOutline, type OutlineShape } from './outlineModel.js';
import { frameText, noteText } from './outlineText.js';

const rich = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const shape = (
  id: string,
  type: string,
  parentId: string,
  x: number,
  y: number,
  props = {},
  meta = {},
): OutlineShape => ({
  id,
  type,
  parentId,
  x,
  y,
  props,
  meta,
});

const board: OutlineShape[] = [
  shape('shape:other-frame', 'frame', 'page:page', 0, 0, { name: 'Earlier ideas' }),
  shape('shape:layout.s-1.what', 'frame', 'page:page', 0, 3200, { name: 'What?' }),
  shape('shape:b', 'note', 'shape:layout.s-1.what', 300, 3260, { richText: rich('Second in the row') }),
  shape('shape:a', 'note', 'shape:layout.s-1.what', 20, 3270, { richText: rich('First in the row') }),
  shape('shape:c', 'note', 'shape:layout.s-1.what', 20, 3500, { richText: rich('Next row') }, { vbPrivate: true }),
  shape('shape:arrow1', 'arrow', 'shape:layout.s-1.what', 0, 3300),
  shape('shape:arrow2', 'arrow', 'shape:layout.s-1.what', 0, 3400),
  shape('shape:img', 'image', 'shape:layout.s-1.what', 0, 3400, { altText: 'Whiteboard photo' }),
  shape('shape:loose', 'note', 'page:page', 5000, 0, { richText: rich('On its own') }),
];

function outline() {
  return buildOutline({
    shapes: board,
    currentFrameIds: ['shape:layout.s-1.what'],
    authors: new Map([['shape:a', 'p-anna']]),
    marks: new Map([
      [
        'shape:b',
        {
          starredBy: 'p-anna' as ParticipantId,
          action: {
            ownerParticipantId: 'p-ben' as ParticipantId,
            dueDate: '2026-12-24',
            markedBy: 'p-ben' as ParticipantId,
          },
        },
      ],
    ]),
    names: new Map([
      ['p-anna', 'Anna'],
      ['p-ben', 'Ben'],
    ]),
    voteCounts: { 'shape:a': 3, 'shape:b': 1 },
    isPrivate: (s) => s.meta.vbPrivate === true,
    isPrompt: (id) => id.startsWith('shape:layout.'),
  });
}

const tr = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(locale, key, params);

describe('buildOutline', () => {
  it('lists the current step’s frames first, notes in reading order, then what lies outside the frames', () => {
    const frames = outline();
    expect(frames.map((f) => f.name || f.id)).toEqual(['What?', 'Earlier ideas', null]);
    expect(frames[0]!.notes.map((n) => n.text)).toEqual(['First in the row', 'Second in the row', 'Next row']);
    expect(frames[0]!.others).toEqual([
      { kind: 'arrow', count: 2, labels: [] },
      { kind: 'image', count: 1, labels: ['Whiteboard photo'] },
    ]);
    expect(frames[2]!.notes.map((n) => n.text)).toEqual(['On its own']);
  });

  it('reads each item as a sentence, with plurals and marks, in English and Finnish', () => {
    const [what] = outline();
    expect(frameText(tr('en'), 'en', what!)).toBe('What?, this step, 3 notes, 2 arrows, 1 image (Whiteboard photo)');
    expect(frameText(tr('fi'), 'fi', what!)).toBe('What?, tämä vaihe, 3 lappua, 2 nuolta, 1 kuva (Whiteboard photo)');
    const [first, second, third] = what!.notes;
    expect(noteText(tr('en'), 'en', first!, 1)).toBe('First in the row, by Anna, 3 dots, your dot: 1');
    expect(noteText(tr('fi'), 'fi', second!, null)).toBe(
      'Second in the row, 1 ääni, tähdellä merkitty, tehtävä, tekijä Ben, määräpäivä 24.12.2026',
    );
    expect(noteText(tr('en'), 'en', third!, null)).toBe('Next row, private, only you see it');
  });
});
