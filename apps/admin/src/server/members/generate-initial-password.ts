// A generated initial password: 18 random bytes → 24 base64url chars (~144 bits).
import { randomBytes } from "node:crypto";

export function generateInitialPassword(): string {
  return randomBytes(18).toString("base64url");
}
