// Module augmentation: what `auth()` / `useSession()` return in this repo.
import type { Permission } from "../rbac/index";

declare module "next-auth" {
  interface Session {
    user: { id: string; email?: string | null; name?: string | null };
    tenant: { id: string; slug: string; name: string };
    roles: string[];
    permissions: Permission[];
    sessionId: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    tid?: string;
    sid?: string;
    roles?: string[];
    permissions?: string[];
    auth_time?: number;
    cat?: number;
  }
}

export {};
