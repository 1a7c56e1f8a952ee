import type { Me } from "@bailanys/common/api/auth";
import type { Locale } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";
import { createContext } from "react";

export interface SessionValue {
  /** The signed-in user, or null when nobody is. */
  me: Me | null;
  /** True until the start-up /auth/session answers. */
  loading: boolean;
  login: (login: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
  changeLocale: (locale: Locale) => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);
