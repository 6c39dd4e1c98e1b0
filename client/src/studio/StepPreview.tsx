// What participants will see of a step: its card (method, step, instructions, how to speak and the
// time) and its board layout as the server will place it, drawn to scale in the chosen language.
import { useState } from 'react';
import { locales, planLayout, layoutNoteSize, type Locale, type Method, type Step } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { localeNames } from '../i18n/messages.js';
import { speakingModeKey } from './speakingModes.js';

export function StepPreview({ method, step, index }: { method: Method; step: Step; index: number }) {
  const { t, locale: pageLocale } = useI18n();
  const [locale, setLocale] = useState<Locale>(pageLocale);
  const plan = planLayout(step, 'preview', 0, locale);
  const frames = plan.filter((p) => p.kind === 'frame');
  const minX = Math.min(0, ...frames.map((f) => f.x));
  const minY = Math.min(0, ...frames.map((f) => f.y));
  const maxX = Math.max(400, ...frames.map((f) => f.x + f.w));
  const maxY = Math.max(300, ...frames.map((f) => f.y + f.h));
  const frameAt = new Map(frames.map((f) => [f.id, f]));
  const minutes = Math.round((step.turnSeconds ?? step.timeboxSeconds) / 6) / 10;
  return (
    <section className="vb-studio-preview" aria-label={t('studio.preview.title')}>
      <h3>{t('studio.preview.title')}</h3>
      <div className="field">
        <label htmlFor="vb-preview-language">{t('studio.preview.language')}</label>
        <select id="vb-preview-language" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="vb-step-card vb-studio-preview__card" lang={locale} data-mode={step.speakingMode}>
        <p className="vb-step-card__method">
          {method.name[locale] || t('studio.missing')} ·{' '}
          {t('facilitation.step.of', { n: index + 1, total: method.steps.length })}
        </p>
        <p className="vb-step-card__step">{step.title[locale] || t('studio.missing')}</p>
        <p className="vb-step-card__cue">
          {t(speakingModeKey[step.speakingMode])} ·{' '}
          {t(step.turnSeconds ? 'studio.preview.perTurn' : 'studio.preview.minutes', { n: minutes })}
        </p>
        <p className="vb-step-card__instructions">{step.instructions[locale] || t('studio.missing')}</p>
      </div>
      {frames.length === 0 ? (
        <p className="vb-fac-hint">{t('studio.preview.noLayout')}</p>
      ) : (
        <svg
          className="vb-studio-preview__board"
          viewBox={`${minX - 20} ${minY - 60} ${maxX - minX + 40} ${maxY - minY + 80}`}
          role="img"
          aria-label={t('studio.preview.board', {
            frames: frames.map((f) => f.name || t('studio.missing')).join(', '),
          })}
        >
          {plan.map((item) => {
            if (item.kind === 'frame') {
              return (
                <g key={item.id}>
                  <text x={item.x} y={item.y - 16} fontSize={32} fill="currentColor">
                    {item.name || t('studio.missing')}
                  </text>
                  <rect
                    x={item.x}
                    y={item.y}
                    width={item.w}
                    height={item.h}
                    fill="#fff"
                    stroke="#444"
                    strokeWidth={4}
                  />
                </g>
              );
            }
            const frame = frameAt.get(item.parentId);
            if (!frame) return null;
            return (
              <g key={item.id}>
                <rect
                  x={frame.x + item.x}
                  y={frame.y + item.y}
                  width={layoutNoteSize}
                  height={layoutNoteSize}
                  className={`vb-studio-note vb-studio-note--${item.color}`}
                />
                <text x={frame.x + item.x + 16} y={frame.y + item.y + 48} fontSize={28}>
                  {(item.text || t('studio.missing')).slice(0, 14)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
