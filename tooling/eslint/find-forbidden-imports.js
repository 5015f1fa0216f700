// Transitive import check: follows every runtime import from an entry file — through tsconfig
// path aliases (`@/server/x`) and workspace packages (`@repo/auth/gate` → its `exports` map →
// packages/auth/src/...) — and reports each forbidden module it reaches, with the chain of
// files that leads there. ESLint's `no-restricted-imports` sees one file's own imports only;
// this sees what a bundler would pull in. Used by the apps' tests to keep their proxies
// web-standard (no database driver, no next-auth/@auth/core server code, no `node:` module).
//
// Resolution is the TypeScript compiler's own (`ts.resolveModuleName` with the app's tsconfig),
// so it agrees with `tsc`. Third-party packages are not descended into: their name is checked.
// `import type` / `export type` are erased and not followed; anything else is (including
// `import { type X }`, which `verbatimModuleSyntax` keeps as a side-effect import, and dynamic
// `import()`).
import { builtinModules } from "node:module";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** Modules no proxy/edge code may reach: Node built-ins, database drivers, Auth.js server code. */
export const PROXY_FORBIDDEN = [
  "node:*",
  ...builtinModules.filter((name) => !name.startsWith("_")),
  "postgres",
  "pg",
  "drizzle-orm",
  "@repo/db",
  "next-auth",
  "@auth/core",
  "@node-rs/*",
  "nodemailer",
  "graphile-worker",
];

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` stays. */
function packageOf(specifier) {
  if (specifier.startsWith("node:")) return specifier;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function matches(pattern, specifier) {
  if (pattern === "node:*") return specifier.startsWith("node:");
  if (pattern.endsWith("/*")) return specifier.startsWith(pattern.slice(0, -1));
  return packageOf(specifier) === pattern;
}

/** Runtime module specifiers of one file (type-only imports and exports are skipped). */
export function runtimeImports(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      !node.isTypeOnly &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function loadCompilerOptions(tsconfigPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfigPath}`);
  return parsed.options;
}

/**
 * Walks the runtime import graph of `entry` and returns every forbidden module reached.
 * @param {{ entry: string, tsconfig: string, forbidden?: string[], root?: string }} input
 * @returns {{ files: string[], externals: string[], violations: { module: string, chain: string[] }[] }}
 *   `files`: our own source files reached; `externals`: third-party packages reached; `chain`:
 *   files from the entry to the importer (paths relative to `root`), then the module.
 */
export function findForbiddenImports({ entry, tsconfig, forbidden = PROXY_FORBIDDEN, root = process.cwd() }) {
  const options = loadCompilerOptions(tsconfig);
  const start = resolve(entry);
  const parent = new Map([[start, null]]);
  const queue = [start];
  const externals = new Set();
  const violations = [];
  const chainTo = (file) => {
    const chain = [];
    for (let f = file; f; f = parent.get(f)) chain.unshift(relative(root, f));
    return chain;
  };
  const report = (file, module) => {
    if (!violations.some((v) => v.module === module && v.chain.at(-2) === relative(root, file))) {
      violations.push({ module, chain: [...chainTo(file), module] });
    }
  };

  while (queue.length > 0) {
    const file = queue.shift();
    const text = ts.sys.readFile(file);
    if (text === undefined) throw new Error(`cannot read ${file}`);
    for (const specifier of runtimeImports(file, text)) {
      const isBare = !specifier.startsWith(".") && !specifier.startsWith("/");
      if (isBare && forbidden.some((p) => matches(p, specifier))) {
        report(file, specifier);
        continue;
      }
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (!resolved) {
        if (isBare) externals.add(packageOf(specifier));
        else report(file, `${specifier} (unresolved)`);
        continue;
      }
      // Workspace packages resolve through a node_modules symlink to their own sources: the
      // real path decides whether this is our code (followed) or a third party's (named).
      const target = ts.sys.realpath?.(resolved.resolvedFileName) ?? resolve(resolved.resolvedFileName);
      if (target.includes("/node_modules/")) {
        externals.add(packageOf(specifier));
        continue;
      }
      if (target.endsWith(".d.ts")) continue;
      if (!parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return { files: [...parent.keys()].map((f) => relative(root, f)), externals: [...externals].sort(), violations };
}

/** One line per violation: `module  ←  a.ts → b.ts → c.ts`. */
export function formatViolations(violations) {
  return violations.map((v) => `${v.module}  <-  ${v.chain.slice(0, -1).join(" -> ")}`).join("\n");
}

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), "../..");
