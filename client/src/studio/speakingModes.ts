// The message of each speaking mode and method phase, for the studio's pickers and its preview.
import type { MethodPhase, SpeakingMode } from '@vermeboard/shared';
import type { MessageKey } from '../i18n/messages.js';

export const speakingModeKey: Record<SpeakingMode, MessageKey> = {
  open: 'studio.mode.open',
  facilitator: 'studio.mode.facilitator',
  'round-robin': 'studio.mode.roundRobin',
  presenter: 'studio.mode.presenter',
  consultants: 'studio.mode.consultants',
  silent: 'studio.mode.silent',
};

export const phaseKey: Record<MethodPhase, MessageKey> = {
  open: 'studio.phase.open',
  diverge: 'studio.phase.diverge',
  converge: 'studio.phase.converge',
  close: 'studio.phase.close',
};
