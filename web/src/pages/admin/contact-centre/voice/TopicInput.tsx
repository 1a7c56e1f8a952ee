import { Autocomplete, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { useReference } from "../../../../reference/useReference.ts";

interface Props {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The classifier code a queue node routes the call by, typed or picked; its name is shown under the input. */
export function TopicInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();
  const items = useMemo(() => (reference?.classifier ?? []).filter((c) => c.active), [reference]);
  const codes = useMemo(() => [...new Set(items.map((c) => c.code))], [items]);
  const named = new Map(items.map((c) => [c.code, name(c)]));
  const code = value.trim();
  const description = code === "" ? t("voiceAdmin.node.topicAny") : (named.get(code) ?? t("voiceAdmin.node.topicUnknown"));

  return (
    <Autocomplete
      label={t("voiceAdmin.node.topic")}
      description={description}
      data={codes}
      value={value}
      onChange={onChange}
      renderOption={({ option }) => (
        <Text size="sm">
          {option.value} — {named.get(option.value)}
        </Text>
      )}
      limit={50}
      maxLength={40}
      error={error}
    />
  );
}
