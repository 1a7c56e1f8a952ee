import { BlockList, isIPv4 } from "node:net";
import type { Db } from "../../db/database.ts";
import type { IvrMenu } from "../ivr/ivr-menu.ts";

export interface TenantVoice {
  tenantId: string;
  menu: IvrMenu;
  noticeIntervalSeconds: number;
  waitingFree: boolean;
  shortAbandonSeconds: number;
  recordCalls: boolean;
  recordingRetentionDays: number;
  /** The tenant's trunks' source addresses; a call from elsewhere is refused. */
  sources: BlockList;
}

/** How long what the directory read stays trusted; a change made through the API reloads it at once. */
const RELOAD_MS = 10_000;

/**
 * What the gateway needs to know of every tenant, read from the database and kept in memory: which number leads
 * to which tenant and menu, where their trunks may call from, the extensions and whose they are. The gateway
 * answers SIP from memory (a REGISTER or INVITE never waits on the database); `reload` picks up changes.
 */
export class VoiceDirectory {
  private numbers = new Map<string, string>();
  private tenants = new Map<string, TenantVoice>();
  private extensions = new Map<string, { tenantId: string; userId: string | null; ha1: string; realm: string }>();
  private byUser = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<VoiceDirectory> {
    const directory = new VoiceDirectory(db);
    await directory.reload();
    directory.timer = setInterval(() => void directory.reload().catch(() => undefined), RELOAD_MS);
    directory.timer.unref();
    return directory;
  }

  close(): void {
    if (this.timer !== null) {
      clearInterval(this.timer);
    }
  }

  async reload(): Promise<void> {
    const [settings, trunks, numbers, extensions] = await Promise.all([
      this.db.selectFrom("voice_settings").selectAll().execute(),
      this.db.selectFrom("voice_trunks").select(["tenant_id", "allowed_sources"]).where("active", "=", true).execute(),
      this.db.selectFrom("voice_entry_points").selectAll().execute(),
      this.db.selectFrom("voice_extensions").select(["extension", "tenant_id", "user_id", "ha1", "realm"]).execute(),
    ]);
    const tenants = new Map<string, TenantVoice>();
    for (const row of settings) {
      tenants.set(row.tenant_id, {
        tenantId: row.tenant_id,
        menu: row.menu as IvrMenu,
        noticeIntervalSeconds: row.notice_interval_seconds,
        waitingFree: row.waiting_free,
        shortAbandonSeconds: row.short_abandon_seconds,
        recordCalls: row.record_calls,
        recordingRetentionDays: row.recording_retention_days,
        sources: new BlockList(),
      });
    }
    for (const trunk of trunks) {
      const list = tenants.get(trunk.tenant_id)?.sources;
      for (const source of trunk.allowed_sources) {
        const [address = "", bits] = source.split("/");
        if (list && isIPv4(address)) {
          list.addSubnet(address, bits === undefined ? 32 : Number(bits), "ipv4");
        }
      }
    }
    this.tenants = tenants;
    this.numbers = new Map(numbers.map((n) => [n.number, n.tenant_id]));
    this.extensions = new Map(extensions.map((e) => [e.extension, { tenantId: e.tenant_id, userId: e.user_id, ha1: e.ha1, realm: e.realm }]));
    this.byUser = new Map(extensions.filter((e) => e.user_id !== null).map((e) => [e.user_id as string, e.extension]));
  }

  /** The tenant a dialled number belongs to, with its voice settings; null when the number is not ours. */
  tenantForNumber(number: string): TenantVoice | null {
    const tenantId = this.numbers.get(number);
    return tenantId === undefined ? null : (this.tenants.get(tenantId) ?? null);
  }

  /** Whether a call from this address may reach the tenant: from one of its trunks, or a phone of its own. */
  admits(tenant: TenantVoice, address: string): boolean {
    return isIPv4(address) && tenant.sources.check(address, "ipv4");
  }

  /** HA1 of an extension for the registrar's realm (null: unknown, or set for another realm). */
  ha1For(extension: string, realm: string): string | null {
    const found = this.extensions.get(extension);
    return found && found.realm === realm ? found.ha1 : null;
  }

  /** The extension an operator's phone registers as. */
  extensionOf(userId: string): string | null {
    return this.byUser.get(userId) ?? null;
  }
}
