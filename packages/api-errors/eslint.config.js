import { createConfig } from "@repo/eslint-config";

// Error responses are built in the proxies too: web-standard only.
export default createConfig({ edgeFiles: ["src/**"] });
