// The language a group is created in. It picks the default ground rules and competence areas, which
// are then the group's own data (editable), not UI strings.
import { z } from 'zod';

export const groupLocales = ['en', 'fi', 'sv'] as const;
export const groupLocaleSchema = z.enum(groupLocales);
export type GroupLocale = z.infer<typeof groupLocaleSchema>;

/** The verme principles every group starts from (METHODS.md). */
export const defaultGroundRules: Record<GroupLocale, string[]> = {
  en: ['Everyone is heard and nobody dominates.', 'What is said in the group stays in the group.'],
  fi: ['Jokainen tulee kuulluksi, eikä kukaan dominoi.', 'Ryhmässä puhuttu jää ryhmään.'],
  sv: ['Alla blir hörda och ingen dominerar.', 'Det som sägs i gruppen stannar i gruppen.'],
};

/** A starting set for groups of project workers; the facilitator edits it to fit the group. */
export const defaultCompetenceAreas: Record<GroupLocale, string[]> = {
  en: [
    'Planning and leading projects',
    'Preparing funding proposals',
    'Working with partners and networks',
    'Leading people',
    "Managing one's own wellbeing at work",
  ],
  fi: [
    'Hankkeiden suunnittelu ja johtaminen',
    'Rahoitushakemusten valmistelu',
    'Yhteistyö kumppaneiden ja verkostojen kanssa',
    'Ihmisten johtaminen',
    'Oman työhyvinvoinnin johtaminen',
  ],
  sv: [
    'Planering och ledning av projekt',
    'Beredning av finansieringsansökningar',
    'Samarbete med partner och nätverk',
    'Personalledarskap',
    'Hantering av det egna arbetsvälbefinnandet',
  ],
};
