// ESLint rule: a relative import must stay inside its own workspace (the nearest directory
// with a package.json). `../../db/src/x` from packages/tenancy reaches into another package
// past its `exports` map; import-string globs cannot catch that, path resolution can.
import { existsSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";

const workspaceRoots = new Map();

function findWorkspaceRoot(dir) {
  if (workspaceRoots.has(dir)) return workspaceRoots.get(dir);
  const parent = dirname(dir);
  const root = existsSync(resolve(dir, "package.json")) || parent === dir ? dir : findWorkspaceRoot(parent);
  workspaceRoots.set(dir, root);
  return root;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noCrossWorkspaceImport = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      crossWorkspace:
        "'{{source}}' leaves this workspace ({{root}}): depend on the package and import what its `exports` map declares.",
    },
  },
  create(context) {
    const fileDir = dirname(context.filename);
    const root = findWorkspaceRoot(fileDir);
    const check = (sourceNode) => {
      const source = sourceNode?.type === "Literal" ? sourceNode.value : undefined;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = resolve(fileDir, source);
      if (target === root || target.startsWith(root + sep)) return;
      context.report({ node: sourceNode, messageId: "crossWorkspace", data: { source, root } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
