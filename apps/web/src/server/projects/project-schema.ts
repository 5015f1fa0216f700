import { z } from "zod";
import { noControlCharacters } from "@repo/auth/http";

/** Body of `POST /api/projects` and the create-project form. */
export const createProjectSchema = z.object({
  name: noControlCharacters(z.string({ error: "Enter a project name." }))
    .trim()
    .min(1, "Enter a project name.")
    .max(120, "Use at most 120 characters."),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** Project ids are uuids; anything else cannot exist, so it is a 404, not a database error. */
export const projectIdSchema = z.uuid();

/** The JSON shape of a project in the API (contract: `{ id, name, createdAt }`). */
export type ProjectView = { id: string; name: string; createdAt: string };
