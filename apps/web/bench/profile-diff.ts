// `tsx bench/profile-diff.ts [dir] [--top N] [--match text]` — reads what `pnpm bench:http
// --profile` left in .reports/bench-http-profile (the newest .cpuprofile of the :3002 instance
// and windows.json, its alternated signed-in/public rounds) and prints, per request, the CPU
// time each function took on each side (self time, then inclusive time), largest difference
// first. Times are under the profiler (inflated, but alike on both sides); the samples of a
// round count for its kind only, so a slow spell of the machine lands on both kinds.
// A production build mangles names: `next build --no-mangling` keeps them readable.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Frame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };
type Window = { kind: "signed-in" | "public"; startUs: number; endUs: number; requests: number };

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const top = Number(option("--top") ?? 30);
const match = option("--match");
const dir = args[0] ?? fileURLToPath(new URL("../../../.reports/bench-http-profile", import.meta.url));

const newest = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => `${dir}/${f}`)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!newest) throw new Error(`no .cpuprofile in ${dir}: run \`pnpm bench:http --profile\` first`);
const profile = JSON.parse(readFileSync(newest, "utf8")) as Profile;
const windows = JSON.parse(readFileSync(`${dir}/windows.json`, "utf8")) as Window[];

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
/** Function and where it lives (bundle chunks are one "chunk"; node_modules paths shortened). */
const label = ({ functionName, url, lineNumber }: Frame) => {
  const where = url.includes("/.next/") ? "chunk" : `${url.replace(/.*\/node_modules\//, "")}:${lineNumber + 1}`;
  return `${functionName || "(anonymous)"} ${where}`;
};

const kinds = ["signed-in", "public"] as const;
const self = { "signed-in": new Map<string, number>(), public: new Map<string, number>() };
const inclusive = { "signed-in": new Map<string, number>(), public: new Map<string, number>() };
const requests = { "signed-in": 0, public: 0 };
for (const w of windows) requests[w.kind] += w.requests;
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i]!;
  const round = windows.find((w) => at >= w.startUs && at < w.endUs);
  const node = byId.get(id)!;
  if (!round || node.callFrame.functionName === "(idle)") return;
  const us = profile.timeDeltas[i + 1] ?? 0;
  add(self[round.kind], label(node.callFrame), us);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n)) {
    const key = label(byId.get(n)!.callFrame);
    if (!seen.has(key)) add(inclusive[round.kind], key, us);
    seen.add(key);
  }
});

function table(title: string, maps: typeof self) {
  const keys = new Set([...maps["signed-in"].keys(), ...maps.public.keys()]);
  const rows = [...keys]
    .filter((k) => !match || k.includes(match))
    .map((k) => {
      const [s, p] = kinds.map((kind) => (maps[kind].get(k) ?? 0) / requests[kind]) as [number, number];
      return { k, s, p };
    })
    .sort((a, b) => b.s - b.p - (a.s - a.p))
    .slice(0, top);
  console.log(`\n| ${title} (µs per request under the profiler) | signed-in | public | difference |`);
  console.log("|---|---:|---:|---:|");
  for (const { k, s, p } of rows) console.log(`| ${k} | ${s.toFixed(1)} | ${p.toFixed(1)} | ${(s - p).toFixed(1)} |`);
}

console.log(`${newest}: ${requests["signed-in"]} signed-in and ${requests.public} public requests`);
const total = (kind: (typeof kinds)[number]) => [...self[kind].values()].reduce((a, b) => a + b, 0) / requests[kind];
console.log(`CPU per request: signed-in ${total("signed-in").toFixed(0)} µs, public ${total("public").toFixed(0)} µs`);
table("self time", self);
table("inclusive time", inclusive);
