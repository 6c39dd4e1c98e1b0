// The facilitator's agenda: the method library to add from, the "Meeting frame" preset, and the
// agenda itself with buttons to reorder, remove and jump to a step. Buttons, not drag and drop,
// so it works from the keyboard and with a screen reader.
import { useId } from 'react';
import { builtInMethods, meetingFrame, samePosition, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';

export function AgendaBuilder({ state }: { state: SessionState }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const libraryId = useId();
  const draft = state.status === 'draft';
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="vb-fac-subheading">
        {t('facilitation.agenda.heading')}
      </h3>
      {state.agenda.length === 0 && <p className="vb-fac-hint">{t('facilitation.agenda.empty')}</p>}
      <ol className="vb-agenda">
        {state.agenda.map((item, index) => {
          const method = builtInMethods[item.methodId];
          const name = method?.name[locale] ?? item.methodId;
          const isCurrent = state.position?.agendaIndex === index && state.status === 'running';
          return (
            <li key={item.instanceId} className="vb-agenda__item" aria-current={isCurrent ? 'step' : undefined}>
              <div className="vb-agenda__row">
                <span className="vb-agenda__name">{name}</span>
                <CommandButton
                  className="vb-fac-mini"
                  label={t('facilitation.agenda.up', { name })}
                  command={{ type: 'moveAgendaItem', instanceId: item.instanceId, toIndex: Math.max(0, index - 1) }}
                >
                  <span aria-hidden="true">↑</span>
                </CommandButton>
                <CommandButton
                  className="vb-fac-mini"
                  label={t('facilitation.agenda.down', { name })}
                  command={{
                    type: 'moveAgendaItem',
                    instanceId: item.instanceId,
                    toIndex: Math.min(state.agenda.length - 1, index + 1),
                  }}
                >
                  <span aria-hidden="true">↓</span>
                </CommandButton>
                {!isCurrent && (
                  <CommandButton
                    className="vb-fac-mini"
                    label={t('facilitation.agenda.remove', { name })}
                    command={{ type: 'removeAgendaItem', instanceId: item.instanceId }}
                  >
                    <span aria-hidden="true">✕</span>
                  </CommandButton>
                )}
              </div>
              {state.status === 'running' && method && (
                <ol className="vb-agenda__steps">
                  {method.steps.map((step, stepIndex) => {
                    const here = samePosition(state.position, { agendaIndex: index, stepIndex });
                    return (
                      <li key={step.id} aria-current={here ? 'step' : undefined}>
                        <CommandButton
                          className="vb-agenda__step"
                          label={t('facilitation.agenda.goto', { step: `${name}: ${step.title[locale]}` })}
                          command={{ type: 'gotoStep', agendaIndex: index, stepIndex }}
                        >
                          {step.title[locale]}
                        </CommandButton>
                      </li>
                    );
                  })}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
      {draft && (
        <CommandButton command={{ type: 'applyPreset', presetId: meetingFrame.id }}>
          {t('facilitation.agenda.preset')}
        </CommandButton>
      )}
      <details className="vb-library">
        <summary id={libraryId}>{t('facilitation.agenda.library')}</summary>
        <ul className="vb-library__list" aria-labelledby={libraryId}>
          {Object.values(builtInMethods).map((method) => {
            const minutes = Math.round(method.steps.reduce((sum, s) => sum + s.timeboxSeconds, 0) / 60);
            const name = method.name[locale];
            return (
              <li key={method.id} className="vb-library__item">
                <span>
                  {name} <span className="vb-fac-hint">· {t('facilitation.agenda.minutes', { n: minutes })}</span>
                </span>
                <CommandButton
                  className="vb-fac-mini"
                  label={t('facilitation.agenda.add', { name })}
                  command={{ type: 'addAgendaItem', methodId: method.id }}
                >
                  <span aria-hidden="true">+</span>
                </CommandButton>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
