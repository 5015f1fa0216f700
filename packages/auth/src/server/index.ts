// @repo/auth/server — Node-only: password hashing, Auth.js instances, server-side session checks.
export { hashPassword, verifyPassword } from "./password";
