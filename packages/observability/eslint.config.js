import { createConfig } from "@repo/eslint-config";

// The logger, request ids and the readiness probe run in the proxies too: web-standard only.
export default createConfig({ edgeFiles: ["src/**"] });
