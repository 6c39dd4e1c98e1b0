import { defineMethod } from '../method.js';
import type { LayoutFrame, LocalizedText, StepInput } from '../method.js';

const column = (id: string, en: string, fi: string, sv: string, x: number): LayoutFrame => ({
  id,
  label: { en, fi, sv },
  x,
  y: 0,
  w: 800,
  h: 1100,
});
// Every column step lists all three columns, so whichever step comes first places them side by side.
const columns = [
  column('what', 'What? — facts', 'Mitä? – tosiasiat', 'Vad? – fakta', 0),
  column('so-what', 'So what? — meaning', 'Entä sitten? – merkitys', 'Så vad? – betydelse', 900),
  column('now-what', 'Now what? — actions', 'Mitä nyt? – teot', 'Vad nu? – handlingar', 1800),
];
const columnLayout = { frames: columns, notes: [] };

/** One question as a pair of steps: a minute alone in private, then three minutes together. */
function questionSteps(
  id: string,
  title: LocalizedText,
  alone: StepInput['instructions'],
  together: StepInput['instructions'],
  notes: StepInput['facilitatorNotes'],
): StepInput[] {
  return [
    {
      id: `${id}-alone`,
      title: { en: `${title.en} — on your own`, fi: `${title.fi} – ensin yksin`, sv: `${title.sv} – på egen hand` },
      instructions: alone,
      facilitatorNotes: {
        en: 'Silence for a minute. Private notes appear on the board when the group part starts.',
        fi: 'Minuutti hiljaisuutta. Yksityiset laput tulevat taululle, kun yhteinen osuus alkaa.',
        sv: 'En minut i tystnad. De privata lapparna visas på tavlan när den gemensamma delen börjar.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      layout: columnLayout,
      // The view goes to this question's column, at a readable zoom, not to all three at once.
      focusFrames: [id],
    },
    {
      id: `${id}-together`,
      title: { en: `${title.en} — together`, fi: `${title.fi} – yhdessä`, sv: `${title.sv} – tillsammans` },
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
  name: {
    en: 'Reflection: What? So what? Now what?',
    fi: 'Reflektio: Mitä? Entä sitten? Mitä nyt?',
    sv: 'Reflektion: Vad? Så vad? Vad nu?',
  },
  description: {
    en: 'Look back at the meeting in three columns — what happened, what it means, what we do now — and close with one takeaway each.',
    fi: 'Katsotaan tapaamista taaksepäin kolmessa sarakkeessa – mitä tapahtui, mitä se merkitsee, mitä teemme nyt – ja lopuksi jokainen kertoo yhden päällimmäisen ajatuksensa.',
    sv: 'Se tillbaka på träffen i tre kolumner – vad som hände, vad det betyder, vad vi gör nu – och avsluta med att var och en säger vad hen tar med sig.',
  },
  steps: [
    ...questionSteps(
      'what',
      { en: 'What happened?', fi: 'Mitä tapahtui?', sv: 'Vad hände?' },
      {
        en: 'On your own, write facts only: what did you see, hear and notice today?',
        fi: 'Kirjoita yksin pelkkiä tosiasioita: mitä näit, kuulit ja huomasit tänään?',
        sv: 'Skriv på egen hand bara fakta: vad såg, hörde och märkte du i dag?',
      },
      {
        en: 'Read the facts in the first column together and add what is missing.',
        fi: 'Lukekaa ensimmäisen sarakkeen tosiasiat yhdessä ja lisätkää puuttuvat.',
        sv: 'Läs fakta i den första kolumnen tillsammans och lägg till det som saknas.',
      },
      {
        en: 'Keep interpretations for the next column; here, only what happened.',
        fi: 'Säästä tulkinnat seuraavaan sarakkeeseen; tässä vain se, mitä tapahtui.',
        sv: 'Spara tolkningarna till nästa kolumn; här bara det som hände.',
      },
    ),
    ...questionSteps(
      'so-what',
      { en: 'So what?', fi: 'Entä sitten?', sv: 'Så vad?' },
      {
        en: 'On your own, write what the facts mean to you: patterns, surprises, why it matters.',
        fi: 'Kirjoita yksin, mitä tosiasiat merkitsevät sinulle: toistuvia kuvioita, yllätyksiä, miksi asialla on väliä.',
        sv: 'Skriv på egen hand vad fakta betyder för dig: mönster, överraskningar, varför det spelar roll.',
      },
      {
        en: 'Talk about the meanings in the second column and look for shared patterns.',
        fi: 'Keskustelkaa toisen sarakkeen merkityksistä ja etsikää yhteisiä kuvioita.',
        sv: 'Diskutera betydelserna i den andra kolumnen och leta efter gemensamma mönster.',
      },
      {
        en: 'Ask “why does this matter?” until the group reaches something it can act on.',
        fi: 'Kysy ”miksi tällä on väliä?”, kunnes ryhmä löytää jotain, minkä varaan voi toimia.',
        sv: 'Fråga ”varför spelar det här roll?” tills gruppen når något som den kan agera utifrån.',
      },
    ),
    ...questionSteps(
      'now-what',
      { en: 'Now what?', fi: 'Mitä nyt?', sv: 'Vad nu?' },
      {
        en: 'On your own, write actions: what will you do next?',
        fi: 'Kirjoita yksin tekoja: mitä teet seuraavaksi?',
        sv: 'Skriv på egen hand handlingar: vad gör du härnäst?',
      },
      {
        en: 'Agree on actions in the third column. Give each one an owner and a date.',
        fi: 'Kirjatkaa sovitut teot kolmanteen sarakkeeseen. Merkitkää jokaiselle tekijä ja päivämäärä.',
        sv: 'Kom överens om handlingar i den tredje kolumnen. Ge var och en en ansvarig och ett datum.',
      },
      {
        en: 'An action without an owner and a date is a wish. These become next meeting’s action items.',
        fi: 'Teko ilman tekijää ja päivämäärää on toive. Näistä tulee seuraavan tapaamisen tehtävälista.',
        sv: 'En handling utan ansvarig och datum är en önskan. Av dem blir nästa träffs överenskomna uppgifter.',
      },
    ),
    {
      id: 'closing-words',
      title: { en: 'Closing words', fi: 'Loppusanat', sv: 'Avslutande ord' },
      instructions: {
        en: 'On your turn, add one takeaway note and say it aloud.',
        fi: 'Lisää vuorollasi yksi lappu siitä, mitä jäi päällimmäisenä mieleen, ja sano se ääneen.',
        sv: 'När det är din tur lägger du till en lapp med det du tar med dig och säger det högt.',
      },
      facilitatorNotes: {
        en: 'One minute each. Thank the group.',
        fi: 'Minuutti kullekin. Kiitä ryhmää.',
        sv: 'En minut var. Tacka gruppen.',
      },
      timeboxSeconds: 5 * 60,
      turnSeconds: 60,
      speakingMode: 'round-robin',
      layout: {
        frames: [
          {
            id: 'takeaways',
            label: { en: 'Takeaways', fi: 'Päällimmäisenä mielessä', sv: 'Det jag tar med mig' },
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
