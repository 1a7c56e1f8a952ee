import type { ReferenceDto } from "@bailanys/common/api/reference";
import type { ReferenceSnapshot } from "./reference.snapshot.ts";

const names = (row: { name_kk: string; name_ru: string; name_en: string }) => ({ nameKk: row.name_kk, nameRu: row.name_ru, nameEn: row.name_en });
const base = (row: { code: string; name_kk: string; name_ru: string; name_en: string; sort: number; active: boolean }) => ({
  code: row.code,
  ...names(row),
  sort: row.sort,
  active: row.active,
});

/** All reference data of a tenant as the forms and the admin screens read it. */
export function presentReference(ref: ReferenceSnapshot): ReferenceDto {
  return {
    tenant: { id: ref.tenant.id, code: ref.tenant.code, nameKk: ref.tenant.nameKk, nameRu: ref.tenant.nameRu, nameEn: ref.tenant.nameEn, numberPrefix: ref.tenant.numberPrefix },
    kinds: [...ref.kinds.values()].map((k) => ({ ...base(k), requiresCategory: k.requires_category, requiresOutcome: k.requires_outcome })),
    types: [...ref.types.values()].map((t) => ({ ...base(t), kindCode: t.kind_code, term: t.term, termUnit: t.term_unit })),
    statuses: [...ref.statuses.values()].map((s) => ({ ...base(s), phase: s.phase, action: s.action, isInitial: s.is_initial, clientVisible: s.client_visible, color: s.color })),
    transitions: ref.transitions.map((t) => ({
      fromStatus: t.from_status,
      toStatus: t.to_status,
      permission: t.permission,
      requiresReason: t.requires_reason,
      requiresClientMessage: t.requires_client_message,
    })),
    criticality: [...ref.criticality.values()].map((c) => ({ ...base(c), rank: c.rank, color: c.color })),
    channels: [...ref.channels.values()].map(base),
    languages: [...ref.languages.values()].map(base),
    escalationRules: ref.escalation.map((r) => ({ level: r.level, thresholdPct: r.threshold_pct, ...names(r), notifyRoles: r.notify_roles, active: r.active })),
    classifier: [...ref.classifier.values()].map((c) => ({
      id: c.id,
      code: c.code,
      parentId: c.parent_id,
      ...names(c),
      bodyId: c.body_id,
      unitId: c.unit_id,
      defaultTypeCode: c.default_type_code,
      sort: c.sort,
      active: c.active,
    })),
    bodies: [...ref.bodies.values()].map((b) => ({ id: b.id, bin: b.bin, ...names(b), isExternal: b.is_external, email: b.email, active: b.active })),
    units: [...ref.units.values()].map((u) => ({ id: u.id, bodyId: u.body_id, parentId: u.parent_id, ...names(u), active: u.active })),
    positions: [...ref.positions.values()].map((p) => ({ id: p.id, unitId: p.unit_id, ...names(p), active: p.active })),
  };
}
