// A program's page, for its coordinator: the groups with their figures (programFigures.ts on the
// server: meetings, attendance, who facilitated, open action items, released self-assessment),
// the program-wide self-assessment, encounters, and the forms to add groups. No group content is
// here unless a group shared a summary.
import { coordinatorPath, type ProgramId, type ProgramResponse } from '@vermeboard/shared';
import { useCallback, useMemo } from 'react';
import { AppHeader } from '../app/AppHeader.js';
import { CopyField } from '../app/CopyField.js';
import { ProgramStudioLink } from '../studio/ProgramStudioLink.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useLoaded } from '../group/useLoaded.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { AddGroupForms } from './AddGroupForms.js';
import { coordinators, type CoordinatorEntry } from './coordinators.js';
import { EncounterSection } from './EncounterSection.js';
import { ProgramAssessmentCard } from './ProgramAssessmentCard.js';
import { ProgramGroupCard } from './ProgramGroupCard.js';
import { coordinatorApi } from './programApi.js';
import '../group/group.css';
import './program.css';

export function ProgramPage({ programId }: { programId: ProgramId }) {
  const { t } = useI18n();
  const entry = coordinators.get(programId);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        {entry ? (
          <ProgramContent programId={programId} entry={entry} />
        ) : (
          <section className="card page-narrow">
            <h1>{t('program.title')}</h1>
            <p>{t('program.noIdentity')}</p>
          </section>
        )}
      </main>
    </>
  );
}

function ProgramContent({ programId, entry }: { programId: ProgramId; entry: CoordinatorEntry }) {
  const api = useMemo(() => coordinatorApi(programId, entry.token), [programId, entry.token]);
  const program = useLoaded(useCallback(() => api.program(), [api]));
  const { t } = useI18n();
  useDocumentTitle(program.state.status === 'ready' ? program.state.data.name : null);
  if (program.state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (program.state.status === 'error') {
    return <ErrorNotice message={errorMessageKey(program.state.error, 'group')} onRetry={program.reload} />;
  }
  return <ProgramView program={program.state.data} entry={entry} api={api} onChanged={program.reload} />;
}

function ProgramView({
  program,
  entry,
  api,
  onChanged,
}: {
  program: ProgramResponse;
  entry: CoordinatorEntry;
  api: ReturnType<typeof coordinatorApi>;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const origin = window.location.origin;
  return (
    <div className="group-layout">
      <div className="group-main program-main">
        <header className="program-intro">
          <p className="program-kicker">{t('program.title')}</p>
          <h1>{program.name}</h1>
          <p>{t('program.coordinator', { name: program.coordinator.displayName })}</p>
          <p className="muted">{t('program.privacy')}</p>
        </header>
        <section aria-labelledby="program-groups-title">
          <h2 id="program-groups-title">{t('program.groups.title')}</h2>
          {program.groups.length === 0 && <p>{t('program.groups.empty')}</p>}
          {program.groups.map((group) => (
            <ProgramGroupCard key={group.groupId} group={group} api={api} />
          ))}
        </section>
        <ProgramAssessmentCard assessment={program.assessment} />
      </div>
      <aside className="group-aside program-aside">
        <EncounterSection program={program} api={api} onStarted={onChanged} />
        <AddGroupForms program={program} api={api} onChanged={onChanged} />
        <ProgramStudioLink programId={program.programId} token={entry.token} />
        <div className="card card-tight">
          <CopyField
            label={t('program.coordinatorLink')}
            hint={t('program.coordinatorLinkHint')}
            value={origin + coordinatorPath(entry.token)}
            copyLabel={t('program.copyCoordinatorLink')}
          />
          <CopyField
            label={t('program.guestLink')}
            hint={t('program.guestLinkHint')}
            value={origin + program.guestLink}
            copyLabel={t('program.copyGuestLink')}
          />
        </div>
      </aside>
    </div>
  );
}
