/** Stable codes so callers (CLIs, the vitest setup) branch on `code`, never on the message. */
export const servicesErrorCodes = [
  "POSTGRES_START_FAILED",
  "POSTGRES_DIR_UNREADABLE",
  "REDIS_UNAVAILABLE",
  "REDIS_START_FAILED",
  "BRIDGE_START_FAILED",
  "MAILDEV_START_FAILED",
] as const;

export type ServicesErrorCode = (typeof servicesErrorCodes)[number];

/** A local service could not be provided; the message says what to do about it. */
export class ServicesError extends Error {
  override readonly name = "ServicesError";
  constructor(
    readonly code: ServicesErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
