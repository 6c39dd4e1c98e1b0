// The facilitator edits the group's competence areas: rename (keeps the answers, the id stays), add,
// remove (retired on the server). The whole list is saved at once, in order.
import { processLimits, type CompetenceArea, type CompetenceAreaId } from '@vermeboard/shared';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { cleanText, firstInvalidLine, serverField } from './formInput.js';
import type { HomeContext } from './homeContext.js';
import { LineListEditor, type Line } from './LineListEditor.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  areas: readonly CompetenceArea[];
  onSaved(areas: CompetenceArea[]): void;
  onCancel(): void;
}

export function CompetenceAreasEditor({ ctx, areas, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [lines, setLines] = useState<Line<CompetenceAreaId>[]>(() =>
    areas.map((a) => ({ key: a.id, id: a.id, text: a.name })),
  );
  const [invalidLine, setInvalidLine] = useState(-1);
  const [empty, setEmpty] = useState(false);
  const submit = useSubmit();

  const save = (e: FormEvent) => {
    e.preventDefault();
    const kept = lines.filter((l) => l.text.trim() !== '');
    const bad = firstInvalidLine(
      kept.map((l) => l.text),
      processLimits.competenceAreaName,
    );
    setLines(kept);
    setInvalidLine(bad);
    setEmpty(kept.length === 0);
    if (bad !== -1 || kept.length === 0) return;
    const body = kept.map((l) => ({
      ...(l.id !== undefined && { id: l.id }),
      name: cleanText(l.text, processLimits.competenceAreaName) ?? l.text,
    }));
    submit.run(() => ctx.api.setCompetenceAreas(body), onSaved);
  };

  const server = serverField(submit.error);
  const invalidIndex = invalidLine !== -1 ? invalidLine : server?.field === 'areas' ? (server.index ?? -1) : -1;

  return (
    <form onSubmit={save} noValidate className="inline-form" aria-label={t('group.areas.edit')}>
      <h3>{t('group.areas.title')}</h3>
      <p className="field-hint">{t('group.areas.hint')}</p>
      <LineListEditor
        lines={lines}
        onChange={(next) => {
          setLines(next);
          setEmpty(false);
        }}
        maxLength={processLimits.competenceAreaName}
        maxLines={processLimits.competenceAreas}
        lineLabel={(n) => t('group.areas.label', { n })}
        removeLabel={(n) => t('group.areas.remove', { n })}
        addLabel={t('group.areas.add')}
        invalid={
          invalidIndex === -1
            ? null
            : { index: invalidIndex, message: t('group.areas.invalid', { max: processLimits.competenceAreaName }) }
        }
      />
      {empty && (
        <p className="field-error" role="alert">
          {t('group.areas.needOne')}
        </p>
      )}
      {invalidIndex === -1 && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}
