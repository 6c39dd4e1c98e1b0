import { defineMethod } from '../method.js';

/** 1-2-4-All: ideas grow from one person to pairs, fours and the whole group. */
export const oneTwoFourAll = defineMethod({
  id: 'one-two-four-all',
  name: { en: '1-2-4-All', fi: '1-2-4-kaikki', sv: '1-2-4-alla' },
  description: {
    en: 'Everyone thinks alone, then in pairs, then in fours, and finally the whole group shares the best insights. About twelve minutes.',
    fi: 'Jokainen pohtii ensin yksin, sitten pareittain, sitten neljän hengen ryhmissä, ja lopuksi koko ryhmä jakaa parhaat oivallukset. Noin kaksitoista minuuttia.',
    sv: 'Var och en tänker först ensam, sedan i par, sedan i grupper om fyra, och till sist delar hela gruppen de bästa insikterna. Cirka tolv minuter.',
  },
  steps: [
    {
      id: 'alone',
      title: { en: 'On your own', fi: 'Yksin', sv: 'På egen hand' },
      instructions: {
        en: 'Think about the question on your own and write your ideas on private notes.',
        fi: 'Pohdi kysymystä yksin ja kirjoita ajatuksesi yksityisille lapuille.',
        sv: 'Fundera på frågan på egen hand och skriv dina idéer på privata lappar.',
      },
      facilitatorNotes: {
        en: 'Write the question in its frame before starting.',
        fi: 'Kirjoita kysymys sille varattuun kehykseen ennen aloitusta.',
        sv: 'Skriv frågan i dess ram innan ni börjar.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      layout: {
        frames: [
          {
            id: 'question',
            label: { en: 'Our question', fi: 'Kysymyksemme', sv: 'Vår fråga' },
            x: 0,
            y: 0,
            w: 1600,
            h: 300,
          },
          {
            id: 'insights',
            label: { en: 'Insights', fi: 'Oivallukset', sv: 'Insikter' },
            x: 0,
            y: 400,
            w: 1600,
            h: 800,
          },
        ],
        notes: [],
      },
    },
    {
      id: 'pairs',
      title: { en: 'In pairs', fi: 'Pareittain', sv: 'I par' },
      instructions: {
        en: 'Share your ideas with a partner and build on each other’s.',
        fi: 'Jaa ajatuksesi parisi kanssa ja jatkakaa toistenne ideoista.',
        sv: 'Dela dina idéer med en partner och bygg vidare på varandras.',
      },
      facilitatorNotes: {
        en: 'The pairs open as breakout rooms when this step starts, each with its own board; with an odd number one room has three.',
        fi: 'Parit avautuvat pienryhmähuoneiksi, kun tämä vaihe alkaa, kullakin oma taulunsa; parittomalla määrällä yhdessä huoneessa on kolme.',
        sv: 'Paren öppnas som grupprum när steget börjar, vart och ett med en egen tavla; med ett udda antal blir ett rum tre.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'open',
      revealOnStart: true,
      groups: { kind: 'pairs' },
    },
    {
      id: 'fours',
      title: { en: 'In fours', fi: 'Neljän hengen ryhmissä', sv: 'I grupper om fyra' },
      instructions: {
        en: 'Two pairs together: notice similarities and differences and choose the most important idea.',
        fi: 'Kaksi paria yhdessä: huomatkaa yhtäläisyydet ja erot ja valitkaa tärkein ajatus.',
        sv: 'Två par tillsammans: lägg märke till likheter och skillnader och välj den viktigaste idén.',
      },
      facilitatorNotes: {
        en: 'The pairs’ rooms close (their result frames come to the board) and rooms of four open. With fewer than six people there is one room.',
        fi: 'Parien huoneet suljetaan (niiden tuloskehykset tulevat taululle) ja neljän hengen huoneet avautuvat. Alle kuudella hengellä huoneita on yksi.',
        sv: 'Parens rum stängs (deras resultatramar kommer till tavlan) och rum för fyra öppnas. Med färre än sex personer blir det ett rum.',
      },
      timeboxSeconds: 4 * 60,
      groups: { kind: 'fours' },
      speakingMode: 'open',
    },
    {
      id: 'all',
      title: { en: 'Whole group', fi: 'Koko ryhmä', sv: 'Hela gruppen' },
      instructions: {
        en: 'Each group shares one insight that stood out. Add it to the Insights frame.',
        fi: 'Kukin ryhmä kertoo yhden esiin nousseen oivalluksen. Lisätkää se Oivallukset-kehykseen.',
        sv: 'Varje grupp delar en insikt som stack ut. Lägg till den i ramen Insikter.',
      },
      facilitatorNotes: {
        en: 'Ask “What is one idea that stood out in your conversation?” and avoid repeating what was already said.',
        fi: 'Kysy: ”Mikä yksi ajatus nousi keskustelussanne esiin?” ja vältä jo sanotun toistamista.',
        sv: 'Fråga ”Vilken idé stack ut i ert samtal?” och undvik att upprepa det som redan har sagts.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'open',
      groups: { kind: 'whole' },
    },
  ],
});
