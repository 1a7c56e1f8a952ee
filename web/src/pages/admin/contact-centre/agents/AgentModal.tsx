import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import { Fieldset, MultiSelect, Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { FormModal } from "../../../../components/FormModal.tsx";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { agentFieldKeys, formToProfileBody, profileToForm, validateAgentForm } from "./agentForm.ts";
import { CapacityRows } from "./CapacityRows.tsx";
import { SkillRows } from "./SkillRows.tsx";

interface Props {
  agent: AgentProfileDto;
  onClose: () => void;
  /** Called with the saved profile; the dialog closes itself afterwards. */
  onSaved: (agent: AgentProfileDto) => void;
}

/** Set an operator's routing profile: the languages they speak, their line, what they take at once, their skills. */
export function AgentModal({ agent, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { languages, lines } = useRoutingOptions();
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: () => profileToForm(agent.profile),
    validate: validateAgentForm,
    fields: agentFieldKeys,
    nested: true,
    send: async (form) => onSaved(await api<AgentProfileDto>(`/routing/agents/${agent.userId}`, { method: "PUT", json: formToProfileBody(form) })),
    onDone: onClose,
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t("routingAdmin.agents.editTitle", { name: agent.fullName })}
      size="lg"
      onSubmit={submit}
      busy={busy}
      formTestId="agent-form"
      submitTestId="agent-submit"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t("routingAdmin.agents.languages")} data={languages} value={form.languages} onChange={(value) => change({ languages: value })} error={errors.languages} />
        <Select label={t("routingAdmin.agents.line")} data={lines} value={String(form.line)} onChange={(v) => change({ line: Number(v ?? 1) })} allowDeselect={false} error={errors.line} />
      </SimpleGrid>
      <Fieldset legend={t("routingAdmin.agents.channels")}>
        <CapacityRows rows={form.channels} errors={errors} onChange={(channels) => change({ channels })} />
      </Fieldset>
      <Fieldset legend={t("routingAdmin.agents.skills")}>
        <SkillRows rows={form.skills} errors={errors} onChange={(skills) => change({ skills })} />
      </Fieldset>
    </FormModal>
  );
}
