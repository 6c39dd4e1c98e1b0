import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'vermeboard' },
    // Tokens travel in sync URLs and Authorization headers: never log them.
    redact: { paths: ['token', 'req.headers.authorization', '*.token'], censor: '[redacted]' },
  });
}
