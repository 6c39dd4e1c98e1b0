// tldraw's style panel, folded away until someone asks for it: open by default it covers the
// top-right corner of the board, where a step's frames often lie, on every screen in the meeting.
import { useState } from 'react';
import { DefaultStylePanel, type TLUiStylePanelProps } from 'tldraw';
import { useI18n } from '../i18n/I18nProvider.js';

export function FoldedStylePanel(props: TLUiStylePanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="vb-style-panel">
      <button type="button" className="vb-style-panel__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('board.styles.hide') : t('board.styles.show')}
      </button>
      {open && <DefaultStylePanel {...props} />}
    </div>
  );
}
