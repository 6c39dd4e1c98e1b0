// A WebSocket for y-websocket that first buys a single-use sync ticket over HTTP (the personal token
// travels in the Authorization header there) and only then opens the real socket with `?ticket=` in
// its URL: personal tokens never appear in a URL, so they stay out of proxy access logs.
//
// y-websocket constructs a new socket for every (re)connect, so every attempt gets a fresh ticket.
// When the ticket request is refused, the socket "closes" with the code the sync endpoint would have
// used, so that y-websocket's retry rule and our close handling see one vocabulary.
import { CloseCode } from '@vermeboard/shared';
import { HttpError } from '../api/errors.js';

/** Buys a ticket for the document this socket is about to open. */
export type TicketSource = () => Promise<string>;

/** What a refused ticket request means for the socket; 1006 (abnormal) is retried. */
function closeCodeFor(err: unknown): number {
  if (!(err instanceof HttpError)) return 1006;
  if (err.status === 401) return CloseCode.tokenRevoked;
  if (err.status === 403) return CloseCode.forbidden;
  if (err.status === 404 || err.status === 410) return CloseCode.gone;
  return 1006;
}

export function ticketWebSocket(ticket: TicketSource, Impl: typeof WebSocket = WebSocket): typeof WebSocket {
  class TicketWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'blob';
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    private socket: WebSocket | null = null;
    private closed = false;

    constructor(url: string, protocols?: string | string[]) {
      ticket().then(
        (value) => {
          if (this.closed) return;
          const socket = new Impl(
            `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(value)}`,
            protocols,
          );
          socket.binaryType = this.binaryType;
          socket.onopen = (event) => this.onopen?.(event);
          socket.onmessage = (event) => this.onmessage?.(event);
          socket.onerror = (event) => this.onerror?.(event);
          socket.onclose = (event) => this.onclose?.(event);
          this.socket = socket;
        },
        (err: unknown) => {
          if (this.closed) return;
          this.closed = true;
          // y-websocket reads only the code and the reason.
          this.onclose?.({ code: closeCodeFor(err), reason: 'no sync ticket' } as CloseEvent);
        },
      );
    }

    get readyState(): number {
      return this.socket?.readyState ?? (this.closed ? this.CLOSED : this.CONNECTING);
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      this.socket?.send(data);
    }

    close(code?: number, reason?: string): void {
      this.closed = true;
      this.socket?.close(code, reason);
    }
  }
  return TicketWebSocket as unknown as typeof WebSocket;
}
