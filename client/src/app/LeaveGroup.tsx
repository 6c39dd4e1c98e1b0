// "Leave this group on this device", beside who you are in the group: after a confirmation that says
// what goes, this browser forgets the group (leaveGroup.ts) and returns to the start page.
import type { GroupResponse } from '@vermeboard/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../group/ConfirmDialog.js';
import { useSubmit } from '../group/useSubmit.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { leaveGroup } from './leaveGroup.js';
import { navigate } from './navigation.js';

export function LeaveGroup({ group }: { group: GroupResponse }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const leave = useSubmit();
  return (
    <>
      <button
        type="button"
        className="button button-quiet button-danger-text leave-group"
        onClick={() => {
          leave.clear();
          setConfirming(true);
        }}
      >
        {t('app.group.leave')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('app.group.leaveTitle', { group: group.name })}
        confirmLabel={t('app.group.leave')}
        busy={leave.busy}
        error={leave.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          leave.run(
            () => leaveGroup(group),
            () => navigate({ name: 'home' }),
          )
        }
      >
        <p>{t('app.group.leaveBody')}</p>
      </ConfirmDialog>
    </>
  );
}
