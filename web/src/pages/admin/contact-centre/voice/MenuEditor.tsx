import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { LOCALES, isLocale } from "@bailanys/common/locales";
import { Button, Group, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { useAdminList } from "../shared/useAdminList.ts";
import { promptKeysOf, putNode, type MenuForm } from "./menuForm.ts";
import { NodeModal } from "./NodeModal.tsx";
import { NodeTable } from "./NodeTable.tsx";
import { PromptTexts } from "./PromptTexts.tsx";

interface Props {
  menu: MenuForm;
  errors: FieldMessages;
  onChange: (menu: MenuForm) => void;
}

/** The voice menu: where it starts, the language before one is chosen, its nodes, and the words of its prompts. */
export function MenuEditor({ menu, errors, onChange }: Props) {
  const { t } = useTranslation();
  // A queue node names the queue it means; the list only suggests codes.
  const { items: queues } = useAdminList<QueueDto>("/routing/queues", (q) => q.id);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const ids = menu.nodes.map((n) => n.id);
  const at = typeof editing === "number" ? editing : null;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("voiceAdmin.menu.start")}
          description={t("voiceAdmin.menu.startHint")}
          data={[...new Set(ids)]}
          value={menu.start === "" ? null : menu.start}
          onChange={(v) => onChange({ ...menu, start: v ?? "" })}
          allowDeselect={false}
          error={errors["menu.start"]}
          data-testid="voice-menu-start"
        />
        <Select
          label={t("voiceAdmin.menu.defaultLocale")}
          description={t("voiceAdmin.menu.defaultLocaleHint")}
          data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          value={menu.defaultLocale}
          onChange={(v) => isLocale(v) && onChange({ ...menu, defaultLocale: v })}
          allowDeselect={false}
          error={errors["menu.defaultLocale"]}
        />
      </SimpleGrid>
      {errors.menu && (
        <Text size="sm" c="red">
          {errors.menu}
        </Text>
      )}
      <Group justify="space-between" align="flex-end">
        <Title order={4} size="h5">
          {t("voiceAdmin.menu.nodes")}
        </Title>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing("new")} data-testid="voice-node-add">
          {t("voiceAdmin.menu.addNode")}
        </Button>
      </Group>
      <NodeTable
        menu={menu}
        errors={errors}
        onEdit={setEditing}
        onRemove={(index) => onChange({ ...menu, nodes: menu.nodes.filter((_, i) => i !== index) })}
      />
      {errors["menu.nodes"] && (
        <Text size="sm" c="red">
          {errors["menu.nodes"]}
        </Text>
      )}
      <Title order={4} size="h5">
        {t("voiceAdmin.prompts.title")}
      </Title>
      <PromptTexts menu={menu} errors={errors} onChange={onChange} />
      {editing !== null && (
        <NodeModal
          node={at === null ? null : (menu.nodes[at] ?? null)}
          taken={ids.filter((_, i) => i !== at)}
          promptKeys={promptKeysOf(menu)}
          queueCodes={[...new Set((queues ?? []).filter((q) => q.active).map((q) => q.code))]}
          serverError={at === null ? undefined : errors[`menu.nodes.${ids[at] ?? ""}`]}
          onClose={() => setEditing(null)}
          onApply={(node) => onChange(putNode(menu, at, node))}
        />
      )}
    </Stack>
  );
}
