// On the program page: the coordinator makes a studio link for the program's trainers. Methods
// written with it can be shared with the program's library, which the facilitators of the
// program's groups pick from.
import { useState } from 'react';
import { createStudioResponseSchema, type ProgramId } from '@vermeboard/shared';
import { CopyField } from '../app/CopyField.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { request } from '../api/client.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';

export function ProgramStudioLink({ programId, token }: { programId: ProgramId; token: string }) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const make = async () => {
    try {
      const made = await request(`/api/programs/${encodeURIComponent(programId)}/studios`, createStudioResponseSchema, {
        method: 'POST',
        token,
      });
      setLink(window.location.origin + made.studioLink);
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    }
  };
  return (
    <div className="card card-tight">
      <h2>{t('studio.program.title')}</h2>
      <p>{t('studio.program.intro')}</p>
      {error && <ErrorNotice message={error} />}
      {link ? (
        <CopyField
          label={t('studio.program.link')}
          hint={t('studio.program.linkHint')}
          value={link}
          copyLabel={t('studio.program.copy')}
        />
      ) : (
        <button type="button" className="button" onClick={() => void make()}>
          {t('studio.program.make')}
        </button>
      )}
    </div>
  );
}
