import { COLORS, STATUS_ACTIONS, STATUS_PHASES } from "@bailanys/common/api/reference";
import { Badge, Card, Tabs, Title, Stack, Alert } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { YesNo } from "../../../components/YesNo.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { useReference } from "../../../reference/useReference.ts";
import { useSession } from "../../../session/useSession.ts";
import { ClassifierTab } from "./ClassifierTab.tsx";
import { CodeListTab } from "./CodeListTab.tsx";
import { EscalationTab } from "./EscalationTab.tsx";
import { OrgTab } from "./OrgTab.tsx";
import { TransitionsTab } from "./TransitionsTab.tsx";

const TABS = ["types", "kinds", "statuses", "transitions", "criticality", "channels", "languages", "escalation", "classifier", "org"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => value !== null && (TABS as readonly string[]).includes(value);

/** Reference data of the contact centre; read-only without reference.write. */
export function ReferenceAdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = isTab(tabParam) ? tabParam : "types";
  const canWrite = can("reference.write");

  if (reference === null) {
    return <FullPageLoader />;
  }
  const colorOptions = COLORS.map((c) => ({ value: c, label: c }));
  const colorBadge = (color: string) => (
    <Badge color={color} variant="light">
      {color}
    </Badge>
  );
  const kindName = (code: string) => name(reference.kinds.find((k) => k.code === code)) || code;

  return (
    <Stack>
      <Title order={2}>{t("nav.reference")}</Title>
      {!canWrite && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t("reference.readOnly")}
        </Alert>
      )}
      <Card withBorder>
        <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" style={{ flexWrap: "wrap" }}>
            {TABS.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`reference.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="types">
            <CodeListTab
              list="types"
              rows={reference.types}
              canWrite={canWrite}
              columns={[
                { label: t("appeals.kind"), render: (r) => kindName(r.kindCode) },
                { label: t("reference.term"), render: (r) => r.term },
                { label: t("reference.termUnit"), render: (r) => (r.termUnit === "CD" ? t("reference.cd") : t("reference.wd")) },
              ]}
              fields={[
                { key: "kindCode", label: t("appeals.kind"), kind: "select", options: reference.kinds.map((k) => ({ value: k.code, label: name(k) })) },
                { key: "term", label: t("reference.term"), kind: "number", min: 1, max: 3650 },
                { key: "termUnit", label: t("reference.termUnit"), kind: "select", options: [{ value: "WD", label: t("reference.wd") }, { value: "CD", label: t("reference.cd") }] },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="kinds">
            <CodeListTab
              list="kinds"
              rows={reference.kinds}
              canWrite={canWrite}
              columns={[
                { label: t("reference.requiresCategory"), render: (r) => <YesNo value={r.requiresCategory} /> },
                { label: t("reference.requiresOutcome"), render: (r) => <YesNo value={r.requiresOutcome} /> },
              ]}
              fields={[
                { key: "requiresCategory", label: t("reference.requiresCategory"), kind: "boolean" },
                { key: "requiresOutcome", label: t("reference.requiresOutcome"), kind: "boolean" },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="statuses">
            <CodeListTab
              list="statuses"
              rows={reference.statuses}
              canWrite={canWrite}
              columns={[
                { label: t("reference.phase"), render: (r) => phaseLabel(r.phase) },
                { label: t("reference.action"), render: (r) => (r.action ? actionLabel(r.action) : "—") },
                { label: t("reference.initial"), render: (r) => <YesNo value={r.isInitial} /> },
                { label: t("reference.clientVisible"), render: (r) => <YesNo value={r.clientVisible} /> },
                { label: t("reference.color"), render: (r) => colorBadge(r.color) },
              ]}
              fields={[
                { key: "phase", label: t("reference.phase"), kind: "select", options: STATUS_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) })) },
                { key: "action", label: t("reference.action"), kind: "select", nullable: true, options: STATUS_ACTIONS.map((a) => ({ value: a, label: t(`statusAction.${a}`) })) },
                { key: "isInitial", label: t("reference.initial"), kind: "boolean" },
                { key: "clientVisible", label: t("reference.clientVisible"), kind: "boolean" },
                { key: "color", label: t("reference.color"), kind: "select", options: colorOptions },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="transitions">
            <TransitionsTab canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="criticality">
            <CodeListTab
              list="criticality"
              rows={reference.criticality}
              canWrite={canWrite}
              columns={[
                { label: t("reference.rank"), render: (r) => r.rank },
                { label: t("reference.color"), render: (r) => colorBadge(r.color) },
              ]}
              fields={[
                { key: "rank", label: t("reference.rank"), kind: "number", min: 0, max: 100 },
                { key: "color", label: t("reference.color"), kind: "select", options: colorOptions },
              ]}
            />
          </Tabs.Panel>
          <Tabs.Panel value="channels">
            <CodeListTab list="channels" rows={reference.channels} canWrite={canWrite} columns={[]} fields={[]} />
          </Tabs.Panel>
          <Tabs.Panel value="languages">
            <CodeListTab list="languages" rows={reference.languages} canWrite={canWrite} columns={[]} fields={[]} />
          </Tabs.Panel>
          <Tabs.Panel value="escalation">
            <EscalationTab canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="classifier">
            <ClassifierTab canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="org">
            <OrgTab canWrite={can("org.write")} />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </Stack>
  );

  function phaseLabel(phase: string): string {
    const known = STATUS_PHASES.find((p) => p === phase);
    return known ? t(`phase.${known}`) : phase;
  }

  function actionLabel(action: string): string {
    const known = STATUS_ACTIONS.find((a) => a === action);
    return known ? t(`statusAction.${known}`) : action;
  }
}
