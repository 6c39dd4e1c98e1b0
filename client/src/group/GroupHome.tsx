// The group home: everything the group keeps between meetings, in calm sections. The main column
// holds what the group works on (goals, next meeting, action items, meetings, self-assessment); the
// side column holds how it works (invite links, ground rules, members, confidentiality).
import type { GroupResponse, RoleTokens } from '@vermeboard/shared';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Identity } from '../api/identity.js';
import { processApi } from '../api/process.js';
import { InviteLinks } from '../app/InviteLinks.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CoachSection } from '../debrief/CoachSection.js';
import { GroupProgramSection } from '../program/GroupProgramSection.js';
import { RehearsalSection } from '../rehearsal/RehearsalSection.js';
import { ActionItemsSection } from './ActionItemsSection.js';
import { BetweenMeetings } from './BetweenMeetings.js';
import { GoalsSection } from './GoalsSection.js';
import { GroundRulesSection } from './GroundRulesSection.js';
import type { HomeContext } from './homeContext.js';
import { MeetingHistory } from './MeetingHistory.js';
import { MembersSection } from './MembersSection.js';
import { NextMeetingSection } from './NextMeetingSection.js';
import { NotifySections, WhereWeWereHome } from './NotifyHome.js';
import { RetentionSection } from './RetentionSection.js';
import { RotateLinks } from './RotateLinks.js';
import { SectionError } from './SectionError.js';
import { SelfAssessmentSection } from './SelfAssessmentSection.js';
import { useLoaded } from './useLoaded.js';
import './group.css';

interface Props {
  group: GroupResponse;
  identity: Identity;
  /** The group's name, who you are, "Start a meeting" and the waiting notice; above the sections. */
  intro: ReactNode;
}

export function GroupHome({ group, identity, intro }: Props) {
  const { t } = useI18n();
  const token = identity.participantToken;
  const api = useMemo(() => processApi(group.groupId, token), [group.groupId, token]);
  const members = useLoaded(useCallback(() => api.members(), [api]));
  const meetings = useLoaded(useCallback(() => api.meetings(), [api]));
  const settings = useLoaded(useCallback(() => api.settings(), [api]));
  const [links, setLinks] = useState<RoleTokens | undefined>(group.links);
  const facilitator = group.role === 'facilitator';

  const ctx: HomeContext | null =
    members.state.status === 'ready' && meetings.state.status === 'ready'
      ? {
          api,
          role: group.role,
          me: identity.participantId,
          members: members.state.data,
          meetings: meetings.state.data,
          reloadMembers: members.reload,
          onLinksRenewed: setLinks,
        }
      : null;
  const failed = [members, meetings].find((s) => s.state.status === 'error');
  const retry = () => [members, meetings].forEach((s) => s.state.status === 'error' && s.reload());
  const onSettings = settings.set;

  return (
    <div className="group-layout">
      <div className="group-main">
        {intro}
        {failed?.state.status === 'error' && <SectionError error={failed.state.error} onRetry={retry} />}
        {!ctx && !failed && <p role="status">{t('app.loading')}</p>}
        {ctx && (
          <>
            <WhereWeWereHome groupId={group.groupId} token={token} />
            <GoalsSection ctx={ctx} />
            {settings.state.status === 'ready' && (
              <NextMeetingSection ctx={ctx} settings={settings.state.data} onSaved={onSettings} />
            )}
            <BetweenMeetings
              ctx={ctx}
              groupId={group.groupId}
              token={token}
              retentionDays={settings.state.status === 'ready' ? settings.state.data.deleteBoardsAfterDays : null}
              onNextMeetingChanged={settings.reload}
            />
            <ActionItemsSection ctx={ctx} />
            <section className="card" aria-labelledby="meetings-title">
              <h2 id="meetings-title">{t('app.group.meetings.title')}</h2>
              <MeetingHistory ctx={ctx} groupId={group.groupId} />
            </section>
            <SelfAssessmentSection ctx={ctx} />
          </>
        )}
      </div>
      <aside className="group-aside">
        {ctx && <GroupProgramSection groupId={group.groupId} token={token} role={group.role} meetings={ctx.meetings} />}
        {facilitator && links && (
          <>
            <InviteLinks links={links} />
            <div className="card card-tight">
              <RotateLinks api={api} onRotated={setLinks} />
            </div>
          </>
        )}
        {settings.state.status === 'error' && <SectionError error={settings.state.error} onRetry={settings.reload} />}
        {ctx && settings.state.status === 'ready' && (
          <GroundRulesSection ctx={ctx} settings={settings.state.data} onSaved={onSettings} />
        )}
        {ctx && <MembersSection ctx={ctx} />}
        {ctx && <NotifySections groupId={group.groupId} token={token} role={group.role} />}
        {ctx && settings.state.status === 'ready' && (
          <RetentionSection ctx={ctx} settings={settings.state.data} onSaved={onSettings} />
        )}
        {ctx?.role === 'facilitator' && <CoachSection groupId={group.groupId} token={token} />}
        {facilitator && <RehearsalSection groupId={group.groupId} token={token} />}
      </aside>
    </div>
  );
}
