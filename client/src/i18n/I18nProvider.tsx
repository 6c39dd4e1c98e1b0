// The UI language: chosen by the user, remembered in this browser, defaulting to the browser's language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { locales, messages, type Locale, type MessageKey } from './messages.js';

const STORAGE_KEY = 'vermeboard.locale';

export function detectLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (stored && (locales as readonly string[]).includes(stored)) return stored as Locale;
  for (const lang of browserLanguages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base && (locales as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * `{n, plural, one {# ääni} other {# ääntä}}`: the branch `Intl.PluralRules` picks for the number,
 * with `#` standing for it — one message per count-dependent sentence instead of paired keys that
 * each caller has to choose between.
 */
const pluralPattern = /\{(\w+), plural,((?:\s*=?\w+ \{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const pluralBranch = /(=?\w+) \{((?:[^{}]|\{\w+\})*)\}/g;

function selectPlurals(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(pluralPattern, (whole, name: string, branches: string) => {
    const n = Number(params[name]);
    if (!Number.isFinite(n)) return whole;
    const options = new Map([...branches.matchAll(pluralBranch)].map((m) => [m[1]!, m[2]!]));
    const chosen = options.get(`=${n}`) ?? options.get(new Intl.PluralRules(locale).select(n)) ?? options.get('other');
    return chosen === undefined ? whole : chosen.replaceAll('#', String(n));
  });
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template: string = messages[locale][key] ?? messages.en[key] ?? key;
  if (!params) return template;
  return selectPlurals(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

interface I18nContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    detectLocale(safeStorageGet(STORAGE_KEY), typeof navigator === 'undefined' ? [] : navigator.languages),
  );
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    safeStorageSet(STORAGE_KEY, next);
  }, []);
  // Screen readers pick their voice from <html lang>, and the browser uses it for hyphenation.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeStorageSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage can be disabled (private mode); the choice then lasts for this page only.
  }
}
