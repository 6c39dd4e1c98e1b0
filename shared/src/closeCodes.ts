// WebSocket close codes the sync server uses. 1000–1015 are the protocol's own; 4000–4999 are ours.
// HTTP statuses for refused upgrades (401, 403, 404, 429) are sent before a socket exists.
export const CloseCode = {
  /** Normal closure. */
  normal: 1000,
  /** The server is shutting down (SIGTERM); reconnect later. */
  goingAway: 1001,
  /** The frame could not be parsed (bad varint, unknown message type, undecodable update). */
  protocolError: 1002,
  /** A frame larger than the configured maxPayload. */
  messageTooBig: 1009,
  /** Unexpected server failure while handling this connection. */
  internalError: 1011,
  /** The connection's token was revoked (link rotated, participant removed). */
  tokenRevoked: 4401,
  /** The connection tried something its role may not do, e.g. awareness for another client id. */
  forbidden: 4403,
  /** The meeting or its document was deleted while connected. */
  gone: 4404,
  /** The client did not read fast enough; its send buffer passed the cap. */
  slowReader: 4408,
  /**
   * The connection's access changed while it was open (the meeting ended, so its board became
   * read-only). Reconnect at once: the new connection gets the access that holds now.
   */
  accessChanged: 4409,
  /**
   * The facilitator moved this person out of the breakout room whose board this connection has open
   * (to another room, or back to the plenary), or closed the rooms. The browser opens the document
   * the session assigns it now instead of reconnecting to this one.
   */
  roomChanged: 4410,
  /**
   * The server refused an update: it broke a board rule (a record that does not validate, a locked
   * or layout record changed by someone other than the facilitator, a forged author, a server-only
   * type written, a client id of someone else, or structs the server lacks). Nothing of it was
   * applied. The browser drops its local copy of that document, IndexedDB included, and loads it
   * again from the server. Honest clients never meet it.
   */
  updateRefused: 4422,
  /** An update would take the document past its stored-size cap (MAX_DOCUMENT_BYTES); nothing was applied. */
  documentTooLarge: 4413,
  /** The connection spent its budget of messages, bytes, sync step 1 or awareness queries per second. */
  rateLimited: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
