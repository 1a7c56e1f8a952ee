import type { AppealDto } from "@bailanys/common/api/appeals";
import { Group, Radio, Select, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { useReference } from "../../../reference/useReference.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["scope", "toBodyId", "externalBodyName", "partDescription", "reason", "clientMessage"] as const;
type Field = (typeof FIELDS)[number];
type TargetKind = "platform" | "external" | "other";

interface Props {
  card: AppealDto;
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Sends the appeal, whole or in part, to another body of the platform or to an outside organisation. */
export function ForwardModal({ card, busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [scope, setScope] = useState<"whole" | "part">("whole");
  const [targetKind, setTargetKind] = useState<TargetKind>("platform");
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [externalName, setExternalName] = useState("");
  const [partDescription, setPartDescription] = useState("");
  const [reason, setReason] = useState("");
  const [clientMessage, setClientMessage] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const bodies = (reference?.bodies ?? []).filter((b) => b.active && b.id !== card.body.id);
  const platformBodies = bodies.filter((b) => !b.isExternal).map((b) => ({ value: b.id, label: name(b) }));
  const externalBodies = bodies.filter((b) => b.isExternal).map((b) => ({ value: b.id, label: name(b) }));

  const submit = async () => {
    const required = errorText("FIELD_REQUIRED", locale);
    const found: Partial<Record<Field, string>> = {};
    if (targetKind !== "other" && bodyId === null) {
      found.toBodyId = required;
    }
    if (targetKind === "other" && externalName.trim() === "") {
      found.externalBodyName = required;
    }
    if (scope === "part" && partDescription.trim() === "") {
      found.partDescription = required;
    }
    if (reason.trim() === "") {
      found.reason = errorText("REASON_REQUIRED", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const result = await run(
      {
        scope,
        ...(targetKind === "other" ? { externalBodyName: externalName.trim() } : { toBodyId: bodyId }),
        ...(scope === "part" ? { partDescription: partDescription.trim() } : {}),
        reason: reason.trim(),
        ...(clientMessage.trim() ? { clientMessage: clientMessage.trim() } : {}),
      },
      FIELDS,
    );
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("forward.title")} submitLabel={t("forward.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="forward">
      <Radio.Group label={t("forward.scope")} value={scope} onChange={(v) => setScope(v === "part" ? "part" : "whole")} error={errors.scope}>
        <Group mt="xs">
          <Radio value="whole" label={t("forward.scopeWhole")} />
          <Radio value="part" label={t("forward.scopePart")} />
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t("forward.targetKind")}
        value={targetKind}
        onChange={(v) => {
          setTargetKind(v === "external" || v === "other" ? v : "platform");
          setBodyId(null);
        }}
      >
        <Group mt="xs">
          <Radio value="platform" label={t("forward.targetPlatform")} />
          <Radio value="external" label={t("forward.targetExternal")} disabled={externalBodies.length === 0} />
          <Radio value="other" label={t("forward.targetOther")} />
        </Group>
      </Radio.Group>
      {targetKind === "platform" && (
        <Select label={t("forward.body")} data={platformBodies} value={bodyId} onChange={setBodyId} error={errors.toBodyId} searchable nothingFoundMessage={t("common.nothingFound")} />
      )}
      {targetKind === "external" && (
        <Select label={t("forward.externalBody")} data={externalBodies} value={bodyId} onChange={setBodyId} error={errors.toBodyId} searchable nothingFoundMessage={t("common.nothingFound")} />
      )}
      {targetKind === "other" && (
        <TextInput label={t("forward.externalName")} value={externalName} onChange={(e) => setExternalName(e.currentTarget.value)} error={errors.externalBodyName} maxLength={300} />
      )}
      {scope === "part" && (
        <Textarea label={t("forward.partDescription")} value={partDescription} onChange={(e) => setPartDescription(e.currentTarget.value)} error={errors.partDescription} autosize minRows={2} maxLength={4000} />
      )}
      <Textarea label={t("card.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} maxLength={4000} />
      <Textarea
        label={t("forward.clientMessage")}
        value={clientMessage}
        onChange={(e) => setClientMessage(e.currentTarget.value)}
        error={errors.clientMessage}
        autosize
        minRows={2}
        maxLength={20000}
      />
    </ActionModal>
  );
}
