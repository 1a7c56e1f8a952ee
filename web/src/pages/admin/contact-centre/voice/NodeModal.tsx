import { IVR_NODE_KINDS } from "@bailanys/common/api/voice-admin";
import { LOCALES } from "@bailanys/common/locales";
import { Alert, Autocomplete, NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../../components/FormModal.tsx";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { messagesOf, type FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import { ChoiceRows } from "./ChoiceRows.tsx";
import { HOURS_PROMPT, newNode, validateNode, type NodeForm, type NodeKind } from "./menuForm.ts";
import { TopicInput } from "./TopicInput.tsx";

const isKind = (value: string | null): value is NodeKind => value !== null && (IVR_NODE_KINDS as readonly string[]).includes(value);

interface Props {
  /** The node to change; null adds one. */
  node: NodeForm | null;
  /** The ids of the other nodes. */
  taken: string[];
  /** Prompt keys the menu uses already, suggested for this node. */
  promptKeys: string[];
  /** The centre's queue codes, suggested for a queue node. */
  queueCodes: string[];
  /** What the last save found wrong in this node. */
  serverError: string | undefined;
  onClose: () => void;
  /** Puts the checked node into the menu; Save on the tab sends it. */
  onApply: (node: NodeForm) => void;
}

/** Change one node of the menu: its id, kind and prompt, and by kind its keys, time-out, next step or queue. */
export function NodeModal({ node, taken, promptKeys, queueCodes, serverError, onClose, onApply }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<NodeForm>(() => node ?? newNode());
  const [errors, setErrors] = useState<FieldMessages>({});
  const change = (patch: Partial<NodeForm>) => setDraft((current) => ({ ...current, ...patch }));

  const ids = [...new Set([...taken, draft.id].filter((id) => id !== ""))];
  const nodeOptions = ids.map((id) => ({ value: id, label: id }));
  const nodeSelect = (field: "next" | "onFailure") => ({
    data: nodeOptions,
    value: draft[field] === "" ? null : draft[field],
    onChange: (v: string | null) => change({ [field]: v ?? "" }),
    searchable: true,
    nothingFoundMessage: t("common.nothingFound"),
    error: errors[field],
  });
  const withChoices = draft.kind === "language" || draft.kind === "menu";

  const submit = () => {
    const found = validateNode(draft, ids, taken);
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length === 0) {
      onApply({ ...draft, prompt: draft.prompt.trim(), queue: draft.queue.trim(), topic: draft.topic.trim() });
      onClose();
    }
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={node ? t("voiceAdmin.node.editTitle", { id: node.id }) : t("voiceAdmin.node.newTitle")}
      size="lg"
      onSubmit={submit}
      busy={false}
      submitLabel={t("voiceAdmin.node.apply")}
      formTestId="voice-node-form"
      submitTestId="voice-node-apply"
    >
      {serverError && (
        <Alert color="red" variant="light">
          {serverError}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("voiceAdmin.node.id")}
          description={t("voiceAdmin.node.idHint")}
          value={draft.id}
          onChange={(e) => change({ id: e.currentTarget.value.trim() })}
          maxLength={40}
          error={errors.id}
          data-autofocus
        />
        <Select
          label={t("voiceAdmin.node.kind")}
          description={t(`voiceAdmin.kindHints.${draft.kind}`)}
          data={IVR_NODE_KINDS.map((k) => ({ value: k, label: t(`voiceAdmin.kinds.${k}`) }))}
          value={draft.kind}
          onChange={(v) => isKind(v) && change({ kind: v })}
          allowDeselect={false}
          error={errors.kind}
        />
      </SimpleGrid>
      <Autocomplete
        label={t("voiceAdmin.node.prompt")}
        description={draft.kind === "queue" || draft.kind === "hangup" ? t("voiceAdmin.node.promptOptionalHint") : t("voiceAdmin.node.promptHint", { hours: HOURS_PROMPT })}
        data={[...new Set([...promptKeys, HOURS_PROMPT])]}
        value={draft.prompt}
        onChange={(prompt) => change({ prompt })}
        maxLength={60}
        error={errors.prompt}
      />
      {withChoices && (
        <>
          <ChoiceRows
            rows={draft.choices}
            targets={draft.kind === "language" ? LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) })) : nodeOptions}
            targetLabel={draft.kind === "language" ? t("voiceAdmin.node.language") : t("voiceAdmin.node.target")}
            errors={errors}
            onChange={(choices) => change({ choices })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("voiceAdmin.node.timeout")}
              description={t("voiceAdmin.node.timeoutHint")}
              value={shown(draft.timeoutSeconds)}
              onChange={(v) => change({ timeoutSeconds: numberFrom(v) })}
              min={1}
              max={60}
              allowDecimal={false}
              error={errors.timeoutSeconds}
            />
            <NumberInput
              label={t("voiceAdmin.node.retries")}
              description={t("voiceAdmin.node.retriesHint")}
              value={shown(draft.retries)}
              onChange={(v) => change({ retries: numberFrom(v) })}
              min={0}
              max={5}
              allowDecimal={false}
              error={errors.retries}
            />
          </SimpleGrid>
        </>
      )}
      {(draft.kind === "language" || draft.kind === "info") && (
        <Select label={t("voiceAdmin.node.next")} description={t(draft.kind === "language" ? "voiceAdmin.node.nextLanguageHint" : "voiceAdmin.node.nextInfoHint")} {...nodeSelect("next")} />
      )}
      {draft.kind === "menu" && <Select label={t("voiceAdmin.node.onFailure")} description={t("voiceAdmin.node.onFailureHint")} {...nodeSelect("onFailure")} />}
      {draft.kind === "queue" && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete
            label={t("voiceAdmin.node.queue")}
            description={t("voiceAdmin.node.queueHint")}
            data={queueCodes}
            value={draft.queue}
            onChange={(queue) => change({ queue })}
            maxLength={40}
            error={errors.queue}
          />
          <TopicInput value={draft.topic} onChange={(topic) => change({ topic })} error={errors.topic} />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
