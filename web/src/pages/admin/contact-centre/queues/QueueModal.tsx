import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { Fieldset, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { FormModal } from "../../../../components/FormModal.tsx";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { HoursEditor } from "./HoursEditor.tsx";
import { QueueMainFields } from "./QueueMainFields.tsx";
import { formToBody, queueFieldKeys, queueToForm, validateQueueForm } from "./queueForm.ts";
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
  const name = useLocalizedName();
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: () => queueToForm(queue),
    validate: validateQueueForm,
    fields: queueFieldKeys,
    nested: true,
    // A duplicate code may come back without a field: it can only be the code.
    orphan: { code: "ALREADY_EXISTS", field: "code" },
    send: async (form) => onSaved(await api<QueueDto>(queue ? `/routing/queues/${queue.id}` : "/routing/queues", { method: queue ? "PUT" : "POST", json: formToBody(form) })),
    onDone: onClose,
  });

  return (
    <FormModal
      opened
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
          <HoursEditor
            days={form.hours}
            field="hours"
            errors={errors}
            onChange={(hours) => change({ hours })}
            holidays={{ open: form.openOnHolidays, onChange: (openOnHolidays) => change({ openOnHolidays }) }}
            testId="queue-hours"
          />
        </Fieldset>
      </SimpleGrid>
    </FormModal>
  );
}
