// The schema's, the agenda file's and the server's own words for the problems a trainer meets most,
// in the page's language. Every other problem is shown as the schema (and the server) words it, in
// English.
import { agendaFileIssues } from '@vermeboard/shared';
import type { Translate } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { agendaImportIssues } from './agendaImport.js';

const known: Record<string, MessageKey> = {
  'must not be blank': 'studio.issue.blank',
  'must be a lower-case slug': 'studio.issue.slug',
  'another method on this server has this id': 'studio.issue.idTaken',
  [agendaFileIssues.tooLarge]: 'studio.issue.tooLarge',
  [agendaFileIssues.notJson]: 'studio.issue.notJson',
  [agendaFileIssues.notAgendaFile]: 'studio.issue.notAgendaFile',
  [agendaFileIssues.methodFile]: 'studio.issue.methodFile',
  [agendaFileIssues.unknownMethod]: 'studio.issue.unknownMethod',
  [agendaFileIssues.unusedMethod]: 'studio.issue.unusedMethod',
  [agendaFileIssues.repeatedMethod]: 'studio.issue.repeatedMethod',
  [agendaFileIssues.missingMethod]: 'studio.issue.missingMethod',
  [agendaImportIssues.agendaTaken]: 'studio.issue.agendaTaken',
  [agendaImportIssues.methodDiffers]: 'studio.issue.methodDiffers',
};

/** How `versioned` words a value written by a newer version (persisted/versioned.ts). */
const newer = /^written as version (\d+), newer than this server's (\d+)$/;

export function issueText(message: string, t: Translate): string {
  const key = known[message];
  if (key) return t(key);
  const versions = newer.exec(message);
  return versions ? t('studio.issue.newer', { from: versions[1]!, to: versions[2]! }) : message;
}
