import { Type, type Static, type TObject } from "@sinclair/typebox";
import { Code, Literals, LocalizedNames, Nullable, Uuid } from "./shared.ts";

const Names = { nameKk: Type.String(), nameRu: Type.String(), nameEn: Type.String() };
const Editable = { sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })), active: Type.Optional(Type.Boolean()) };

export const STATUS_PHASES = ["new", "routing", "in_progress", "awaiting_confirmation", "closed"] as const;
export const STATUS_ACTIONS = ["forward", "withdraw", "duplicate"] as const;
export const COLORS = ["gray", "red", "pink", "grape", "violet", "indigo", "blue", "cyan", "teal", "green", "lime", "yellow", "orange"] as const;
const Color = Literals(COLORS);

/** Request bodies of the editable code lists, keyed by their path under /reference. */
export const REFERENCE_LIST_BODIES = {
  kinds: Type.Object(
    { ...LocalizedNames, requiresCategory: Type.Boolean(), requiresOutcome: Type.Boolean(), ...Editable },
    { additionalProperties: false },
  ),
  types: Type.Object(
    {
      ...LocalizedNames,
      kindCode: Code,
      term: Type.Integer({ minimum: 1, maximum: 3650 }),
      termUnit: Literals(["WD", "CD"]),
      ...Editable,
    },
    { additionalProperties: false },
  ),
  statuses: Type.Object(
    {
      ...LocalizedNames,
      phase: Literals(STATUS_PHASES),
      action: Type.Optional(Nullable(Literals(STATUS_ACTIONS))),
      isInitial: Type.Optional(Type.Boolean()),
      clientVisible: Type.Optional(Type.Boolean()),
      color: Type.Optional(Color),
      ...Editable,
    },
    { additionalProperties: false },
  ),
  criticality: Type.Object({ ...LocalizedNames, rank: Type.Integer({ minimum: 0, maximum: 100 }), color: Type.Optional(Color), ...Editable }, { additionalProperties: false }),
  channels: Type.Object({ ...LocalizedNames, ...Editable }, { additionalProperties: false }),
  languages: Type.Object({ ...LocalizedNames, ...Editable }, { additionalProperties: false }),
} satisfies Record<string, TObject>;
export type ReferenceListName = keyof typeof REFERENCE_LIST_BODIES;
export const REFERENCE_LIST_NAMES = Object.keys(REFERENCE_LIST_BODIES) as ReferenceListName[];

const Base = { code: Type.String(), ...Names, sort: Type.Integer(), active: Type.Boolean() };
export const KindDto = Type.Object({ ...Base, requiresCategory: Type.Boolean(), requiresOutcome: Type.Boolean() });
export const TypeDto = Type.Object({ ...Base, kindCode: Type.String(), term: Type.Integer(), termUnit: Type.String() });
export const StatusDto = Type.Object({
  ...Base,
  phase: Type.String(),
  action: Nullable(Type.String()),
  isInitial: Type.Boolean(),
  clientVisible: Type.Boolean(),
  color: Type.String(),
});
export const CriticalityDto = Type.Object({ ...Base, rank: Type.Integer(), color: Type.String() });
export const SimpleDto = Type.Object(Base);
export const TransitionDto = Type.Object({
  fromStatus: Type.String(),
  toStatus: Type.String(),
  permission: Type.String(),
  requiresReason: Type.Boolean(),
  requiresClientMessage: Type.Boolean(),
});
export type TransitionDto = Static<typeof TransitionDto>;
export const EscalationRuleDto = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 9 }),
  thresholdPct: Type.Integer({ minimum: 1, maximum: 1000 }),
  ...LocalizedNames,
  notifyRoles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  active: Type.Boolean(),
});
export type EscalationRuleDto = Static<typeof EscalationRuleDto>;
export const ClassifierItemDto = Type.Object({
  id: Uuid,
  code: Type.String(),
  parentId: Nullable(Uuid),
  ...Names,
  bodyId: Nullable(Uuid),
  unitId: Nullable(Uuid),
  defaultTypeCode: Nullable(Type.String()),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export type ClassifierItemDto = Static<typeof ClassifierItemDto>;
export const ClassifierItemBody = Type.Object(
  {
    code: Type.String({ pattern: "^[A-Za-z0-9_.-]{1,40}$" }),
    parentId: Type.Optional(Nullable(Uuid)),
    ...LocalizedNames,
    bodyId: Type.Optional(Nullable(Uuid)),
    unitId: Type.Optional(Nullable(Uuid)),
    defaultTypeCode: Type.Optional(Nullable(Code)),
    ...Editable,
  },
  { additionalProperties: false },
);
export type ClassifierItemBody = Static<typeof ClassifierItemBody>;

export const BodyDto = Type.Object({ id: Uuid, bin: Nullable(Type.String()), ...Names, isExternal: Type.Boolean(), email: Nullable(Type.String()), active: Type.Boolean() });
export const UnitDto = Type.Object({ id: Uuid, bodyId: Uuid, parentId: Nullable(Uuid), ...Names, active: Type.Boolean() });
export const PositionDto = Type.Object({ id: Uuid, unitId: Uuid, ...Names, active: Type.Boolean() });

export const ReferenceDto = Type.Object({
  tenant: Type.Object({ id: Uuid, code: Type.String(), ...Names, numberPrefix: Type.String() }),
  kinds: Type.Array(KindDto),
  types: Type.Array(TypeDto),
  statuses: Type.Array(StatusDto),
  transitions: Type.Array(TransitionDto),
  criticality: Type.Array(CriticalityDto),
  channels: Type.Array(SimpleDto),
  languages: Type.Array(SimpleDto),
  escalationRules: Type.Array(EscalationRuleDto),
  classifier: Type.Array(ClassifierItemDto),
  bodies: Type.Array(BodyDto),
  units: Type.Array(UnitDto),
  positions: Type.Array(PositionDto),
});
export type ReferenceDto = Static<typeof ReferenceDto>;

export const TransitionsBody = Type.Object(
  {
    transitions: Type.Array(
      Type.Object(
        {
          fromStatus: Code,
          toStatus: Code,
          permission: Type.String({ maxLength: 60 }),
          requiresReason: Type.Boolean(),
          requiresClientMessage: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export const EscalationRulesBody = Type.Object({ rules: Type.Array(EscalationRuleDto, { maxItems: 9 }) }, { additionalProperties: false });

export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
