// "Export board as PNG" and "Export board as SVG" on the meeting page, for everyone in the meeting.
import { useState } from 'react';
import type { Editor } from 'tldraw';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { boardFileName, downloadBlob, exportBoard, type BoardImageFormat } from './boardExport.js';

export function BoardExport({ editor }: { editor: Editor | null }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<MessageKey | null>(null);

  const run = async (format: BoardImageFormat) => {
    if (!editor || busy) return;
    setBusy(true);
    setMessage('summary.exporting');
    try {
      const blob = await exportBoard(editor, format);
      if (blob === null) {
        setMessage('summary.exportEmpty');
        return;
      }
      downloadBlob(blob, boardFileName(format));
      setMessage(null);
    } catch {
      setMessage('summary.exportFailed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="vb-fac-section vb-board-export">
      <div className="vb-fac-row">
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="vb-fac-button"
            aria-disabled={!editor || busy}
            onClick={() => void run(format)}
          >
            {t(format === 'png' ? 'summary.exportPng' : 'summary.exportSvg')}
          </button>
        ))}
      </div>
      {message && (
        <p className="vb-fac-hint" role="status">
          {t(message)}
        </p>
      )}
    </section>
  );
}
