// tldraw's own messages that Vermeboard words itself, in every UI language, so that refusals such
// as an oversized image are explained in the same voice as the rest of the app, and so that
// tldraw's own translations are mended where they are wrong.
import type { TLUiOverrides } from 'tldraw';
import { translate } from '../i18n/I18nProvider.js';
import { locales } from '../i18n/messages.js';

export function tldrawTranslationOverrides(): NonNullable<TLUiOverrides['translations']> {
  return Object.fromEntries(
    locales.map((locale) => [
      locale,
      {
        'assets.files.size-too-big': translate(locale, 'board.asset.tooLarge.title'),
        // tldraw fills in {size} itself, formatted.
        'assets.files.maximum-size': translate(locale, 'board.asset.tooLarge.body'),
        'assets.files.upload-failed': translate(locale, 'board.asset.failed'),
        // tldraw's Finnish has these wrong or half-translated.
        'action.open-cursor-chat': translate(locale, 'board.tldraw.cursorChat'),
        'context-menu.edit': translate(locale, 'board.tldraw.edit'),
        'context-menu.export-all-as': translate(locale, 'board.tldraw.exportAllAs'),
      },
    ]),
  );
}
