// Where everyone looks and what stays put: bring everyone to my view, spotlight the selected frame,
// clear it, and lock or unlock the selected shapes. The board selection is the facilitator's.
import { useId, useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { ClientCommand } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';

/** The selected frame, or null when the selection is not exactly one frame. */
export function selectedFrameId(editor: Editor | null): TLShapeId | null {
  const selected = editor?.getSelectedShapes() ?? [];
  return selected.length === 1 && selected[0]?.type === 'frame' ? selected[0].id : null;
}

export function AttentionControls() {
  const { t } = useI18n();
  const { editor } = useFacilitation();
  const headingId = useId();
  const [hint, setHint] = useState<MessageKey | null>(null);
  const selectedIds = useValue('selected shapes', () => editor?.getSelectedShapeIds() ?? [], [editor]);

  const withFrame = (make: (shapeId: TLShapeId) => ClientCommand) => () => {
    const frame = selectedFrameId(editor);
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
