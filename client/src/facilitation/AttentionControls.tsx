// Where everyone looks and what stays put: bring everyone to my view, spotlight a frame,
// clear it, and lock or unlock the selected shapes. The board selection is the facilitator's.
import { useId, useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { ClientCommand, SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { workFrameIds } from './workFrames.js';

/**
 * The frame a spotlight or a vote is about: the selected frame, or else the current step's first
 * frame on the board — usually the one the group is working in, and template frames sit where
 * tldraw's menus make their labels awkward to click.
 */
export function targetFrameId(editor: Editor | null, state: SessionState | null): TLShapeId | null {
  if (!editor) return null;
  const selected = editor.getSelectedShapes();
  if (selected.length === 1 && selected[0]?.type === 'frame') return selected[0].id;
  const stepFrames = state ? workFrameIds(state) : [];
  return stepFrames.find((id) => editor.getShape(id) !== undefined) ?? null;
}

export function AttentionControls() {
  const { t } = useI18n();
  const { editor, state } = useFacilitation();
  const headingId = useId();
  const [hint, setHint] = useState<MessageKey | null>(null);
  const selectedIds = useValue('selected shapes', () => editor?.getSelectedShapeIds() ?? [], [editor]);

  const withFrame = (make: (shapeId: TLShapeId) => ClientCommand) => () => {
    const frame = targetFrameId(editor, state);
    setHint(frame === null ? 'facilitation.attention.selectFrame' : null);
    return frame === null ? null : make(frame);
  };
  const withShapes = (type: 'lockShapes' | 'unlockShapes') => (): ClientCommand | null => {
    setHint(selectedIds.length === 0 ? 'facilitation.attention.selectShapes' : null);
    return selectedIds.length === 0 ? null : { type, shapeIds: selectedIds.slice(0, 200) };
  };

  return (
    <div className="vb-fac-group" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="vb-fac-sublabel">
        {t('facilitation.attention.heading')}
      </span>
      <div className="vb-fac-row">
        <CommandButton
          command={() => {
            if (!editor) return null;
            const { x, y, w, h } = editor.getViewportPageBounds();
            return { type: 'bringEveryoneHere', viewport: { x, y, w, h } };
          }}
        >
          {t('facilitation.attention.bring')}
        </CommandButton>
        <CommandButton command={withFrame((shapeId) => ({ type: 'spotlightFrame', shapeId }))}>
          {t('facilitation.attention.spotlight')}
        </CommandButton>
        <CommandButton command={{ type: 'clearFocus' }}>{t('facilitation.attention.clear')}</CommandButton>
      </div>
      <p className="vb-fac-hint">{t('facilitation.attention.frameHint')}</p>
      <div className="vb-fac-row">
        <CommandButton command={withShapes('lockShapes')}>{t('facilitation.attention.lock')}</CommandButton>
        <CommandButton command={withShapes('unlockShapes')}>{t('facilitation.attention.unlock')}</CommandButton>
      </div>
      {hint && (
        <p className="vb-fac-hint" role="status">
          {t(hint)}
        </p>
      )}
    </div>
  );
}
