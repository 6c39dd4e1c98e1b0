// One text of a method in English, Finnish and Swedish, side by side. An empty language is marked
// "Missing translation" (a draft may be incomplete; a save needs all three), and the problems a
// save or import met at this text show under the language they concern.
import { useId } from 'react';
import { locales, type LocalizedText, type MethodIssue } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { localeNames } from '../i18n/messages.js';
import { issuesAt } from './draftModel.js';
import { issueText } from './issueText.js';

interface Props {
  label: string;
  value: LocalizedText;
  onChange(value: LocalizedText): void;
  maxLength: number;
  multiline?: boolean;
  /** Where this text is in the method (`steps.0.title`), to find its issues. */
  path: string;
  issues: readonly MethodIssue[];
}

export function LocalizedField({ label, value, onChange, maxLength, multiline = false, path, issues }: Props) {
  const { t } = useI18n();
  const id = useId();
  const own = issuesAt(issues, path);
  return (
    <fieldset className="vb-studio-text">
      <legend>{label}</legend>
      {own.map((issue) => (
        <p key={issue.message} className="field-error" role="alert">
          {issueText(issue.message, t)}
        </p>
      ))}
      {locales.map((l) => {
        const inputId = `${id}-${l}`;
        const problems = issuesAt(issues, `${path}.${l}`);
        const missing = value[l].trim() === '';
        const describedBy = [missing ? `${inputId}-missing` : null, problems.length ? `${inputId}-error` : null]
          .filter(Boolean)
          .join(' ');
        const common = {
          id: inputId,
          value: value[l],
          lang: l,
          maxLength,
          'aria-invalid': problems.length > 0 || undefined,
          'aria-describedby': describedBy || undefined,
          onChange: (e: { target: { value: string } }) => onChange({ ...value, [l]: e.target.value }),
        };
        return (
          <div key={l} className="vb-studio-text__lang">
            <label htmlFor={inputId}>
              {label} ({localeNames[l]})
            </label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
            {missing && (
              <span id={`${inputId}-missing`} className="vb-studio-missing">
                {t('studio.missing')}
              </span>
            )}
            {problems.length > 0 && (
              <p id={`${inputId}-error`} className="field-error">
                {problems.map((p) => issueText(p.message, t)).join('; ')}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
