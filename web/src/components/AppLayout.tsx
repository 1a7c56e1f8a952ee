import { Anchor, AppShell, Burger, Button, Group, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLocalizedName } from "../i18n/useLocalizedName.ts";
import { notifyError } from "../lib/notifyError.ts";
import { useReference } from "../reference/useReference.ts";
import { useSession } from "../session/useSession.ts";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";
import { NAV_ITEMS } from "./navItems.ts";

/** Header (product, contact centre, user, language, sign-out) and the navigation the user's permissions allow. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, can, logout } = useSession();
  const { reference } = useReference();
  const name = useLocalizedName();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((item) => item.permission === undefined || can(item.permission));
  // The longest matching path is the active one, so /appeals/new does not also light up /appeals.
  const active = items
    .filter((item) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  const signOut = () => {
    logout()
      .catch((error: unknown) => notifyError(error))
      .finally(() => void navigate("/login", { replace: true }));
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <Title order={3} c="bailanys.8" style={{ whiteSpace: "nowrap" }}>
              Bailanys
            </Title>
            {reference && (
              <Text size="sm" c="dimmed" truncate visibleFrom="md">
                {name(reference.tenant)}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Anchor component={Link} to="/account" size="sm" fw={500} c="dark" visibleFrom="sm" title={t("account.open")} data-testid="current-user">
              {me?.fullName}
            </Anchor>
            <LanguageSwitcher />
            <Button variant="subtle" size="compact-sm" aria-label={t("nav.logout")} leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
              <Text span size="sm" visibleFrom="xs">
                {t("nav.logout")}
              </Text>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("nav.menu")}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.labelKey)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={active === item.to}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
