import { defineMethod } from '../method.js';
import type { LayoutFrame, NoteColor, PromptNote, StepInput } from '../method.js';

interface Hat {
  id: string;
  color: NoteColor;
  label: { en: string; fi: string };
  prompt: { en: string; fi: string };
  minutes: number;
}

// The blue hat (process) frames the session at both ends, so it is the first and the last lane.
const hats: Hat[] = [
  {
    id: 'white',
    color: 'white',
    label: { en: 'White hat: facts', fi: 'Valkoinen hattu: tosiasiat' },
    prompt: { en: 'What do we know? What do we need to find out?', fi: 'Mitä tiedämme? Mitä meidän pitää selvittää?' },
    minutes: 5,
  },
  {
    id: 'red',
    color: 'red',
    label: { en: 'Red hat: feelings', fi: 'Punainen hattu: tunteet' },
    prompt: { en: 'What is my gut feeling? No reasons needed.', fi: 'Mikä on vaistoni? Perusteluja ei tarvita.' },
    minutes: 3,
  },
  {
    id: 'black',
    color: 'black',
    label: { en: 'Black hat: risks', fi: 'Musta hattu: riskit' },
    prompt: { en: 'What could go wrong?', fi: 'Mikä voi mennä pieleen?' },
    minutes: 5,
  },
  {
    id: 'yellow',
    color: 'yellow',
    label: { en: 'Yellow hat: benefits', fi: 'Keltainen hattu: hyödyt' },
    prompt: { en: 'What is good about it? Who benefits?', fi: 'Mitä hyvää tässä on? Kuka hyötyy?' },
    minutes: 5,
  },
  {
    id: 'green',
    color: 'green',
    label: { en: 'Green hat: ideas', fi: 'Vihreä hattu: ideat' },
    prompt: { en: 'What else could we try?', fi: 'Mitä muuta voisimme kokeilla?' },
    minutes: 5,
  },
  {
    id: 'blue',
    color: 'blue',
    label: { en: 'Blue hat: process', fi: 'Sininen hattu: prosessi' },
    prompt: { en: 'What did we conclude? What next?', fi: 'Mihin päädyimme? Mitä seuraavaksi?' },
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
  },
  facilitatorNotes: {
    en: 'Keep to this hat only; park other kinds of thoughts in their own lanes.',
    fi: 'Pysykää vain tässä hatussa; siirtäkää muunlaiset ajatukset niiden omille kaistoille.',
  },
  timeboxSeconds: hat.minutes * 60,
  speakingMode: 'open',
  layout: { frames: [laneFrame(hat, i)], notes: [promptNote(hat)] },
});

/** Six thinking hats: the group looks at one topic from one angle at a time. */
export const sixThinkingHats = defineMethod({
  id: 'six-thinking-hats',
  name: { en: 'Six thinking hats', fi: 'Kuusi ajatteluhattua' },
  description: {
    en: 'The whole group looks at one topic from six angles in turn — facts, feelings, risks, benefits, ideas and process — one coloured lane at a time.',
    fi: 'Koko ryhmä tarkastelee yhtä aihetta vuorotellen kuudesta näkökulmasta – tosiasiat, tunteet, riskit, hyödyt, ideat ja prosessi – yksi värillinen kaista kerrallaan.',
  },
  steps: [
    {
      id: 'topic',
      title: { en: 'The topic', fi: 'Aihe' },
      instructions: {
        en: 'The facilitator names the topic and explains the hats: we all look from the same angle at the same time.',
        fi: 'Fasilitaattori kertoo aiheen ja selittää hatut: katsomme kaikki samasta näkökulmasta samaan aikaan.',
      },
      facilitatorNotes: {
        en: 'Write the topic above the lanes. The order of the middle hats can change to suit the topic.',
        fi: 'Kirjoita aihe kaistojen yläpuolelle. Keskimmäisten hattujen järjestystä voi muuttaa aiheen mukaan.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'facilitator',
      layout: allLanes,
    },
    ...hats.map(hatStep),
  ],
});
