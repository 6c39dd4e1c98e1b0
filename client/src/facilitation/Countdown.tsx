// The step's countdown (and a round-robin turn's): mm:ss from the session's timer and the
// corrected server clock, red with a visible "Time is up" at zero, and an optional chime.
import { useEffect, useRef, useState } from 'react';
import { formatClock, remainingMs, timerPhase, type Timer } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { loadSoundPreference, playChime, saveSoundPreference } from './beep.js';
import type { ServerClock } from './clock.js';
import { useServerNow } from './useServerNow.js';

export function Countdown({ timer, clock, label }: { timer: Timer; clock: ServerClock; label: string }) {
  const { t } = useI18n();
  const now = useServerNow(clock, timer.state === 'running');
  const phase = timerPhase(timer, now);
  const left = remainingMs(timer, now);
  const up = phase === 'finished';
  return (
    <div className="vb-countdown" data-phase={phase}>
      <span className="vb-countdown__label">{label}</span>
      <span className="vb-countdown__clock" role="timer" aria-label={`${label}: ${formatClock(left)}`}>
        {formatClock(left)}
      </span>
      {phase === 'paused' && <span className="vb-countdown__state">{t('facilitation.timer.paused')}</span>}
      {phase === 'idle' && <span className="vb-countdown__state">{t('facilitation.timer.idle')}</span>}
      {up && (
        <strong className="vb-countdown__up" role="alert">
          {t('facilitation.timer.up')}
        </strong>
      )}
    </div>
  );
}

/** The chime: plays once when the step timer reaches zero while this browser watches. */
export function TimeUpChime({ timer, clock }: { timer: Timer; clock: ServerClock }) {
  const { t } = useI18n();
  const [on, setOn] = useState(loadSoundPreference);
  const now = useServerNow(clock, timer.state === 'running');
  const up = timerPhase(timer, now) === 'finished' && timer.state === 'running';
  const wasUp = useRef(up);
  useEffect(() => {
    if (up && !wasUp.current && on) playChime();
    wasUp.current = up;
  }, [up, on]);
  return (
    <label className="vb-fac-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setOn(e.target.checked);
          saveSoundPreference(e.target.checked);
        }}
      />
      {t('facilitation.timer.sound')}
    </label>
  );
}
