// "Rotate links" under the facilitator's invite links: after a confirmation that says what stops
// working, the server issues three new links and the page shows them in place of the old ones.
import type { RoleTokens } from '@vermeboard/shared';
import { useState } from 'react';
import type { ProcessApi } from '../api/process.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useSubmit } from './useSubmit.js';

export function RotateLinks({ api, onRotated }: { api: ProcessApi; onRotated(links: RoleTokens): void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const rotate = useSubmit();

  return (
    <div className="rotate-links">
      <p className="muted small">{t('group.links.rotateIntro')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          rotate.clear();
          setConfirming(true);
        }}
      >
        {t('group.links.rotate')}
      </button>
      <p role="status" className="status-line">
        {done ? t('group.links.rotated') : ''}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('group.links.rotateTitle')}
        confirmLabel={t('group.links.rotate')}
        busy={rotate.busy}
        error={rotate.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          rotate.run(
            () => api.rotateLinks(),
            ({ links }) => {
              setConfirming(false);
              setDone(true);
              onRotated(links);
            },
          )
        }
      >
        <p>{t('group.links.rotateBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
