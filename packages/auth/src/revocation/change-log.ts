// The revocation change log: every revocation write sets its Redis key AND appends one entry to
// a single Redis Stream (all tenants), in one Lua script, so a reader of the stream can never miss
// a write that a reader of the keys would see. The script stamps values with the Redis server's
// clock (TIME): epochs, stale markers and the session-start stamps they are compared with all
// come from one clock, whichever process wrote them. The stream is trimmed (MINID) to the
// snapshot window. Edge-safe.

/** Change kinds: session revoked, user epoch, tenant epoch, claims-stale marker, tenant status. */
export const CHANGE_KINDS = ["s", "u", "t", "c", "st"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type ChangeEntry = {
  /** Stream id (`<ms>-<seq>`), ordered. */
  id: string;
  kind: ChangeKind;
  tid: string;
  /** sid (s), user id (u, c), "" (t, st). */
  subject: string;
  /** Epoch/marker ms (u, t, c), revoke time ms (s), or the status (st). */
  value: string;
  /** Unix seconds after which the entry means nothing (sessions: their end of life); 0 = none. */
  until: number;
};

/**
 * KEYS[1] = revocation key, KEYS[2] = stream. ARGV: kind, tid, subject, ttl seconds, fixed value
 * ("" = the server time in ms), until (s), window ms. Returns the value written.
 */
export const WRITE_CHANGE_SCRIPT = `
local t = redis.call('TIME')
local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = ARGV[5]
if v == '' then v = tostring(ms) end
redis.call('SET', KEYS[1], v, 'EX', tonumber(ARGV[4]))
redis.call('XADD', KEYS[2], 'MINID', '~', tostring(ms - tonumber(ARGV[7])), '*',
  'k', ARGV[1], 't', ARGV[2], 'i', ARGV[3], 'v', v, 'x', ARGV[6])
return v
`;

const isKind = (k: unknown): k is ChangeKind =>
  typeof k === "string" && (CHANGE_KINDS as readonly string[]).includes(k);

/** Parses one XRANGE record into an entry; null when it isn't one of ours (ignored, not fatal). */
export function parseChangeEntry(id: string, fields: Record<string, unknown>): ChangeEntry | null {
  const kind = fields.k;
  const tid = fields.t;
  if (!isKind(kind) || typeof tid !== "string" || !tid) return null;
  const until = Number(fields.x ?? 0);
  return {
    id,
    kind,
    tid,
    subject: String(fields.i ?? ""),
    value: String(fields.v ?? ""),
    until: Number.isFinite(until) ? until : 0,
  };
}

/** `<ms>-<seq>` -> ms. */
export const streamIdMs = (id: string): number => Number(id.slice(0, id.indexOf("-")));
