import { isLocale } from "@bailanys/common/locales";
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EditButton } from "../shared/EditButton.tsx";
import type { NodeForm } from "./menuForm.ts";

interface Props {
  node: NodeForm;
  isStart: boolean;
  /** The problem the browser or the server found in this node. */
  error: string | undefined;
  onEdit: () => void;
  onRemove: () => void;
}

/** One node of the menu: its id, kind and prompt, and where each key, the time-out or the next step leads. */
export function NodeRow({ node, isStart, error, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const locale = (code: string) => (isLocale(code) ? t(`locale.${code}`) : code);

  const leads = (() => {
    switch (node.kind) {
      case "language":
        return [...node.choices.map((c) => `${c.digit} → ${locale(c.target)}`), t("voiceAdmin.menu.thenNext", { node: node.next })];
      case "menu":
        return [...node.choices.map((c) => `${c.digit} → ${c.target}`), t("voiceAdmin.menu.onFailure", { node: node.onFailure })];
      case "info":
        return [t("voiceAdmin.menu.thenNext", { node: node.next })];
      case "queue":
        return [t("voiceAdmin.menu.toQueue", { queue: node.queue || "—", topic: node.topic || t("voiceAdmin.menu.anyTopic") })];
      case "hangup":
        return [t("voiceAdmin.menu.ends")];
    }
  })();

  return (
    <Table.Tr data-testid="voice-node-row" data-node={node.id} data-invalid={error === undefined ? undefined : true}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {node.id}
          </Text>
          {isStart && (
            <Badge size="sm" variant="light">
              {t("voiceAdmin.menu.startBadge")}
            </Badge>
          )}
        </Group>
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`voiceAdmin.kinds.${node.kind}`)}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {node.prompt || "—"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{leads.join("; ")}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <EditButton what={node.id} onClick={onEdit} testId="voice-node-edit" />
          <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove} aria-label={t("voiceAdmin.menu.removeNode", { id: node.id })}>
            {t("voiceAdmin.menu.remove")}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
