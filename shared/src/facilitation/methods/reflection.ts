import { defineMethod } from '../method.js';
import type { LayoutFrame, StepInput } from '../method.js';

const column = (id: string, en: string, fi: string, x: number): LayoutFrame => ({
  id,
  label: { en, fi },
  x,
  y: 0,
  w: 800,
  h: 1100,
});
// Every column step lists all three columns, so whichever step comes first places them side by side.
const columns = [
  column('what', 'What? — facts', 'Mitä? – tosiasiat', 0),
  column('so-what', 'So what? — meaning', 'Entä sitten? – merkitys', 900),
  column('now-what', 'Now what? — actions', 'Mitä nyt? – teot', 1800),
];
const columnLayout = { frames: columns, notes: [] };

/** One question as a pair of steps: a minute alone in private, then three minutes together. */
function questionSteps(
  id: string,
  title: { en: string; fi: string },
  alone: StepInput['instructions'],
  together: StepInput['instructions'],
  notes: StepInput['facilitatorNotes'],
): StepInput[] {
  return [
    {
      id: `${id}-alone`,
      title: { en: `${title.en} — on your own`, fi: `${title.fi} – ensin yksin` },
      instructions: alone,
      facilitatorNotes: {
        en: 'Silence for a minute. Private notes appear on the board when the group part starts.',
        fi: 'Minuutti hiljaisuutta. Yksityiset laput tulevat taululle, kun yhteinen osuus alkaa.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      layout: columnLayout,
      // The view goes to this question's column, at a readable zoom, not to all three at once.
      focusFrames: [id],
    },
    {
      id: `${id}-together`,
      title: { en: `${title.en} — together`, fi: `${title.fi} – yhdessä` },
      instructions: together,
      facilitatorNotes: notes,
      timeboxSeconds: 3 * 60,
      speakingMode: 'open',
      revealOnStart: true,
      layout: columnLayout,
      focusFrames: [id],
    },
  ];
}

/** What? So what? Now what? — the closing reflection that turns a meeting into actions. */
export const reflection = defineMethod({
  id: 'reflection',
  name: { en: 'Reflection: What? So what? Now what?', fi: 'Reflektio: Mitä? Entä sitten? Mitä nyt?' },
  description: {
    en: 'Look back at the meeting in three columns — what happened, what it means, what we do now — and close with one takeaway each.',
    fi: 'Katsotaan tapaamista taaksepäin kolmessa sarakkeessa – mitä tapahtui, mitä se merkitsee, mitä teemme nyt – ja lopuksi jokainen kertoo yhden päällimmäisen ajatuksensa.',
  },
  steps: [
    ...questionSteps(
      'what',
      { en: 'What happened?', fi: 'Mitä tapahtui?' },
      {
        en: 'On your own, write facts only: what did you see, hear and notice today?',
        fi: 'Kirjoita yksin pelkkiä tosiasioita: mitä näit, kuulit ja huomasit tänään?',
      },
      {
        en: 'Read the facts in the first column together and add what is missing.',
        fi: 'Lukekaa ensimmäisen sarakkeen tosiasiat yhdessä ja lisätkää puuttuvat.',
      },
      {
        en: 'Keep interpretations for the next column; here, only what happened.',
        fi: 'Säästä tulkinnat seuraavaan sarakkeeseen; tässä vain se, mitä tapahtui.',
      },
    ),
    ...questionSteps(
      'so-what',
      { en: 'So what?', fi: 'Entä sitten?' },
      {
        en: 'On your own, write what the facts mean to you: patterns, surprises, why it matters.',
        fi: 'Kirjoita yksin, mitä tosiasiat merkitsevät sinulle: toistuvia kuvioita, yllätyksiä, miksi asialla on väliä.',
      },
      {
        en: 'Talk about the meanings in the second column and look for shared patterns.',
        fi: 'Keskustelkaa toisen sarakkeen merkityksistä ja etsikää yhteisiä kuvioita.',
      },
      {
        en: 'Ask “why does this matter?” until the group reaches something it can act on.',
        fi: 'Kysy ”miksi tällä on väliä?”, kunnes ryhmä löytää jotain, minkä varaan voi toimia.',
      },
    ),
    ...questionSteps(
      'now-what',
      { en: 'Now what?', fi: 'Mitä nyt?' },
      {
        en: 'On your own, write actions: what will you do next?',
        fi: 'Kirjoita yksin tekoja: mitä teet seuraavaksi?',
      },
      {
        en: 'Agree on actions in the third column. Give each one an owner and a date.',
        fi: 'Kirjatkaa sovitut teot kolmanteen sarakkeeseen. Merkitkää jokaiselle tekijä ja päivämäärä.',
      },
      {
        en: 'An action without an owner and a date is a wish. These become next meeting’s action items.',
        fi: 'Teko ilman tekijää ja päivämäärää on toive. Näistä tulee seuraavan tapaamisen tehtävälista.',
      },
    ),
    {
      id: 'closing-words',
      title: { en: 'Closing words', fi: 'Loppusanat' },
      instructions: {
        en: 'On your turn, add one takeaway note and say it aloud.',
        fi: 'Lisää vuorollasi yksi lappu siitä, mitä jäi päällimmäisenä mieleen, ja sano se ääneen.',
      },
      facilitatorNotes: {
        en: 'One minute each. Thank the group.',
        fi: 'Minuutti kullekin. Kiitä ryhmää.',
      },
      timeboxSeconds: 5 * 60,
      turnSeconds: 60,
      speakingMode: 'round-robin',
      layout: {
        frames: [
          {
            id: 'takeaways',
            label: { en: 'Takeaways', fi: 'Päällimmäisenä mielessä' },
            x: 0,
            y: 1200,
            w: 2600,
            h: 500,
          },
        ],
        notes: [],
      },
    },
  ],
});
