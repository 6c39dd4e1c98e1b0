// Error responses. Every error is JSON `{ error, field? }`; internal details are logged, never sent.
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { ApiError } from '@vermeboard/shared';
import { FacilitationClosedError, type CommandRefused } from '../facilitation/Facilitation.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * A facilitation command's outcome as an answer: a refusal by the policy is 403, one by the state
 * machine (or an unreadable session) 409, and a server shutting down 503.
 */
export async function commandOutcome<T extends { ok: true }>(outcome: Promise<T | CommandRefused>): Promise<T> {
  let done: T | CommandRefused;
  try {
    done = await outcome;
  } catch (err) {
    if (err instanceof FacilitationClosedError) throw new HttpError(503, err.message);
    throw err;
  }
  if (!done.ok) throw new HttpError(done.code === 'forbidden' ? 403 : 409, done.reason);
  return done;
}

export function sendError(res: Response, status: number, error: string, field?: string): void {
  const body: ApiError = field === undefined ? { error } : { error, field };
  res.status(status).json(body);
}

/** The first zod issue as a 400 naming the field, e.g. `{ error: "name: must not be empty", field: "name" }`. */
export function zodToHttpError(err: ZodError): HttpError {
  const issue = err.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue
    ? issue.code === 'invalid_type' && issue.input === undefined
      ? 'is required'
      : issue.message
    : 'invalid input';
  return new HttpError(400, field ? `${field}: ${message}` : message, field);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof HttpError) return sendError(res, err.status, err.message, err.field);
    if (err instanceof ZodError) {
      const e = zodToHttpError(err);
      return sendError(res, e.status, e.message, e.field);
    }
    // body-parser errors carry a status and a type; report them without internals.
    const e = err as { status?: number; type?: string };
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'the request body is not valid JSON');
    if (e.type === 'entity.too.large') return sendError(res, 413, 'the request body is too large');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, e.status, 'bad request');
    }
    logger.error({ err, method: req.method, path: req.path }, 'request failed');
    sendError(res, 500, 'internal error');
  };
}
