import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { portalSearchHref } from "../../components/kb/kbLinks.ts";
import { searchTerm } from "../../lib/searchState.ts";
import type { PortalCategory } from "../../api/kbPublicApi.ts";

interface Props {
  tenant: string;
  query: string;
  categoryId: string | null;
  categories: readonly PortalCategory[];
}

/** The portal's search: words and, optionally, a topic; the results have their own address, so they can be shared. */
export function KbPortalSearchForm({ tenant, query, categoryId, categories }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(query);
  const [category, setCategory] = useState<string | null>(categoryId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(portalSearchHref(tenant, searchTerm(text) ?? "", category));
  };

  return (
    <form role="search" onSubmit={submit} data-testid="kb-portal-search">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t("kbPortal.searchLabel")}
          placeholder={t("kbPortal.searchPlaceholder")}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: "1 1 260px" }}
          data-testid="kb-portal-query"
        />
        {categories.length > 0 && (
          <Select
            label={t("kbPortal.category")}
            placeholder={t("kbPortal.allCategories")}
            data={categories.map((c) => ({ value: c.id, label: c.name }))}
            value={category}
            onChange={setCategory}
            clearable
            style={{ flex: "0 1 220px" }}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} data-testid="kb-portal-submit">
          {t("kbPortal.searchButton")}
        </Button>
      </Group>
    </form>
  );
}
