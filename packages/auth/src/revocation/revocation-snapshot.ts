// The in-memory view of the change log: revoked sessions (compact set), user/tenant epochs,
// claims-stale markers and tenant statuses, each kept for the snapshot window after it arrived.
// Pure data structure: no I/O, no timers. Edge-safe.
import type { ChangeEntry } from "./change-log";
import { SessionFingerprintSet } from "./session-fingerprint-set";
import { sessionStartMs, type RevocableClaims, type RevocationCheck } from "./types";

type Stamp = { value: number; keepUntilMs: number };
type Status = { status: string; keepUntilMs: number };

const NOT_REVOKED: RevocationCheck = Object.freeze({ revoked: false, stale: false });
const STALE: RevocationCheck = Object.freeze({ revoked: false, stale: true });
const REVOKED = {
  session: Object.freeze({ revoked: true, reason: "session", stale: false }),
  user: Object.freeze({ revoked: true, reason: "user", stale: false }),
  tenant: Object.freeze({ revoked: true, reason: "tenant", stale: false }),
} as const satisfies Record<string, RevocationCheck>;

const userKey = (tid: string, uid: string) => `${tid}\u0000${uid}`;

export class RevocationSnapshot {
  readonly sessions = new SessionFingerprintSet();
  readonly #users = new Map<string, Stamp>();
  readonly #tenants = new Map<string, Stamp>();
  readonly #stale = new Map<string, Stamp>();
  readonly #statuses = new Map<string, Status>();

  constructor(readonly windowMs: number) {}

  /** Applies one log entry received at `receivedAtMs` (local clock). */
  apply(entry: ChangeEntry, receivedAtMs: number): void {
    const keepUntilMs = receivedAtMs + this.windowMs;
    switch (entry.kind) {
      case "s": {
        const keep = Math.ceil(keepUntilMs / 1000);
        this.sessions.add(entry.tid, entry.subject, entry.until > 0 ? Math.min(entry.until, keep) : keep);
        return;
      }
      case "u":
        return bump(this.#users, userKey(entry.tid, entry.subject), Number(entry.value), keepUntilMs);
      case "t":
        return bump(this.#tenants, entry.tid, Number(entry.value), keepUntilMs);
      case "c":
        return bump(this.#stale, userKey(entry.tid, entry.subject), Number(entry.value), keepUntilMs);
      case "st":
        this.#statuses.set(entry.tid, { status: entry.value, keepUntilMs });
        return;
    }
  }

  /** The decision for `claims` from the snapshot alone (no allocation on the common path). */
  check(claims: RevocableClaims, nowMs: number): RevocationCheck {
    if (this.sessions.size > 0 && this.sessions.has(claims.tid, claims.sid, nowMs / 1000)) return REVOKED.session;
    const startedMs = sessionStartMs(claims);
    const tenant = this.#tenants.get(claims.tid);
    if (tenant && tenant.keepUntilMs > nowMs && startedMs <= tenant.value) return REVOKED.tenant;
    if (this.#users.size === 0 && this.#stale.size === 0) return NOT_REVOKED;
    const key = userKey(claims.tid, claims.sub);
    const user = this.#users.get(key);
    if (user && user.keepUntilMs > nowMs && startedMs <= user.value) return REVOKED.user;
    const marker = this.#stale.get(key);
    if (marker && marker.keepUntilMs > nowMs && (claims.cat ?? startedMs) <= marker.value) return STALE;
    return NOT_REVOKED;
  }

  tenantStatus(tid: string, nowMs: number): string | undefined {
    const entry = this.#statuses.get(tid);
    return entry && entry.keepUntilMs > nowMs ? entry.status : undefined;
  }

  /** Forgets entries older than the window. */
  prune(nowMs: number): void {
    this.sessions.prune(nowMs / 1000);
    for (const map of [this.#users, this.#tenants, this.#stale, this.#statuses]) {
      for (const [key, entry] of map) if (entry.keepUntilMs <= nowMs) map.delete(key);
    }
  }

  clear(): void {
    this.sessions.clear();
    for (const map of [this.#users, this.#tenants, this.#stale, this.#statuses]) map.clear();
  }
}

function bump(map: Map<string, Stamp>, key: string, value: number, keepUntilMs: number): void {
  if (!Number.isFinite(value)) return;
  const current = map.get(key);
  map.set(key, { value: Math.max(value, current?.value ?? 0), keepUntilMs });
}
