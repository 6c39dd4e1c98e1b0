import { defineMessages } from '../i18n/defineMessages.js';

export const appMessages = defineMessages(
  {
    'app.name': 'Vermeboard',
    'app.nav.home': 'Vermeboard home page',
    'app.language': 'Language',
    'app.loading': 'Loading…',

    'app.home.title': 'A shared whiteboard for facilitated group sessions',
    'app.home.intro':
      'Vermeboard is a real-time whiteboard for peer-group mentoring and other facilitated meetings. The facilitator guides the group step by step while everyone writes, draws and adds sticky notes on the same board.',
    'app.home.noAccounts':
      'No accounts or passwords: you create a group and share its links. Everything stays on this server.',
    'app.create.title': 'Create a group',
    'app.create.groupName': 'Group name',
    'app.create.groupNameHint': 'For example “Spring mentoring group”. At most {max} characters.',
    'app.create.yourName': 'Your name',
    'app.create.yourNameHint': 'The others see this name. You will be the group’s facilitator.',
    'app.create.submit': 'Create group',
    'app.create.submitting': 'Creating…',

    'app.field.groupName': 'Enter a group name of at most {max} characters.',
    'app.field.displayName': 'Enter a name of at most {max} characters.',

    'app.join.title': 'Join the group',
    'app.join.intro': 'You have been invited to a Vermeboard group. Tell the others who you are.',
    'app.join.yourName': 'Your name',
    'app.join.yourNameHint': 'The others see this name. At most {max} characters.',
    'app.join.submit': 'Join',
    'app.join.submitting': 'Joining…',
    'app.join.opening': 'Opening the group…',

    'app.role.facilitator': 'Facilitator',
    'app.role.member': 'Member',
    'app.role.observer': 'Observer',

    'app.group.yourRole': 'Your role: {role}',
    'app.group.youAre': 'You are {name}',
    'app.group.leave': 'Leave this group on this device',
    'app.group.leaveTitle': 'Leave {group} on this device?',
    'app.group.leaveBody':
      'This browser forgets you in the group: your personal link and the copies of the group’s boards and your private notes kept on this device are deleted. The group keeps your name in its history. To come back, open an invite link again; you then join as a new person.',
    'app.group.links.title': 'Invite links',
    'app.group.links.intro':
      'Anyone who opens a link joins the group with that link’s role, so share each link only with the people it is meant for.',
    'app.group.link.facilitator': 'Facilitator link',
    'app.group.link.facilitatorHint': 'For a co-facilitator: can start meetings and guide the group.',
    'app.group.link.member': 'Member link',
    'app.group.link.memberHint': 'For the group’s members: can write and draw on the board.',
    'app.group.link.observer': 'Observer link',
    'app.group.link.observerHint': 'For guests who only watch.',
    'app.group.copy.facilitator': 'Copy facilitator link',
    'app.group.copy.member': 'Copy member link',
    'app.group.copy.observer': 'Copy observer link',
    'app.copy.button': 'Copy',
    'app.copy.done': 'Copied',
    'app.copy.failed': 'Could not copy. Select the link and copy it yourself.',
    'app.group.startMeeting': 'Start a meeting',
    'app.group.startingMeeting': 'Starting…',
    'app.group.meetings.title': 'Meetings',
    'app.group.meetings.empty': 'No meetings yet.',
    'app.group.meetings.current': 'Current',
    'app.group.waiting.title': 'Waiting for the facilitator to start a meeting',
    'app.group.waiting.body':
      'You can keep this page open: it checks every few seconds and opens the meeting as soon as it starts.',
    'app.group.noIdentity.title': 'You have not joined this group in this browser',
    'app.group.noIdentity.body': 'Open the invite link your facilitator shared with you.',

    'app.meeting.back': 'Back to the group',
    'app.meeting.opening': 'Opening the meeting…',

    'app.error.network': 'Cannot reach the server. Check your internet connection and try again.',
    'app.error.linkInvalid': 'This link is no longer valid; ask your facilitator for a new one.',
    'app.error.accessEnded': 'Your access to this group has ended; ask your facilitator for a new link.',
    'app.error.forbidden': 'Your role in this group does not allow that.',
    'app.error.notFound': 'This group or meeting does not exist.',
    'app.error.rateLimited': 'Too many attempts in a short time. Wait a moment and try again.',
    'app.error.unexpected': 'Something went wrong. Try again in a moment.',
    'app.error.retry': 'Try again',
    'app.error.goHome': 'Go to the home page',
    'app.error.pageFailed': 'This page could not be loaded. Check your internet connection and reload the page.',
    'app.error.reload': 'Reload the page',

    'app.notFound.title': 'Page not found',
    'app.notFound.body': 'The address may be mistyped or incomplete.',

    'app.licence.title': 'Notice for the administrator: tldraw licence key missing',
    'app.licence.body':
      'This site is served over HTTPS without a tldraw licence key. tldraw, the drawing engine of Vermeboard, requires a licence key for production use on public HTTPS sites. Set the TLDRAW_LICENSE_KEY environment variable on the server and restart it; the README explains how to get a key.',
    'app.licence.dismiss': 'Dismiss the licence notice',
  },
  {
    'app.name': 'Vermeboard',
    'app.nav.home': 'Vermeboardin etusivu',
    'app.language': 'Kieli',
    'app.loading': 'Ladataan…',

    'app.home.title': 'Yhteinen piirtotaulu ohjattuihin ryhmätapaamisiin',
    'app.home.intro':
      'Vermeboard on reaaliaikainen piirtotaulu vertaisryhmämentorointiin ja muihin ohjattuihin tapaamisiin. Fasilitaattori ohjaa ryhmää vaihe vaiheelta, ja kaikki kirjoittavat, piirtävät ja lisäävät muistilappuja samalle taululle.',
    'app.home.noAccounts':
      'Ei käyttäjätilejä eikä salasanoja: luot ryhmän ja jaat sen linkit. Kaikki tiedot pysyvät tällä palvelimella.',
    'app.create.title': 'Luo ryhmä',
    'app.create.groupName': 'Ryhmän nimi',
    'app.create.groupNameHint': 'Esimerkiksi ”Kevään mentorointiryhmä”. Enintään {max} merkkiä.',
    'app.create.yourName': 'Nimesi',
    'app.create.yourNameHint': 'Muut näkevät tämän nimen. Sinusta tulee ryhmän fasilitaattori.',
    'app.create.submit': 'Luo ryhmä',
    'app.create.submitting': 'Luodaan…',

    'app.field.groupName': 'Anna ryhmälle nimi, jossa on enintään {max} merkkiä.',
    'app.field.displayName': 'Anna nimi, jossa on enintään {max} merkkiä.',

    'app.join.title': 'Liity ryhmään',
    'app.join.intro': 'Sinut on kutsuttu Vermeboard-ryhmään. Kerro muille, kuka olet.',
    'app.join.yourName': 'Nimesi',
    'app.join.yourNameHint': 'Muut näkevät tämän nimen. Enintään {max} merkkiä.',
    'app.join.submit': 'Liity',
    'app.join.submitting': 'Liitytään…',
    'app.join.opening': 'Avataan ryhmää…',

    'app.role.facilitator': 'Fasilitaattori',
    'app.role.member': 'Jäsen',
    'app.role.observer': 'Tarkkailija',

    'app.group.yourRole': 'Roolisi: {role}',
    'app.group.youAre': 'Nimesi: {name}',
    'app.group.leave': 'Poistu ryhmästä tällä laitteella',
    'app.group.leaveTitle': 'Poistutaanko ryhmästä {group} tällä laitteella?',
    'app.group.leaveBody':
      'Tämä selain unohtaa sinut ryhmässä: henkilökohtainen linkkisi sekä tälle laitteelle tallennetut kopiot ryhmän tauluista ja yksityisistä muistiinpanoistasi poistetaan. Nimesi säilyy ryhmän historiassa. Jos haluat palata, avaa kutsulinkki uudelleen; liityt silloin uutena henkilönä.',
    'app.group.links.title': 'Kutsulinkit',
    'app.group.links.intro':
      'Linkin avaaja liittyy ryhmään linkin roolissa, joten jaa kukin linkki vain niille, joille se on tarkoitettu.',
    'app.group.link.facilitator': 'Fasilitaattorin linkki',
    'app.group.link.facilitatorHint': 'Toiselle fasilitaattorille: voi aloittaa tapaamisia ja ohjata ryhmää.',
    'app.group.link.member': 'Jäsenlinkki',
    'app.group.link.memberHint': 'Ryhmän jäsenille: voivat kirjoittaa ja piirtää taululle.',
    'app.group.link.observer': 'Tarkkailijalinkki',
    'app.group.link.observerHint': 'Vieraille, jotka vain seuraavat.',
    'app.group.copy.facilitator': 'Kopioi fasilitaattorin linkki',
    'app.group.copy.member': 'Kopioi jäsenlinkki',
    'app.group.copy.observer': 'Kopioi tarkkailijalinkki',
    'app.copy.button': 'Kopioi',
    'app.copy.done': 'Kopioitu',
    'app.copy.failed': 'Kopiointi ei onnistunut. Valitse linkki ja kopioi se itse.',
    'app.group.startMeeting': 'Aloita tapaaminen',
    'app.group.startingMeeting': 'Aloitetaan…',
    'app.group.meetings.title': 'Tapaamiset',
    'app.group.meetings.empty': 'Ei vielä tapaamisia.',
    'app.group.meetings.current': 'Nykyinen',
    'app.group.waiting.title': 'Odotetaan, että fasilitaattori aloittaa tapaamisen',
    'app.group.waiting.body':
      'Voit pitää tämän sivun auki: se tarkistaa tilanteen muutaman sekunnin välein ja avaa tapaamisen heti, kun se alkaa.',
    'app.group.noIdentity.title': 'Et ole liittynyt tähän ryhmään tällä selaimella',
    'app.group.noIdentity.body': 'Avaa kutsulinkki, jonka sait fasilitaattorilta.',

    'app.meeting.back': 'Takaisin ryhmään',
    'app.meeting.opening': 'Avataan tapaamista…',

    'app.error.network': 'Palvelimeen ei saada yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
    'app.error.linkInvalid': 'Tämä linkki ei ole enää voimassa. Pyydä fasilitaattorilta uusi linkki.',
    'app.error.accessEnded': 'Pääsysi tähän ryhmään on päättynyt. Pyydä fasilitaattorilta uusi linkki.',
    'app.error.forbidden': 'Roolisi tässä ryhmässä ei salli tätä.',
    'app.error.notFound': 'Tätä ryhmää tai tapaamista ei ole olemassa.',
    'app.error.rateLimited': 'Liian monta yritystä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    'app.error.unexpected': 'Jokin meni vikaan. Yritä hetken päästä uudelleen.',
    'app.error.retry': 'Yritä uudelleen',
    'app.error.goHome': 'Siirry etusivulle',
    'app.error.pageFailed': 'Sivua ei voitu ladata. Tarkista verkkoyhteys ja lataa sivu uudelleen.',
    'app.error.reload': 'Lataa sivu uudelleen',

    'app.notFound.title': 'Sivua ei löytynyt',
    'app.notFound.body': 'Osoitteessa voi olla kirjoitusvirhe, tai se voi olla vajaa.',

    'app.licence.title': 'Ilmoitus ylläpitäjälle: tldraw-lisenssiavain puuttuu',
    'app.licence.body':
      'Tämä sivusto toimii HTTPS-yhteydellä ilman tldraw-lisenssiavainta. Vermeboardin piirtomoottori tldraw vaatii lisenssiavaimen tuotantokäyttöön julkisilla HTTPS-sivustoilla. Aseta palvelimelle ympäristömuuttuja TLDRAW_LICENSE_KEY ja käynnistä palvelin uudelleen; README kertoo, miten avaimen saa.',
    'app.licence.dismiss': 'Sulje lisenssi-ilmoitus',
  },
);
