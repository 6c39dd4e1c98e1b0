// Writing an agenda for a library: a name in every language and an ordered list of methods (the
// built-ins and the trainer's own), like the Meeting frame preset. The server checks it field by
// field; a facilitator is offered it once they can add every method in it.
import { useId, useState } from 'react';
import {
  agendaFormat,
  builtInMethods,
  facilitationLimits,
  type LibraryAgenda,
  type LibraryScope,
  type Method,
  type MethodIssue,
} from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { issuesAt } from './draftModel.js';
import { SaveBox } from './SaveBox.js';
import { LocalizedField } from './LocalizedField.js';

interface Props {
  agenda: LibraryAgenda;
  onChange(agenda: LibraryAgenda): void;
  scope: LibraryScope;
  onScope(scope: LibraryScope): void;
  inProgram: boolean;
  instanceLibraryOpen: boolean;
  ownMethods: readonly Method[];
  serverIssues: readonly MethodIssue[];
  onSave(): void;
  onClose(): void;
}

export function AgendaEditor(props: Props) {
  const { agenda, onChange } = props;
  const { t, locale } = useI18n();
  const id = useId();
  const [pick, setPick] = useState<string>(Object.keys(builtInMethods)[0]!);
  const [tried, setTried] = useState(false);
  const read = agendaFormat.read(agenda);
  const issues = [...(read.ok ? [] : read.issues), ...props.serverIssues];
  const shown = tried ? issues : props.serverIssues;
  const choices = [...Object.values(builtInMethods), ...props.ownMethods];
  const nameOf = (methodId: string) => choices.find((m) => m.id === methodId)?.name[locale] ?? methodId;
  const move = (from: number, to: number) =>
    onChange({ ...agenda, methodIds: agenda.methodIds.toSpliced(from, 1).toSpliced(to, 0, agenda.methodIds[from]!) });
  return (
    <section className="vb-studio-editor" aria-labelledby={`${id}-h`}>
      <div className="vb-studio-editor__bar">
        <h2 id={`${id}-h`}>{agenda.name[locale] || agenda.id}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {t('studio.editor.close')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-id`}>{t('studio.agenda.id')}</label>
        <input
          id={`${id}-id`}
          type="text"
          value={agenda.id}
          maxLength={48}
          onChange={(e) => onChange({ ...agenda, id: e.target.value })}
        />
      </div>
      <LocalizedField
        label={t('studio.editor.name')}
        value={agenda.name}
        onChange={(name) => onChange({ ...agenda, name })}
        maxLength={facilitationLimits.methodLabel}
        path="name"
        issues={shown}
      />
      <h3>{t('studio.agenda.methods')}</h3>
      <ol className="vb-studio-steps">
        {agenda.methodIds.map((methodId, i) => {
          const name = nameOf(methodId);
          return (
            <li key={`${methodId}-${i}`}>
              <span>{name}</span>
              <button
                type="button"
                className="vb-fac-mini"
                aria-label={t('studio.steps.up', { name })}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="vb-fac-mini"
                aria-label={t('studio.steps.remove', { name })}
                onClick={() => onChange({ ...agenda, methodIds: agenda.methodIds.toSpliced(i, 1) })}
              >
                <span aria-hidden="true">✕</span>
              </button>
              {issuesAt(shown, `methodIds.${i}`).map((issue) => (
                <span key={issue.message} className="field-error">
                  {issue.message}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={`${id}-pick`}>{t('studio.agenda.pick')}</label>
        <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name[locale]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        disabled={agenda.methodIds.length >= facilitationLimits.agendaItems}
        onClick={() => onChange({ ...agenda, methodIds: [...agenda.methodIds, pick] })}
      >
        {t('studio.agenda.add')}
      </button>
      <SaveBox
        scope={props.scope}
        onScope={props.onScope}
        inProgram={props.inProgram}
        instanceLibraryOpen={props.instanceLibraryOpen}
        issues={issues}
        tried={tried}
        label={t('studio.agenda.save')}
        onClick={() => {
          setTried(true);
          if (read.ok) props.onSave();
        }}
      />
    </section>
  );
}
