import { createConfig } from "@repo/eslint-config";

export default createConfig();
