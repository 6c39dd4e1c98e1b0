// The built-in method library and agenda presets.
import { z } from 'zod';
import type { Method } from '../method.js';
import { localizedLabelSchema, slugSchema } from '../method.js';
import { checkInRound } from './checkInRound.js';
import { fifteenPercentSolutions } from './fifteenPercentSolutions.js';
import { fourLs } from './fourLs.js';
import { goalRecap } from './goalRecap.js';
import { learningCafe } from './learningCafe.js';
import { nextMeeting } from './nextMeeting.js';
import { oneTwoFourAll } from './oneTwoFourAll.js';
import { problemClinic } from './problemClinic.js';
import { reflection } from './reflection.js';
import { sixThinkingHats } from './sixThinkingHats.js';
import { troikaConsulting } from './troikaConsulting.js';
import { welcome } from './welcome.js';
import { wiseCrowds } from './wiseCrowds.js';

export type MethodLibrary = Readonly<Record<string, Method>>;

function libraryOf(methods: readonly Method[]): MethodLibrary {
  return Object.freeze(Object.fromEntries(methods.map((m) => [m.id, m])));
}

/** Every built-in method by id, in the order the agenda builder lists them. */
export const builtInMethods: MethodLibrary = libraryOf([
  welcome,
  checkInRound,
  goalRecap,
  problemClinic,
  reflection,
  troikaConsulting,
  wiseCrowds,
  oneTwoFourAll,
  learningCafe,
  fifteenPercentSolutions,
  fourLs,
  sixThinkingHats,
  nextMeeting,
]);

export const agendaPresetSchema = z.strictObject({
  id: slugSchema,
  name: localizedLabelSchema,
  methodIds: z.array(slugSchema).min(1),
});
export type AgendaPreset = z.infer<typeof agendaPresetSchema>;

/** The same frame every time: practitioners recommend a fixed structure for online groups. */
export const meetingFrame: AgendaPreset = agendaPresetSchema.parse({
  id: 'meeting-frame',
  name: { en: 'Meeting frame', fi: 'Tapaamisen runko', sv: 'Träffens stomme' },
  methodIds: [welcome.id, checkInRound.id, goalRecap.id, problemClinic.id, reflection.id, nextMeeting.id],
});

export const agendaPresets: Readonly<Record<string, AgendaPreset>> = Object.freeze({ [meetingFrame.id]: meetingFrame });

export {
  checkInRound,
  fifteenPercentSolutions,
  fourLs,
  goalRecap,
  learningCafe,
  nextMeeting,
  oneTwoFourAll,
  problemClinic,
  reflection,
  sixThinkingHats,
  troikaConsulting,
  welcome,
  wiseCrowds,
};
