import { defineMethod } from '../method.js';

/**
 * Ongelmaklinikka, a case consultation: one member brings a case, the others act as consultants,
 * and the case owner alternately speaks and only listens.
 */
export const problemClinic = defineMethod({
  id: 'problem-clinic',
  name: { en: 'Problem clinic', fi: 'Ongelmaklinikka', sv: 'Problemklinik' },
  description: {
    en: 'A case consultation: one member presents a real situation from their work, the others ask and then discuss it as consultants while the case owner listens, and the owner decides on a first step.',
    fi: 'Tapauskonsultaatio: yksi jäsen esittelee todellisen tilanteen työstään, muut kysyvät ja pohtivat sitä konsultteina tapauksen tuojan kuunnellessa, ja lopuksi tuoja päättää ensimmäisestä askeleestaan.',
    sv: 'En fallkonsultation: en medlem presenterar en verklig situation från sitt arbete, de andra ställer frågor och diskuterar den sedan som konsulter medan fallägaren lyssnar, och fallägaren bestämmer ett första steg.',
  },
  steps: [
    {
      id: 'choose-case',
      title: { en: 'Choose the case', fi: 'Tapauksen valinta', sv: 'Välj fall' },
      instructions: {
        en: 'Propose cases on notes in the case queue. Together, pick one case and its owner.',
        fi: 'Ehdottakaa tapauksia lapuilla tapausjonoon. Valitkaa yhdessä yksi tapaus ja sen tuoja.',
        sv: 'Föreslå fall på lappar i fallkön. Välj tillsammans ett fall och dess fallägare.',
      },
      facilitatorNotes: {
        en: 'Prefer a case that is current and that the owner can influence. Choose the case owner in the panel before moving on.',
        fi: 'Suosi ajankohtaista tapausta, johon tuoja voi itse vaikuttaa. Valitse tapauksen tuoja paneelista ennen kuin jatkat.',
        sv: 'Välj hellre ett fall som är aktuellt och som fallägaren kan påverka. Välj fallägare i panelen innan ni går vidare.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'open',
      caseOwnerChosenHere: true,
      layout: {
        frames: [
          { id: 'case-queue', label: { en: 'Case queue', fi: 'Tapausjono', sv: 'Fallkö' }, x: 0, y: 0, w: 900, h: 800 },
        ],
        notes: [
          {
            id: 'prompt-propose',
            text: {
              en: 'Propose a case: one line about the situation',
              fi: 'Ehdota tapausta: yksi rivi tilanteesta',
              sv: 'Föreslå ett fall: en rad om situationen',
            },
            frameId: 'case-queue',
            color: 'light-violet',
          },
        ],
      },
    },
    {
      id: 'present-case',
      title: { en: 'Present the case', fi: 'Tapauksen esittely', sv: 'Presentera fallet' },
      instructions: {
        en: 'The case owner describes the situation and fills in the case summary. The others listen without interrupting.',
        fi: 'Tapauksen tuoja kuvaa tilanteen ja täyttää tapauksen tiivistelmän. Muut kuuntelevat keskeyttämättä.',
        sv: 'Fallägaren beskriver situationen och fyller i fallbeskrivningen. De andra lyssnar utan att avbryta.',
      },
      facilitatorNotes: {
        en: 'Five to ten minutes. Help the owner stay with the facts: what happened, who is involved, what has been tried.',
        fi: 'Viidestä kymmeneen minuuttia. Auta tuojaa pysymään tosiasioissa: mitä tapahtui, keitä asia koskee, mitä on jo kokeiltu.',
        sv: 'Fem till tio minuter. Hjälp fallägaren att hålla sig till fakta: vad som har hänt, vem som berörs, vad som har prövats.',
      },
      timeboxSeconds: 8 * 60,
      speakingMode: 'presenter',
      layout: {
        frames: [
          {
            id: 'case-summary',
            label: { en: 'Case summary', fi: 'Tapauksen tiivistelmä', sv: 'Fallbeskrivning' },
            x: 1000,
            y: 0,
            w: 1000,
            h: 800,
          },
        ],
        notes: [
          {
            id: 'prompt-situation',
            text: { en: 'Situation', fi: 'Tilanne', sv: 'Situation' },
            frameId: 'case-summary',
            color: 'yellow',
          },
          {
            id: 'prompt-tried',
            text: { en: 'What have I tried?', fi: 'Mitä olen jo kokeillut?', sv: 'Vad har jag prövat?' },
            frameId: 'case-summary',
            color: 'yellow',
          },
          {
            id: 'prompt-hope',
            text: { en: 'What do I hope for?', fi: 'Mitä toivon?', sv: 'Vad hoppas jag på?' },
            frameId: 'case-summary',
            color: 'yellow',
          },
        ],
      },
    },
    {
      id: 'clarifying-questions',
      title: { en: 'Clarifying questions', fi: 'Tarkentavat kysymykset', sv: 'Klargörande frågor' },
      instructions: {
        en: 'Consultants ask questions that clarify the facts; the case owner answers briefly. No advice yet.',
        fi: 'Konsultit kysyvät tosiasioita tarkentavia kysymyksiä, ja tapauksen tuoja vastaa lyhyesti. Ei vielä neuvoja.',
        sv: 'Konsulterna ställer frågor som klargör fakta; fallägaren svarar kort. Inga råd ännu.',
      },
      facilitatorNotes: {
        en: 'Stop advice disguised as a question (“Have you tried…?”) and ask for it again in the consultation.',
        fi: 'Pysäytä kysymykseksi naamioidut neuvot (”Oletko kokeillut…?”) ja pyydä esittämään ne vasta konsultaatiossa.',
        sv: 'Stoppa råd som är förklädda till frågor (”Har du prövat …?”) och be om dem igen i konsultationen.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'consultants',
      ownerAnswers: true,
      layout: {
        frames: [
          {
            id: 'questions',
            label: { en: 'Questions', fi: 'Kysymykset', sv: 'Frågor' },
            x: 2100,
            y: 0,
            w: 800,
            h: 800,
          },
        ],
        notes: [],
      },
    },
    {
      id: 'key-question',
      title: { en: 'Key question', fi: 'Avainkysymys', sv: 'Nyckelfråga' },
      instructions: {
        en: 'The case owner puts the case into one question: “How can I …?”',
        fi: 'Tapauksen tuoja kiteyttää tapauksen yhdeksi kysymykseksi: ”Miten voisin …?”',
        sv: 'Fallägaren sammanfattar fallet i en fråga: ”Hur kan jag …?”',
      },
      facilitatorNotes: {
        en: 'The question should be the owner’s own and within their influence.',
        fi: 'Kysymyksen tulee olla tuojan oma ja koskea asiaa, johon hän voi vaikuttaa.',
        sv: 'Frågan ska vara fallägarens egen och ligga inom hens påverkan.',
      },
      timeboxSeconds: 3 * 60,
      speakingMode: 'presenter',
      layout: {
        frames: [
          {
            id: 'key-question',
            label: { en: 'Key question', fi: 'Avainkysymys', sv: 'Nyckelfråga' },
            x: 0,
            y: 900,
            w: 2900,
            h: 300,
          },
        ],
        notes: [
          {
            id: 'prompt-how-can-i',
            text: { en: 'How can I …?', fi: 'Miten voisin …?', sv: 'Hur kan jag …?' },
            frameId: 'key-question',
            color: 'orange',
          },
        ],
      },
    },
    {
      id: 'consultation',
      title: { en: 'Consultation', fi: 'Konsultaatio', sv: 'Konsultation' },
      instructions: {
        en: 'Consultants discuss the key question with each other and write ideas on notes. The case owner only listens and takes notes.',
        fi: 'Konsultit pohtivat avainkysymystä keskenään ja kirjoittavat ideoita lapuille. Tapauksen tuoja vain kuuntelee ja tekee muistiinpanoja.',
        sv: 'Konsulterna diskuterar nyckelfrågan sinsemellan och skriver idéer på lappar. Fallägaren bara lyssnar och antecknar.',
      },
      facilitatorNotes: {
        en: 'Talk about the owner in the third person so that they can listen without defending. Encourage many different ideas.',
        fi: 'Puhukaa tuojasta kolmannessa persoonassa, jotta hän voi kuunnella puolustautumatta. Rohkaise esittämään monenlaisia ideoita.',
        sv: 'Tala om fallägaren i tredje person, så att hen kan lyssna utan att försvara sig. Uppmuntra många olika idéer.',
      },
      timeboxSeconds: 10 * 60,
      speakingMode: 'consultants',
      layout: {
        frames: [{ id: 'ideas', label: { en: 'Ideas', fi: 'Ideat', sv: 'Idéer' }, x: 0, y: 1300, w: 2000, h: 900 }],
        notes: [],
      },
    },
    {
      id: 'owner-reflection',
      title: { en: 'Case owner’s reflection', fi: 'Tapauksen tuojan pohdinta', sv: 'Fallägarens reflektion' },
      instructions: {
        en: 'The case owner tells what was useful, stars the most useful ideas and names a first step.',
        fi: 'Tapauksen tuoja kertoo, mikä oli hyödyllistä, merkitsee tähdellä hyödyllisimmät ideat ja nimeää ensimmäisen askeleensa.',
        sv: 'Fallägaren berättar vad som var till nytta, stjärnmärker de mest användbara idéerna och nämner ett första steg.',
      },
      facilitatorNotes: {
        en: 'The owner does not need to justify which ideas they leave aside.',
        fi: 'Tuojan ei tarvitse perustella, mitkä ideat hän jättää sivuun.',
        sv: 'Fallägaren behöver inte motivera vilka idéer hen lämnar åt sidan.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'presenter',
      // The owner stars ideas first, then writes the first step beside them.
      focusFrames: ['ideas', 'first-step'],
      layout: {
        frames: [
          {
            id: 'first-step',
            label: { en: 'My first step', fi: 'Ensimmäinen askeleeni', sv: 'Mitt första steg' },
            x: 2100,
            y: 1300,
            w: 800,
            h: 900,
          },
        ],
        notes: [],
      },
    },
    {
      id: 'closing',
      title: { en: 'Closing round', fi: 'Loppukierros', sv: 'Avslutande runda' },
      instructions: {
        en: 'One line each: what I take from this case for my own work.',
        fi: 'Yksi lause kultakin: mitä vien tästä tapauksesta omaan työhöni.',
        sv: 'En rad var: vad jag tar med mig från det här fallet till mitt eget arbete.',
      },
      facilitatorNotes: {
        en: 'Thank the case owner. Keep turns short.',
        fi: 'Kiitä tapauksen tuojaa. Pidä puheenvuorot lyhyinä.',
        sv: 'Tacka fallägaren. Håll turerna korta.',
      },
      timeboxSeconds: 2 * 60,
      turnSeconds: 30,
      speakingMode: 'round-robin',
      layout: {
        frames: [
          {
            id: 'takeaways',
            label: {
              en: 'What I take for my own work',
              fi: 'Mitä vien omaan työhöni',
              sv: 'Vad jag tar med mig till mitt eget arbete',
            },
            x: 0,
            y: 2300,
            w: 2900,
            h: 500,
          },
        ],
        notes: [],
      },
    },
  ],
});
