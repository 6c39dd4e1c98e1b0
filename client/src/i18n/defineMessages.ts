/**
 * Declares a feature's strings: English is the source, Finnish and Swedish must have exactly the
 * same keys. Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  fi: { [K in keyof E]: string },
  sv: { [K in keyof E]: string },
) {
  return { en, fi, sv } as { en: E; fi: { [K in keyof E]: string }; sv: { [K in keyof E]: string } };
}
