import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Binding } from "./registrar.ts";

/** Where the registrar keeps the bindings every voice process may use (the UDP ones). */
export interface RegistrationStore {
  /** Replaces the extension's stored bindings with these (none: the phone unregistered). */
  save(user: string, bindings: readonly Binding[]): Promise<void>;
  /** The extension's stored bindings that have not expired. */
  load(user: string): Promise<Binding[]>;
}

/**
 * Bindings in `voice_registrations`, so that a call arriving at any voice process rings a phone that registered
 * at another. Saves of one extension run one after the other, in the order the REGISTERs were answered.
 */
export class DbRegistrationStore implements RegistrationStore {
  private readonly saving = new Map<string, Promise<void>>();

  constructor(private readonly db: Db) {}

  save(user: string, bindings: readonly Binding[]): Promise<void> {
    const previous = this.saving.get(user) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(user, bindings));
    this.saving.set(user, next);
    void next.finally(() => {
      if (this.saving.get(user) === next) {
        this.saving.delete(user);
      }
    }).catch(() => undefined);
    return next;
  }

  private async write(user: string, bindings: readonly Binding[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("voice_registrations").where("extension", "=", user).execute();
      if (bindings.length > 0) {
        await trx
          .insertInto("voice_registrations")
          .values(bindings.map((b) => ({ extension: user, contact: b.contact, source_address: b.source.address, source_port: b.source.port, expires_at: new Date(b.expiresAt) })))
          .execute();
      }
    });
  }

  async load(user: string): Promise<Binding[]> {
    const rows = await this.db
      .selectFrom("voice_registrations")
      .select(["contact", "source_address", "source_port", "expires_at"])
      .where("extension", "=", user)
      .where("expires_at", ">", sql<Date>`now()`)
      .execute();
    return rows.map((r) => ({ user, contact: r.contact, source: { address: r.source_address, port: r.source_port }, transport: "UDP", expiresAt: new Date(r.expires_at).getTime() }));
  }
}
