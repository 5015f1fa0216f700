// `pnpm admin:create-tenant --slug acme --name "Acme Inc"`: provisions a tenant (database,
// migrations, built-in roles, registry row — all or nothing) exactly as the console does, on
// the control plane named by DATABASE_URL. Run `pnpm db:migrate` first.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createTenantSchema } from "../src/schemas/tenant-schemas";
import { provisionTenantOrThrow } from "../src/server/tenants/provision-tenant-or-throw";
import { runCli } from "./run-cli";

const USAGE = 'usage: pnpm admin:create-tenant --slug <slug> --name "<name>"';

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: { slug: { type: "string" }, name: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const parsed = createTenantSchema.safeParse({ slug: values.slug, name: values.name });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const tenant = await provisionTenantOrThrow(parsed.data, (step) => console.log(`  ${step}`));
  console.log(`created tenant ${tenant.slug} (${tenant.name}, id ${tenant.id})`);
});
