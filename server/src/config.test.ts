import { expect, it } from 'vitest';
import { loadConfig } from './config.js';

it('stores in SQLite unless told otherwise', () => {
  expect(loadConfig({}, null).storage).toEqual({ kind: 'sqlite' });
});

it('stores in PostgreSQL at DATABASE_URL with STORAGE=postgres', () => {
  const url = 'postgres://vb@db.example:5432/vermeboard';
  expect(loadConfig({ STORAGE: 'postgres', DATABASE_URL: url }, null).storage).toEqual({ kind: 'postgres', url });
});

it('shares documents through Redis only with REDIS_URL, and only on PostgreSQL', () => {
  const postgres = { STORAGE: 'postgres', DATABASE_URL: 'postgres://127.0.0.1/vb' };
  expect(loadConfig(postgres, null).cluster).toBeNull();
  expect(loadConfig({ ...postgres, REDIS_URL: 'redis://127.0.0.1:6379' }, null).cluster).toEqual({
    url: 'redis://127.0.0.1:6379',
    prefix: 'vermeboard:',
  });
  expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, null)).toThrow(/REDIS_URL needs STORAGE=postgres/);
  expect(() => loadConfig({ ...postgres, REDIS_URL: 'http://127.0.0.1' }, null)).toThrow(/REDIS_URL/);
});

it('refuses to start on PostgreSQL without a DATABASE_URL', () => {
  expect(() => loadConfig({ STORAGE: 'postgres' }, null)).toThrow(/STORAGE=postgres needs DATABASE_URL/);
});

it('refuses a DATABASE_URL that STORAGE does not use, an unknown STORAGE, and a URL of another kind', () => {
  expect(() => loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/vb' }, null)).toThrow(/STORAGE is sqlite/);
  expect(() => loadConfig({ STORAGE: 'mysql' }, null)).toThrow(/Invalid configuration: STORAGE/);
  expect(() => loadConfig({ STORAGE: 'postgres', DATABASE_URL: 'mysql://127.0.0.1/vb' }, null)).toThrow(
    /DATABASE_URL: must be a postgres/,
  );
});

it('sends mail only with both SMTP_URL and SMTP_FROM', () => {
  expect(loadConfig({}, null).mail).toBeNull();
  expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'vb@example.org' }, null).mail).toEqual({
    url: 'smtp://127.0.0.1:2525',
    from: 'vb@example.org',
  });
  expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }, null)).toThrow(/SMTP_URL needs SMTP_FROM/);
  expect(() => loadConfig({ SMTP_FROM: 'vb@example.org' }, null)).toThrow(/SMTP_FROM is set but SMTP_URL/);
  expect(() => loadConfig({ SMTP_URL: 'http://127.0.0.1', SMTP_FROM: 'vb@example.org' }, null)).toThrow(/SMTP_URL/);
  expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1', SMTP_FROM: 'not an address' }, null)).toThrow(/SMTP_FROM/);
});

it('takes PUBLIC_URL as an origin for the links in mail, and nothing else', () => {
  expect(loadConfig({}, null).publicUrl).toBeNull();
  expect(loadConfig({ PUBLIC_URL: 'https://vb.example.org/' }, null).publicUrl).toBe('https://vb.example.org');
  expect(loadConfig({ PUBLIC_URL: 'https://vb.example.org:8443' }, null).publicUrl).toBe('https://vb.example.org:8443');
  for (const bad of [
    'vb.example.org',
    'ftp://vb.example.org',
    'https://vb.example.org/app',
    'https://a:b@vb.example.org',
    'https://vb.example.org/?x=1',
  ]) {
    expect(() => loadConfig({ PUBLIC_URL: bad }, null), bad).toThrow(/PUBLIC_URL/);
  }
});
