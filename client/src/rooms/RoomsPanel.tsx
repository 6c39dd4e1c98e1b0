// The facilitator's breakout-room controls: split the people present into rooms (by group, mixed,
// random of a size, by hand, or the rooms kept from last time) for a number of minutes; while the
// rooms are open, move people between rooms by dragging their name or with the select beside it
// (the keyboard way), visit a room, change the shared time, broadcast a line, rotate a Learning
// café's guests, and close the rooms, which copies each room's result onto the plenary board.
import { useId, useState, type DragEvent } from 'react';
import {
  can,
  placeablePeople,
  roomOf,
  type Breakout,
  type ClientCommand,
  type ParticipantId,
  type RoomSplit,
  type SessionState,
} from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from '../facilitation/CommandButton.js';
import { Countdown } from '../facilitation/Countdown.js';
import { CaseOwnerPicker } from '../facilitation/RoleControls.js';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useRoomView } from './RoomView.js';
import './rooms.css';

type SplitKind = RoomSplit['kind'];

export function RoomsPanel() {
  const { t } = useI18n();
  const { state, actor } = useFacilitation();
  const headingId = useId();
  if (state === null || state.status !== 'running') return null;
  if (!can(actor, 'session.command', { session: state, command: { type: 'openRooms' } })) return null;
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('rooms.heading')}
      </h2>
      {state.breakout ? <OpenRooms state={state} breakout={state.breakout} /> : <OpenForm state={state} />}
    </section>
  );
}

/** A whole number between `min` and `max`, whatever is typed. */
function NumberRow(props: { label: string; min: number; max: number; value: number; onChange: (n: number) => void }) {
  const { label, min, max, value, onChange } = props;
  return (
    <label className="vb-rooms__row">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.min(max, Math.max(min, Math.round(Number(e.target.value) || min))))}
      />
    </label>
  );
}

function OpenForm({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<SplitKind>('mixed');
  const [rooms, setRooms] = useState(3);
  const [size, setSize] = useState(3);
  const [minutes, setMinutes] = useState(10);
  const kinds: SplitKind[] = [
    'byGroup',
    'mixed',
    'random',
    'manual',
    ...(state.keptRooms?.length ? ['kept' as const] : []),
  ];
  const split = (): RoomSplit => {
    switch (kind) {
      case 'mixed':
        return { kind, rooms };
      case 'random':
        return { kind, size };
      case 'manual':
        return { kind, rooms: Array.from({ length: rooms }, () => ({ memberIds: [] })) };
      default:
        return { kind };
    }
  };
  return (
    <div>
      <label className="vb-rooms__row">
        {t('rooms.split')}
        <select value={kind} onChange={(e) => setKind(e.target.value as SplitKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`rooms.split.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {(kind === 'mixed' || kind === 'manual') && (
        <NumberRow label={t('rooms.count')} min={1} max={20} value={rooms} onChange={setRooms} />
      )}
      {kind === 'random' && <NumberRow label={t('rooms.size')} min={2} max={20} value={size} onChange={setSize} />}
      <NumberRow label={t('rooms.minutes')} min={1} max={120} value={minutes} onChange={setMinutes} />
      <CommandButton command={() => ({ type: 'openRooms', split: split(), seconds: minutes * 60 })}>
        {t('rooms.open')}
      </CommandButton>
    </div>
  );
}

function OpenRooms({ state, breakout }: { state: SessionState; breakout: Breakout }) {
  const { t } = useI18n();
  const { clock, send } = useFacilitation();
  const { visiting, visit } = useRoomView();
  const [message, setMessage] = useState('');
  const [dropOn, setDropOn] = useState<number | 'plenary' | null>(null);
  const nameOf = (id: string) => state.participants.find((p) => p.id === id)?.name ?? id;
  const unplaced = placeablePeople(state)
    .map((p) => p.id)
    .filter((id) => roomOf(breakout, id) === null);
  const move = (participantId: ParticipantId, room: number | null) =>
    void send({ type: 'moveToRoom', participantId, room });

  const dropProps = (target: number | 'plenary') => ({
    'data-drop': dropOn === target ? 'true' : 'false',
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDropOn(target);
    },
    onDragLeave: () => setDropOn(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDropOn(null);
      const id = e.dataTransfer.getData('text/x-vermeboard-participant');
      if (id) move(id as ParticipantId, target === 'plenary' ? null : target);
    },
  });

  const person = (id: ParticipantId, hostId: string | null | undefined) => (
    <li
      key={id}
      className="vb-rooms__person"
      draggable
      onDragStart={(e) => e.dataTransfer.setData('text/x-vermeboard-participant', id)}
    >
      <span>
        {nameOf(id)}
        {hostId === id && ` (${t('rooms.host')})`}
      </span>
      <select
        aria-label={t('rooms.moveSelect', { name: nameOf(id) })}
        value={roomOf(breakout, id)?.n ?? ''}
        onChange={(e) => move(id, e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('rooms.plenary')}</option>
        {breakout.rooms.map((r) => (
          <option key={r.n} value={r.n}>
            {t('rooms.name', { name: r.name })}
          </option>
        ))}
      </select>
    </li>
  );

  const adjust = (seconds: number): ClientCommand => ({ type: 'adjustRoomTime', seconds });
  return (
    <div>
      <Countdown timer={breakout.timer} clock={clock} label={t('rooms.timeLeft')} compact />
      <div className="vb-rooms__row">
        <CommandButton command={adjust(-60)} label={t('rooms.lessTime.label')}>
          {t('rooms.lessTime')}
        </CommandButton>
        <CommandButton command={adjust(60)} label={t('rooms.moreTime.label')}>
          {t('rooms.moreTime')}
        </CommandButton>
        <CommandButton command={adjust(300)} label={t('rooms.muchMoreTime.label')}>
          {t('rooms.muchMoreTime')}
        </CommandButton>
      </div>
      <form
        className="vb-rooms__row"
        onSubmit={(e) => {
          e.preventDefault();
          const text = message.trim();
          if (text === '') return;
          void send({ type: 'broadcastToRooms', text }).then((ok) => ok && setMessage(''));
        }}
      >
        <label>
          {t('rooms.broadcast')} <input value={message} maxLength={200} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <button type="submit">{t('rooms.broadcast.send')}</button>
      </form>
      <p className="vb-fac-hint">{t('rooms.dragHint')}</p>
      {breakout.rooms.map((room) => (
        <div key={room.n} className="vb-rooms__room" {...dropProps(room.n)}>
          <h4>
            {t('rooms.name', { name: room.name })}
            {visiting === room.n ? (
              <button type="button" className="vb-fac-mini" onClick={() => visit(null)}>
                {t('rooms.back')}
              </button>
            ) : (
              <button type="button" className="vb-fac-mini" onClick={() => visit(room.n)}>
                {t('rooms.visit', { name: room.name })}
              </button>
            )}
          </h4>
          <ul className="vb-rooms__people">
            {room.memberIds.length === 0 && <li>{t('rooms.empty')}</li>}
            {room.memberIds.map((id) => person(id, room.hostId))}
          </ul>
          {/* Each room's client (Troika, Wise crowds); the visited room's is in the step panel already. */}
          {visiting !== room.n && <CaseOwnerPicker state={state} room={room} />}
        </div>
      ))}
      {unplaced.length > 0 && (
        <div className="vb-rooms__room" {...dropProps('plenary')}>
          <h4>{t('rooms.plenary')}</h4>
          <ul className="vb-rooms__people">{unplaced.map((id) => person(id, null))}</ul>
        </div>
      )}
      <div className="vb-rooms__row">
        {breakout.rooms.length > 1 && (
          <CommandButton command={{ type: 'rotateRooms' }}>{t('rooms.rotate')}</CommandButton>
        )}
        <CommandButton command={{ type: 'closeRooms' }} onSent={() => visit(null)}>
          {t('rooms.close')}
        </CommandButton>
      </div>
    </div>
  );
}
