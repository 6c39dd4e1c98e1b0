import { defineMethod } from '../method.js';
import type { LayoutFrame } from '../method.js';

const checkInFrame: LayoutFrame = {
  id: 'check-in',
  label: { en: 'Check-in', fi: 'Kuulumiset', sv: 'Incheckning' },
  x: 0,
  y: 0,
  w: 1400,
  h: 800,
};

/** Kuulumiskierros: everyone is heard once before the work starts. */
export const checkInRound = defineMethod({
  id: 'check-in-round',
  name: { en: 'Check-in round', fi: 'Kuulumiskierros', sv: 'Incheckningsrunda' },
  description: {
    en: 'Each member prepares a short note in silence, then tells the group how they are, one at a time. The facilitator gathers the themes for today.',
    fi: 'Jokainen valmistelee ensin hiljaa lyhyen lapun ja kertoo sitten vuorollaan kuulumisensa. Fasilitaattori kokoaa päivän teemat.',
    sv: 'Var och en förbereder först i tysthet en kort lapp och berättar sedan i tur och ordning hur hen mår. Facilitatorn samlar ihop dagens teman.',
  },
  steps: [
    {
      id: 'silent-prep',
      title: { en: 'Silent prep', fi: 'Hiljainen valmistautuminen', sv: 'Tyst förberedelse' },
      instructions: {
        en: 'Write a private note in the Check-in frame: your mood in a word or an emoji, and one headline since last time. Nobody sees it unless you share it on your turn.',
        fi: 'Kirjoita yksityinen lappu Kuulumiset-kehykseen: mielialasi sanalla tai emojilla sekä yksi otsikko siitä, mitä edellisen tapaamisen jälkeen on tapahtunut. Kukaan ei näe sitä, ellet jaa sitä vuorollasi.',
        sv: 'Skriv en privat lapp i ramen Incheckning: ditt humör med ett ord eller en emoji och en rubrik om vad som har hänt sedan förra gången. Ingen ser den om du inte delar den när det är din tur.',
      },
      facilitatorNotes: {
        en: 'Watch the done count. Decide whether the round goes in joining order or shuffled.',
        fi: 'Seuraa, montako on valmiina. Päätä, mennäänkö kierros liittymisjärjestyksessä vai arvotussa järjestyksessä.',
        sv: 'Håll koll på hur många som är klara. Bestäm om rundan går i den ordning deltagarna anslöt sig eller i slumpad ordning.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      layout: { frames: [checkInFrame], notes: [] },
    },
    {
      id: 'round',
      title: { en: 'Check-in round', fi: 'Kuulumiskierros', sv: 'Incheckningsrunda' },
      instructions: {
        en: 'When it is your turn, press “Share my note” to show it on the board and tell the group how you are. The others listen without commenting. You may pass: your note then stays private.',
        fi: 'Kun on vuorosi, näytä lappusi taululla painamalla ”Jaa lappuni” ja kerro ryhmälle kuulumisesi. Muut kuuntelevat kommentoimatta. Voit myös ohittaa vuorosi, jolloin lappusi pysyy yksityisenä.',
        sv: 'När det är din tur trycker du på ”Dela min lapp” för att visa den på tavlan och berättar för gruppen hur du mår. De andra lyssnar utan att kommentera. Du kan också stå över: då förblir din lapp privat.',
      },
      facilitatorNotes: {
        en: 'Keep to about two minutes each and hold back follow-up questions until the round is over. Note the topics that come up.',
        fi: 'Pidä puheenvuorot noin kahden minuutin mittaisina ja säästä jatkokysymykset kierroksen loppuun. Kirjaa esiin nousevat aiheet.',
        sv: 'Håll varje tur till ungefär två minuter och spara följdfrågorna tills rundan är slut. Anteckna de ämnen som kommer upp.',
      },
      timeboxSeconds: 10 * 60,
      turnSeconds: 2 * 60,
      speakingMode: 'round-robin',
      revealOnTurn: true,
      layout: { frames: [checkInFrame], notes: [] },
    },
    {
      id: 'themes',
      title: { en: 'Themes for today', fi: 'Päivän teemat', sv: 'Dagens teman' },
      instructions: {
        en: 'Together, group the notes into themes and pick what to work on today.',
        fi: 'Ryhmitelkää laput yhdessä teemoiksi ja valitkaa, mitä työstetään tänään.',
        sv: 'Gruppera lapparna tillsammans i teman och välj vad ni arbetar med i dag.',
      },
      facilitatorNotes: {
        en: 'Move similar notes together and name each cluster. Suggest which theme could become today’s case.',
        fi: 'Siirrä samankaltaiset laput yhteen ja nimeä ryhmät. Ehdota, mistä teemasta voisi tulla päivän tapaus.',
        sv: 'Flytta liknande lappar till varandra och namnge varje grupp. Föreslå vilket tema som kunde bli dagens fall.',
      },
      timeboxSeconds: 3 * 60,
      speakingMode: 'open',
      // The themes are made here; the check-in notes come over from the frame beside it.
      focusFrames: ['themes'],
      layout: {
        frames: [
          checkInFrame,
          {
            id: 'themes',
            label: { en: 'Themes for today', fi: 'Päivän teemat', sv: 'Dagens teman' },
            x: 1500,
            y: 0,
            w: 900,
            h: 800,
          },
        ],
        notes: [],
      },
    },
  ],
});
