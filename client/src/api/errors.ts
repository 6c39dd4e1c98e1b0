// Failures of a call to the Vermeboard HTTP API, typed so that the UI can choose a message in the
// user's language instead of showing the server's English text.

/** The server answered with an error status. `field` names the offending input field, if any. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    /** The server's English explanation; for logs, not for the UI. */
    readonly serverMessage: string,
    readonly field?: string,
  ) {
    super(`HTTP ${status}: ${serverMessage}`);
  }
}

/** The request never got an answer: offline, server down, DNS, CORS, aborted by a proxy. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause: unknown) {
    super('network request failed', { cause });
  }
}

/** The server answered 2xx with a body that is not what the contract promises. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`unexpected response from ${path}`, { cause });
  }
}

export type ApiFailure = HttpError | NetworkError | ResponseShapeError;
