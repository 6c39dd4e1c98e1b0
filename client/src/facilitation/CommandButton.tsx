// A button that sends one command. While the command is in flight the button says so and ignores
// clicks (aria-disabled rather than disabled, so keyboard focus stays on it), which is what stops
// a double click from advancing two steps; the server's refusal shows in the sidebar's alert.
import { useState, type ReactNode } from 'react';
import type { ClientCommand } from '@vermeboard/shared';
import { useFacilitation } from './FacilitationProvider.js';
import { shortcutProps } from '../a11y/Shortcuts.js';
import type { ShortcutName } from '../a11y/shortcuts.js';

export interface CommandButtonProps {
  /** The command, or a function building it at click time (e.g. from the current selection). */
  command: ClientCommand | (() => ClientCommand | null);
  children: ReactNode;
  /** The accessible name when the visible text is an icon or shorter. */
  label?: string;
  className?: string;
  pressed?: boolean;
  onSent?: () => void;
  confirm?: string;
  /** The keyboard shortcut that does the same (named in `aria-keyshortcuts` and the tooltip). */
  shortcut?: ShortcutName;
}

export function CommandButton({
  command,
  children,
  label,
  className,
  pressed,
  onSent,
  confirm,
  shortcut,
}: CommandButtonProps) {
  const { send } = useFacilitation();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    if (busy) return;
    if (confirm !== undefined && !window.confirm(confirm)) return;
    const built = typeof command === 'function' ? command() : command;
    if (built === null) return;
    setBusy(true);
    try {
      if (await send(built)) onSent?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={className ?? 'vb-fac-button'}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      aria-label={label}
      aria-pressed={pressed}
      {...(shortcut ? shortcutProps(shortcut) : {})}
      onClick={() => void onClick()}
    >
      {children}
    </button>
  );
}
