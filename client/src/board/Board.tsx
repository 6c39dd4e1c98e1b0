// The live board of a meeting: tldraw on a Yjs document, with a connection indicator and the list
// of who is here in tldraw's top-right panel.
import 'tldraw/tldraw.css';
import './board.css';
import { accessibleThemes } from './noteColours.js';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type JSX,
  type ReactNode,
} from 'react';
import {
  atom,
  react,
  Tldraw,
  type Editor,
  useTldrawCurrentUser,
  useValue,
  type TLComponents,
  type TLUiOverrides,
  type TLUserPreferences,
} from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { formatDocName, type DocName, type MeetingId, type ParticipantId, type Role } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { locales, type Locale } from '../i18n/messages.js';
import { createAssetStore } from './assets.js';
import { openBoardSession, type BoardSession } from './boardSession.js';
import { boardShapeUtils } from './boardStore.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { CullingShapeWrapper } from './culledShapes.js';
import { PeopleList, type PersonStatus } from './PeopleList.js';
import type { Person } from './presence.js';
import { FoldedStylePanel } from './StylePanel.js';
import { tldrawTranslationOverrides } from './tldrawTranslations.js';
import { createBoardTransport, type BoardStatus, type RefusalKind } from './transport.js';

export interface BoardProps {
  meetingId: MeetingId;
  /** The participant's personal token. */
  token: string;
  role: Role;
  user: { id: string; name: string; color: string };
  locale: Locale;
  licenseKey: string | null;
  maxAssetBytes: number;
  /** Which board document to open: the meeting's board (default) or a breakout room's. */
  boardDoc?: DocName;
  /** Open this participant's private-notes document beside the board (not for observers). */
  privateNotes?: boolean;
  /** Called with the editor once tldraw has mounted it. */
  onEditor?: (editor: Editor) => void;
  /** The board may not be edited, whatever the role: the meeting has ended (the server refuses writes too). */
  readOnly?: boolean;
  /** Told the open board session (and null when it closes), e.g. to read the server's marks. */
  onSession?: (session: BoardSession | null) => void;
  /** Drawn in page space over the shapes (tldraw's OnTheCanvas slot); must be a stable component. */
  canvasOverlay?: ComponentType;
  /** What the people list says about a person besides their name (speaking, hand raised…). */
  personStatus?: (person: Person) => PersonStatus | null;
  /** Rendered inside the editor, so `useEditor` works there. */
  children?: ReactNode;
}

// Bundled by Vite from @tldraw/assets: fonts, icons and translations come from this server, so the
// board works on a network without internet. tldraw wants these (and the props below) stable.
const assetUrls = getAssetUrlsByImport();

/**
 * Fetches into the browser's cache what tldraw waits for before it draws a board: the notes' font
 * (tldraw holds the canvas back until the fonts of the page's shapes have loaded) and the strings
 * of its interface. For a page from which a meeting is about to open: the board then finds them
 * here instead of queueing them behind the two dozen icons tldraw requests first.
 */
export function prefetchBoardAssets(locale: Locale): void {
  const urls = new Set([assetUrls.fonts.tldraw_draw, assetUrls.translations.en, assetUrls.translations[locale]]);
  for (const url of urls) {
    // Read to the end, so that the whole file is cached; a failure leaves the board to fetch it.
    if (url)
      void fetch(url)
        .then((response) => response.blob())
        .catch(noop);
  }
}

function noop() {}

const overrides: TLUiOverrides = { translations: tldrawTranslationOverrides() };
// What the server accepts as an asset (server/src/http/api.ts); SVG is refused there as it can carry script.
const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const videoTypes: string[] = [];

interface BoardUi {
  status: BoardStatus;
  people: Person[];
  personStatus: ((person: Person) => PersonStatus | null) | undefined;
}
const BoardUiContext = createContext<BoardUi>({ status: 'connecting', people: [], personStatus: undefined });

function BoardPanel() {
  const { status, people, personStatus } = useContext(BoardUiContext);
  return (
    <div className="vb-board-panel">
      <ConnectionIndicator status={status} />
      <PeopleList people={people} {...(personStatus ? { status: personStatus } : {})} />
    </div>
  );
}

export function Board({
  meetingId,
  token,
  role,
  user,
  locale,
  licenseKey,
  maxAssetBytes,
  privateNotes = false,
  boardDoc,
  onEditor,
  onSession,
  readOnly = false,
  canvasOverlay,
  personStatus,
  children,
}: BoardProps): JSX.Element {
  const { t, setLocale } = useI18n();
  const [session, setSession] = useState<BoardSession | null>(null);
  const withPrivate = privateNotes && role !== 'observer';
  // Bumped when the server refused an update: the documents are dropped and loaded afresh.
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<RefusalKind | null>(null);
  const [readOnlyNow] = useState(() => atom('board read-only', readOnly));
  useEffect(() => {
    readOnlyNow.set(readOnly);
  }, [readOnlyNow, readOnly]);

  const boardName = boardDoc ? formatDocName(boardDoc) : null;
  useEffect(() => {
    const transport = createBoardTransport({ meetingId, token, ...(boardDoc ? { docName: boardDoc } : {}) });
    const privateTransport = withPrivate
      ? createBoardTransport({
          meetingId,
          docName: { kind: 'private', meetingId, participantId: user.id as ParticipantId },
          token,
        })
      : undefined;
    const assets = createAssetStore({ meetingId, token, maxBytes: maxAssetBytes });
    const opened = openBoardSession({
      transport,
      ...(privateTransport ? { privateTransport } : {}),
      user: { id: user.id, name: user.name, color: user.color },
      role,
      assets,
      readOnly: readOnlyNow,
    });
    setSession(opened);
    let discarding = false;
    const stopRefused = react('board refused', () => {
      const both = privateTransport ? [transport, privateTransport] : [transport];
      const refused = both.filter((x) => x.refused.get() !== null);
      if (refused.length === 0 || discarding) return;
      discarding = true;
      setRefusal(refused.some((x) => x.refused.get() === 'full') ? 'full' : 'refused');
      opened.dispose();
      // Only the refused copies go; the other document keeps what this browser saved of it.
      for (const x of both) if (!refused.includes(x)) x.destroy();
      void Promise.all(refused.map((x) => x.discard())).finally(() => setGeneration((n) => n + 1));
    });
    return () => {
      stopRefused();
      if (discarding) return;
      opened.dispose();
      privateTransport?.destroy();
      transport.destroy();
      setSession(null);
    };
    // `boardDoc` is followed by its name: a new object for the same room must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    meetingId,
    token,
    role,
    user.id,
    user.name,
    user.color,
    maxAssetBytes,
    withPrivate,
    generation,
    readOnlyNow,
    boardName,
  ]);

  const components = useMemo<TLComponents>(
    () => ({
      SharePanel: BoardPanel,
      StylePanel: FoldedStylePanel,
      ShapeWrapper: CullingShapeWrapper,
      ...(canvasOverlay ? { OnTheCanvas: canvasOverlay } : {}),
    }),
    [canvasOverlay],
  );

  useEffect(() => {
    onSession?.(session);
  }, [onSession, session]);

  const store = useValue('board store', () => session?.store.get() ?? null, [session]);
  const status = useValue('board status', () => session?.status.get() ?? 'connecting', [session]);
  const people = useValue('board people', () => session?.people.get() ?? [], [session]);
  const schemaProblem = useValue('board schema problem', () => session?.schemaProblem.get() ?? null, [session]);
  const ui = useMemo<BoardUi>(() => ({ status, people, personStatus }), [status, people, personStatus]);

  // tldraw keeps its own preferences (dark mode, snapping…) here for this page. Identity and
  // language come from Vermeboard; choosing a language in tldraw's menu switches the whole app.
  const [ownPrefs, setOwnPrefs] = useState<TLUserPreferences>({ id: user.id });
  const setUserPreferences = useCallback(
    (next: TLUserPreferences) => {
      setOwnPrefs(next);
      const chosen = locales.find((l) => l === next.locale);
      if (chosen && chosen !== locale) setLocale(chosen);
    },
    [locale, setLocale],
  );
  const tldrawUser = useTldrawCurrentUser({
    userPreferences: { ...ownPrefs, id: user.id, name: user.name, color: user.color, locale },
    setUserPreferences,
  });

  return (
    <BoardUiContext.Provider value={ui}>
      <div className="vb-board" role="region" aria-label={t('board.region')}>
        {schemaProblem && <SchemaNotice />}
        {refusal && (
          <p className="vb-board-reloaded" role="status">
            {refusal === 'full' ? t('board.full') : t('board.reloaded')}
          </p>
        )}
        {store ? (
          <Tldraw
            store={store}
            user={tldrawUser}
            locale={locale}
            {...(licenseKey ? { licenseKey } : {})}
            assetUrls={assetUrls}
            overrides={overrides}
            shapeUtils={boardShapeUtils}
            themes={accessibleThemes}
            components={components}
            maxAssetSize={maxAssetBytes}
            acceptedImageMimeTypes={imageTypes}
            acceptedVideoMimeTypes={videoTypes}
            {...(onEditor ? { onMount: (editor: Editor) => void onEditor(editor) } : {})}
          >
            {children}
          </Tldraw>
        ) : (
          <div className="vb-board-loading">
            <p>{t('board.loading')}</p>
            <ConnectionIndicator status={status} />
          </div>
        )}
      </div>
    </BoardUiContext.Provider>
  );
}

/** Shown for a newer and for an unreadable schema alike: only a newer Vermeboard writes what this one cannot read. */
function SchemaNotice() {
  const { t } = useI18n();
  return (
    <div className="vb-schema-notice" role="alert">
      <strong>{t('board.schema.newer.title')}</strong>
      <p>{t('board.schema.newer.body')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('board.schema.reload')}
      </button>
    </div>
  );
}
