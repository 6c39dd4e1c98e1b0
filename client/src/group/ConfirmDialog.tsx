// A modal confirmation for actions that cannot be undone (removing a member, rotating links,
// archiving a goal). The native <dialog> opened with showModal() traps focus, closes on Escape and
// hides the page behind it from assistive tech; focus starts on Cancel, the safe choice.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessageKey } from '../app/errorMessage.js';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom and very old browsers lack showModal; an open non-modal dialog still works there.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape fires `cancel`; keep React's state in charge of whether the dialog is open.
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      {error !== null && (
        <p className="field-error" role="alert">
          {t(errorMessageKey(error, 'group'))}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} aria-disabled={busy}>
          {t('group.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => !busy && onConfirm()}
          aria-disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
