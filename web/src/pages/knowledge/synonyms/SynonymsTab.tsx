import type { SynonymDto } from "@bailanys/common/api/kb";
import { Badge, Button, Group, Stack, Table, Textarea } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiNoContent } from "../../../api/client.ts";
import { ConfirmDeleteButton } from "../../../components/ConfirmDeleteButton.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { errorText } from "../../../lib/errorText.ts";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { AdminTable } from "../../admin/contact-centre/shared/AdminTable.tsx";
import { TabIntro } from "../../admin/contact-centre/shared/TabIntro.tsx";
import { useAdminList } from "../../admin/contact-centre/shared/useAdminList.ts";
import { parseTerms } from "./parseTerms.ts";

/** Groups of words search treats as one ("ЦОН, ХҚКО, public service centre"). */
export function SynonymsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { items, put, drop } = useAdminList<SynonymDto>("/kb/synonyms", (s) => s.id);
  const { busy, save } = useSave();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const terms = parseTerms(text);

  const add = async () => {
    if (terms.length < 2) {
      setError(t("kbEditor.synonyms.atLeastTwo"));
      return;
    }
    setError(undefined);
    const placed = await save(async () => put(await api<SynonymDto>("/kb/synonyms", { method: "POST", json: { terms } })), ["terms"]);
    if (placed === null) {
      setText("");
    } else {
      setError(placed.terms);
    }
  };
  const remove = (group: SynonymDto) =>
    deleteWithNotice(async () => {
      await apiNoContent(`/kb/synonyms/${group.id}`, { method: "DELETE" });
      drop(group.id);
    });

  return (
    <Stack>
      <TabIntro hint={t("kbEditor.synonyms.hint")} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Group align="flex-end">
          <Textarea
            label={t("kbEditor.synonyms.terms")}
            description={t("kbEditor.synonyms.termsHint", { count: terms.length })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={error ?? (terms.length > 20 ? errorText("FIELD_OUT_OF_RANGE", locale) : undefined)}
            autosize
            minRows={2}
            style={{ flex: 1 }}
            data-testid="kb-synonym-terms"
          />
          <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />} data-testid="kb-synonym-add">
            {t("kbEditor.synonyms.add")}
          </Button>
        </Group>
      </form>
      <AdminTable testId="kb-synonyms" minWidth={600} labels={[t("kbEditor.synonyms.terms"), t("kbEditor.synonyms.added")]} rows={items} empty={t("kbEditor.synonyms.empty")}>
        {(group) => (
          <Table.Tr key={group.id} data-testid="kb-synonym-row">
            <Table.Td>
              <Group gap={4}>
                {group.terms.map((term) => (
                  <Badge key={term} variant="light" tt="none">
                    {term}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{formatDateTime(group.createdAt)}</Table.Td>
            <Table.Td>
              <ConfirmDeleteButton what={group.terms.join(", ")} onConfirm={() => remove(group)} />
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
    </Stack>
  );
}
