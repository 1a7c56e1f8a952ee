import { Alert, Anchor, Box, Container, Group, Stack } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft } from "@tabler/icons-react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { portalSearchHref } from "../../components/kb/kbLinks.ts";
import { PublicHeader } from "../../components/PublicHeader.tsx";

interface Props {
  tenant: string;
  /** The browser tab's title; the portal's name is added. */
  pageTitle: string | null;
  /** Pages below the front page link back to it. */
  backHome?: boolean;
  children: ReactNode;
}

const blackTitle = { title: { color: "var(--mantine-color-black)" } };

/** The frame of every portal page: header with the language switch, the main region, the way back home. */
export function KbPortalShell({ tenant, pageTitle, backHome = false, children }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t("kbPortal.title")}` : t("kbPortal.title");
  }, [pageTitle, t]);

  return (
    <Box mih="100vh" bg="gray.0">
      <header>
        <PublicHeader />
      </header>
      <Container component="main" size="md" py="lg">
        {tenant === "" ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" styles={blackTitle}>
            {t("kbPortal.noTenant")}
          </Alert>
        ) : (
          <Stack gap="md">
            {backHome && (
              <Group gap={4} component="nav" aria-label={t("kbPortal.breadcrumbs")}>
                <IconArrowLeft size={16} aria-hidden />
                <Anchor component={Link} to={portalSearchHref(tenant)} size="sm" data-testid="kb-portal-home-link">
                  {t("kbPortal.home")}
                </Anchor>
              </Group>
            )}
            {children}
          </Stack>
        )}
      </Container>
    </Box>
  );
}
