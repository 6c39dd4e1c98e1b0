import { defineMethod } from '../method.js';

const round = (n: 1 | 2 | 3) => ({
  en: `Round ${n}`,
  fi: `Kierros ${n}`,
  sv: `Omgång ${n}`,
});

const roundNotes = {
  en: 'Each room is a table with its own question; write it in the room’s result frame. The first person placed at a table is its host and stays there.',
  fi: 'Jokainen huone on pöytä, jolla on oma kysymyksensä; kirjoita se huoneen tuloskehykseen. Pöytään ensimmäisenä sijoitettu on sen isäntä ja pysyy pöydässä.',
  sv: 'Varje rum är ett bord med en egen fråga; skriv den i rummets resultatram. Den som placeras först vid ett bord är dess värd och stannar där.',
};

/**
 * Learning café (cross-group): one table per question, rounds of about ten minutes; each table's
 * host stays and summarises, everyone else moves on to another table after each round.
 */
export const learningCafe = defineMethod({
  id: 'learning-cafe',
  name: { en: 'Learning café', fi: 'Oppimiskahvila', sv: 'Lärande kafé' },
  description: {
    en: 'One table per question in breakout rooms, people of different groups together. Rounds of about ten minutes: hosts stay, everyone else moves to another table. The tables’ results come back to everyone at the end.',
    fi: 'Yksi pöytä kysymystä kohden pienryhmähuoneissa, eri ryhmien ihmiset yhdessä. Noin kymmenen minuutin kierrokset: isännät jäävät, muut siirtyvät toiseen pöytään. Pöytien tulokset palaavat lopuksi kaikkien nähtäviksi.',
    sv: 'Ett bord per fråga i grupprum, personer från olika grupper tillsammans. Omgångar på cirka tio minuter: värdarna stannar, alla andra går till ett annat bord. Bordens resultat kommer tillbaka till alla i slutet.',
  },
  steps: [
    {
      id: 'round-1',
      title: round(1),
      instructions: {
        en: 'Talk about your table’s question and write what you find in the frame “Our result”. The host stays at the table.',
        fi: 'Keskustelkaa pöytänne kysymyksestä ja kirjoittakaa löydöksenne kehykseen ”Tuloksemme”. Isäntä pysyy pöydässä.',
        sv: 'Prata om ert bords fråga och skriv det ni kommer fram till i ramen ”Vårt resultat”. Värden stannar vid bordet.',
      },
      facilitatorNotes: roundNotes,
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      groups: { kind: 'rooms', size: 4, mix: true },
    },
    {
      id: 'round-2',
      title: round(2),
      instructions: {
        en: 'You are at a new table. The host tells what the table found so far; build on it.',
        fi: 'Olet uudessa pöydässä. Isäntä kertoo, mitä pöydässä on tähän mennessä löydetty; jatkakaa siitä.',
        sv: 'Du sitter vid ett nytt bord. Värden berättar vad bordet har kommit fram till; bygg vidare på det.',
      },
      facilitatorNotes: {
        en: 'Entering this step moves everyone but the hosts one table on.',
        fi: 'Kun siirryt tähän vaiheeseen, kaikki paitsi isännät siirtyvät seuraavaan pöytään.',
        sv: 'När steget börjar går alla utom värdarna vidare ett bord.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      groups: { kind: 'rotate', size: 4 },
    },
    {
      id: 'round-3',
      title: round(3),
      instructions: {
        en: 'One more table. The host sums up; add what is still missing.',
        fi: 'Vielä yksi pöytä. Isäntä tiivistää; lisätkää se, mikä vielä puuttuu.',
        sv: 'Ett bord till. Värden sammanfattar; lägg till det som fortfarande saknas.',
      },
      facilitatorNotes: {
        en: 'The last rotation. Remind the hosts to leave a clear summary in the result frame.',
        fi: 'Viimeinen kierto. Muistuta isäntiä jättämään selkeä yhteenveto tuloskehykseen.',
        sv: 'Den sista rotationen. Påminn värdarna om att lämna en tydlig sammanfattning i resultatramen.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      groups: { kind: 'rotate', size: 4 },
    },
    {
      id: 'harvest',
      title: { en: 'Harvest', fi: 'Sadonkorjuu', sv: 'Skörd' },
      instructions: {
        en: 'Everyone is back together. Each host presents their table’s result from the plenary board.',
        fi: 'Kaikki ovat taas yhdessä. Kukin isäntä esittelee pöytänsä tuloksen yhteiseltä taululta.',
        sv: 'Alla är tillsammans igen. Varje värd presenterar sitt bords resultat från den gemensamma tavlan.',
      },
      facilitatorNotes: {
        en: 'The rooms closed when this step began; their result frames are on the board side by side.',
        fi: 'Huoneet suljettiin tämän vaiheen alkaessa; niiden tuloskehykset ovat taululla rinnakkain.',
        sv: 'Rummen stängdes när steget började; deras resultatramar ligger sida vid sida på tavlan.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      groups: { kind: 'whole' },
    },
  ],
});
