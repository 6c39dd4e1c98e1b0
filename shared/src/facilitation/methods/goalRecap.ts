import { defineMethod } from '../method.js';
import type { LayoutFrame } from '../method.js';

const goalsFrame: LayoutFrame = {
  id: 'goals',
  label: { en: 'Our goals', fi: 'Tavoitteemme', sv: 'Gruppens mål' },
  x: 0,
  y: 0,
  w: 1800,
  h: 900,
};

/** Starting every meeting from the group's own goals keeps the process self-steering. */
export const goalRecap = defineMethod({
  id: 'goal-recap',
  name: { en: 'Goal recap', fi: 'Tavoitteiden kertaus', sv: 'Genomgång av målen' },
  description: {
    en: 'Recall the group’s 1–3 goals, hear what has moved since last time and adjust the goals if needed.',
    fi: 'Palautetaan mieleen ryhmän 1–3 tavoitetta, kuullaan, mikä on edennyt edellisestä kerrasta, ja tarkistetaan tavoitteita tarvittaessa.',
    sv: 'Påminn er om gruppens 1–3 mål, hör vad som har gått framåt sedan förra gången och justera målen vid behov.',
  },
  steps: [
    {
      id: 'show-goals',
      title: { en: 'Our goals', fi: 'Ryhmän tavoitteet', sv: 'Gruppens mål' },
      instructions: {
        en: 'The facilitator shows the goals the group set for itself.',
        fi: 'Fasilitaattori näyttää tavoitteet, jotka ryhmä on asettanut itselleen.',
        sv: 'Facilitatorn visar de mål som gruppen har satt upp för sig själv.',
      },
      facilitatorNotes: {
        en: 'Read each goal aloud. If the group has no goals yet, agree on one to three concrete goals before going on.',
        fi: 'Lue jokainen tavoite ääneen. Jos ryhmällä ei vielä ole tavoitteita, sopikaa ensin yhdestä kolmeen konkreettista tavoitetta.',
        sv: 'Läs upp varje mål. Om gruppen ännu inte har några mål, kom överens om ett till tre konkreta mål innan ni går vidare.',
      },
      timeboxSeconds: 60,
      speakingMode: 'facilitator',
      needsGroupGoals: true,
      layout: { frames: [goalsFrame], notes: [] },
    },
    {
      id: 'progress-round',
      title: { en: 'Progress round', fi: 'Edistymiskierros', sv: 'Framstegsrunda' },
      instructions: {
        en: 'On your turn, tell what has moved towards the goals since last time, and add a note under each goal you worked on.',
        fi: 'Kerro vuorollasi, mikä on edennyt tavoitteiden suuntaan edellisen kerran jälkeen, ja lisää lappu niiden tavoitteiden alle, joiden parissa olet toiminut.',
        sv: 'När det är din tur berättar du vad som har gått framåt mot målen sedan förra gången och lägger till en lapp under varje mål som du har arbetat med.',
      },
      facilitatorNotes: {
        en: 'Small steps count. If little has happened, ask what got in the way rather than why.',
        fi: 'Pienetkin askeleet ovat arvokkaita. Jos paljon ei ole tapahtunut, kysy mieluummin, mikä tuli esteeksi, kuin miksi.',
        sv: 'Små steg räknas. Om lite har hänt, fråga hellre vad som kom emellan än varför.',
      },
      timeboxSeconds: 10 * 60,
      turnSeconds: 2 * 60,
      speakingMode: 'round-robin',
      layout: { frames: [goalsFrame], notes: [] },
    },
    {
      id: 'adjust',
      title: { en: 'Adjust the goals', fi: 'Tavoitteiden tarkistus', sv: 'Justera målen' },
      instructions: {
        en: 'Reword a goal if it no longer fits, and tick off the action items agreed last time.',
        fi: 'Muotoilkaa tavoite uudelleen, jos se ei enää sovi, ja merkitkää viime kerralla sovitut tehtävät tehdyiksi.',
        sv: 'Formulera om ett mål om det inte längre passar, och bocka av de uppgifter som ni kom överens om förra gången.',
      },
      facilitatorNotes: {
        en: 'Goals belong to the group: change them only when the group agrees.',
        fi: 'Tavoitteet ovat ryhmän omia: muuta niitä vain, jos ryhmä on samaa mieltä.',
        sv: 'Målen hör till gruppen: ändra dem bara när gruppen är enig.',
      },
      timeboxSeconds: 3 * 60,
      speakingMode: 'open',
      layout: {
        frames: [
          goalsFrame,
          {
            id: 'action-items',
            label: {
              en: 'Action items from last time',
              fi: 'Viime kerralla sovitut tehtävät',
              sv: 'Överenskomna uppgifter från förra gången',
            },
            x: 1900,
            y: 0,
            w: 800,
            h: 900,
          },
        ],
        notes: [],
      },
    },
  ],
});
