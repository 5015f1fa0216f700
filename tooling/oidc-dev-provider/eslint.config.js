import { createConfig } from "@repo/eslint-config";

export default [
  ...createConfig(),
  // A dev-only tool run from the CLI (`src/cli.ts` reads ROOT_DOMAIN): no env.ts layer here.
  { files: ["src/cli.ts"], rules: { "no-restricted-properties": "off" } },
];
