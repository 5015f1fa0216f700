import { createConfig } from "@repo/eslint-config";

export default createConfig({ edgeFiles: ["src/proxy.ts"] });
