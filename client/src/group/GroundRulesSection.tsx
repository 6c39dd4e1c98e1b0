// The group's ground rules, edited together by the group (add, reword, remove lines, then save).
import { processLimits, type GroupSettingsResponse } from '@vermeboard/shared';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { cleanText, firstInvalidLine, serverField } from './formInput.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { LineListEditor, newLineKey, type Line } from './LineListEditor.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  settings: GroupSettingsResponse;
  onSaved(settings: GroupSettingsResponse): void;
}

export function GroundRulesSection({ ctx, settings, onSaved }: Props) {
  const { t } = useI18n();
  const [lines, setLines] = useState<Line<never>[] | null>(null);
  const [invalidLine, setInvalidLine] = useState(-1);
  const submit = useSubmit();

  const startEditing = () => {
    submit.clear();
    setInvalidLine(-1);
    setLines(settings.groundRules.map((text) => ({ key: newLineKey(), text })));
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!lines) return;
    // An empty line left behind after "Add" is dropped rather than refused.
    const kept = lines.filter((l) => l.text.trim() !== '');
    const bad = firstInvalidLine(
      kept.map((l) => l.text),
      processLimits.groundRule,
    );
    setLines(kept);
    setInvalidLine(bad);
    if (bad !== -1) return;
    const rules = kept.map((l) => cleanText(l.text, processLimits.groundRule) ?? l.text);
    submit.run(
      () => ctx.api.setGroundRules(rules),
      (next) => {
        onSaved(next);
        setLines(null);
      },
    );
  };

  const server = serverField(submit.error);
  const invalidIndex = invalidLine !== -1 ? invalidLine : server?.field === 'rules' ? (server.index ?? 0) : -1;

  return (
    <section className="card" aria-labelledby="rules-title">
      <div className="card-heading">
        <h2 id="rules-title">{t('group.rules.title')}</h2>
        {canEdit(ctx.role) && !lines && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('group.rules.edit')}
            onClick={startEditing}
          >
            {t('group.edit')}
          </button>
        )}
      </div>
      <p className="muted">{t('group.rules.intro')}</p>
      {lines ? (
        <form onSubmit={save} noValidate aria-label={t('group.rules.edit')}>
          <LineListEditor
            lines={lines}
            onChange={setLines}
            maxLength={processLimits.groundRule}
            maxLines={processLimits.groundRules}
            lineLabel={(n) => t('group.rules.label', { n })}
            removeLabel={(n) => t('group.rules.remove', { n })}
            addLabel={t('group.rules.add')}
            invalid={
              invalidIndex === -1
                ? null
                : { index: invalidIndex, message: t('group.rules.invalid', { max: processLimits.groundRule }) }
            }
          />
          {invalidIndex === -1 && <FormError error={submit.error} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
              {submit.busy ? t('group.saving') : t('group.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setLines(null)}>
              {t('group.cancel')}
            </button>
          </div>
        </form>
      ) : settings.groundRules.length === 0 ? (
        <p>{t('group.rules.empty')}</p>
      ) : (
        <ul className="rule-list">
          {settings.groundRules.map((rule, i) => (
            <li key={i}>{rule}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
