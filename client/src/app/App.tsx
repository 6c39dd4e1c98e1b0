// The app shell: picks the page for the current address and keeps focus sensible across navigations.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { CoachPage } from '../debrief/CoachPage.js';
import { DebriefPage } from '../debrief/DebriefPage.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CoordinatePage } from '../program/CoordinatePage.js';
import { ProgramPage } from '../program/ProgramPage.js';
import { MailStopPage } from '../group/MailStopPage.js';
import { SummaryPrintPage } from '../summary/SummaryPrintPage.js';
import { AppHeader } from './AppHeader.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { GroupPage } from './GroupPage.js';
import { HomePage } from './HomePage.js';
import { JoinPage } from './JoinPage.js';
import { LicenceNotice } from './LicenceNotice.js';
import { loadMeetingPage, meetingPageIfLoaded } from './meetingPageChunk.js';
import { Link } from './Link.js';
import { useRoute } from './navigation.js';
import type { Route } from './router.js';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { useDocumentTitle } from './useDocumentTitle.js';

const LazyMeetingPage = lazy(loadMeetingPage);
// The studio's tldraw canvas is large: it loads only with the studio.
const StudioPage = lazy(() => import('../studio/StudioPage.js'));

export function App() {
  const route = useRoute();
  useFocusOnNavigation(route);
  return (
    // A meeting fills exactly the window (the board scrolls inside itself); other pages scroll.
    <div className={route.name === 'meeting' ? 'app app-fullscreen' : 'app'}>
      <LicenceNotice />
      {/* Keyed by route: moving to another page gives it a fresh chance after a failure. */}
      <ErrorBoundary key={JSON.stringify(route)}>
        <Page route={route} />
      </ErrorBoundary>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'home':
      return (
        <SimplePage title={null}>
          <HomePage />
        </SimplePage>
      );
    case 'join':
      return (
        <SimplePage title={t('app.join.title')}>
          <JoinPage key={route.token} token={route.token} />
        </SimplePage>
      );
    case 'group':
      return <GroupPage key={route.groupId} groupId={route.groupId} />;
    case 'meeting':
      return (
        <Suspense
          fallback={
            <SimplePage title={null}>
              <p role="status">{t('app.meeting.opening')}</p>
            </SimplePage>
          }
        >
          <MeetingRoute
            key={`${route.groupId}/${route.meetingId}`}
            groupId={route.groupId}
            meetingId={route.meetingId}
          />
        </Suspense>
      );
    case 'summary':
      return (
        <>
          <AppHeader />
          <main id="main" tabIndex={-1} className="page">
            <SummaryPrintPage groupId={route.groupId} meetingId={route.meetingId} />
          </main>
        </>
      );
    case 'debrief':
      return (
        <>
          <AppHeader />
          <main id="main" tabIndex={-1}>
            <DebriefPage groupId={route.groupId} meetingId={route.meetingId} />
          </main>
        </>
      );
    case 'coach':
      return (
        <>
          <AppHeader />
          <main id="main" tabIndex={-1}>
            <CoachPage token={route.token} meetingId={route.meetingId} />
          </main>
        </>
      );
    case 'program':
      return <ProgramPage key={route.programId} programId={route.programId} />;
    case 'coordinate':
      return (
        <SimplePage title={t('program.title')}>
          <CoordinatePage />
        </SimplePage>
      );
    case 'studio':
      return (
        <SimplePage title={t('studio.title')}>
          <Suspense fallback={<p role="status">{t('studio.loading')}</p>}>
            <StudioPage />
          </Suspense>
        </SimplePage>
      );
    case 'mailStop':
      return (
        <SimplePage title={t('notify.stop.title')}>
          <MailStopPage />
        </SimplePage>
      );
    case 'notFound':
      return (
        <SimplePage title={t('app.notFound.title')}>
          <NotFound />
        </SimplePage>
      );
  }
}

/** The meeting page: drawn at once when its code was preloaded, through Suspense when not. */
function MeetingRoute(props: { groupId: GroupId; meetingId: MeetingId }) {
  // Chosen once per meeting opened: changing from one to the other would mount the page afresh.
  const [Page] = useState(() => meetingPageIfLoaded() ?? LazyMeetingPage);
  return <Page {...props} />;
}

function SimplePage({ title, children }: { title: string | null; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page page-narrow">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <Link to={{ name: 'home' }} className="button">
        {t('app.error.goHome')}
      </Link>
    </div>
  );
}

/**
 * After an in-app navigation, move focus to the new page's main region so that keyboard and screen
 * reader users start at the new content, as they would after a full page load. Not on first load.
 */
function useFocusOnNavigation(route: Route): void {
  const key = JSON.stringify(route);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [key]);
}
