import { createConfig } from "@repo/eslint-config";

export default createConfig({
  edgeFiles: ["src/proxy.ts", "src/server/proxy-runtime.ts", "src/server/api-error.ts", "src/server/origin-check.ts"],
});
