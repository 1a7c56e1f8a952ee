import type { Db } from "../../db/database.ts";

/** The tenant a public request addresses: by code, else the oldest one (a single-centre installation). */
export async function resolvePublicTenant(db: Db, code: string | undefined): Promise<{ id: string; code: string } | undefined> {
  let query = db.selectFrom("tenants").select(["id", "code"]);
  query = code ? query.where("code", "=", code) : query.orderBy("created_at").orderBy("id");
  return query.limit(1).executeTakeFirst();
}
