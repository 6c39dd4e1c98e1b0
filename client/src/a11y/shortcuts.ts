// The facilitator's keyboard shortcuts. Alt+Shift with a letter: tldraw takes single letters for
// its tools and Ctrl/Cmd combinations for editing; of Alt+Shift it uses only V, F and H, which
// these avoid. Matched on the physical key (`code`), since Alt+Shift+letter types a special
// character on a Mac keyboard.
export const shortcuts = {
  nextStep: { code: 'KeyN', keys: 'Alt+Shift+N' },
  previousStep: { code: 'KeyB', keys: 'Alt+Shift+B' },
  nextTurn: { code: 'KeyT', keys: 'Alt+Shift+T' },
  timer: { code: 'KeyP', keys: 'Alt+Shift+P' },
  help: { code: 'KeyK', keys: 'Alt+Shift+K' },
} as const;

export type ShortcutName = keyof typeof shortcuts;

export interface KeyLike {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The shortcut a key press is, if any. */
export function shortcutOf(event: KeyLike): ShortcutName | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  for (const [name, s] of Object.entries(shortcuts)) if (s.code === event.code) return name as ShortcutName;
  return null;
}
