// Client-side check of a human-entered name, mirroring shared's `nameField` so that most mistakes are
// caught before a round trip, with the message in the user's language. The server still decides.
export function cleanName(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function isValidName(raw: string, max: number): boolean {
  const name = cleanName(raw);
  return name.length > 0 && name.length <= max;
}
