/** Stable codes so callers (CLIs, the vitest setup) branch on `code`, never on the message. */
export const servicesErrorCodes = [
  "postgres_start_failed",
  "postgres_dir_unreadable",
  "redis_unavailable",
  "redis_start_failed",
  "bridge_start_failed",
  "maildev_start_failed",
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
