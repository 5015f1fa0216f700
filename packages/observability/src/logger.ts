// A tiny structured logger: one JSON object per line on stdout (stderr for warn/error), with
// `time`, `level`, `service`, `msg` and the caller's fields. Anything that could carry a
// credential — cookies, authorization headers, tokens, passwords, secrets, keys — is replaced by
// "[redacted]" wherever it sits in the fields, so a careless `log.info("x", { headers })` cannot
// leak a session. Web-standard (console only), so the proxies can log too.

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `bindings` (e.g. `{ requestId }`) to every line. */
  child(bindings: LogFields): Logger;
};

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
/** Field names whose values are never logged (matched case-insensitively, anywhere in the name). */
const SECRET_KEY = /cookie|authori[sz]ation|token|password|secret|signing_?keys?|api_?key|session/i;
const MAX_DEPTH = 6;

export function createLogger(options: { service: string; level?: LogLevel; bindings?: LogFields }): Logger {
  const threshold = RANK[options.level ?? "info"];
  const base = { service: options.service, ...options.bindings };
  const write = (level: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      ...redact(base, 0),
      msg,
      ...redact(fields ?? {}, 0),
    });
    if (level === "warn" || level === "error") console.error(line);
    else console.log(line);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (bindings) => createLogger({ ...options, bindings: { ...options.bindings, ...bindings } }),
  };
}

function redact(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redactValue(inner, depth + 1);
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      ...("code" in value ? { code: value.code } : {}),
      stack: value.stack,
    };
  }
  if (value instanceof Headers) return redact(Object.fromEntries(value), depth);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return redact(value as Record<string, unknown>, depth);
}
