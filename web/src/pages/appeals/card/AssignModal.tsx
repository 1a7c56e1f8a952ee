import type { AppealDto } from "@bailanys/common/api/appeals";
import type { UserList } from "@bailanys/common/api/users";
import { Select, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";
import { useSession } from "../../../session/useSession.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["unitId", "positionId", "assigneeId"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  card: AppealDto;
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Sets the responsible unit, position and — for users who may see staff accounts — the person. */
export function AssignModal({ card, busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [unitId, setUnitId] = useState<string | null>(card.unit?.id ?? null);
  const [positionId, setPositionId] = useState<string | null>(card.position?.id ?? null);
  const [assigneeId, setAssigneeId] = useState<string | null>(card.assignee?.id ?? null);
  const [users, setUsers] = useState<UserList["items"]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const canPickPerson = can("users.read");

  useEffect(() => {
    if (!canPickPerson) {
      return;
    }
    const controller = new AbortController();
    api<UserList>("/users", { signal: controller.signal })
      .then((list) => setUsers(list.items.filter((u) => u.active)))
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [canPickPerson]);

  const units = (reference?.units ?? []).filter((u) => u.active && u.bodyId === card.body.id).map((u) => ({ value: u.id, label: name(u) }));
  const positions = (reference?.positions ?? []).filter((p) => p.active && p.unitId === unitId).map((p) => ({ value: p.id, label: name(p) }));
  // People of the chosen unit first: they are the usual choice, but anyone active may be assigned.
  const people = [...users]
    .sort((a, b) => Number(b.unitId === unitId) - Number(a.unitId === unitId) || a.fullName.localeCompare(b.fullName))
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` }));

  const submit = async () => {
    const body: Record<string, unknown> = { unitId, positionId };
    if (canPickPerson) {
      body.assigneeId = assigneeId;
    }
    const result = await run(body, FIELDS);
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("assign.title")} submitLabel={t("assign.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="assign">
      <Text size="sm" c="dimmed">
        {t("appeals.body")}: {card.body.name}
      </Text>
      <Select
        label={t("appeals.unit")}
        data={units}
        value={unitId}
        onChange={(value) => {
          setUnitId(value);
          setPositionId(null);
        }}
        error={errors.unitId}
        clearable
        searchable
      />
      <Select label={t("appeals.position")} data={positions} value={positionId} onChange={setPositionId} error={errors.positionId} disabled={unitId === null} clearable />
      {canPickPerson && (
        <Select label={t("appeals.assignee")} data={people} value={assigneeId} onChange={setAssigneeId} error={errors.assigneeId} clearable searchable nothingFoundMessage={t("common.nothingFound")} />
      )}
    </ActionModal>
  );
}
