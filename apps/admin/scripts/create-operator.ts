// `pnpm admin:create-operator --email a@b.c [--name "A B"] [--role owner|support]`: creates an
// operator in the control plane named by DATABASE_URL (run `pnpm db:migrate` first). The
// password is prompted twice without echo, or read from standard input when it is piped.
// This is how a production platform gets its first owner: the demo seed never runs there.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createOperatorSchema } from "../src/schemas/operator-schemas";
import { getControlPlane } from "../src/server/control-plane";
import { createOperatorOrThrow } from "../src/server/operators/create-operator-or-throw";
import { runCli } from "./run-cli";
import { readSecret } from "./read-secret";

const USAGE = "usage: pnpm admin:create-operator --email <email> [--name <name>] [--role owner|support]";

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const email = values.email ?? "";
  const password = await readSecret(`Password for ${email} (≥ 12 characters, not shown): `);
  if (process.stdin.isTTY && (await readSecret("Repeat the password: ")) !== password) {
    throw new Error("The two passwords differ; nothing was created.");
  }
  const parsed = createOperatorSchema.safeParse({
    email,
    name: values.name ?? email.split("@")[0],
    role: values.role ?? "owner",
    password,
  });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const { operator } = await createOperatorOrThrow(getControlPlane(), parsed.data);
  console.log(`created operator ${operator.email} (${operator.role}, id ${operator.id})`);
});
