import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { Fieldset, SimpleGrid } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { useSave } from "../../../../hooks/useSave.ts";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { AdminFormModal } from "../shared/AdminFormModal.tsx";
import { messagesOf, type FieldMessages } from "../shared/fieldErrors.ts";
import { withPlacedFields } from "../shared/withPlacedFields.ts";
import { HoursEditor } from "./HoursEditor.tsx";
import { QueueMainFields } from "./QueueMainFields.tsx";
import { formToBody, queueFieldKeys, queueToForm, validateQueueForm, type QueueForm } from "./queueForm.ts";
import { QueueRoutingFields } from "./QueueRoutingFields.tsx";
import { WideningEditor } from "./WideningEditor.tsx";

interface Props {
  queue: QueueDto | null;
  /** Every queue, for the overflow choice. */
  queues: QueueDto[];
  onClose: () => void;
  /** Called with the saved queue; the dialog closes itself afterwards. */
  onSaved: (queue: QueueDto) => void;
}

/** Add or change a queue: what it serves, how it routes, what happens while a contact waits, its hours. */
export function QueueModal({ queue, queues, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const [form, setForm] = useState<QueueForm>(() => queueToForm(queue));
  const [errors, setErrors] = useState<FieldMessages>({});
  const { busy, save } = useSave();

  const change = (patch: Partial<QueueForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    const found = validateQueueForm(form);
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length > 0) {
      return;
    }
    const known = queueFieldKeys(form);
    const body = formToBody(form);
    const placed = await save(
      () =>
        withPlacedFields(
          async () => onSaved(await api<QueueDto>(queue ? `/routing/queues/${queue.id}` : "/routing/queues", { method: queue ? "PUT" : "POST", json: body })),
          known,
          // A duplicate code may come back without a field: it can only be the code.
          { code: "ALREADY_EXISTS", field: "code" },
        ),
      known,
    );
    if (placed === null) {
      onClose();
    } else {
      setErrors(placed);
    }
  };

  return (
    <AdminFormModal
      onClose={onClose}
      title={queue ? t("routingAdmin.queues.editTitle", { name: name(queue) }) : t("routingAdmin.queues.newTitle")}
      size={1000}
      onSubmit={submit}
      busy={busy}
      formTestId="queue-form"
      submitTestId="queue-submit"
    >
      <Fieldset legend={t("routingAdmin.queues.sectionQueue")}>
        <QueueMainFields form={form} errors={errors} isNew={queue === null} onChange={change} />
      </Fieldset>
      <Fieldset legend={t("routingAdmin.queues.sectionRouting")}>
        <QueueRoutingFields form={form} errors={errors} others={queues.filter((q) => q.id !== queue?.id)} onChange={change} />
      </Fieldset>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Fieldset legend={t("routingAdmin.widening.title")}>
          <WideningEditor steps={form.widening} errors={errors} onChange={(widening) => change({ widening })} />
        </Fieldset>
        <Fieldset legend={t("routingAdmin.queues.hours")}>
          <HoursEditor days={form.hours} openOnHolidays={form.openOnHolidays} errors={errors} onChange={change} />
        </Fieldset>
      </SimpleGrid>
    </AdminFormModal>
  );
}
