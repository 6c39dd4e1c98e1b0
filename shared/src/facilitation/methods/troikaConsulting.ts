import { defineMethod } from '../method.js';

/** Troika consulting: a quick peer consultation in threes, about ten minutes per client. */
export const troikaConsulting = defineMethod({
  id: 'troika-consulting',
  name: { en: 'Troika consulting', fi: 'Troikka-konsultaatio', sv: 'Trojkakonsultation' },
  description: {
    en: 'In groups of three, one member is the client and two are consultants. About ten minutes per client; repeat so that everyone gets a turn.',
    fi: 'Kolmen hengen ryhmissä yksi on asiakas ja kaksi konsultteja. Noin kymmenen minuuttia asiakasta kohden; toistakaa, kunnes jokainen on ollut vuorollaan asiakas.',
    sv: 'I grupper om tre är en medlem klient och två är konsulter. Cirka tio minuter per klient; upprepa så att alla får en tur.',
  },
  steps: [
    {
      id: 'prep',
      title: { en: 'Silent prep', fi: 'Hiljainen valmistautuminen', sv: 'Tyst förberedelse' },
      instructions: {
        en: 'Think of a challenge where you would like help, and write it down in one sentence.',
        fi: 'Mieti haastetta, johon kaipaat apua, ja kirjoita se yhdellä lauseella.',
        sv: 'Tänk på en utmaning som du vill ha hjälp med och skriv ner den i en mening.',
      },
      facilitatorNotes: {
        en: 'Trios open as breakout rooms when this step starts; each trio picks its own client on its room card, or you choose it in the panel while visiting the room. Add this method once per client to the agenda, or go back to the start for the next client.',
        fi: 'Kolmen hengen huoneet avautuvat, kun tämä vaihe alkaa; kukin troikka valitsee oman asiakkaansa huonekortiltaan, tai valitset sen paneelista huoneessa vieraillessasi. Lisää menetelmä ohjelmaan kerran kutakin asiakasta kohden tai palaa alkuun seuraavaa asiakasta varten.',
        sv: 'Trojkor öppnas som grupprum när steget börjar; varje trojka väljer sin egen klient på sitt rumskort, eller så väljer du den i panelen när du besöker rummet. Lägg till metoden i dagordningen en gång per klient, eller gå tillbaka till början för nästa klient.',
      },
      timeboxSeconds: 60,
      speakingMode: 'silent',
      caseOwnerChosenHere: true,
      groups: { kind: 'trios' },
    },
    {
      id: 'present',
      title: { en: 'The client presents', fi: 'Asiakas esittelee haasteensa', sv: 'Klienten presenterar' },
      instructions: {
        en: 'The client describes the challenge and what help they would like. The consultants listen.',
        fi: 'Asiakas kuvaa haasteensa ja kertoo, millaista apua toivoo. Konsultit kuuntelevat.',
        sv: 'Klienten beskriver utmaningen och vilken hjälp hen vill ha. Konsulterna lyssnar.',
      },
      facilitatorNotes: {
        en: 'Two minutes: the challenge and the kind of help wanted.',
        fi: 'Kaksi minuuttia: haaste ja toivottu apu.',
        sv: 'Två minuter: utmaningen och vilken slags hjälp som önskas.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
    },
    {
      id: 'clarify',
      title: { en: 'Clarifying questions', fi: 'Tarkentavat kysymykset', sv: 'Klargörande frågor' },
      instructions: {
        en: 'The consultants ask clarifying questions; the client answers briefly.',
        fi: 'Konsultit esittävät tarkentavia kysymyksiä, ja asiakas vastaa lyhyesti.',
        sv: 'Konsulterna ställer klargörande frågor; klienten svarar kort.',
      },
      facilitatorNotes: {
        en: 'Questions only, no advice yet.',
        fi: 'Vain kysymyksiä, ei vielä neuvoja.',
        sv: 'Bara frågor, inga råd ännu.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'consultants',
      ownerAnswers: true,
    },
    {
      id: 'consult',
      title: {
        en: 'Consultants talk, the client listens',
        fi: 'Konsultit keskustelevat, asiakas kuuntelee',
        sv: 'Konsulterna pratar, klienten lyssnar',
      },
      instructions: {
        en: 'The client turns their camera off and listens. The consultants talk about the challenge with each other and offer ideas.',
        fi: 'Asiakas sulkee kameransa ja kuuntelee. Konsultit keskustelevat haasteesta keskenään ja tarjoavat ideoita.',
        sv: 'Klienten stänger av sin kamera och lyssnar. Konsulterna pratar om utmaningen sinsemellan och ger idéer.',
      },
      facilitatorNotes: {
        en: 'With the camera off, the client can listen without reacting. Consultants write their ideas on notes.',
        fi: 'Kamera suljettuna asiakas voi kuunnella reagoimatta. Konsultit kirjaavat ideansa lapuille.',
        sv: 'Med kameran avstängd kan klienten lyssna utan att reagera. Konsulterna skriver sina idéer på lappar.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'consultants',
      layout: {
        frames: [{ id: 'ideas', label: { en: 'Ideas', fi: 'Ideat', sv: 'Idéer' }, x: 0, y: 0, w: 1200, h: 800 }],
        notes: [],
      },
    },
    {
      id: 'reflect',
      title: { en: 'The client reflects', fi: 'Asiakkaan palaute', sv: 'Klienten reflekterar' },
      instructions: {
        en: 'The client turns back and tells what was most useful.',
        fi: 'Asiakas palaa mukaan ja kertoo, mikä oli hyödyllisintä.',
        sv: 'Klienten sätter på kameran igen och berättar vad som var mest till nytta.',
      },
      facilitatorNotes: {
        en: 'Then switch roles: the next member becomes the client.',
        fi: 'Vaihtakaa sitten rooleja: seuraava jäsen on asiakas.',
        sv: 'Byt sedan roller: nästa medlem blir klient.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
    },
  ],
});
