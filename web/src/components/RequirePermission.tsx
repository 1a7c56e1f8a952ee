import type { Permission } from "@bailanys/common/permissions";
import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../session/useSession.ts";

/** A screen the user's roles do not include says so instead of failing with 403 errors. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <Alert color="orange" icon={<IconLock aria-hidden />} title={t("common.noAccessTitle")}>
        {t("common.noAccess")}
      </Alert>
    );
  }
  return children;
}
