import type { ContactDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import { SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useSave } from "../../hooks/useSave.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";

const FIELDS = ["queueId", "agentId", "note"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  contact: ContactDto;
  options: WorkspaceOptions;
  onClose: () => void;
}

/** Hands the conversation to another queue (say, the 2nd line) or straight to a colleague who is ready. */
export function TransferModal({ contact, options, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { busy, save } = useSave();
  const [target, setTarget] = useState<"queue" | "agent">("queue");
  const [queueId, setQueueId] = useState<string | null>(null);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  // Only queues that take this channel can receive it; the current one is pointless.
  const queues = options.queues
    .filter((q) => q.id !== contact.queue?.id && (q.channels.length === 0 || q.channels.includes(contact.channel.code)))
    .sort((a, b) => b.line - a.line || a.name.localeCompare(b.name))
    .map((q) => ({ value: q.id, label: `${q.name} · ${t("workspace.transfer.line", { line: q.line })}` }));
  // A colleague must be ready with room now (the server checks); others are listed but cannot be picked.
  const colleagues = options.colleagues.map((c) => ({
    value: c.id,
    label: `${c.name} · ${t(`workspace.presence.${c.presence}`)}`,
    disabled: c.presence !== "ready" && c.presence !== "busy",
  }));

  const submit = async () => {
    const chosen = target === "queue" ? queueId : agentId;
    if (chosen === null) {
      setErrors({ [target === "queue" ? "queueId" : "agentId"]: errorText("FIELD_REQUIRED", locale) });
      return;
    }
    const body = { ...(target === "queue" ? { queueId: chosen } : { agentId: chosen }), ...(note.trim() === "" ? {} : { note: note.trim() }) };
    const found = await save(() => api(`/contacts/${contact.id}/transfer`, { method: "POST", json: body }), FIELDS, t("workspace.transfer.done"));
    if (found === null) {
      onClose();
    } else {
      setErrors(found);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={t("workspace.transfer.title")} onSubmit={submit} busy={busy} submitLabel={t("workspace.transfer.submit")} testId="transfer">
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="transfer-target">
            {t("workspace.transfer.target")}
          </Text>
          <SegmentedControl
            aria-labelledby="transfer-target"
            value={target}
            onChange={(value) => {
              setTarget(value === "agent" ? "agent" : "queue");
              setErrors({});
            }}
            data={[
              { value: "queue", label: t("workspace.transfer.toQueue") },
              { value: "agent", label: t("workspace.transfer.toColleague") },
            ]}
          />
        </div>
        {target === "queue" ? (
          <Select label={t("workspace.transfer.queue")} data={queues} value={queueId} onChange={setQueueId} error={errors.queueId} searchable data-testid="transfer-queue" />
        ) : (
          <Select label={t("workspace.transfer.colleague")} data={colleagues} value={agentId} onChange={setAgentId} error={errors.agentId} searchable data-testid="transfer-agent" />
        )}
        <Textarea label={t("workspace.transfer.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} maxRows={5} maxLength={2000} />
      </Stack>
    </FormModal>
  );
}
