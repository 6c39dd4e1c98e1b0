// The coordinator link, `/coordinate#<token>`: the token is in the fragment, which the browser never
// sends to a server. The page asks which program the token coordinates, keeps it in this browser,
// and replaces the address with the program page's (so the token leaves the address bar and history).
import { groupResponseSchema, tokenSchema } from '@vermeboard/shared';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { navigate } from '../app/navigation.js';
import { request } from '../api/client.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { coordinators } from './coordinators.js';
import { coordinatorApi, programOfToken } from './programApi.js';

export function CoordinatePage() {
  const { t } = useI18n();
  const [error, setError] = useState<MessageKey | null>(null);

  useEffect(() => {
    const token = window.location.hash.slice(1);
    if (!tokenSchema.safeParse(token).success) {
      setError('program.coordinate.invalid');
      return;
    }
    let current = true;
    (async () => {
      const { programId } = await programOfToken(token);
      const program = await coordinatorApi(programId, token).program();
      // Who the coordinator is in the plaza group, so that encounters open as their meetings.
      const plaza = await request(`/api/groups/${encodeURIComponent(program.plazaGroupId)}`, groupResponseSchema, {
        token,
      });
      if (!current) return;
      coordinators.save(programId, {
        token,
        plazaGroupId: program.plazaGroupId,
        coordinatorId: program.coordinator.id,
        displayName: plaza.participant?.displayName ?? program.coordinator.displayName,
      });
      navigate({ name: 'program', programId }, { replace: true });
    })().catch((err: unknown) => {
      if (!current) return;
      const key = errorMessageKey(err, 'join');
      setError(key === 'app.error.linkInvalid' ? 'program.coordinate.invalid' : key);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <div className="page page-narrow">
      {error ? <ErrorNotice message={error} /> : <p role="status">{t('program.coordinate.opening')}</p>}
    </div>
  );
}
