import { createConfig } from "@repo/eslint-config";

export default createConfig({
  edgeFiles: [
    "src/proxy.ts",
    "src/server/auth/proxy-runtime.ts",
    "src/server/auth/check-operator-token.ts",
    "src/server/auth/slide-operator-session.ts",
    "src/server/http/is-allowed-host.ts",
  ],
});
