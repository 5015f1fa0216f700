import { createConfig } from "@repo/eslint-config";

export default [
  ...createConfig(),
  // This package IS the env plumbing (it discovers services and hands their URLs to other
  // processes), so the shared "process.env only in env.ts" rule does not apply here. The
  // shared preset means to exempt it (`tooling/services/**`), but its globs resolve relative
  // to this config file.
  { files: ["**/*.ts"], rules: { "no-restricted-properties": "off" } },
];
