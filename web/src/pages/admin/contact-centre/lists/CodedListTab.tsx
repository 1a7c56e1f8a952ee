import type { CodedItem } from "@bailanys/common/api/routing-admin";
import { Stack, Table, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../../../api/client.ts";
import { TableHeader } from "../../../../components/TableHeader.tsx";
import { useListDraft } from "../../../../hooks/useListDraft.ts";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { notifyError } from "../../../../lib/notifyError.ts";
import { ListDraftActions } from "../../reference/ListDraftActions.tsx";
import { messagesOf, placeFields, type FieldMessages } from "../shared/fieldErrors.ts";
import { TabIntro } from "../shared/TabIntro.tsx";
import { CodedListRow } from "./CodedListRow.tsx";
import { codedListFieldKeys, moveRow, validateCodedList } from "./codedList.ts";

/** The two coded lists of the contact engine; each has one code the engine sets itself. */
const LISTS = {
  wrapup: { path: "/routing/wrapup-codes", system: "auto", hint: "routingAdmin.coded.wrapupHint", add: "routingAdmin.coded.addWrapup" },
  reasons: { path: "/routing/not-ready-reasons", system: "missed_offer", hint: "routingAdmin.coded.reasonsHint", add: "routingAdmin.coded.addReason" },
} as const;

/** A row of the draft; `fresh` marks one added here, whose code may still be typed (saved codes stay fixed). */
type DraftItem = CodedItem & { fresh?: true };
const toItem = ({ fresh: _fresh, ...item }: DraftItem): CodedItem => item;

/** Wrap-up codes or not-ready reasons, edited as a whole list and saved in one PUT (the order is the order shown). */
export function CodedListTab({ list }: { list: keyof typeof LISTS }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const config = LISTS[list];
  const [saved, setSaved] = useState<CodedItem[] | undefined>(undefined);
  const [errors, setErrors] = useState<FieldMessages>({});

  useEffect(() => {
    const controller = new AbortController();
    api<{ items: CodedItem[] }>(config.path, { signal: controller.signal })
      .then((answer) => setSaved(answer.items))
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [config.path]);

  const { draft, changed, busy, update, add, remove, reset, save } = useListDraft<DraftItem>(saved, async (rows) => {
    const items = rows.map(toItem);
    try {
      setSaved((await api<{ items: CodedItem[] }>(config.path, { method: "PUT", json: { items } })).items);
      setErrors({});
    } catch (error) {
      throw error instanceof ApiError ? placeRowErrors(error, items) : error;
    }
  });

  // Row problems go under their inputs; the notification keeps the rest, and for IN_USE says what to do instead.
  function placeRowErrors(error: ApiError, items: CodedItem[]): ApiError {
    const known = codedListFieldKeys(items);
    const fields = placeFields(error, known);
    setErrors(Object.fromEntries(fields.filter((f) => known.includes(f.field)).map((f) => [f.field, f.message])));
    const message = error.code === "IN_USE" ? `${error.message} ${t("routingAdmin.coded.inUse")}` : error.message;
    return new ApiError(error.status, error.code, message, fields.filter((f) => !known.includes(f.field)));
  }

  // Indices shift when rows are added, removed or moved, so their messages would land on the wrong rows.
  const restructure = (work: () => void) => {
    setErrors({});
    work();
  };
  const move = (index: number, delta: -1 | 1) =>
    restructure(() => {
      const moved = moveRow(draft, index, delta);
      [index, index + delta].forEach((i) => {
        const row = moved[i];
        if (row !== undefined) {
          // update() merges, so `fresh` is set explicitly or the other row's mark would stay behind.
          update(i, { ...row, fresh: row.fresh });
        }
      });
    });

  const submit = async () => {
    const found = validateCodedList(draft.map(toItem));
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length === 0) {
      await save();
    }
  };

  return (
    <Stack>
      <TabIntro hint={t(config.hint)} />
      <Table.ScrollContainer minWidth={960}>
        <Table striped data-testid={`coded-list-${list}`}>
          <TableHeader labels={[t("reference.code"), t("reference.nameKk"), t("reference.nameRu"), t("reference.nameEn"), t("common.status")]} withActions />
          <Table.Tbody>
            {draft.map((item, index) => (
              <CodedListRow
                key={index}
                item={item}
                index={index}
                isSystem={item.code === config.system && item.fresh === undefined}
                isNew={item.fresh === true}
                isLast={index === draft.length - 1}
                errors={errors}
                onChange={(patch) => update(index, patch)}
                onMove={(delta) => move(index, delta)}
                onRemove={() => restructure(() => remove(index))}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.items && (
        <Text size="sm" c="red">
          {errors.items}
        </Text>
      )}
      <ListDraftActions
        addLabel={t(config.add)}
        addDisabled={draft.length >= 200}
        onAdd={() => restructure(() => add({ code: "", nameKk: "", nameRu: "", nameEn: "", active: true, fresh: true }))}
        changed={changed}
        busy={busy}
        onReset={() => restructure(reset)}
        onSave={submit}
      />
    </Stack>
  );
}
