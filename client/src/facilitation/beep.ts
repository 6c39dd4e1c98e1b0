// A short, soft two-tone chime for "time is up", made with WebAudio so there is no sound file to
// ship. Off by default: a sound in a call that others hear through one's microphone is intrusive.
let context: AudioContext | null = null;

export function playChime(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.25, 880],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.65);
    }
  } catch (error) {
    console.warn('[facilitation] could not play the chime:', error);
  }
}

const soundKey = 'vermeboard.timerSound';

export function loadSoundPreference(): boolean {
  try {
    return localStorage.getItem(soundKey) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundPreference(on: boolean): void {
  try {
    localStorage.setItem(soundKey, on ? 'on' : 'off');
  } catch {
    // Without storage the choice lasts for this page.
  }
}
