import type { Permission } from "@bailanys/common/permissions";
import { Card, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useSession } from "../../session/useSession.ts";
import { GapsTab } from "./analytics/GapsTab.tsx";
import { UsageTab } from "./analytics/UsageTab.tsx";
import { ArticlesTab } from "./articles/ArticlesTab.tsx";
import { OfficesTab } from "./offices/OfficesTab.tsx";
import { SynonymsTab } from "./synonyms/SynonymsTab.tsx";

const TABS = ["articles", "offices", "synonyms", "gaps", "usage"] as const;
type Tab = (typeof TABS)[number];
const NEEDS: Record<Tab, Permission> = { articles: "kb.read", offices: "kb.read", synonyms: "kb.write", gaps: "kb.analytics", usage: "kb.analytics" };
const isTab = (value: string | null): value is Tab => value !== null && (TABS as readonly string[]).includes(value);

/** The knowledge editors' desk: articles, the offices they point to, search synonyms, and what readers could not find. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((x) => can(NEEDS[x]));
  const asked = params.get("tab");
  const tab: Tab = isTab(asked) && tabs.includes(asked) ? asked : "articles";
  const panel = (x: Tab) => {
    switch (x) {
      case "articles":
        return <ArticlesTab />;
      case "offices":
        return <OfficesTab />;
      case "synonyms":
        return <SynonymsTab />;
      case "gaps":
        return <GapsTab />;
      case "usage":
        return <UsageTab />;
    }
  };

  return (
    <Stack>
      <Title order={2}>{t("kbEditor.title")}</Title>
      <Card withBorder>
        <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" style={{ flexWrap: "wrap" }}>
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x} data-testid={`kb-tab-${x}`}>
                {t(`kbEditor.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((x) => (
            <Tabs.Panel key={x} value={x}>
              {panel(x)}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </Stack>
  );
}
