// Shared ESLint flat config. The house boundary rules (listed in this folder's README.md) live here so every
// workspace enforces them the same way:
//   1. no deep imports into another package (`@repo/x/src/...`, or a relative path out of the
//      workspace) — use its `exports` map;
//   2. `process.env` is read only in `env.ts` (and config files, tests, scripts);
//   3. files that run in the proxy/edge (`edgeFiles`) use web-standard APIs only.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { noCrossWorkspaceImport } from "./no-cross-workspace-import.js";

const deepImportPatterns = [
  {
    group: ["@repo/*/src", "@repo/*/src/**", "@repo/*/test/**"],
    message: "Import only what a package's `exports` map declares (no deep imports).",
  },
  {
    group: ["**/packages/*/src/**", "**/apps/*/**", "../../packages/**", "../../apps/**"],
    message: "Cross-workspace relative imports are forbidden: depend on the package instead.",
  },
];

const envMessage = "Read env only in env.ts (validated with zod) and pass values in.";
// `import { env } from "node:process"` is `process.env` by another name.
const envImportPaths = ["node:process", "process"].map((name) => ({ name, importNames: ["env"], message: envMessage }));

/**
 * Files allowed to read `process.env`: the one `env.ts` per workspace, plus tool configs, tests
 * and scripts. Globs resolve against the directory of the workspace's own `eslint.config.js`
 * (e.g. `packages/tenancy/`), so they name paths inside a workspace, never repo-root paths; a
 * workspace that is env plumbing as a whole (tooling/services) opts out in its own config.
 */
const envReaders = [
  "**/env.ts",
  "**/*.config.{ts,mts,js,mjs}",
  "**/next.config.ts",
  "**/test/**",
  "**/e2e/**",
  "**/bench/**",
  "**/scripts/**",
];

/**
 * @param {{ edgeFiles?: string[], ignores?: string[] }} [options]
 *   edgeFiles — globs of files that run in the proxy (or any edge runtime).
 */
export function createConfig(options = {}) {
  const { edgeFiles = [], ignores = [] } = options;
  return tseslint.config(
    {
      ignores: [
        "**/.next/**",
        "**/dist/**",
        "**/node_modules/**",
        "**/.turbo/**",
        "**/next-env.d.ts",
        "**/playwright-report/**",
        "**/test-results/**",
        ...ignores,
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      plugins: { repo: { rules: { "no-cross-workspace-import": noCrossWorkspaceImport } } },
      rules: {
        "repo/no-cross-workspace-import": "error",
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        "no-restricted-imports": ["error", { paths: envImportPaths, patterns: deepImportPatterns }],
        "no-restricted-properties": ["error", { object: "process", property: "env", message: envMessage }],
        "no-restricted-syntax": [
          "error",
          { selector: "TSEnumDeclaration", message: "Use an `as const` union instead of a TS enum." },
        ],
      },
    },
    {
      files: envReaders,
      rules: {
        "no-restricted-properties": "off",
        "no-restricted-imports": ["error", { patterns: deepImportPatterns }],
      },
    },
    ...(edgeFiles.length === 0
      ? []
      : [
          {
            files: edgeFiles,
            rules: {
              "no-restricted-imports": [
                "error",
                {
                  paths: envImportPaths,
                  patterns: [
                    ...deepImportPatterns,
                    { group: ["node:*"], message: "Proxy/edge code uses web-standard APIs only (no node: modules)." },
                    {
                      group: [
                        "postgres",
                        "drizzle-orm",
                        "drizzle-orm/**",
                        "@repo/db",
                        "@repo/db/**",
                        "fs",
                        "path",
                        "crypto",
                        "net",
                        "tls",
                        "child_process",
                        "os",
                        "buffer",
                        "stream",
                        "@node-rs/*",
                      ],
                      message: "Proxy/edge code must not import Node built-ins or database drivers.",
                    },
                  ],
                },
              ],
              "no-restricted-globals": [
                "error",
                { name: "Buffer", message: "Use Uint8Array / TextEncoder (web-standard)." },
                { name: "process", message: "Env is passed in; proxy code never reads process." },
                { name: "require", message: "ESM only." },
                { name: "__dirname", message: "Not available in edge runtimes." },
              ],
            },
          },
        ]),
  );
}

export default createConfig();
