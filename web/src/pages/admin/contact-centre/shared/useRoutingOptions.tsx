import { ROUTED_CHANNELS } from "@bailanys/common/contacts";
import { Text, type ComboboxItem } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { classifierOptions } from "../../../../lib/classifierOptions.ts";
import { useReference } from "../../../../reference/useReference.ts";

const LINE_KEYS = { 1: "routingAdmin.line.l1", 2: "routingAdmin.line.l2", 3: "routingAdmin.line.l3" } as const;

/** Choices and names this screen shares: routed channels, languages, classifier topics (as a tree), lines. */
export function useRoutingOptions() {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();

  const channels = useMemo(() => {
    const known = reference?.channels ?? [];
    // Only channels the engine routes, and only those the centre has switched on.
    return ROUTED_CHANNELS.flatMap((code) => {
      const row = known.find((c) => c.code === code);
      return row?.active ? [{ value: code, label: name(row) }] : [];
    });
  }, [reference, name]);

  const languages = useMemo(() => (reference?.languages ?? []).filter((l) => l.active).map((l) => ({ value: l.code, label: name(l) })), [reference, name]);

  const tree = useMemo(() => classifierOptions(reference?.classifier ?? [], name), [reference, name]);
  const topics = useMemo(() => tree.map(({ value, label }) => ({ value, label })), [tree]);
  const depth = useMemo(() => new Map(tree.map((o) => [o.value, o.depth])), [tree]);
  const renderTopic = useCallback(
    ({ option }: { option: ComboboxItem }) => (
      <Text size="sm" pl={(depth.get(option.value) ?? 0) * 16}>
        {option.label}
      </Text>
    ),
    [depth],
  );

  const lineLabel = useCallback((line: number) => (line === 1 || line === 2 || line === 3 ? t(LINE_KEYS[line]) : String(line)), [t]);
  const lines = useMemo(() => [1, 2, 3].map((l) => ({ value: String(l), label: lineLabel(l) })), [lineLabel]);

  const channelName = useCallback((code: string) => name(reference?.channels.find((c) => c.code === code)) || code, [reference, name]);
  const languageName = useCallback((code: string) => name(reference?.languages.find((l) => l.code === code)) || code, [reference, name]);
  const topicName = useCallback(
    (id: string) => {
      const item = reference?.classifier.find((c) => c.id === id);
      return item ? `${item.code} — ${name(item)}` : id;
    },
    [reference, name],
  );

  return { channels, languages, topics, renderTopic, lines, lineLabel, channelName, languageName, topicName };
}
