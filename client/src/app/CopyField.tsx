// A read-only link with a Copy button. The button's name says which link it copies; the result is
// announced through a status region, so the button's own name stays stable for assistive tech.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { copyText } from './copyText.js';

interface Props {
  label: string;
  hint: string;
  value: string;
  copyLabel: string;
}

export function CopyField({ label, hint, value, copyLabel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = window.setTimeout(() => setResult(null), 2500);
    return () => window.clearTimeout(timer);
  }, [result]);

  const copy = async () => setResult((await copyText(value)) ? 'copied' : 'failed');

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="copy-field-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" aria-label={copyLabel} onClick={() => void copy()}>
          {t('app.copy.button')}
        </button>
      </div>
      <p role="status" className={result === 'failed' ? 'copy-status copy-status-failed' : 'copy-status'}>
        {result === 'copied' ? t('app.copy.done') : result === 'failed' ? t('app.copy.failed') : ''}
      </p>
    </div>
  );
}
