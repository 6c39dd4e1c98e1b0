// The live board of a meeting: tldraw on a Yjs document, with a connection indicator and the list
// of who is here in tldraw's top-right panel.
import 'tldraw/tldraw.css';
import './board.css';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type JSX } from 'react';
import {
  Tldraw,
  useTldrawCurrentUser,
  useValue,
  type TLComponents,
  type TLUiOverrides,
  type TLUserPreferences,
} from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import type { MeetingId, Role } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { locales, type Locale } from '../i18n/messages.js';
import { createAssetStore } from './assets.js';
import { openBoardSession, type BoardSession } from './boardSession.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { PeopleList } from './PeopleList.js';
import type { Person } from './presence.js';
import { tldrawTranslationOverrides } from './tldrawTranslations.js';
import { createBoardTransport, type BoardStatus } from './transport.js';

export interface BoardProps {
  meetingId: MeetingId;
  /** The participant's personal token. */
  token: string;
  role: Role;
  user: { id: string; name: string; color: string };
  locale: Locale;
  licenseKey: string | null;
  maxAssetBytes: number;
}

// Bundled by Vite from @tldraw/assets: fonts, icons and translations come from this server, so the
// board works on a network without internet. tldraw wants these (and the props below) stable.
const assetUrls = getAssetUrlsByImport();
const overrides: TLUiOverrides = { translations: tldrawTranslationOverrides() };
// What the server accepts as an asset (server/src/http/api.ts); SVG is refused there as it can carry script.
const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const videoTypes: string[] = [];

interface BoardUi {
  status: BoardStatus;
  people: Person[];
}
const BoardUiContext = createContext<BoardUi>({ status: 'connecting', people: [] });

function BoardPanel() {
  const { status, people } = useContext(BoardUiContext);
  return (
    <div className="vb-board-panel">
      <ConnectionIndicator status={status} />
      <PeopleList people={people} />
    </div>
  );
}
const components: TLComponents = { SharePanel: BoardPanel };

export function Board({ meetingId, token, role, user, locale, licenseKey, maxAssetBytes }: BoardProps): JSX.Element {
  const { t, setLocale } = useI18n();
  const [session, setSession] = useState<BoardSession | null>(null);

  useEffect(() => {
    const transport = createBoardTransport({ meetingId, token });
    const assets = createAssetStore({ meetingId, token, maxBytes: maxAssetBytes });
    const opened = openBoardSession({
      transport,
      user: { id: user.id, name: user.name, color: user.color },
      role,
      assets,
    });
    setSession(opened);
    return () => {
      opened.dispose();
      transport.destroy();
      setSession(null);
    };
  }, [meetingId, token, role, user.id, user.name, user.color, maxAssetBytes]);

  const store = useValue('board store', () => session?.store.get() ?? null, [session]);
  const status = useValue('board status', () => session?.status.get() ?? 'connecting', [session]);
  const people = useValue('board people', () => session?.people.get() ?? [], [session]);
  const schemaProblem = useValue('board schema problem', () => session?.schemaProblem.get() ?? null, [session]);
  const ui = useMemo<BoardUi>(() => ({ status, people }), [status, people]);

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
        {store ? (
          <Tldraw
            store={store}
            user={tldrawUser}
            locale={locale}
            {...(licenseKey ? { licenseKey } : {})}
            assetUrls={assetUrls}
            overrides={overrides}
            components={components}
            maxAssetSize={maxAssetBytes}
            acceptedImageMimeTypes={imageTypes}
            acceptedVideoMimeTypes={videoTypes}
          />
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
