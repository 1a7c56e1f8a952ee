import type { CodedItem } from "@bailanys/common/api/routing-admin";
import { ActionIcon, Badge, Checkbox, Group, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconLock, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../../components/ActiveBadge.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";

const NAMES = ["nameKk", "nameRu", "nameEn"] as const;

interface Props {
  item: CodedItem;
  index: number;
  /** The code the engine sets itself: shown, never changed, removed or deactivated. */
  isSystem: boolean;
  /** Not saved yet, so its code may still be typed. */
  isNew: boolean;
  isLast: boolean;
  errors: FieldMessages;
  onChange: (patch: Partial<CodedItem>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One code of a coded list: code, three names, active, and moving or removing it. */
export function CodedListRow({ item, index, isSystem, isNew, isLast, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const key = (field: string) => `items.${index}.${field}`;
  const label = (text: string) => `${text} (${item.code || index + 1})`;

  return (
    <Table.Tr data-testid="coded-row" data-code={item.code} data-system={isSystem || undefined}>
      <Table.Td w={200}>
        {isNew ? (
          <TextInput size="xs" aria-label={label(t("reference.code"))} value={item.code} onChange={(e) => onChange({ code: e.currentTarget.value.trim() })} error={errors[key("code")]} maxLength={60} />
        ) : (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" ff="monospace">
              {item.code}
            </Text>
            {isSystem && (
              <Tooltip label={t("routingAdmin.coded.systemHint")} multiline w={260}>
                <Badge size="sm" variant="light" color="gray" leftSection={<IconLock size={10} aria-hidden />} tabIndex={0}>
                  {t("routingAdmin.coded.system")}
                </Badge>
              </Tooltip>
            )}
          </Group>
        )}
        {!isNew && errors[key("code")] && (
          <Text size="xs" c="red">
            {errors[key("code")]}
          </Text>
        )}
      </Table.Td>
      {NAMES.map((name) => (
        <Table.Td key={name}>
          {isSystem ? (
            <Text size="sm">{item[name]}</Text>
          ) : (
            <TextInput size="xs" aria-label={label(t(`reference.${name}`))} value={item[name]} onChange={(e) => onChange({ [name]: e.currentTarget.value })} error={errors[key(name)]} maxLength={300} />
          )}
        </Table.Td>
      ))}
      <Table.Td>
        {isSystem ? (
          <ActiveBadge active={item.active} />
        ) : (
          <Checkbox aria-label={label(t("common.active"))} label={t("common.active")} checked={item.active} onChange={(e) => onChange({ active: e.currentTarget.checked })} error={errors[key("active")]} />
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={t("routingAdmin.coded.moveUp", { code: item.code || index + 1 })} disabled={index === 0} onClick={() => onMove(-1)}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={t("routingAdmin.coded.moveDown", { code: item.code || index + 1 })} disabled={isLast} onClick={() => onMove(1)}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          {!isSystem && (
            <ActionIcon variant="subtle" color="red" aria-label={t("routingAdmin.coded.remove", { code: item.code || index + 1 })} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
