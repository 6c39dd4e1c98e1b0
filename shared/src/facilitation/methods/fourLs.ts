import { defineMethod } from '../method.js';
import type { LayoutFrame } from '../method.js';

const lane = (id: string, en: string, fi: string, sv: string, x: number): LayoutFrame => ({
  id,
  label: { en, fi, sv },
  x,
  y: 0,
  w: 700,
  h: 1100,
});
const lanes = [
  lane('liked', 'Liked', 'Pidin', 'Gillade', 0),
  lane('learned', 'Learned', 'Opin', 'Lärde mig', 800),
  lane('lacked', 'Lacked', 'Puuttui', 'Saknade', 1600),
  lane('longed-for', 'Longed for', 'Kaipasin', 'Längtade efter', 2400),
];
const lanesLayout = { frames: lanes, notes: [] };

/** 4Ls: a retrospective of the whole process, suited to its last meeting. */
export const fourLs = defineMethod({
  id: 'four-ls',
  name: {
    en: '4Ls: Liked, Learned, Lacked, Longed for',
    fi: '4L: Pidin, Opin, Puuttui, Kaipasin',
    sv: '4L: Gillade, Lärde mig, Saknade, Längtade efter',
  },
  description: {
    en: 'Look back on the process in four lanes, share, cluster, vote and agree on actions. About an hour; fits the last meeting of a process.',
    fi: 'Katsotaan koko prosessia taaksepäin neljän kaistan avulla, jaetaan, ryhmitellään, äänestetään ja sovitaan tehtävistä. Noin tunti; sopii prosessin viimeiseen tapaamiseen.',
    sv: 'Se tillbaka på processen i fyra fält: dela, gruppera, rösta och kom överens om uppgifter. Cirka en timme; passar processens sista träff.',
  },
  steps: [
    {
      id: 'write',
      title: { en: 'Write', fi: 'Kirjoittaminen', sv: 'Skriva' },
      instructions: {
        en: 'On your own, write private notes in the four lanes: what you liked, learned, lacked and longed for.',
        fi: 'Kirjoita yksin yksityisiä lappuja neljälle kaistalle: mistä pidit, mitä opit, mikä puuttui ja mitä kaipasit.',
        sv: 'Skriv på egen hand privata lappar i de fyra fälten: vad du gillade, lärde dig, saknade och längtade efter.',
      },
      facilitatorNotes: {
        en: 'One thought per note. Watch the done count.',
        fi: 'Yksi ajatus lappua kohden. Seuraa, montako on valmiina.',
        sv: 'En tanke per lapp. Håll koll på hur många som är klara.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'silent',
      layout: lanesLayout,
    },
    {
      id: 'share',
      title: { en: 'Share', fi: 'Jakaminen', sv: 'Dela' },
      instructions: {
        en: 'On your turn, your notes appear on the board: go through them briefly. The others listen.',
        fi: 'Vuorollasi lappusi tulevat taululle: käy ne lyhyesti läpi. Muut kuuntelevat.',
        sv: 'När det är din tur visas dina lappar på tavlan: gå kort igenom dem. De andra lyssnar.',
      },
      facilitatorNotes: {
        en: 'About three minutes each; questions wait until clustering.',
        fi: 'Noin kolme minuuttia kullekin; kysymykset odottavat ryhmittelyyn asti.',
        sv: 'Cirka tre minuter var; frågorna får vänta tills ni grupperar.',
      },
      timeboxSeconds: 20 * 60,
      turnSeconds: 3 * 60,
      speakingMode: 'round-robin',
      revealOnTurn: true,
      layout: lanesLayout,
    },
    {
      id: 'cluster',
      title: { en: 'Cluster', fi: 'Ryhmittely', sv: 'Gruppera' },
      instructions: {
        en: 'Move similar notes together in each lane and name the clusters.',
        fi: 'Siirtäkää samankaltaiset laput yhteen kullakin kaistalla ja nimetkää ryhmät.',
        sv: 'Flytta liknande lappar till varandra i varje fält och namnge grupperna.',
      },
      facilitatorNotes: {
        en: 'Aim for a handful of clusters that are easy to vote on.',
        fi: 'Tavoitelkaa muutamaa ryhmää, joista on helppo äänestää.',
        sv: 'Sikta på några få grupper som är lätta att rösta om.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'open',
      layout: lanesLayout,
    },
    {
      id: 'vote',
      title: { en: 'Vote', fi: 'Äänestys', sv: 'Rösta' },
      instructions: {
        en: 'Put your dots on the notes that matter most to you.',
        fi: 'Laita äänesi niille lapuille, jotka ovat sinulle tärkeimpiä.',
        sv: 'Sätt dina punkter på de lappar som är viktigast för dig.',
      },
      facilitatorNotes: {
        en: 'Start a dot vote on the lane the group wants to act on, for example Lacked, with three votes each.',
        fi: 'Aloita pisteäänestys kaistalla, jonka pohjalta ryhmä haluaa toimia, esimerkiksi Puuttui, kolmella äänellä kullekin.',
        sv: 'Starta en punktröstning i det fält som gruppen vill gå vidare med, till exempel Saknade, med tre röster var.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'open',
    },
    {
      id: 'actions',
      title: { en: 'Actions', fi: 'Sovitut tehtävät', sv: 'Överenskomna uppgifter' },
      instructions: {
        en: 'Turn the most voted notes into actions, each with an owner and a date.',
        fi: 'Muuttakaa eniten ääniä saaneet laput tehtäviksi ja merkitkää kullekin tekijä ja päivämäärä.',
        sv: 'Gör de lappar som fått flest röster till uppgifter, var och en med en ansvarig och ett datum.',
      },
      facilitatorNotes: {
        en: 'Start from the top of the vote results.',
        fi: 'Aloita äänestystuloksen kärjestä.',
        sv: 'Börja uppifrån i röstningsresultatet.',
      },
      timeboxSeconds: 15 * 60,
      speakingMode: 'open',
      layout: {
        frames: [
          {
            id: 'actions',
            label: { en: 'Actions', fi: 'Sovitut tehtävät', sv: 'Överenskomna uppgifter' },
            x: 0,
            y: 1200,
            w: 3100,
            h: 600,
          },
        ],
        notes: [],
      },
    },
  ],
});
