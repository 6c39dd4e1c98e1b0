import { defineMethod } from '../method.js';

/** Opens every meeting the same way: online groups need the same frame each time. */
export const welcome = defineMethod({
  id: 'welcome',
  name: { en: 'Welcome and ground rules', fi: 'Tervetuloa ja pelisäännöt', sv: 'Välkommen och spelregler' },
  description: {
    en: 'Greet the group, recall the ground rules and, at the first meeting, show the tools.',
    fi: 'Toivota ryhmä tervetulleeksi, kertaa pelisäännöt ja esittele ensimmäisellä kerralla työkalut.',
    sv: 'Hälsa gruppen välkommen, påminn om spelreglerna och visa verktygen på den första träffen.',
  },
  steps: [
    {
      id: 'welcome',
      title: { en: 'Welcome and ground rules', fi: 'Tervetuloa ja pelisäännöt', sv: 'Välkommen och spelregler' },
      instructions: {
        en: 'Welcome! The facilitator goes through today’s agenda and our ground rules. Ask if something is unclear.',
        fi: 'Tervetuloa! Fasilitaattori käy läpi päivän ohjelman ja yhteiset pelisääntömme. Kysy, jos jokin on epäselvää.',
        sv: 'Välkommen! Facilitatorn går igenom dagens dagordning och våra spelregler. Fråga om något är oklart.',
      },
      facilitatorNotes: {
        en: 'Keep it short. At the first meeting, show how to raise a hand, how to mark yourself done and how to rejoin after a dropped connection. Plan a break at least once an hour.',
        fi: 'Pidä tämä lyhyenä. Näytä ensimmäisellä kerralla, miten käsi nostetaan, miten kerrotaan olevansa valmis ja miten palataan yhteyden katkettua. Suunnittele tauko vähintään kerran tunnissa.',
        sv: 'Håll det kort. På den första träffen visar du hur man räcker upp handen, hur man markerar att man är klar och hur man ansluter på nytt efter ett avbrott i förbindelsen. Planera in en paus minst en gång i timmen.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'facilitator',
      needsGroupRules: true,
      layout: {
        frames: [
          {
            id: 'ground-rules',
            label: { en: 'Ground rules', fi: 'Pelisäännöt', sv: 'Spelregler' },
            x: 0,
            y: 0,
            w: 1200,
            h: 600,
          },
        ],
        notes: [
          {
            id: 'rule-confidential',
            text: {
              en: 'What is said here stays here',
              fi: 'Mitä täällä puhutaan, jää tänne',
              sv: 'Det som sägs här stannar här',
            },
            frameId: 'ground-rules',
            color: 'light-blue',
          },
          {
            id: 'rule-heard',
            text: {
              en: 'Everyone is heard, nobody dominates',
              fi: 'Jokainen tulee kuulluksi, kukaan ei jyrää',
              sv: 'Alla blir hörda, ingen dominerar',
            },
            frameId: 'ground-rules',
            color: 'light-blue',
          },
          {
            id: 'rule-hand',
            text: {
              en: 'Raise your hand to speak',
              fi: 'Nosta käsi, kun haluat puheenvuoron',
              sv: 'Räck upp handen för att tala',
            },
            frameId: 'ground-rules',
            color: 'light-blue',
          },
          {
            id: 'rule-rejoin',
            text: {
              en: 'Dropped out? Rejoin with the same link',
              fi: 'Yhteys katkesi? Palaa samalla linkillä',
              sv: 'Föll du bort? Anslut igen med samma länk',
            },
            frameId: 'ground-rules',
            color: 'light-blue',
          },
          {
            id: 'rule-break',
            text: {
              en: 'A break at least once an hour',
              fi: 'Tauko vähintään kerran tunnissa',
              sv: 'En paus minst en gång i timmen',
            },
            frameId: 'ground-rules',
            color: 'light-blue',
          },
        ],
      },
    },
  ],
});
