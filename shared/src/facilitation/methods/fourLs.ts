import { defineMethod } from '../method.js';
import type { LayoutFrame } from '../method.js';

const lane = (id: string, en: string, fi: string, x: number): LayoutFrame => ({
  id,
  label: { en, fi },
  x,
  y: 0,
  w: 700,
  h: 1100,
});
const lanes = [
  lane('liked', 'Liked', 'Pidin', 0),
  lane('learned', 'Learned', 'Opin', 800),
  lane('lacked', 'Lacked', 'Puuttui', 1600),
  lane('longed-for', 'Longed for', 'Kaipasin', 2400),
];
const lanesLayout = { frames: lanes, notes: [] };

/** 4Ls: a retrospective of the whole process, suited to its last meeting. */
export const fourLs = defineMethod({
  id: 'four-ls',
  name: { en: '4Ls: Liked, Learned, Lacked, Longed for', fi: '4L: Pidin, Opin, Puuttui, Kaipasin' },
  description: {
    en: 'Look back on the process in four lanes, share, cluster, vote and agree on actions. About an hour; fits the last meeting of a process.',
    fi: 'Katsotaan koko prosessia taaksepäin neljän kaistan avulla, jaetaan, ryhmitellään, äänestetään ja sovitaan tehtävistä. Noin tunti; sopii prosessin viimeiseen tapaamiseen.',
  },
  steps: [
    {
      id: 'write',
      title: { en: 'Write', fi: 'Kirjoittaminen' },
      instructions: {
        en: 'On your own, write private notes in the four lanes: what you liked, learned, lacked and longed for.',
        fi: 'Kirjoita yksin yksityisiä lappuja neljälle kaistalle: mistä pidit, mitä opit, mikä puuttui ja mitä kaipasit.',
      },
      facilitatorNotes: {
        en: 'One thought per note. Watch the done count.',
        fi: 'Yksi ajatus lappua kohden. Seuraa, montako on valmiina.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'silent',
      layout: lanesLayout,
    },
    {
      id: 'share',
      title: { en: 'Share', fi: 'Jakaminen' },
      instructions: {
        en: 'On your turn, your notes appear on the board: go through them briefly. The others listen.',
        fi: 'Vuorollasi lappusi tulevat taululle: käy ne lyhyesti läpi. Muut kuuntelevat.',
      },
      facilitatorNotes: {
        en: 'About three minutes each; questions wait until clustering.',
        fi: 'Noin kolme minuuttia kullekin; kysymykset odottavat ryhmittelyyn asti.',
      },
      timeboxSeconds: 20 * 60,
      turnSeconds: 3 * 60,
      speakingMode: 'round-robin',
      revealOnTurn: true,
      layout: lanesLayout,
    },
    {
      id: 'cluster',
      title: { en: 'Cluster', fi: 'Ryhmittely' },
      instructions: {
        en: 'Move similar notes together in each lane and name the clusters.',
        fi: 'Siirtäkää samankaltaiset laput yhteen kullakin kaistalla ja nimetkää ryhmät.',
      },
      facilitatorNotes: {
        en: 'Aim for a handful of clusters that are easy to vote on.',
        fi: 'Tavoitelkaa muutamaa ryhmää, joista on helppo äänestää.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      layout: lanesLayout,
    },
    {
      id: 'vote',
      title: { en: 'Vote', fi: 'Äänestys' },
      instructions: {
        en: 'Put your dots on the notes that matter most to you.',
        fi: 'Laita äänesi niille lapuille, jotka ovat sinulle tärkeimpiä.',
      },
      facilitatorNotes: {
        en: 'Start a dot vote on the lane the group wants to act on, for example Lacked, with three votes each.',
        fi: 'Aloita pisteäänestys kaistalla, jonka pohjalta ryhmä haluaa toimia, esimerkiksi Puuttui, kolmella äänellä kullekin.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'open',
    },
    {
      id: 'actions',
      title: { en: 'Actions', fi: 'Sovitut tehtävät' },
      instructions: {
        en: 'Turn the most voted notes into actions, each with an owner and a date.',
        fi: 'Muuttakaa eniten ääniä saaneet laput tehtäviksi ja merkitkää kullekin tekijä ja päivämäärä.',
      },
      facilitatorNotes: {
        en: 'Start from the top of the vote results.',
        fi: 'Aloita äänestystuloksen kärjestä.',
      },
      timeboxSeconds: 15 * 60,
      speakingMode: 'open',
      layout: {
        frames: [{ id: 'actions', label: { en: 'Actions', fi: 'Sovitut tehtävät' }, x: 0, y: 1200, w: 3100, h: 600 }],
        notes: [],
      },
    },
  ],
});
