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
        // tldraw's Swedish (and some of its Finnish) has these wrong: a sticky note is a "remark"
        // (Anmärkning), the highlighter "select" (Markera), bold "daring" (Djärv). The note tool
        // says the glossary's word for a note.
        'tool.note': translate(locale, 'board.tldraw.note'),
        'tool.highlight': translate(locale, 'board.tldraw.highlight'),
        'tool.rich-text-bold': translate(locale, 'board.tldraw.bold'),
        'tool.rich-text-code': translate(locale, 'board.tldraw.code'),
        'tool.rich-text-highlight': translate(locale, 'board.tldraw.textHighlight'),
        'tool.check-box': translate(locale, 'board.tldraw.checkBox'),
        'tool.x-box': translate(locale, 'board.tldraw.xBox'),
        'a11y.skip-to-main-content': translate(locale, 'board.tldraw.skipToCanvas'),
        'a11y.shrink-shape': translate(locale, 'board.tldraw.shrinkShape'),
        'a11y.pan-camera': translate(locale, 'board.tldraw.panCamera'),
        'style-panel.arrowhead-end': translate(locale, 'board.tldraw.arrowheadEnd'),
      },
    ]),
  );
}
