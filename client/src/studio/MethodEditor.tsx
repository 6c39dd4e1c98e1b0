// Writing one method: its texts in every language, its purpose and metadata, its ordered steps
// and each step's board layout on a tldraw canvas, with a preview of what participants will see.
// Problems are shown beside their fields as the trainer types (the same reader as the server's);
// Save sends the method to the chosen library and shows the server's answer the same way.
import { useId, useState } from 'react';
import {
  facilitationLimits,
  methodPhases,
  speakingModes,
  type BoardLayout,
  type LibraryScope,
  type Method,
  type MethodIssue,
  type MethodPhase,
  type SpeakingMode,
  type Step,
} from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { blankText, draftIssues, issuesAt, newStep, totalSeconds } from './draftModel.js';
import { LayoutCanvas } from './LayoutCanvas.js';
import { LocalizedField } from './LocalizedField.js';
import { issueText } from './issueText.js';
import { SaveBox } from './SaveBox.js';
import { phaseKey, speakingModeKey } from './speakingModes.js';
import { StepPreview } from './StepPreview.js';

interface Props {
  draft: Method;
  onChange(draft: Method): void;
  scope: LibraryScope;
  onScope(scope: LibraryScope): void;
  inProgram: boolean;
  instanceLibraryOpen: boolean;
  /** What the server said about the last save, beside the draft's own problems. */
  serverIssues: readonly MethodIssue[];
  saving: boolean;
  onSave(): void;
  onClose(): void;
  licenseKey: string | null;
}

export function MethodEditor(props: Props) {
  const { draft, onChange, serverIssues, licenseKey } = props;
  const { t, locale } = useI18n();
  const [selected, setSelected] = useState(0);
  const [tried, setTried] = useState(false);
  const own = draftIssues(draft);
  const issues = [...own, ...serverIssues];
  const shown = tried ? issues : serverIssues;
  const index = Math.min(selected, draft.steps.length - 1);
  const step = draft.steps[index]!;
  const setStep = (next: Step) => onChange({ ...draft, steps: draft.steps.with(index, next) });
  const moveStep = (from: number, to: number) => {
    const steps = draft.steps.toSpliced(from, 1).toSpliced(to, 0, draft.steps[from]!);
    onChange({ ...draft, steps });
    setSelected(to);
  };
  const headingId = useId();
  const label = facilitationLimits.methodLabel;
  const text = facilitationLimits.methodText;
  return (
    <section className="vb-studio-editor" aria-labelledby={headingId}>
      <div className="vb-studio-editor__bar">
        <h2 id={headingId}>{draft.name[locale] || draft.name.en || draft.id}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {t('studio.editor.close')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${headingId}-id`}>{t('studio.editor.id')}</label>
        <input
          id={`${headingId}-id`}
          type="text"
          value={draft.id}
          maxLength={48}
          aria-describedby={`${headingId}-id-hint`}
          onChange={(e) => onChange({ ...draft, id: e.target.value })}
        />
        <p id={`${headingId}-id-hint`} className="field-hint">
          {t('studio.editor.idHint')}
        </p>
        <FieldIssues issues={issuesAt(shown, 'id')} />
      </div>
      <LocalizedField
        label={t('studio.editor.name')}
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
        maxLength={label}
        path="name"
        issues={shown}
      />
      <LocalizedField
        label={t('studio.editor.description')}
        value={draft.description}
        onChange={(description) => onChange({ ...draft, description })}
        maxLength={text}
        multiline
        path="description"
        issues={shown}
      />
      <LocalizedField
        label={t('studio.editor.purpose')}
        value={draft.purpose ?? blankText()}
        onChange={(purpose) => onChange({ ...draft, purpose })}
        maxLength={text}
        multiline
        path="purpose"
        issues={shown}
      />
      <fieldset className="vb-studio-meta">
        <legend>{t('studio.editor.meta')}</legend>
        <NumberField
          label={t('studio.editor.groupMin')}
          value={draft.groupSize?.min ?? 1}
          onChange={(min) => onChange({ ...draft, groupSize: { min, max: draft.groupSize?.max ?? min } })}
          issues={issuesAt(shown, 'groupSize.min')}
        />
        <NumberField
          label={t('studio.editor.groupMax')}
          value={draft.groupSize?.max ?? 10}
          onChange={(max) => onChange({ ...draft, groupSize: { min: draft.groupSize?.min ?? 1, max } })}
          issues={issuesAt(shown, 'groupSize.max')}
        />
        <div className="field">
          <label htmlFor={`${headingId}-phase`}>{t('studio.editor.phase')}</label>
          <select
            id={`${headingId}-phase`}
            value={draft.phase ?? 'open'}
            onChange={(e) => onChange({ ...draft, phase: e.target.value as MethodPhase })}
          >
            {methodPhases.map((p) => (
              <option key={p} value={p}>
                {t(phaseKey[p])}
              </option>
            ))}
          </select>
        </div>
        <p className="vb-studio-meta__total">{t('studio.editor.total', { n: Math.round(totalSeconds(draft) / 60) })}</p>
      </fieldset>

      <h3>{t('studio.steps.heading')}</h3>
      <ol className="vb-studio-steps">
        {draft.steps.map((s, i) => {
          const name = s.title.en || s.id;
          const problems = issuesAt(shown, `steps.${i}`, true).length;
          return (
            <li key={`${s.id}-${i}`} aria-current={i === index ? 'step' : undefined}>
              <button type="button" className="vb-studio-steps__pick" onClick={() => setSelected(i)}>
                {t('studio.steps.edit', { n: i + 1, name })}
              </button>
              {problems > 0 && <span className="vb-studio-missing">{t('studio.steps.problems', { n: problems })}</span>}
              <button
                type="button"
                className="vb-fac-mini"
                aria-label={t('studio.steps.up', { name })}
                disabled={i === 0}
                onClick={() => moveStep(i, i - 1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="vb-fac-mini"
                aria-label={t('studio.steps.down', { name })}
                disabled={i === draft.steps.length - 1}
                onClick={() => moveStep(i, i + 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
              <button
                type="button"
                className="vb-fac-mini"
                aria-label={t('studio.steps.remove', { name })}
                disabled={draft.steps.length === 1}
                onClick={() => {
                  onChange({ ...draft, steps: draft.steps.toSpliced(i, 1) });
                  setSelected(Math.max(0, Math.min(index, draft.steps.length - 2)));
                }}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        disabled={draft.steps.length >= facilitationLimits.stepsPerMethod}
        onClick={() => {
          onChange({ ...draft, steps: [...draft.steps, newStep(draft.steps.map((s) => s.id))] });
          setSelected(draft.steps.length);
        }}
      >
        {t('studio.steps.add')}
      </button>
      <FieldIssues issues={issuesAt(shown, 'steps')} />

      <div className="vb-studio-step">
        <StepFields key={index} step={step} index={index} onChange={setStep} issues={shown} />
        <h4>{t('studio.layout.heading', { n: index + 1 })}</h4>
        <p className="field-hint">{t('studio.layout.hint')}</p>
        <LayoutCanvas
          key={`${index}-${step.id}`}
          step={step}
          locale={locale}
          licenseKey={licenseKey}
          onChange={(layout: BoardLayout) => setStep({ ...step, layout })}
        />
        <FieldIssues issues={issuesAt(shown, `steps.${index}.layout`)} />
        <StepPreview method={draft} step={step} index={index} />
        <LayoutTexts step={step} index={index} onChange={setStep} issues={shown} />
      </div>

      <SaveBox
        scope={props.scope}
        onScope={props.onScope}
        inProgram={props.inProgram}
        instanceLibraryOpen={props.instanceLibraryOpen}
        hint={t('studio.save.hint')}
        issues={issues}
        tried={tried}
        saving={props.saving}
        label={t('studio.save.submit')}
        onClick={() => {
          setTried(true);
          if (own.length === 0 && !props.saving) props.onSave();
        }}
      />
    </section>
  );
}

function FieldIssues({ issues }: { issues: readonly MethodIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <p className="field-error" role="alert">
      {issues.map((i) => issueText(i.message, t)).join('; ')}
    </p>
  );
}

function NumberField({
  label,
  value,
  onChange,
  issues,
  min = 0,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
  issues: readonly MethodIssue[];
  min?: number;
}) {
  const id = useId();
  return (
    <div className="field vb-studio-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={issues.length > 0 || undefined}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <FieldIssues issues={issues} />
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  const id = useId();
  return (
    <div className="vb-studio-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Leaves a flag out of the definition when it is off, as the built-ins write it. */
function flag(
  step: Step,
  key: 'revealOnTurn' | 'revealOnStart' | 'caseOwnerChosenHere' | 'ownerAnswers',
  on: boolean,
): Step {
  const next: Step = { ...step };
  if (on) next[key] = true;
  else delete next[key];
  return next;
}

const stepTexts = [
  { field: 'title', label: 'studio.step.title', long: false },
  { field: 'instructions', label: 'studio.step.instructions', long: true },
  { field: 'facilitatorNotes', label: 'studio.step.notes', long: true },
] as const;

/** What the parts of a step's editor get: the step, its place and the problems of the whole method. */
interface StepPartProps {
  step: Step;
  index: number;
  onChange(step: Step): void;
  issues: readonly MethodIssue[];
}

function StepFields({ step, index, onChange, issues }: StepPartProps) {
  const { t } = useI18n();
  const id = useId();
  const at = (field: string) => `steps.${index}.${field}`;
  const setMode = (speakingMode: SpeakingMode) => {
    let next: Step = { ...step, speakingMode };
    // Rules that only one mode has go when the mode changes, so the step stays valid.
    if (speakingMode !== 'round-robin') {
      const { turnSeconds: _t, ...rest } = flag(next, 'revealOnTurn', false);
      next = rest as Step;
    }
    if (speakingMode !== 'consultants') next = flag(next, 'ownerAnswers', false);
    onChange(next);
  };
  return (
    <fieldset className="vb-studio-stepfields">
      <legend>{t('studio.step.heading', { n: index + 1 })}</legend>
      <div className="field">
        <label htmlFor={`${id}-sid`}>{t('studio.step.id')}</label>
        <input
          id={`${id}-sid`}
          type="text"
          value={step.id}
          maxLength={48}
          onChange={(e) => onChange({ ...step, id: e.target.value })}
        />
        <FieldIssues issues={issuesAt(issues, at('id'))} />
      </div>
      {stepTexts.map(({ field, label, long }) => (
        <LocalizedField
          key={field}
          label={t(label)}
          value={step[field]}
          onChange={(value) => onChange({ ...step, [field]: value })}
          maxLength={long ? facilitationLimits.methodText : facilitationLimits.methodLabel}
          multiline={long}
          path={at(field)}
          issues={issues}
        />
      ))}
      <NumberField
        label={t('studio.step.timebox')}
        value={step.timeboxSeconds / 60}
        onChange={(m) => onChange({ ...step, timeboxSeconds: Math.round(m * 60) })}
        issues={issuesAt(issues, at('timeboxSeconds'))}
      />
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('studio.step.mode')}</label>
        <select id={`${id}-mode`} value={step.speakingMode} onChange={(e) => setMode(e.target.value as SpeakingMode)}>
          {speakingModes.map((m) => (
            <option key={m} value={m}>
              {t(speakingModeKey[m])}
            </option>
          ))}
        </select>
      </div>
      {step.speakingMode === 'round-robin' && (
        <>
          <Check
            label={t('studio.step.perTurn')}
            checked={step.turnSeconds !== undefined}
            onChange={(on) => {
              const { turnSeconds: _t, ...rest } = step;
              onChange(on ? { ...rest, turnSeconds: 120 } : rest);
            }}
          />
          {step.turnSeconds !== undefined && (
            <NumberField
              label={t('studio.step.turnSeconds')}
              value={step.turnSeconds}
              min={5}
              onChange={(turnSeconds) => onChange({ ...step, turnSeconds })}
              issues={issuesAt(issues, at('turnSeconds'))}
            />
          )}
          <Check
            label={t('studio.step.revealOnTurn')}
            checked={step.revealOnTurn === true}
            onChange={(on) => onChange(flag(step, 'revealOnTurn', on))}
          />
        </>
      )}
      <Check
        label={t('studio.step.revealOnStart')}
        checked={step.revealOnStart === true}
        onChange={(on) => onChange(flag(step, 'revealOnStart', on))}
      />
      <Check
        label={t('studio.step.caseOwner')}
        checked={step.caseOwnerChosenHere === true}
        onChange={(on) => onChange(flag(step, 'caseOwnerChosenHere', on))}
      />
      {step.speakingMode === 'consultants' && (
        <Check
          label={t('studio.step.ownerAnswers')}
          checked={step.ownerAnswers === true}
          onChange={(on) => onChange(flag(step, 'ownerAnswers', on))}
        />
      )}
    </fieldset>
  );
}

/** Every frame label and prompt text of the step's layout, in all three languages. */
function LayoutTexts({ step, index, onChange, issues }: StepPartProps) {
  const { t } = useI18n();
  const layout = step.layout ?? { frames: [], notes: [] };
  const setLayout = (next: BoardLayout) => onChange({ ...step, layout: next });
  if (layout.frames.length === 0) return <p className="vb-fac-hint">{t('studio.layout.empty')}</p>;
  return (
    <div className="vb-studio-layouttexts">
      <ul className="vb-studio-frames" aria-label={t('studio.layout.frames')}>
        {layout.frames.map((f, i) => (
          <li key={f.id}>
            <p className="vb-studio-frame-geometry">
              {t('studio.layout.frame', { id: f.id, w: f.w, h: f.h, x: f.x, y: f.y })}
            </p>
            <LocalizedField
              label={t('studio.layout.label', { id: f.id })}
              value={f.label}
              onChange={(label) => setLayout({ ...layout, frames: layout.frames.with(i, { ...f, label }) })}
              maxLength={facilitationLimits.methodLabel}
              path={`steps.${index}.layout.frames.${i}.label`}
              issues={issues}
            />
          </li>
        ))}
      </ul>
      {layout.notes.length > 0 && (
        <ul className="vb-studio-frames" aria-label={t('studio.layout.notes')}>
          {layout.notes.map((n, i) => (
            <li key={n.id}>
              <LocalizedField
                label={t('studio.layout.note', { id: n.id })}
                value={n.text}
                onChange={(text) => setLayout({ ...layout, notes: layout.notes.with(i, { ...n, text }) })}
                maxLength={facilitationLimits.methodLabel}
                path={`steps.${index}.layout.notes.${i}.text`}
                issues={issues}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
