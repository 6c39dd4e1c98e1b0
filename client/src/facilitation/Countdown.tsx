// The step's countdown (and a round-robin turn's): mm:ss from the session's timer and the
// corrected server clock, red with a visible "Time is up" at zero and the overtime counting up
// after it ("+01:20"), and an optional chime.
import { useEffect, useRef, useState } from 'react';
import { formatClock, formatOvertime, overtimeMs, remainingMs, timerPhase, type Timer } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { loadSoundPreference, playChime, saveSoundPreference } from './beep.js';
import type { ServerClock } from './clock.js';
import { useFacilitation } from './FacilitationProvider.js';
import { useServerNow } from './useServerNow.js';

export function Countdown({
  timer,
  clock,
  label,
  compact = false,
}: {
  timer: Timer;
  clock: ServerClock;
  label: string;
  /** One line for the facilitator's bar and the board: the clock and its label, no "Time is up" alert. */
  compact?: boolean;
}) {
  const { t } = useI18n();
  const now = useServerNow(clock, timer.state === 'running');
  const phase = timerPhase(timer, now);
  const over = overtimeMs(timer, now);
  // Past zero the clock keeps counting up, so the room sees by how much the step runs over.
  const shown = over > 0 ? formatOvertime(over) : formatClock(remainingMs(timer, now));
  const spoken = over > 0 ? t('facilitation.timer.overtime', { time: shown }) : shown;
  const up = phase === 'finished';
  return (
    <div className={compact ? 'vb-countdown vb-countdown--compact' : 'vb-countdown'} data-phase={phase}>
      <span className="vb-countdown__label">{label}</span>
      <span className="vb-countdown__clock" role="timer" aria-label={`${label}: ${spoken}`}>
        {shown}
      </span>
      {phase === 'paused' && <span className="vb-countdown__state">{t('facilitation.timer.paused')}</span>}
      {phase === 'idle' && <span className="vb-countdown__state">{t('facilitation.timer.idle')}</span>}
      {up && !compact && <strong className="vb-countdown__up">{t('facilitation.timer.up')}</strong>}
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

/**
 * The current step's remaining time on the board itself, for everyone, where eyes are during work.
 * Hidden from screen readers: it repeats the step card's timer, which they read instead.
 */
export function BoardClock() {
  const { t } = useI18n();
  const { state, clock } = useFacilitation();
  if (state === null || state.status !== 'running' || state.timer.durationMs === 0) return null;
  return (
    <div className="vb-board-clock" aria-hidden="true">
      <Countdown timer={state.timer} clock={clock} label={t('facilitation.timer.onBoard')} compact />
    </div>
  );
}
