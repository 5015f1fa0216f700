import { createConfig } from "@repo/eslint-config";

// Files under these folders run in the proxy / edge runtimes: web-standard APIs only.
export default createConfig({
  edgeFiles: ["src/gate/**", "src/token/**", "src/rbac/**", "src/revocation/**", "src/config/**"],
});
