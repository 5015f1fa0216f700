import { createConfig } from "@repo/eslint-config";

// src/host runs in the proxy / edge runtimes: web-standard APIs only.
export default createConfig({ edgeFiles: ["src/host/**"] });
