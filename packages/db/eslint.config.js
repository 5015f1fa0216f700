import { createConfig } from "@repo/eslint-config";

// Nothing in @repo/db runs at the edge. The shared preset emits `files: []` when `edgeFiles` is
// empty, which ESLint 9 rejects; drop that block here until the preset guards against it.
export default createConfig().filter((block) => !(Array.isArray(block.files) && block.files.length === 0));
