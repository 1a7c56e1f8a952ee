import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Names } from "../i18n/useLocalizedName.ts";

interface Props {
  value: Names;
  onChange: (value: Names) => void;
  errors?: Partial<Record<keyof Names, string>>;
}

/** The three names every reference entry has: Kazakh, Russian and English. */
export function NamesFields({ value, onChange, errors = {} }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label={t("reference.nameKk")} value={value.nameKk} onChange={(e) => onChange({ ...value, nameKk: e.currentTarget.value })} error={errors.nameKk} maxLength={300} />
      <TextInput label={t("reference.nameRu")} value={value.nameRu} onChange={(e) => onChange({ ...value, nameRu: e.currentTarget.value })} error={errors.nameRu} maxLength={300} />
      <TextInput label={t("reference.nameEn")} value={value.nameEn} onChange={(e) => onChange({ ...value, nameEn: e.currentTarget.value })} error={errors.nameEn} maxLength={300} />
    </SimpleGrid>
  );
}
