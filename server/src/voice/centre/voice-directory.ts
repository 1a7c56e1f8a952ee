import { BlockList, isIPv4 } from "node:net";
import type { Db } from "../../db/database.ts";
import type { IvrMenu } from "../ivr/ivr-menu.ts";
import type { SipEndpoint } from "../sip/message.ts";

function parseEndpoint(value: string | null): SipEndpoint | null {
  const match = value === null ? null : /^([0-9.]+):(\d+)$/.exec(value);
  return match ? { address: match[1] ?? "", port: Number(match[2]) } : null;
}

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
  /** Where outbound calls go (the carrier's or PBX's SIP address); null: none are placed. */
  outboundTrunk: SipEndpoint | null;
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
  /** Uploaded prompt recordings: tenant → "key/locale" → a version that changes with every upload. */
  private recordings = new Map<string, Map<string, string>>();
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
    const [settings, trunks, numbers, extensions, prompts] = await Promise.all([
      this.db.selectFrom("voice_settings").selectAll().execute(),
      this.db.selectFrom("voice_trunks").select(["tenant_id", "allowed_sources"]).where("active", "=", true).execute(),
      this.db.selectFrom("voice_entry_points").selectAll().execute(),
      this.db.selectFrom("voice_extensions").select(["extension", "tenant_id", "user_id", "ha1", "realm"]).execute(),
      this.db.selectFrom("voice_prompts").select(["tenant_id", "key", "locale", "uploaded_at"]).execute(),
    ]);
    const recordings = new Map<string, Map<string, string>>();
    for (const p of prompts) {
      const own = recordings.get(p.tenant_id) ?? new Map<string, string>();
      own.set(`${p.key}/${p.locale}`, `${p.tenant_id}/${p.key}/${p.locale}/${new Date(p.uploaded_at).getTime()}`);
      recordings.set(p.tenant_id, own);
    }
    this.recordings = recordings;
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
        outboundTrunk: parseEndpoint(row.outbound_trunk),
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

  allTenants(): TenantVoice[] {
    return [...this.tenants.values()];
  }

  tenant(tenantId: string): TenantVoice | null {
    return this.tenants.get(tenantId) ?? null;
  }

  outboundTrunkOf(tenantId: string): SipEndpoint | null {
    return this.tenants.get(tenantId)?.outboundTrunk ?? null;
  }

  /** The tenant's number (the first), shown to citizens it calls. */
  numberOf(tenantId: string): string | null {
    return [...this.numbers].find(([, t]) => t === tenantId)?.[0] ?? null;
  }

  /** Whether a call from this address may reach the tenant: only from one of its trunks' addresses. */
  admits(tenant: TenantVoice, address: string): boolean {
    return isIPv4(address) && tenant.sources.check(address, "ipv4");
  }

  /** HA1 of an extension for the registrar's realm (null: unknown, or set for another realm). */
  ha1For(extension: string, realm: string): string | null {
    const found = this.extensions.get(extension);
    return found && found.realm === realm ? found.ha1 : null;
  }

  /** The version of a tenant's uploaded recording of a prompt, or null when generated speech reads its text. */
  recordingOf(tenantId: string, key: string, locale: string): string | null {
    return this.recordings.get(tenantId)?.get(`${key}/${locale}`) ?? null;
  }

  /** The extension an operator's phone registers as. */
  extensionOf(userId: string): string | null {
    return this.byUser.get(userId) ?? null;
  }
}
