import { defineMethod } from '../method.js';

/** Wise crowds: the whole group consults one client at a time, about fifteen minutes each. */
export const wiseCrowds = defineMethod({
  id: 'wise-crowds',
  name: { en: 'Wise crowds', fi: 'Viisaat joukot', sv: 'Gruppens klokskap' },
  description: {
    en: 'For 4–7 people: one client at a time asks the whole group for help, about fifteen minutes per client.',
    fi: '4–7 hengelle: yksi asiakas kerrallaan pyytää koko ryhmältä apua, noin viisitoista minuuttia asiakasta kohden.',
    sv: 'För 4–7 personer: en klient i taget ber hela gruppen om hjälp, cirka femton minuter per klient.',
  },
  steps: [
    {
      id: 'present',
      title: { en: 'The client presents', fi: 'Asiakas esittelee haasteensa', sv: 'Klienten presenterar' },
      instructions: {
        en: 'The client describes their challenge and asks for help. The others listen.',
        fi: 'Asiakas kuvaa haasteensa ja pyytää apua. Muut kuuntelevat.',
        sv: 'Klienten beskriver sin utmaning och ber om hjälp. De andra lyssnar.',
      },
      facilitatorNotes: {
        en: 'A large meeting (a plaza) splits into crowds of about five in breakout rooms: each crowd chooses its own client on its room card, or you choose it in the panel while visiting the room.',
        fi: 'Suuri tapaaminen (kohtaamispaikka) jakautuu noin viiden hengen joukkoihin pienryhmähuoneissa: kukin joukko valitsee oman asiakkaansa huonekortiltaan, tai valitset sen paneelista huoneessa vieraillessasi.',
        sv: 'En stor träff (ett torg) delas i skaror om cirka fem i grupprum: varje skara väljer sin egen klient på sitt rumskort, eller så väljer du den i panelen när du besöker rummet.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
      caseOwnerChosenHere: true,
      groups: { kind: 'rooms', size: 5 },
    },
    {
      id: 'clarify',
      title: { en: 'Clarifying questions', fi: 'Tarkentavat kysymykset', sv: 'Klargörande frågor' },
      instructions: {
        en: 'The group asks clarifying questions; the client answers briefly.',
        fi: 'Ryhmä esittää tarkentavia kysymyksiä, ja asiakas vastaa lyhyesti.',
        sv: 'Gruppen ställer klargörande frågor; klienten svarar kort.',
      },
      facilitatorNotes: {
        en: 'Questions that open up the situation, not advice.',
        fi: 'Tilannetta avaavia kysymyksiä, ei neuvoja.',
        sv: 'Frågor som öppnar upp situationen, inte råd.',
      },
      timeboxSeconds: 3 * 60,
      speakingMode: 'consultants',
      ownerAnswers: true,
    },
    {
      id: 'consult',
      title: { en: 'The crowd consults', fi: 'Joukko konsultoi', sv: 'Gruppen konsulterar' },
      instructions: {
        en: 'The client turns their camera off and listens. The group shares ideas, questions and advice with each other.',
        fi: 'Asiakas sulkee kameransa ja kuuntelee. Ryhmä jakaa ideoita, kysymyksiä ja neuvoja keskenään.',
        sv: 'Klienten stänger av sin kamera och lyssnar. Gruppen delar idéer, frågor och råd med varandra.',
      },
      facilitatorNotes: {
        en: 'Ask someone to write the ideas on notes for the client.',
        fi: 'Pyydä jotakuta kirjaamaan ideat lapuille asiakasta varten.',
        sv: 'Be någon skriva idéerna på lappar åt klienten.',
      },
      timeboxSeconds: 8 * 60,
      speakingMode: 'consultants',
      layout: {
        frames: [{ id: 'ideas', label: { en: 'Ideas', fi: 'Ideat', sv: 'Idéer' }, x: 0, y: 0, w: 1200, h: 800 }],
        notes: [],
      },
    },
    {
      id: 'feedback',
      title: { en: 'The client’s feedback', fi: 'Asiakkaan palaute', sv: 'Klientens återkoppling' },
      instructions: {
        en: 'The client tells what was most useful and what they will try.',
        fi: 'Asiakas kertoo, mikä oli hyödyllisintä ja mitä hän aikoo kokeilla.',
        sv: 'Klienten berättar vad som var mest till nytta och vad hen ska pröva.',
      },
      facilitatorNotes: {
        en: 'Thank the client, then choose the next one.',
        fi: 'Kiitä asiakasta ja valitse sitten seuraava.',
        sv: 'Tacka klienten och välj sedan nästa.',
      },
      timeboxSeconds: 2 * 60,
      speakingMode: 'presenter',
    },
  ],
});
