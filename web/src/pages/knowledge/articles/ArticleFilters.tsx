import { KB_AUDIENCES, type KbAudience } from "@bailanys/common/api/kb";
import { Group, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useCategories } from "../useCategories.ts";
import { ARTICLE_STATES, type ArticleFilter, type ArticleStateFilter } from "./useArticles.ts";

interface Props {
  filter: ArticleFilter;
  onChange: (patch: Partial<ArticleFilter>) => void;
}

const isState = (v: string): v is ArticleStateFilter => (ARTICLE_STATES as readonly string[]).includes(v);
const isAudience = (v: string | null): v is KbAudience => v !== null && (KB_AUDIENCES as readonly string[]).includes(v);

/** The list's filters: state, category, audience and words of the title or code. */
export function ArticleFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { options } = useCategories();
  return (
    <Stack>
      <SegmentedControl
        aria-label={t("kbEditor.list.state")}
        value={filter.state}
        onChange={(v) => isState(v) && onChange({ state: v })}
        data={ARTICLE_STATES.map((s) => ({ value: s, label: t(`kbEditor.states.${s}`) }))}
        data-testid="kb-state-filter"
        style={{ alignSelf: "flex-start", flexWrap: "wrap" }}
      />
      <Group grow align="flex-end">
        <TextInput
          label={t("kbEditor.list.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.q}
          onChange={(e) => onChange({ q: e.currentTarget.value })}
          maxLength={200}
          data-testid="kb-search"
        />
        <Select label={t("kbEditor.meta.category")} data={options} value={filter.categoryId} onChange={(v) => onChange({ categoryId: v })} searchable clearable placeholder={t("common.any")} nothingFoundMessage={t("common.nothingFound")} />
        <Select
          label={t("kbEditor.meta.audience")}
          data={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kbEditor.audience.${a}`) }))}
          value={filter.audience}
          onChange={(v) => onChange({ audience: isAudience(v) ? v : null })}
          clearable
          placeholder={t("common.any")}
        />
      </Group>
    </Stack>
  );
}
