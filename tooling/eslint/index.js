// Shared ESLint flat config. The house boundary rules (STYLE.md) live here so every
// workspace enforces them the same way:
//   1. no deep imports into another package (`@repo/x/src/...`) — use its `exports` map;
//   2. `process.env` is read only in `env.ts` (and framework config files);
//   3. files that run in the proxy/edge (`edgeFiles`) use web-standard APIs only.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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

/** Files allowed to read `process.env`: the one `env.ts` per workspace, plus tool configs. */
const envReaders = [
  "**/env.ts",
  "**/*.config.{ts,mts,js,mjs}",
  "**/next.config.ts",
  "tooling/services/**",
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
    { ignores: ["**/.next/**", "**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/next-env.d.ts", "**/playwright-report/**", "**/test-results/**", ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      rules: {
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        "no-restricted-imports": ["error", { patterns: deepImportPatterns }],
        "no-restricted-properties": [
          "error",
          { object: "process", property: "env", message: "Read env only in env.ts (validated with zod) and pass values in." },
        ],
        "no-restricted-syntax": [
          "error",
          { selector: "TSEnumDeclaration", message: "Use an `as const` union instead of a TS enum." },
        ],
      },
    },
    {
      files: envReaders,
      rules: { "no-restricted-properties": "off" },
    },
    ...(edgeFiles.length === 0 ? [] : [{
      files: edgeFiles,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              ...deepImportPatterns,
              { group: ["node:*"], message: "Proxy/edge code uses web-standard APIs only (no node: modules)." },
              {
                group: ["postgres", "drizzle-orm", "drizzle-orm/**", "@repo/db", "@repo/db/**", "fs", "path", "crypto", "net", "tls", "child_process", "os", "buffer", "stream", "@node-rs/*"],
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
    }]),
  );
}

export default createConfig();
