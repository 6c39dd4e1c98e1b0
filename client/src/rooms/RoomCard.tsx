// The card over the board while breakout rooms are open: which room this is and with whom, the
// room's own case owner when the step has one (its members choose it here), that its result frame
// will be shared, the rooms' shared countdown with its last-minute warning, and the facilitator's
// latest broadcast line. People not yet placed are told they will be. The card floats over the
// board, so it folds down to its title and countdown (the warning and broadcast still show) when it
// covers what the room is writing.
import { useState } from 'react';
import { currentStep, remainingMs, roomWarningMs, type Breakout } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { Countdown } from '../facilitation/Countdown.js';
import { CaseOwnerPicker } from '../facilitation/RoleControls.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useServerNow } from '../facilitation/useServerNow.js';
import { useRoomView, useShownRoom } from './RoomView.js';
import './rooms.css';

export function RoomCard() {
  const { t, locale } = useI18n();
  const { state, me, clock } = useFacilitation();
  const shown = useShownRoom();
  const { visit } = useRoomView();
  const [folded, setFolded] = useState(false);
  const breakout = state?.breakout;
  if (!breakout || state.status !== 'running') return null;
  if (!shown) {
    if (me === state.facilitatorId) return null;
    return (
      <section className="vb-room-card" aria-label={t('rooms.card')}>
        <p role="status">{t('rooms.waiting')}</p>
        <RoomNews breakout={breakout} />
      </section>
    );
  }
  const name = shown.room.name;
  // The room's own step card: what the room works on now.
  const step = currentStep(state);
  const mates = shown.room.memberIds
    .filter((id) => id !== me)
    .map((id) => state.participants.find((p) => p.id === id)?.name)
    .filter((n): n is string => n !== undefined);
  return (
    <section className="vb-room-card" aria-label={t('rooms.card')}>
      <div className="vb-room-card__head">
        <h2 className="vb-room-card__title">{t(shown.own ? 'rooms.youAreIn' : 'rooms.visiting', { name })}</h2>
        <button
          type="button"
          className="vb-fac-mini"
          aria-expanded={!folded}
          aria-controls="vb-room-card-details"
          onClick={() => setFolded(!folded)}
        >
          {t(folded ? 'rooms.unfold' : 'rooms.fold')}
        </button>
      </div>
      <div id="vb-room-card-details" hidden={folded}>
        {step && <p className="vb-room-card__step">{step.step.title[locale]}</p>}
        {mates.length > 0 && <p className="vb-room-card__with">{t('rooms.with', { names: mates.join(', ') })}</p>}
        {/* A room's members choose its client (Troika, Wise crowds); the facilitator does it in the panel. */}
        {shown.own && <CaseOwnerPicker state={state} room={shown.room} />}
        <p className="vb-room-card__shared">{t('rooms.shared')}</p>
      </div>
      <Countdown timer={breakout.timer} clock={clock} label={t('rooms.timeLeft')} compact />
      <RoomNews breakout={breakout} />
      {!shown.own && (
        <button type="button" className="vb-fac-mini" onClick={() => visit(null)}>
          {t('rooms.back')}
        </button>
      )}
    </section>
  );
}

/** The last-minute warning and the broadcast line, announced as they arrive. */
function RoomNews({ breakout }: { breakout: Breakout }) {
  const { t } = useI18n();
  const { clock } = useFacilitation();
  const now = useServerNow(clock, breakout.timer.state === 'running', 1000);
  const left = remainingMs(breakout.timer, now);
  const warn = breakout.timer.state === 'running' && left > 0 && left <= roomWarningMs;
  return (
    <>
      <p className="vb-room-card__warning" role="alert">
        {warn ? t('rooms.warning') : ''}
      </p>
      <p className="vb-room-card__message" role="status">
        {breakout.broadcast ? t('rooms.message', { text: breakout.broadcast.text }) : ''}
      </p>
    </>
  );
}
