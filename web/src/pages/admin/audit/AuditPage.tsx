import { Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { IconCheck, IconShieldCheck } from "@tabler/icons-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { almatyInputToIso } from "../../../lib/almatyInput.ts";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { useSession } from "../../../session/useSession.ts";
import type { AuditEntry, AuditPage as AuditPageDto } from "@bailanys/common/api/audit";
import { VerifyChainResult } from "./VerifyChainResult.tsx";
import type { ChainReport } from "@bailanys/common/api/audit";

interface Filters {
  action: string;
  entity: string;
  entityId: string;
  from: string | null;
  to: string | null;
}

/** The tamper-evident audit log with filters, paging and the hash-chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ action: "", entity: "", entityId: "", from: null, to: null });
  const [debounced] = useDebouncedValue(filters, 350);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<ChainReport | null>(null);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    async (after: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      try {
        const page = await api<AuditPageDto>("/audit", {
          query: {
            action: debounced.action.trim(),
            entity: debounced.entity.trim(),
            entityId: debounced.entityId.trim(),
            from: almatyInputToIso(debounced.from),
            to: almatyInputToIso(debounced.to),
            cursor: after,
            limit: 100,
          },
          signal: current.signal,
        });
        setItems((previous) => (after === null ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        notifyError(error);
      } finally {
        if (!current.signal.aborted) {
          setLoading(false);
        }
      }
    },
    [debounced],
  );

  useEffect(() => {
    void fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage]);

  const verify = async () => {
    setVerifying(true);
    try {
      setReport(await api<ChainReport>("/audit/verify", { method: "POST" }));
    } catch (error) {
      notifyError(error);
    } finally {
      setVerifying(false);
    }
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("nav.audit")}</Title>
        {can("audit.verify") && (
          <Button leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verifying} onClick={() => void verify()}>
            {t("audit.verify")}
          </Button>
        )}
      </Group>
      {report && <VerifyChainResult report={report} onClose={() => setReport(null)} />}
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <TextInput label={t("audit.action")} placeholder="appeal.create" value={filters.action} onChange={(e) => set({ action: e.currentTarget.value })} maxLength={60} />
          <TextInput label={t("audit.entity")} placeholder="appeal" value={filters.entity} onChange={(e) => set({ entity: e.currentTarget.value })} maxLength={40} />
          <TextInput label={t("audit.entityId")} value={filters.entityId} onChange={(e) => set({ entityId: e.currentTarget.value })} maxLength={60} />
          <DateTimePicker label={t("audit.from")} value={filters.from} onChange={(v) => set({ from: v })} valueFormat="DD.MM.YYYY HH:mm" clearable />
          <DateTimePicker label={t("audit.to")} value={filters.to} onChange={(v) => set({ to: v })} valueFormat="DD.MM.YYYY HH:mm" clearable />
        </SimpleGrid>
      </Card>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="audit-table">
            <TableHeader labels={[t("audit.time"), t("audit.actor"), t("audit.action"), t("audit.entity"), t("audit.ip"), t("audit.sealed")]} />
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorLogin ?? "—"}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.actorKind}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={JSON.stringify(entry.details)} disabled={Object.keys(entry.details).length === 0} multiline w={360}>
                      <Text size="sm" ff="monospace">
                        {entry.action}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.entity ?? "—"}</Text>
                    {entry.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {entry.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.ip ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.sealed ? (
                      <Group gap={4} c="teal.8">
                        <IconCheck size={16} aria-hidden />
                        <Text size="sm">{t("common.yes")}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("audit.pending")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {loading && (
          <Center p="md">
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        )}
        {!loading && items.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t("common.nothingFound")}
          </Text>
        )}
      </Card>
      {cursor !== null && !loading && (
        <Center>
          <Button variant="default" onClick={() => void fetchPage(cursor)}>
            {t("common.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
