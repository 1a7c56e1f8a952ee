import { APPEAL_QUEUES, type AppealListQuery, type AppealQueue } from "@bailanys/common/api/appeals";
import { Button, Card, Center, Grid, Group, Loader, Select, Stack, Tabs, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useLocalizedName } from "../../i18n/useLocalizedName.ts";
import { useReference } from "../../reference/useReference.ts";
import { useSession } from "../../session/useSession.ts";
import { AppealsTable } from "./AppealsTable.tsx";
import { useAppealList } from "./useAppealList.ts";

const FILTERS = ["status", "typeCode", "criticalityCode", "channelCode"] as const;
type FilterName = (typeof FILTERS)[number];

function isQueue(value: string | null): value is AppealQueue {
  return value !== null && (APPEAL_QUEUES as readonly string[]).includes(value);
}

/** The registry: work queues, filters and a paged table; the filters live in the address so Back keeps them. */
export function AppealsRegistryPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [params, setParams] = useSearchParams();
  const queueParam = params.get("queue");
  const queue: AppealQueue = isQueue(queueParam) ? queueParam : "all";
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debouncedSearch] = useDebouncedValue(search.trim(), 350);

  const setParam = (key: string, value: string | null) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === "" || (key === "queue" && value === "all")) {
          next.delete(key);
        } else {
          next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  // Only the debounced text writes the address, so typing does not refetch on every key.
  const latestParams = useRef(params);
  latestParams.current = params;
  useEffect(() => {
    if ((latestParams.current.get("q") ?? "") !== debouncedSearch) {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (debouncedSearch === "") {
            next.delete("q");
          } else {
            next.set("q", debouncedSearch);
          }
          return next;
        },
        { replace: true },
      );
    }
  }, [debouncedSearch, setParams]);

  const query = useMemo<AppealListQuery>(() => {
    const result: AppealListQuery = { queue };
    for (const filter of FILTERS) {
      const value = params.get(filter);
      if (value) {
        result[filter] = value;
      }
    }
    const q = params.get("q");
    if (q) {
      result.q = q;
    }
    return result;
  }, [params, queue]);

  const list = useAppealList(query);

  const options = (filter: FilterName) => {
    if (!reference) {
      return [];
    }
    switch (filter) {
      case "status":
        return reference.statuses.map((s) => ({ value: s.code, label: name(s) }));
      case "typeCode":
        return reference.types.map((s) => ({ value: s.code, label: name(s) }));
      case "criticalityCode":
        return reference.criticality.map((s) => ({ value: s.code, label: name(s) }));
      case "channelCode":
        return reference.channels.map((s) => ({ value: s.code, label: name(s) }));
    }
  };
  const filterLabel: Record<FilterName, string> = {
    status: t("appeals.status"),
    typeCode: t("appeals.type"),
    criticalityCode: t("appeals.criticality"),
    channelCode: t("appeals.channel"),
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("appeals.registryTitle")}</Title>
        {can("appeal.create") && (
          <Button component={Link} to="/appeals/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("appeals.register")}
          </Button>
        )}
      </Group>

      <Tabs value={queue} onChange={(value) => setParam("queue", value)} keepMounted={false}>
        <Tabs.List style={{ flexWrap: "wrap" }}>
          {APPEAL_QUEUES.map((q) => (
            <Tabs.Tab key={q} value={q} data-testid={`queue-${q}`}>
              {t(`queue.${q}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Card withBorder padding="sm">
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t("appeals.search")}
              placeholder={t("appeals.searchPlaceholder")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          </Grid.Col>
          {FILTERS.map((filter) => (
            <Grid.Col key={filter} span={{ base: 6, md: 2 }}>
              <Select
                label={filterLabel[filter]}
                placeholder={t("common.any")}
                data={options(filter)}
                value={params.get(filter)}
                onChange={(value) => setParam(filter, value)}
                clearable
                searchable
              />
            </Grid.Col>
          ))}
        </Grid>
      </Card>

      <Card withBorder padding={0}>
        {list.items.length > 0 ? (
          <AppealsTable items={list.items} />
        ) : (
          !list.loading && (
            <Text c="dimmed" ta="center" p="xl" data-testid="appeals-empty">
              {t("appeals.empty")}
            </Text>
          )
        )}
        {list.loading && (
          <Center p="md">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        )}
      </Card>
      {list.hasMore && !list.loading && (
        <Center>
          <Button variant="default" onClick={list.loadMore}>
            {t("common.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
