import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type {
  AppealKindsTable,
  AppealStatusesTable,
  AppealTransitionsTable,
  AppealTypesTable,
  BodiesTable,
  ClassifierItemsTable,
  CriticalityLevelsTable,
  EscalationRulesTable,
  PositionsTable,
  SimpleReferenceTable,
  UnitsTable,
} from "../../db/schema.ts";

/** All reference data of one tenant, keyed for lookups while registering and moving appeals. */
export interface ReferenceSnapshot {
  tenant: { id: string; code: string; numberPrefix: string; nameKk: string; nameRu: string; nameEn: string };
  kinds: Map<string, Selectable<AppealKindsTable>>;
  types: Map<string, Selectable<AppealTypesTable>>;
  statuses: Map<string, Selectable<AppealStatusesTable>>;
  transitions: Selectable<AppealTransitionsTable>[];
  criticality: Map<string, Selectable<CriticalityLevelsTable>>;
  channels: Map<string, Selectable<SimpleReferenceTable>>;
  languages: Map<string, Selectable<SimpleReferenceTable>>;
  classifier: Map<string, Selectable<ClassifierItemsTable>>;
  bodies: Map<string, Selectable<BodiesTable>>;
  units: Map<string, Selectable<UnitsTable>>;
  positions: Map<string, Selectable<PositionsTable>>;
  escalation: Selectable<EscalationRulesTable>[];
}

const byKey = <T, K extends keyof T>(rows: T[], key: K): Map<string, T> => new Map(rows.map((row) => [String(row[key]), row]));

async function loadSnapshot(db: Db, tenantId: string): Promise<ReferenceSnapshot> {
  const [tenant, kinds, types, statuses, transitions, criticality, channels, languages, classifier, bodies, units, positions, escalation] =
    await Promise.all([
      db.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirstOrThrow(),
      db.selectFrom("appeal_kinds").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").execute(),
      db.selectFrom("appeal_types").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").execute(),
      db.selectFrom("appeal_statuses").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").execute(),
      db.selectFrom("appeal_transitions").selectAll().where("tenant_id", "=", tenantId).execute(),
      db.selectFrom("criticality_levels").selectAll().where("tenant_id", "=", tenantId).orderBy("rank").execute(),
      db.selectFrom("channels").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").execute(),
      db.selectFrom("languages").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").execute(),
      db.selectFrom("classifier_items").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").orderBy("code").execute(),
      db.selectFrom("bodies").selectAll().where("tenant_id", "=", tenantId).orderBy("name_ru").execute(),
      db.selectFrom("units").selectAll().where("tenant_id", "=", tenantId).orderBy("name_ru").execute(),
      db.selectFrom("positions").selectAll().where("tenant_id", "=", tenantId).orderBy("name_ru").execute(),
      db.selectFrom("escalation_rules").selectAll().where("tenant_id", "=", tenantId).orderBy("level").execute(),
    ]);
  return {
    tenant: {
      id: tenant.id,
      code: tenant.code,
      numberPrefix: tenant.number_prefix,
      nameKk: tenant.name_kk,
      nameRu: tenant.name_ru,
      nameEn: tenant.name_en,
    },
    kinds: byKey(kinds, "code"),
    types: byKey(types, "code"),
    statuses: byKey(statuses, "code"),
    transitions,
    criticality: byKey(criticality, "code"),
    channels: byKey(channels, "code"),
    languages: byKey(languages, "code"),
    classifier: byKey(classifier, "id"),
    bodies: byKey(bodies, "id"),
    units: byKey(units, "id"),
    positions: byKey(positions, "id"),
    escalation,
  };
}

// Like the calendar: read on every registration, edited rarely. Dropped at once on this node when edited here;
// other nodes follow within CACHE_MS.
const CACHE_MS = 10_000;
const cache = new Map<string, { snapshot: Promise<ReferenceSnapshot>; loadedAt: number }>();

export function referenceSnapshot(db: Db, tenantId: string): Promise<ReferenceSnapshot> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) {
    return hit.snapshot;
  }
  const snapshot = loadSnapshot(db, tenantId);
  cache.set(tenantId, { snapshot, loadedAt: Date.now() });
  snapshot.catch(() => cache.delete(tenantId));
  return snapshot;
}

export function forgetReferenceSnapshot(tenantId: string): void {
  cache.delete(tenantId);
}
