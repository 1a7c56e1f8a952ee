import { Card, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { useReference } from "../../../reference/useReference.ts";
import { useSession } from "../../../session/useSession.ts";
import { AgentsTab } from "./agents/AgentsTab.tsx";
import { CannedTab } from "./canned/CannedTab.tsx";
import { CodedListTab } from "./lists/CodedListTab.tsx";
import { NoticesTab } from "./notices/NoticesTab.tsx";
import { QueuesTab } from "./queues/QueuesTab.tsx";
import { VoiceTab } from "./voice/VoiceTab.tsx";

const TABS = ["queues", "agents", "wrapup", "reasons", "canned", "notices", "voice"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => value !== null && (TABS as readonly string[]).includes(value);

/** How contacts are routed (queues, operators' profiles), the lists operators pick from, service notices, the phone line. */
export function ContactCentreAdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const [params, setParams] = useSearchParams();
  // Notices have their own permission; the rest of the screen is routing.manage, which the route already asks.
  const tabs = TABS.filter((x) => x !== "notices" || can("notice.manage"));
  const asked = params.get("tab");
  const tab: Tab = isTab(asked) && tabs.includes(asked) ? asked : "queues";

  // Every tab names channels, languages and topics from the reference data.
  if (reference === null) {
    return <FullPageLoader />;
  }
  return (
    <Stack>
      <Title order={2}>{t("routingAdmin.title")}</Title>
      <Card withBorder>
        <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" style={{ flexWrap: "wrap" }}>
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x} data-testid={`routing-admin-tab-${x}`}>
                {t(`routingAdmin.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="queues">
            <QueuesTab />
          </Tabs.Panel>
          <Tabs.Panel value="agents">
            <AgentsTab />
          </Tabs.Panel>
          <Tabs.Panel value="wrapup">
            <CodedListTab list="wrapup" />
          </Tabs.Panel>
          <Tabs.Panel value="reasons">
            <CodedListTab list="reasons" />
          </Tabs.Panel>
          <Tabs.Panel value="canned">
            <CannedTab />
          </Tabs.Panel>
          {tabs.includes("notices") && (
            <Tabs.Panel value="notices">
              <NoticesTab />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="voice">
            <VoiceTab />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </Stack>
  );
}
