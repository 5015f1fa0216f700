// The global setup's Postgres servers are real: create a database, write, read, drop — on both
// DATABASE_URL and DATABASE_URL_2 (the second server used by multi-server placement tests).
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";

const services = inject("services");

describe.each([
  ["DATABASE_URL", services.DATABASE_URL],
  ["DATABASE_URL_2", services.DATABASE_URL_2],
])("%s", (_name, url) => {
  it("is a separate, real server that can create, write, read and drop a database", async () => {
    expect(url).toBeTruthy();
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    const database = `services_test_${randomBytes(6).toString("hex")}`;
    try {
      await admin`create database ${admin(database)}`;
      const target = new URL(url!);
      target.pathname = `/${database}`;
      const db = postgres(target.href, { max: 1, onnotice: () => {} });
      try {
        await db`create table notes (id serial primary key, body text not null)`;
        await db`insert into notes ${db([{ body: "héllo" }, { body: "wörld" }])}`;
        const rows = await db<{ body: string }[]>`select body from notes order by id`;
        expect(rows.map((r) => r.body)).toEqual(["héllo", "wörld"]);
      } finally {
        await db.end();
      }
    } finally {
      await admin`drop database if exists ${admin(database)} with (force)`;
      const [left] = await admin`select count(*)::int as n from pg_database where datname = ${database}`;
      expect(left?.n).toBe(0);
      await admin.end();
    }
  });
});

describe("two servers", () => {
  it("DATABASE_URL and DATABASE_URL_2 point at different servers", async () => {
    const identify = async (url: string) => {
      const sql = postgres(url, { max: 1 });
      const [row] = await sql<{ id: string }[]>`select system_identifier::text as id from pg_control_system()`;
      await sql.end();
      return row?.id;
    };
    const [first, second] = await Promise.all([identify(services.DATABASE_URL), identify(services.DATABASE_URL_2!)]);
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });
});
