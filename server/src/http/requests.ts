// Request parsing shared by the API routers: JSON and form bodies within a size bound, and path ids that
// answer 404 when malformed (a malformed id can name nothing that exists).
import express from 'express';
import { HttpError } from './errors.js';

export const jsonBody = express.json({ limit: '64kb', strict: true });

/** A small form-encoded body, as a mail provider's one-click POST sends (`List-Unsubscribe=One-Click`). */
export const formBody = express.urlencoded({ limit: '1kb', extended: false, parameterLimit: 4 });

interface Parser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

export function pathParam<T>(schema: Parser<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, `unknown ${name}`, name);
  return parsed.data;
}

/** 404 unless the record exists and belongs to the caller's group (ids of other groups look unknown). */
export function ownedBy<T extends { groupId: string }>(record: T | null, groupId: string, name: string): T {
  if (!record || record.groupId !== groupId) throw new HttpError(404, `unknown ${name}`, name);
  return record;
}
