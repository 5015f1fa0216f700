// An Auth.js adapter that knows no accounts. Node (Next server).
// Auth.js remembers, per process, that an Email provider was configured, and from then on
// refuses every configuration without an adapter ("MissingAdapter"). Configurations of this
// process that must not sign anyone in through an adapter (a request for an unknown host, the
// shared OAuth callback host) carry this one: it finds nobody and creates nothing.
import type { Adapter } from "next-auth/adapters";

const refuse = async (): Promise<never> => {
  throw new Error("no accounts are kept here");
};

export const noAccountAdapter: Adapter = {
  getUser: async () => null,
  getUserByEmail: async () => null,
  getUserByAccount: async () => null,
  createUser: refuse,
  updateUser: refuse,
  linkAccount: refuse,
  createVerificationToken: refuse,
  useVerificationToken: async () => null,
};
