import type { UserDto, UserList } from "@bailanys/common/api/users";
import { ROLES, isRole } from "@bailanys/common/permissions";
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconKey, IconLockOpen, IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiNoContent } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";
import { useSession } from "../../../session/useSession.ts";
import { PasswordModal } from "./PasswordModal.tsx";
import { UserModal } from "./UserModal.tsx";

type Editing = { kind: "user"; user: UserDto | null } | { kind: "password"; user: UserDto };

/** Staff accounts: search, create and edit (roles, placement, language, active), password reset, unlock. */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [users, setUsers] = useState<UserDto[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const canWrite = can("users.write");

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await api<UserList>("/users", { query: { q, role }, signal });
        setUsers(list.items);
      } catch (error) {
        notifyError(error);
      }
    },
    [q, role],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const unlock = async (user: UserDto) => {
    try {
      await apiNoContent(`/users/${user.id}/unlock`, { method: "POST" });
      notifySuccess(t("users.unlocked", { login: user.login }));
      await load();
    } catch (error) {
      notifyError(error);
    }
  };

  const placement = (user: UserDto) =>
    [reference?.bodies.find((b) => b.id === user.bodyId), reference?.units.find((u) => u.id === user.unitId)]
      .map((row) => name(row))
      .filter((x) => x !== "")
      .join(" / ");

  const locked = (user: UserDto) => user.lockedUntil !== null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("nav.users")}</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ kind: "user", user: null })}>
            {t("users.create")}
          </Button>
        )}
      </Group>
      <Card withBorder padding="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t("users.search")} leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} miw={220} />
          <Select label={t("users.role")} placeholder={t("common.any")} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={setRole} clearable miw={220} />
        </Group>
      </Card>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover data-testid="users-table">
            <TableHeader labels={[t("users.login"), t("users.fullName"), t("users.roles"), t("users.placement"), t("users.lastLogin"), t("common.status")]} withActions={canWrite} />
            <Table.Tbody>
              {(users ?? []).map((user) => (
                <Table.Tr key={user.id} data-testid="user-row">
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {user.login}
                    </Text>
                  </Table.Td>
                  <Table.Td>{user.fullName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((r) => (
                        <Badge key={r} variant="light">
                          {isRole(r) ? t(`roles.${r}`) : r}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{placement(user) || "—"}</Table.Td>
                  <Table.Td>{formatDateTime(user.lastLoginAt) || "—"}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <ActiveBadge active={user.active} />
                      {locked(user) && (
                        <Badge color="red" variant="light">
                          {t("users.lockedUntil", { date: formatDateTime(user.lockedUntil) })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing({ kind: "user", user })}>
                          {t("common.edit")}
                        </Button>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconKey size={14} aria-hidden />} onClick={() => setEditing({ kind: "password", user })}>
                          {t("users.resetPassword")}
                        </Button>
                        {locked(user) && (
                          <Button size="compact-sm" variant="subtle" color="orange" leftSection={<IconLockOpen size={14} aria-hidden />} onClick={() => void unlock(user)}>
                            {t("users.unlock")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users !== null && users.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t("common.nothingFound")}
          </Text>
        )}
      </Card>
      {editing?.kind === "user" && (
        <UserModal
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
      {editing?.kind === "password" && <PasswordModal user={editing.user} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
