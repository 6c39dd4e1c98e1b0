import { defineMethod } from '../method.js';

/** Troika consulting: a quick peer consultation in threes, about ten minutes per client. */
export const troikaConsulting = defineMethod({
  id: 'troika-consulting',
  name: { en: 'Troika consulting', fi: 'Troikka-konsultaatio' },
  description: {
    en: 'In groups of three, one member is the client and two are consultants. About ten minutes per client; repeat so that everyone gets a turn.',
    fi: 'Kolmen hengen ryhmissä yksi on asiakas ja kaksi konsultteja. Noin kymmenen minuuttia asiakasta kohden; toistakaa, kunnes jokainen on ollut vuorollaan asiakas.',
  },
  steps: [
    {
      id: 'prep',
      title: { en: 'Silent prep', fi: 'Hiljainen valmistautuminen' },
      instructions: {
        en: 'Think of a challenge where you would like help, and write it down in one sentence.',
        fi: 'Mieti haastetta, johon kaipaat apua, ja kirjoita se yhdellä lauseella.',
      },
      facilitatorNotes: {
        en: 'Choose the client in the panel. Add this method once per client to the agenda, or go back to the start for the next client.',
        fi: 'Valitse asiakas paneelista. Lisää menetelmä ohjelmaan kerran kutakin asiakasta kohden tai palaa alkuun seuraavaa asiakasta varten.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      caseOwnerChosenHere: true,
    },
    {
      id: 'present',
      title: { en: 'The client presents', fi: 'Asiakas esittelee haasteensa' },
      instructions: {
        en: 'The client describes the challenge and what help they would like. The consultants listen.',
        fi: 'Asiakas kuvaa haasteensa ja kertoo, millaista apua toivoo. Konsultit kuuntelevat.',
      },
      facilitatorNotes: {
        en: 'Two minutes: the challenge and the kind of help wanted.',
        fi: 'Kaksi minuuttia: haaste ja toivottu apu.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
    },
    {
      id: 'clarify',
      title: { en: 'Clarifying questions', fi: 'Tarkentavat kysymykset' },
      instructions: {
        en: 'The consultants ask clarifying questions; the client answers briefly.',
        fi: 'Konsultit esittävät tarkentavia kysymyksiä, ja asiakas vastaa lyhyesti.',
      },
      facilitatorNotes: {
        en: 'Questions only, no advice yet.',
        fi: 'Vain kysymyksiä, ei vielä neuvoja.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'consultants',
      ownerAnswers: true,
    },
    {
      id: 'consult',
      title: { en: 'Consultants talk, the client listens', fi: 'Konsultit keskustelevat, asiakas kuuntelee' },
      instructions: {
        en: 'The client turns their camera off and listens. The consultants talk about the challenge with each other and offer ideas.',
        fi: 'Asiakas sulkee kameransa ja kuuntelee. Konsultit keskustelevat haasteesta keskenään ja tarjoavat ideoita.',
      },
      facilitatorNotes: {
        en: 'With the camera off, the client can listen without reacting. Consultants write their ideas on notes.',
        fi: 'Kamera suljettuna asiakas voi kuunnella reagoimatta. Konsultit kirjaavat ideansa lapuille.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'consultants',
      layout: {
        frames: [{ id: 'ideas', label: { en: 'Ideas', fi: 'Ideat' }, x: 0, y: 0, w: 1200, h: 800 }],
        notes: [],
      },
    },
    {
      id: 'reflect',
      title: { en: 'The client reflects', fi: 'Asiakkaan palaute' },
      instructions: {
        en: 'The client turns back and tells what was most useful.',
        fi: 'Asiakas palaa mukaan ja kertoo, mikä oli hyödyllisintä.',
      },
      facilitatorNotes: {
        en: 'Then switch roles: the next member becomes the client.',
        fi: 'Vaihtakaa sitten rooleja: seuraava jäsen on asiakas.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
    },
  ],
});
