// The facilitator's shortcuts (next step, previous step, next speaker, the step timer) and the
// help dialog that lists every keyboard shortcut of the meeting, opened by a button in the
// facilitation column or Alt+Shift+K.
import { useEffect, useRef, useState } from 'react';
import { can, currentSpeaker, currentStep, type ClientCommand, type SessionState } from '@vermeboard/shared';
import { useFacilitation } from '../facilitation/FacilitationProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { useAnnounce } from './Announcer.js';
import { shortcutOf, shortcuts, type ShortcutName } from './shortcuts.js';
import './a11y.css';

/** The command a facilitator's shortcut sends now, `null` when it has nothing to do. */
export function shortcutCommand(name: ShortcutName, state: SessionState): ClientCommand | null {
  if (state.status !== 'running') return null;
  const from = state.position ?? undefined;
  switch (name) {
    case 'nextStep':
      return { type: 'nextStep', ...(from ? { from } : {}) };
    case 'previousStep':
      return { type: 'previousStep', ...(from ? { from } : {}) };
    case 'nextTurn':
      if (currentStep(state)?.step.speakingMode !== 'round-robin' || state.turns.roundDone) return null;
      return { type: 'nextTurn', speakerId: currentSpeaker(state) };
    case 'timer':
      if (state.timer.state === 'running') return { type: 'pauseTimer', timer: 'step' };
      if (state.timer.state === 'paused') return { type: 'resumeTimer', timer: 'step' };
      return state.timer.durationMs > 0 ? { type: 'startTimer', timer: 'step' } : null;
    case 'help':
      return null;
  }
}

/** Listens for the facilitator's shortcuts anywhere on the meeting page, whoever facilitates now. */
export function FacilitatorShortcuts() {
  const { t } = useI18n();
  const { state, actor, send } = useFacilitation();
  const announce = useAnnounce();
  const latest = useRef({ state, actor, send, announce, t });
  latest.current = { state, actor, send, announce, t };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutOf(event);
      if (name === null || name === 'help') return;
      const { state, actor, send, announce, t } = latest.current;
      if (state === null || !can(actor, 'session.command', { session: state, command: { type: 'nextStep' } })) return;
      event.preventDefault();
      event.stopPropagation();
      const command = shortcutCommand(name, state);
      if (command === null) {
        if (name === 'nextTurn') announce(t('a11y.shortcuts.noRound'));
        return;
      }
      void send(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}

/** `aria-keyshortcuts` and a title naming the key, for the buttons a shortcut also presses. */
export function shortcutProps(name: ShortcutName): { 'aria-keyshortcuts': string; title: string } {
  return { 'aria-keyshortcuts': shortcuts[name].keys, title: shortcuts[name].keys };
}

const facilitatorRows: [ShortcutName, MessageKey][] = [
  ['nextStep', 'a11y.shortcuts.nextStep'],
  ['previousStep', 'a11y.shortcuts.previousStep'],
  ['nextTurn', 'a11y.shortcuts.nextTurn'],
  ['timer', 'a11y.shortcuts.timer'],
];

/** The "Keyboard shortcuts" button and its dialog (a native modal dialog: focus stays inside, Escape closes). */
export function ShortcutsHelp() {
  const { t } = useI18n();
  const { state, actor } = useFacilitation();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const facilitating =
    state !== null && can(actor, 'session.command', { session: state, command: { type: 'nextStep' } });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (shortcutOf(event) !== 'help') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="vb-fac-button vb-shortcuts-open"
        aria-haspopup="dialog"
        {...shortcutProps('help')}
        onClick={() => setOpen(true)}
      >
        {t('a11y.shortcuts.open')}
      </button>
      <dialog
        ref={dialog}
        className="vb-shortcuts"
        aria-labelledby="vb-shortcuts-title"
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <h2 id="vb-shortcuts-title">{t('a11y.shortcuts.title')}</h2>
        {facilitating && (
          <>
            <h3>{t('a11y.shortcuts.facilitator')}</h3>
            <dl>
              {facilitatorRows.map(([name, label]) => (
                <Row key={name} keys={shortcuts[name].keys} label={t(label)} />
              ))}
            </dl>
          </>
        )}
        <h3>{t('a11y.shortcuts.everyone')}</h3>
        <dl>
          <Row keys={shortcuts.help.keys} label={t('a11y.shortcuts.help')} />
        </dl>
        <h3>{t('a11y.shortcuts.outline')}</h3>
        <dl>
          <Row keys={t('a11y.shortcuts.arrows')} label={t('a11y.shortcuts.outlineMove')} />
          <Row keys="Enter" label={t('a11y.shortcuts.outlineShow')} />
          <Row keys="N" label={t('a11y.shortcuts.outlineAdd')} />
          <Row keys="E" label={t('a11y.shortcuts.outlineEdit')} />
          <Row keys="+ / −" label={t('a11y.shortcuts.outlineVote')} />
        </dl>
        <p>{t('a11y.shortcuts.tldraw')}</p>
        <form method="dialog">
          <button type="submit" className="vb-fac-button">
            {t('a11y.shortcuts.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}

function Row({ keys, label }: { keys: string; label: string }) {
  return (
    <div className="vb-shortcuts__row">
      <dt>
        <kbd>{keys}</kbd>
      </dt>
      <dd>{label}</dd>
    </div>
  );
}
