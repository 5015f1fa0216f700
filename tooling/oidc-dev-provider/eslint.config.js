import { createConfig } from "@repo/eslint-config";

export default [
  ...createConfig(),
  // This package IS the env plumbing (it discovers services and hands their URLs to other
  // processes), so the shared "process.env only in env.ts" rule does not apply here. The
  // exemption lives here because the preset's globs resolve relative to each workspace's
  // config file: a repo-root glob such as `tooling/services/**` would match nothing.
  { files: ["**/*.ts"], rules: { "no-restricted-properties": "off" } },
];
