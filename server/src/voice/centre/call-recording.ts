import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Stereo 8 kHz 16-bit WAV: 32 000 bytes a second after its 44-byte header. */
const BYTES_PER_SECOND = 8000 * 2 * 2;
const WAV_HEADER_BYTES = 44;

/** Keeps a call's stereo recording until its tenant's retention runs out. */
export async function storeRecording(db: Db, input: { tenantId: string; callId: string; wav: Buffer; retentionDays: number }): Promise<void> {
  // A call whose media thread died has no recording (its audio went with the thread): nothing to keep.
  if (input.wav.length <= WAV_HEADER_BYTES) {
    return;
  }
  await db
    .insertInto("call_recordings")
    .values({
      tenant_id: input.tenantId,
      call_id: input.callId,
      duration_ms: Math.round(((input.wav.length - WAV_HEADER_BYTES) / BYTES_PER_SECOND) * 1000),
      size_bytes: input.wav.length,
      content: input.wav,
      delete_after: sql<Date>`now() + make_interval(days => ${input.retentionDays})`,
    })
    .execute();
}

/** Recordings past their retention are deleted (a worker job); returns how many. */
export async function purgeExpiredRecordings(db: Db, limit = 500): Promise<number> {
  const result = await db
    .deleteFrom("call_recordings")
    .where("id", "in", db.selectFrom("call_recordings").select("id").where("delete_after", "<", sql<Date>`now()`).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
