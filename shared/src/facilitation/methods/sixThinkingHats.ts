import { defineMethod } from '../method.js';
import type { LayoutFrame, LocalizedText, NoteColor, PromptNote, StepInput } from '../method.js';

interface Hat {
  id: string;
  color: NoteColor;
  label: LocalizedText;
  prompt: LocalizedText;
  minutes: number;
}

// The blue hat (process) frames the session at both ends, so it is the first and the last lane.
const hats: Hat[] = [
  {
    id: 'white',
    color: 'white',
    label: { en: 'White hat: facts', fi: 'Valkoinen hattu: tosiasiat', sv: 'Vit hatt: fakta' },
    prompt: {
      en: 'What do we know? What do we need to find out?',
      fi: 'Mitä tiedämme? Mitä meidän pitää selvittää?',
      sv: 'Vad vet vi? Vad behöver vi ta reda på?',
    },
    minutes: 5,
  },
  {
    id: 'red',
    color: 'red',
    label: { en: 'Red hat: feelings', fi: 'Punainen hattu: tunteet', sv: 'Röd hatt: känslor' },
    prompt: {
      en: 'What is my gut feeling? No reasons needed.',
      fi: 'Mikä on vaistoni? Perusteluja ei tarvita.',
      sv: 'Vad säger magkänslan? Inga motiveringar behövs.',
    },
    minutes: 3,
  },
  {
    id: 'black',
    color: 'black',
    label: { en: 'Black hat: risks', fi: 'Musta hattu: riskit', sv: 'Svart hatt: risker' },
    prompt: { en: 'What could go wrong?', fi: 'Mikä voi mennä pieleen?', sv: 'Vad kan gå fel?' },
    minutes: 5,
  },
  {
    id: 'yellow',
    color: 'yellow',
    label: { en: 'Yellow hat: benefits', fi: 'Keltainen hattu: hyödyt', sv: 'Gul hatt: fördelar' },
    prompt: {
      en: 'What is good about it? Who benefits?',
      fi: 'Mitä hyvää tässä on? Kuka hyötyy?',
      sv: 'Vad är bra med det här? Vem har nytta av det?',
    },
    minutes: 5,
  },
  {
    id: 'green',
    color: 'green',
    label: { en: 'Green hat: ideas', fi: 'Vihreä hattu: ideat', sv: 'Grön hatt: idéer' },
    prompt: { en: 'What else could we try?', fi: 'Mitä muuta voisimme kokeilla?', sv: 'Vad mer kunde vi pröva?' },
    minutes: 5,
  },
  {
    id: 'blue',
    color: 'blue',
    label: { en: 'Blue hat: process', fi: 'Sininen hattu: prosessi', sv: 'Blå hatt: process' },
    prompt: {
      en: 'What did we conclude? What next?',
      fi: 'Mihin päädyimme? Mitä seuraavaksi?',
      sv: 'Vad kom vi fram till? Vad händer härnäst?',
    },
    minutes: 5,
  },
];

const laneFrame = (hat: Hat, i: number): LayoutFrame => ({
  id: `${hat.id}-hat`,
  label: hat.label,
  x: i * 600,
  y: 0,
  w: 560,
  h: 1100,
});
const promptNote = (hat: Hat): PromptNote => ({
  id: `${hat.id}-hat-prompt`,
  text: hat.prompt,
  frameId: `${hat.id}-hat`,
  color: hat.color,
});
const allLanes = { frames: hats.map(laneFrame), notes: hats.map(promptNote) };

const hatStep = (hat: Hat, i: number): StepInput => ({
  id: `${hat.id}-hat`,
  title: hat.label,
  instructions: {
    en: `Everyone wears the same hat now. ${hat.prompt.en} Write your thoughts in this lane.`,
    fi: `Kaikilla on nyt sama hattu. ${hat.prompt.fi} Kirjoita ajatuksesi tälle kaistalle.`,
    sv: `Alla har nu samma hatt på sig. ${hat.prompt.sv} Skriv dina tankar i det här fältet.`,
  },
  facilitatorNotes: {
    en: 'Keep to this hat only; park other kinds of thoughts in their own lanes.',
    fi: 'Pysykää vain tässä hatussa; siirtäkää muunlaiset ajatukset niiden omille kaistoille.',
    sv: 'Håll er bara till den här hatten; parkera andra slags tankar i deras egna fält.',
  },
  timeboxSeconds: hat.minutes * 60,
  speakingMode: 'open',
  layout: { frames: [laneFrame(hat, i)], notes: [promptNote(hat)] },
});

/** Six thinking hats: the group looks at one topic from one angle at a time. */
export const sixThinkingHats = defineMethod({
  id: 'six-thinking-hats',
  name: { en: 'Six thinking hats', fi: 'Kuusi ajatteluhattua', sv: 'Sex tänkande hattar' },
  description: {
    en: 'The whole group looks at one topic from six angles in turn — facts, feelings, risks, benefits, ideas and process — one coloured lane at a time.',
    fi: 'Koko ryhmä tarkastelee yhtä aihetta vuorotellen kuudesta näkökulmasta – tosiasiat, tunteet, riskit, hyödyt, ideat ja prosessi – yksi värillinen kaista kerrallaan.',
    sv: 'Hela gruppen ser på ett ämne från sex synvinklar i tur och ordning – fakta, känslor, risker, fördelar, idéer och process – ett färgat fält i taget.',
  },
  steps: [
    {
      id: 'topic',
      title: { en: 'The topic', fi: 'Aihe', sv: 'Ämnet' },
      instructions: {
        en: 'The facilitator names the topic and explains the hats: we all look from the same angle at the same time.',
        fi: 'Fasilitaattori kertoo aiheen ja selittää hatut: katsomme kaikki samasta näkökulmasta samaan aikaan.',
        sv: 'Facilitatorn presenterar ämnet och förklarar hattarna: vi ser alla från samma synvinkel samtidigt.',
      },
      facilitatorNotes: {
        en: 'Write the topic above the lanes. The order of the middle hats can change to suit the topic.',
        fi: 'Kirjoita aihe kaistojen yläpuolelle. Keskimmäisten hattujen järjestystä voi muuttaa aiheen mukaan.',
        sv: 'Skriv ämnet ovanför fälten. Ordningen på hattarna i mitten kan ändras så att den passar ämnet.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'facilitator',
      layout: allLanes,
    },
    ...hats.map(hatStep),
  ],
});
