// The method studio, `/studio` (README "Method studio and libraries"). Opening a studio link
// (`/studio#<token>`) keeps its token in this browser and takes it out of the address. The page
// lists the trainer's methods and agendas (edit, export as a file, delete), an import of an agenda
// file (agendaImport.ts), the built-ins to copy, an import of a method file, and the editor. What
// the editor holds is kept in this browser as it is typed (keptDraft.ts) and comes back after a
// reload; closing the editor forgets it.
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import {
  agendaFormat,
  builtInMethods,
  studioPath,
  writeAgendaFile,
  type LibraryAgenda,
  tokenSchema,
  type LibraryScope,
  type Method,
  type MethodIssue,
  type StudioResponse,
} from '@vermeboard/shared';
import { CopyField } from '../app/CopyField.js';
import { ErrorNotice } from '../app/ErrorNotice.js';
import { errorMessageKey } from '../app/errorMessage.js';
import { useClientConfig } from '../app/clientConfig.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { agendaFileText, copyOf, methodFile, newDraft, withoutEmptyOptionals } from './draftModel.js';
import { importAgendaFile } from './agendaImport.js';
import { keepDraft, keptDraft } from './keptDraft.js';
import { IssueList } from './IssueList.js';
import { AgendaEditor } from './AgendaEditor.js';
import { MethodEditor } from './MethodEditor.js';
import {
  createStudio,
  deleteAgenda,
  deleteMethod,
  getStudio,
  importMethod,
  saveAgenda,
  saveMethod,
  studioToken,
} from './studioApi.js';
import './studio.css';

/** The token from the address (then removed from it), or the one this browser kept. */
function openToken(): string | null {
  const fromLink = window.location.hash.slice(1);
  if (fromLink && tokenSchema.safeParse(fromLink).success) {
    studioToken.save(fromLink);
    history.replaceState(history.state, '', window.location.pathname);
    return fromLink;
  }
  return studioToken.get();
}

interface Editing {
  draft: Method;
  scope: LibraryScope;
  /** The id it was saved under, when it is a saved method (a changed id saves a new one). */
  savedId: string | null;
}

export default function StudioPage() {
  const { t, locale } = useI18n();
  const config = useClientConfig();
  const [token, setToken] = useState<string | null>(openToken);
  const [studio, setStudio] = useState<StudioResponse | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  // What the editor held when this browser last left the studio (keptDraft.ts).
  const [restored] = useState(() => (token ? keptDraft(token) : null));
  const [editing, setEditing] = useState<Editing | null>(() =>
    restored?.kind === 'method' ? { draft: restored.draft, scope: restored.scope, savedId: restored.savedId } : null,
  );
  const [serverIssues, setServerIssues] = useState<MethodIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => (restored ? t('studio.draft.restored') : null));
  const [importIssues, setImportIssues] = useState<MethodIssue[] | null>(null);
  const [agenda, setAgenda] = useState<{ agenda: LibraryAgenda; scope: LibraryScope; savedId: string | null } | null>(
    () =>
      restored?.kind === 'agenda'
        ? { agenda: restored.agenda, scope: restored.scope, savedId: restored.savedId }
        : null,
  );
  const [agendaIssues, setAgendaIssues] = useState<MethodIssue[]>([]);
  // Why the last agenda export or import did not happen, under its own heading.
  const [agendaFileProblem, setAgendaFileProblem] = useState<{ heading: string; issues: MethodIssue[] } | null>(null);
  const importId = useId();
  const agendaImportId = useId();

  const reload = useCallback(async () => {
    if (!token) return;
    try {
      setStudio(await getStudio(token));
    } catch (err) {
      setError(errorMessageKey(err, 'other'));
    }
  }, [token]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (!token) return;
    keepDraft(token, agenda ? { kind: 'agenda', ...agenda } : editing ? { kind: 'method', ...editing } : null);
  }, [token, editing, agenda]);

  const taken = (id: string) =>
    builtInMethods[id] !== undefined || (studio?.methods ?? []).some((m) => m.method.id === id);

  if (!token) return <NewStudio onToken={setToken} />;
  if (error) return <ErrorNotice message={error} />;
  if (!studio) return <p role="status">{t('studio.loading')}</p>;

  /** A call that failed without a refusal the studio can read, shown as one. */
  const callFailed = (err: unknown) => ({
    ok: false as const,
    issues: [{ path: '', message: t(errorMessageKey(err, 'other')) }],
  });

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    setServerIssues([]);
    try {
      const method = withoutEmptyOptionals(editing.draft);
      const answer = await saveMethod(token, method, editing.scope, method.id);
      if (!answer.ok) return setServerIssues(answer.issues);
      if (editing.savedId !== null && editing.savedId !== method.id) await deleteMethod(token, editing.savedId);
      setEditing({ ...editing, savedId: method.id });
      setNotice(t('studio.save.done', { name: method.name[locale] }));
      await reload();
    } catch (err) {
      setServerIssues([{ path: '', message: t(errorMessageKey(err, 'other')) }]);
    } finally {
      setSaving(false);
    }
  };

  const storeAgenda = async () => {
    if (!agenda) return;
    setAgendaIssues([]);
    const answer = await saveAgenda(token, agenda.agenda, agenda.scope).catch(callFailed);
    if (!answer.ok) return setAgendaIssues(answer.issues);
    if (agenda.savedId !== null && agenda.savedId !== agenda.agenda.id) await deleteAgenda(token, agenda.savedId);
    setAgenda({ ...agenda, savedId: agenda.agenda.id });
    setNotice(t('studio.save.done', { name: agenda.agenda.name[locale] }));
    await reload();
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = chosenFile(event);
    if (!file) return;
    setImportIssues(null);
    setNotice(null);
    const answer = await importMethod(token, await file.text()).catch(callFailed);
    if (!answer.ok) return setImportIssues(answer.issues);
    setNotice(t('studio.import.done', { name: answer.saved.method.name.en }));
    await reload();
  };

  const exportAgenda = (saved: LibraryAgenda) => {
    setAgendaFileProblem(null);
    const written = writeAgendaFile(
      saved,
      studio.methods.map((m) => m.method),
    );
    if (written.ok) return download(agendaFileText(written.file));
    setAgendaFileProblem({
      heading: t('studio.agendaFile.notExported', { name: saved.name[locale] }),
      issues: written.issues,
    });
  };

  const onImportAgenda = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = chosenFile(event);
    if (!file) return;
    setAgendaFileProblem(null);
    setNotice(null);
    const answer = await importAgendaFile(file, studio, {
      saveMethod: (method) => saveMethod(token, method, 'own', method.id),
      deleteMethod: (id) => deleteMethod(token, id),
      saveAgenda: (imported) => saveAgenda(token, imported, 'own'),
    }).catch(callFailed);
    if (!answer.ok) {
      return setAgendaFileProblem({
        heading: t('studio.import.refused', { n: answer.issues.length }),
        issues: answer.issues,
      });
    }
    setNotice(t('studio.agendaFile.done', { name: answer.agenda.name[locale], n: answer.added }));
    await reload();
  };

  return (
    <div className="page vb-studio">
      <h1>{t('studio.title')}</h1>
      <p>{t('studio.intro')}</p>
      <CopyField
        label={t('studio.link.label')}
        hint={t('studio.link.hint')}
        value={`${window.location.origin}${studioPath(token)}`}
        copyLabel={t('studio.link.copy')}
      />
      {notice && (
        <p className="vb-studio-notice" role="status">
          {notice}
        </p>
      )}
      {agenda ? (
        <AgendaEditor
          agenda={agenda.agenda}
          onChange={(next) => setAgenda({ ...agenda, agenda: next })}
          scope={agenda.scope}
          onScope={(scope) => setAgenda({ ...agenda, scope })}
          inProgram={studio.inProgram}
          instanceLibraryOpen={studio.instanceLibraryOpen}
          ownMethods={studio.methods.map((m) => m.method)}
          serverIssues={agendaIssues}
          onSave={() => void storeAgenda()}
          onClose={() => {
            setAgenda(null);
            setAgendaIssues([]);
          }}
        />
      ) : editing ? (
        <MethodEditor
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          scope={editing.scope}
          onScope={(scope) => setEditing({ ...editing, scope })}
          inProgram={studio.inProgram}
          instanceLibraryOpen={studio.instanceLibraryOpen}
          serverIssues={serverIssues}
          saving={saving}
          onSave={() => void save()}
          onClose={() => {
            setEditing(null);
            setServerIssues([]);
          }}
          licenseKey={config.state.status === 'ready' ? config.state.config.tldrawLicenseKey : null}
        />
      ) : (
        <>
          <section className="card" aria-labelledby="studio-mine">
            <h2 id="studio-mine">{t('studio.mine.heading')}</h2>
            {studio.methods.length === 0 ? (
              <p>{t('studio.mine.empty')}</p>
            ) : (
              <ul className="vb-studio-list">
                {studio.methods.map(({ method, scope }) => (
                  <MethodRow
                    key={method.id}
                    method={method}
                    scope={scope}
                    onEdit={() => setEditing({ draft: structuredClone(method), scope, savedId: method.id })}
                    onDelete={async () => {
                      await deleteMethod(token, method.id);
                      await reload();
                    }}
                  />
                ))}
              </ul>
            )}
            {studio.quarantined.length > 0 && (
              <div className="vb-studio-issues">
                <p>{t('studio.mine.quarantined')}</p>
                <ul>
                  {studio.quarantined.map((q) => (
                    <li key={q.id}>
                      <code>{q.id}</code>: {q.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ draft: newDraft(taken), scope: 'own', savedId: null })}
            >
              {t('studio.new')}
            </button>
          </section>
          <section className="card" aria-labelledby="studio-agendas">
            <h2 id="studio-agendas">{t('studio.agenda.heading')}</h2>
            <p>{t('studio.agenda.hint')}</p>
            <ul className="vb-studio-list">
              {studio.agendas.map((entry) => {
                const name = entry.agenda.name[locale];
                return (
                  <li key={entry.agenda.id} className="vb-studio-list__item">
                    <span>
                      <strong>{name}</strong> <span className="vb-fac-hint">· {t(scopeKey[entry.scope])}</span>
                    </span>
                    <span className="vb-studio-list__actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('studio.mine.edit', { name })}
                        onClick={() =>
                          setAgenda({
                            agenda: structuredClone(entry.agenda),
                            scope: entry.scope,
                            savedId: entry.agenda.id,
                          })
                        }
                      >
                        {t('studio.mine.editShort')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('studio.mine.export', { name })}
                        onClick={() => exportAgenda(entry.agenda)}
                      >
                        {t('studio.mine.exportShort')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('studio.mine.delete', { name })}
                        onClick={async () => {
                          await deleteAgenda(token, entry.agenda.id);
                          await reload();
                        }}
                      >
                        {t('studio.mine.deleteShort')}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="button"
              onClick={() =>
                setAgenda({
                  agenda: {
                    version: agendaFormat.version,
                    id: 'my-agenda',
                    name: { en: '', fi: '', sv: '' },
                    methodIds: [],
                  },
                  scope: 'own',
                  savedId: null,
                })
              }
            >
              {t('studio.agenda.new')}
            </button>
            <div className="vb-studio-import">
              <label htmlFor={agendaImportId}>{t('studio.agendaFile.choose')}</label>
              <p id={`${agendaImportId}-hint`} className="vb-fac-hint">
                {t('studio.agendaFile.hint')}
              </p>
              <input
                id={agendaImportId}
                className="vb-studio-file"
                type="file"
                accept=".json,application/json"
                aria-describedby={`${agendaImportId}-hint`}
                onChange={onImportAgenda}
              />
            </div>
            {agendaFileProblem && <IssueList heading={agendaFileProblem.heading} issues={agendaFileProblem.issues} />}
          </section>
          <section className="card" aria-labelledby="studio-import">
            <h2 id="studio-import">{t('studio.import.heading')}</h2>
            <p>{t('studio.import.hint')}</p>
            <label htmlFor={importId}>{t('studio.import.choose')}</label>
            <input
              id={importId}
              className="vb-studio-file"
              type="file"
              accept=".json,application/json"
              onChange={onImport}
            />
            {importIssues && (
              <IssueList heading={t('studio.import.refused', { n: importIssues.length })} issues={importIssues} />
            )}
          </section>
          <section className="card" aria-labelledby="studio-builtin">
            <h2 id="studio-builtin">{t('studio.builtin.heading')}</h2>
            <p>{t('studio.builtin.hint')}</p>
            <ul className="vb-studio-list">
              {Object.values(builtInMethods).map((method) => (
                <BuiltInRow
                  key={method.id}
                  method={method}
                  onCopy={() => setEditing({ draft: copyOf(method, taken), scope: 'own', savedId: null })}
                />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

/** The file just chosen; the input is emptied so that choosing the same file again imports it again. */
function chosenFile(event: ChangeEvent<HTMLInputElement>): File | undefined {
  const file = event.target.files?.[0];
  event.target.value = '';
  return file;
}

function download(file: { name: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const scopeKey: Record<LibraryScope, MessageKey> = {
  own: 'studio.library.own',
  program: 'studio.library.program',
  instance: 'studio.library.instance',
};

function MethodRow({
  method,
  scope,
  onEdit,
  onDelete,
}: {
  method: Method;
  scope: LibraryScope;
  onEdit(): void;
  onDelete(): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const name = method.name[locale];
  return (
    <li className="vb-studio-list__item">
      <span>
        <strong>{name}</strong> <span className="vb-fac-hint">· {t(scopeKey[scope])}</span>
      </span>
      <span className="vb-studio-list__actions">
        <button type="button" className="button" onClick={onEdit} aria-label={t('studio.mine.edit', { name })}>
          {t('studio.mine.editShort')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(methodFile(method))}
          aria-label={t('studio.mine.export', { name })}
        >
          {t('studio.mine.exportShort')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (window.confirm(t('studio.mine.confirmDelete', { name }))) void onDelete();
          }}
          aria-label={t('studio.mine.delete', { name })}
        >
          {t('studio.mine.deleteShort')}
        </button>
      </span>
    </li>
  );
}

function BuiltInRow({ method, onCopy }: { method: Method; onCopy(): void }) {
  const { t, locale } = useI18n();
  const name = method.name[locale];
  return (
    <li className="vb-studio-list__item">
      <span>{name}</span>
      <button type="button" className="button" onClick={onCopy} aria-label={t('studio.builtin.copy', { name })}>
        {t('studio.builtin.copyShort')}
      </button>
    </li>
  );
}

function NewStudio({ onToken }: { onToken(token: string): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<MessageKey | null>(null);
  return (
    <div className="page page-narrow">
      <h1>{t('studio.title')}</h1>
      <p>{t('studio.create.intro')}</p>
      {error && <ErrorNotice message={error} />}
      <button
        type="button"
        className="button button-primary"
        onClick={async () => {
          try {
            const made = await createStudio();
            studioToken.save(made.trainerToken);
            onToken(made.trainerToken);
          } catch (err) {
            setError(errorMessageKey(err, 'other'));
          }
        }}
      >
        {t('studio.create.submit')}
      </button>
    </div>
  );
}
