// The facilitator's agenda: the method library to add from, the "Meeting frame" preset, and the
// agenda itself with buttons to reorder, remove and jump to a step, every step's planned minutes
// (editable before and during the meeting), the total and the overrun so far. Buttons, not drag and drop,
// so it works from the keyboard and with a screen reader.
import { useEffect, useId, useState } from 'react';
import {
  builtInMethods,
  facilitationLimits,
  sessionLibrary,
  formatClock,
  meetingFrame,
  samePosition,
  type SessionState,
} from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { minutesOf, overrunMs, plannedMs, plannedTotalMs } from './agendaTiming.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { useServerNow } from './useServerNow.js';

export function AgendaBuilder({ state }: { state: SessionState }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const libraryId = useId();
  const { send, library = [], libraryAgendas = [] } = useFacilitation();
  const draft = state.status === 'draft';
  const methods = sessionLibrary(state);
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="vb-fac-subheading">
        {t('facilitation.agenda.heading')}
      </h3>
      {state.agenda.length === 0 ? (
        <p className="vb-fac-hint">{t('facilitation.agenda.empty')}</p>
      ) : (
        <AgendaClock state={state} />
      )}
      <ol className="vb-agenda">
        {state.agenda.map((item, index) => {
          const method = methods[item.methodId];
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
              {method && (
                <ol className="vb-agenda__steps">
                  {method.steps.map((step, stepIndex) => {
                    const here = samePosition(state.position, { agendaIndex: index, stepIndex }) && isCurrent;
                    const title = `${name}: ${step.title[locale]}`;
                    return (
                      <li key={step.id} aria-current={here ? 'step' : undefined} className="vb-agenda__steprow">
                        {state.status === 'running' ? (
                          <CommandButton
                            className="vb-agenda__step"
                            label={t('facilitation.agenda.goto', { step: title })}
                            command={{ type: 'gotoStep', agendaIndex: index, stepIndex }}
                          >
                            {step.title[locale]}
                          </CommandButton>
                        ) : (
                          <span className="vb-agenda__step">{step.title[locale]}</span>
                        )}
                        <StepMinutes
                          minutes={minutesOf(plannedMs(state, item.instanceId, step))}
                          label={t('facilitation.agenda.stepMinutes', { step: title })}
                          onChange={(minutes) =>
                            void send({
                              type: 'setStepDuration',
                              instanceId: item.instanceId,
                              stepId: step.id,
                              minutes,
                            })
                          }
                        />
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
      {draft &&
        libraryAgendas.map(({ agenda }) => (
          <button
            key={agenda.id}
            type="button"
            className="vb-fac-button"
            onClick={async () => {
              // Added one by one, in order, like the facilitator adding each method.
              for (const methodId of agenda.methodIds) if (!(await send({ type: 'addAgendaItem', methodId }))) return;
            }}
          >
            {t('studio.agenda.use', { name: agenda.name[locale] })}
          </button>
        ))}
      <details className="vb-library">
        <summary id={libraryId}>{t('facilitation.agenda.library')}</summary>
        <ul className="vb-library__list" aria-labelledby={libraryId}>
          {[
            ...Object.values(builtInMethods).map((method) => ({ method, scope: null })),
            ...library.filter((entry) => builtInMethods[entry.method.id] === undefined),
          ].map(({ method, scope }) => {
            const minutes = Math.round(method.steps.reduce((sum, s) => sum + s.timeboxSeconds, 0) / 60);
            const name = method.name[locale];
            return (
              <li key={method.id} className="vb-library__item">
                <span>
                  {name} <span className="vb-fac-hint">· {t('facilitation.agenda.minutes', { n: minutes })}</span>
                  {scope !== null && (
                    <span className="vb-fac-hint">
                      {' '}
                      · {t(scope === 'program' ? 'studio.library.program' : 'studio.library.instance')}
                    </span>
                  )}
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

/** The planned total and, once the meeting runs, how far it is over (or ahead of) the plan. */
function AgendaClock({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const { clock } = useFacilitation();
  const now = useServerNow(clock, state.status === 'running', 1000);
  const over = state.status === 'draft' ? 0 : overrunMs(state, now);
  return (
    <p className="vb-agenda__clock" role="status">
      <span>{t('facilitation.agenda.total', { n: minutesOf(plannedTotalMs(state)) })}</span>
      {over !== 0 && (
        <span className={over > 0 ? 'vb-agenda__over' : 'vb-agenda__ahead'}>
          {t(over > 0 ? 'facilitation.agenda.overrun' : 'facilitation.agenda.ahead', {
            time: formatClock(Math.abs(over)),
          })}
        </span>
      )}
    </p>
  );
}

const maxMinutes = facilitationLimits.maxDurationMs / 60_000;

/** A step's planned minutes; the change is sent when the field is left or Enter is pressed. */
function StepMinutes({
  minutes,
  label,
  onChange,
}: {
  minutes: number;
  label: string;
  onChange: (minutes: number) => void;
}) {
  const [value, setValue] = useState(String(minutes));
  useEffect(() => setValue(String(minutes)), [minutes]);
  const commit = () => {
    const next = Math.round(Number(value));
    if (!Number.isFinite(next) || next < 0 || next > maxMinutes) return setValue(String(minutes));
    if (next !== minutes) onChange(next);
  };
  return (
    <input
      className="vb-agenda__minutes"
      type="number"
      inputMode="numeric"
      min={0}
      max={maxMinutes}
      aria-label={label}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
