import { asc } from "drizzle-orm";
import { type ControlPlaneDb, operators } from "@repo/db/control-plane";
import { type OperatorView, toOperatorView } from "./operator-view";

/** Every operator, oldest first (a platform has a handful: no paging). */
export async function listOperators(db: ControlPlaneDb): Promise<OperatorView[]> {
  const rows = await db.select().from(operators).orderBy(asc(operators.createdAt), asc(operators.email));
  return rows.map(toOperatorView);
}
