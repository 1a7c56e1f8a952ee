import type { CitizenDto } from "@bailanys/common/api/appeals";
import { mergeConflict, type MergeField, type MergeResultDto } from "@bailanys/common/api/citizens";
import type { CitizenCardDto } from "@bailanys/common/api/contacts";
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { IconAlertTriangle, IconArrowMerge } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isAbort } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { CitizenSearch } from "./CitizenSearch.tsx";
import { defaultKept, mergeBody, mergeRows, type RecordSide } from "./citizenMerge.ts";
import { MergeComparison } from "./MergeComparison.tsx";

interface Props {
  contactId: string;
  /** The record the conversation is tied to: one side of the merge. */
  currentId: string;
  onMerge: (work: () => Promise<CitizenCardDto>) => Promise<void>;
  onClose: () => void;
}

/**
 * Merges the conversation's record with another record of the same person (a senior's action): find the other
 * record, see both side by side, choose which stays and which details to keep, say why. The server moves the
 * contacts, appeals and consents and audits it; the card then shows the whole timeline.
 */
export function MergeCitizenModal({ contactId, currentId, onMerge, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [current, setCurrent] = useState<CitizenDto | null>(null);
  /** The record picked in the search (masked there) and the same record in full, loaded for the comparison. */
  const [picked, setPicked] = useState<CitizenDto | null>(null);
  const [found, setFound] = useState<CitizenDto | null>(null);
  const pickedId = useRef<string | null>(null);
  const [kept, setKept] = useState<RecordSide>("current");
  const [choices, setChoices] = useState<Partial<Record<MergeField, RecordSide>>>({});
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api<{ items: CitizenDto[] }>("/citizens", { query: { id: currentId }, signal: controller.signal })
      .then(({ items }) => setCurrent(items[0] ?? null))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          notifyError(error);
        }
      });
    return () => controller.abort();
  }, [currentId]);

  const pick = (citizen: CitizenDto | null) => {
    setPicked(citizen);
    pickedId.current = citizen?.id ?? null;
    setFound(null);
    setChoices({});
    if (citizen === null) {
      return;
    }
    // The search shows masked records (R11.1); a senior who may merge opens the picked one in full by id.
    api<{ items: CitizenDto[] }>("/citizens", { query: { id: citizen.id } })
      .then(({ items }) => {
        const full = items[0] ?? null;
        if (pickedId.current !== citizen.id) {
          return; // another record was picked meanwhile
        }
        setFound(full);
        if (full !== null && current !== null) {
          setKept(defaultKept(current, full));
        }
      })
      .catch((error: unknown) => notifyError(error));
  };

  const rows = useMemo(() => (current && found ? mergeRows(current, found, kept, choices) : []), [current, found, kept, choices]);
  const conflict = current && found ? mergeConflict(kept === "current" ? current : found, kept === "current" ? found : current) : null;

  const merge = async () => {
    if (current === null || found === null) {
      return;
    }
    if (reason.trim() === "") {
      setReasonError(errorText("FIELD_REQUIRED", locale));
      return;
    }
    setMerging(true);
    try {
      await onMerge(async () => {
        const result = await api<MergeResultDto>("/citizens/merge", { method: "POST", json: mergeBody(current, found, kept, rows, reason) });
        notifySuccess(t("workspace.merge.done", { contacts: result.moved.contacts, appeals: result.moved.appeals }));
        return api<CitizenCardDto>(`/contacts/${contactId}/citizen`);
      });
      onClose();
    } catch (error) {
      setReasonError(notifyError(error, ["reason"]).reason ?? null);
      setMerging(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t("workspace.merge.title")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack gap="sm" data-testid="merge-dialog">
        <Text size="sm" c="dimmed">
          {t("workspace.merge.intro")}
        </Text>
        {current === null ? <Loader size="sm" aria-label={t("common.loading")} /> : <CitizenSearch excludeId={currentId} picked={picked} onPick={pick} />}
        {current !== null && found !== null && (
          <>
            <div>
              <Text size="sm" fw={500} id="merge-kept-label" mb={4}>
                {t("workspace.merge.keep")}
              </Text>
              <SegmentedControl
                aria-labelledby="merge-kept-label"
                value={kept}
                onChange={(value) => setKept(value as RecordSide)}
                data={[
                  { value: "current", label: t("workspace.merge.current") },
                  { value: "found", label: t("workspace.merge.found") },
                ]}
                data-testid="merge-kept"
              />
            </div>
            <MergeComparison rows={rows} onChoose={(field, side) => setChoices((now) => ({ ...now, [field]: side }))} />
            {conflict !== null ? (
              <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} data-testid="merge-conflict">
                <Text size="sm">{errorText(conflict, locale)}</Text>
              </Alert>
            ) : (
              <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />}>
                <Text size="xs">{t("workspace.merge.warning")}</Text>
              </Alert>
            )}
            <Textarea
              label={t("workspace.merge.reason")}
              placeholder={t("workspace.merge.reasonPlaceholder")}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              error={reasonError}
              data-testid="merge-reason"
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="orange" leftSection={<IconArrowMerge size={14} aria-hidden />} disabled={found === null || conflict !== null} loading={merging} onClick={() => void merge()} data-testid="merge-submit">
            {t("workspace.merge.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
