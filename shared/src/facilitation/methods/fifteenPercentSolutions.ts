import { defineMethod } from '../method.js';

const mineFrame = {
  id: 'my-fifteen-percent',
  label: { en: 'My 15%', fi: 'Minun 15 %:ni', sv: 'Mina 15 %' },
  x: 0,
  y: 0,
  w: 1600,
  h: 900,
};

/** 15% Solutions: what each of us can do now, without more resources or permission. */
export const fifteenPercentSolutions = defineMethod({
  id: 'fifteen-percent-solutions',
  name: { en: '15% Solutions', fi: '15 %:n ratkaisut', sv: '15 %-lösningar' },
  description: {
    en: 'Everyone looks for the 15% they can change on their own, without more resources or anyone’s permission, and gets the group’s help with it. About twenty minutes.',
    fi: 'Jokainen etsii sen 15 prosentin osuuden, johon voi vaikuttaa itse ilman lisäresursseja tai kenenkään lupaa, ja saa siihen ryhmän apua. Noin kaksikymmentä minuuttia.',
    sv: 'Var och en letar efter de 15 % som hen kan ändra på egen hand, utan mer resurser eller någons tillstånd, och får gruppens hjälp med det. Cirka tjugo minuter.',
  },
  steps: [
    {
      id: 'alone',
      title: { en: 'What can I do?', fi: 'Mitä minä voin tehdä?', sv: 'Vad kan jag göra?' },
      instructions: {
        en: 'On your own, list on private notes what you can do without more resources or permission. What is your first step?',
        fi: 'Listaa yksin yksityisille lapuille, mitä voit tehdä ilman lisäresursseja tai lupaa. Mikä on ensimmäinen askeleesi?',
        sv: 'Skriv på egen hand privata lappar om vad du kan göra utan mer resurser eller tillstånd. Vad är ditt första steg?',
      },
      facilitatorNotes: {
        en: 'Remind everyone: small, within their own discretion, startable tomorrow.',
        fi: 'Muistuta: pientä, omassa harkintavallassa ja huomenna aloitettavissa.',
        sv: 'Påminn alla: något litet, inom det egna handlingsutrymmet, som kan påbörjas i morgon.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'silent',
      layout: { frames: [mineFrame], notes: [] },
    },
    {
      id: 'share',
      title: { en: 'Share', fi: 'Jakaminen', sv: 'Dela' },
      instructions: {
        en: 'On your turn, your notes appear on the board: share your 15%. The others listen.',
        fi: 'Vuorollasi lappusi tulevat taululle: kerro oma 15 %:si. Muut kuuntelevat.',
        sv: 'När det är din tur visas dina lappar på tavlan: berätta om dina 15 %. De andra lyssnar.',
      },
      facilitatorNotes: {
        en: 'About three minutes each, no comments yet.',
        fi: 'Noin kolme minuuttia kullekin, ei vielä kommentteja.',
        sv: 'Cirka tre minuter var, inga kommentarer ännu.',
      },
      timeboxSeconds: 15 * 60,
      turnSeconds: 3 * 60,
      speakingMode: 'round-robin',
      revealOnTurn: true,
      layout: { frames: [mineFrame], notes: [] },
    },
    {
      id: 'consult',
      title: { en: 'Consultation', fi: 'Konsultaatio', sv: 'Konsultation' },
      instructions: {
        en: 'In turn, each member gets the group’s questions and advice on their 15%. The others ask and advise; the one whose turn it is listens.',
        fi: 'Kukin saa vuorollaan ryhmältä kysymyksiä ja neuvoja omaan 15 prosenttiinsa. Muut kysyvät ja neuvovat; vuorossa oleva kuuntelee.',
        sv: 'I tur och ordning får varje medlem gruppens frågor och råd om sina 15 %. De andra frågar och ger råd; den vars tur det är lyssnar.',
      },
      facilitatorNotes: {
        en: 'Five to seven minutes per member. Keep advice within what the member can do without more resources.',
        fi: 'Viidestä seitsemään minuuttia jäsentä kohden. Pidä neuvot siinä, mitä jäsen voi tehdä ilman lisäresursseja.',
        sv: 'Fem till sju minuter per medlem. Håll råden inom det som medlemmen kan göra utan mer resurser.',
      },
      timeboxSeconds: 30 * 60,
      turnSeconds: 6 * 60,
      speakingMode: 'round-robin',
    },
  ],
});
