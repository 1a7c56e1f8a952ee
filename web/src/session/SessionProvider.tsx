import type { LoginResponse, Me, SessionProbe } from "@bailanys/common/api/auth";
import type { Locale } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { api, apiNoContent, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { applyLocale } from "../i18n/applyLocale.ts";
import { currentLocale } from "../i18n/i18n.ts";
import { writeStoredLocale } from "../i18n/storedLocale.ts";
import { notifyError } from "../lib/notifyError.ts";
import { SessionContext, type SessionValue } from "./SessionContext.ts";

/** Loads the session once at start and keeps the user, the CSRF token and the interface language in step. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  // A language picked on the login page is a fresh choice and wins over the one saved in the account.
  const chosenWhileSignedOut = useRef<Locale | null>(null);

  const adopt = useCallback(async (user: Me) => {
    setCsrfToken(user.csrfToken);
    setMe(user);
    writeStoredLocale(user.locale);
    await applyLocale(user.locale);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    const controller = new AbortController();
    api<SessionProbe>("/auth/session", { signal: controller.signal, redirectOn401: false })
      .then(({ user }) => (user === null ? setMe(null) : adopt(user)))
      .catch(() => setMe(null))
      .finally(() => {
        if (!controller.signal.aborted) {
          setLoading(false);
        }
      });
    return () => {
      controller.abort();
      setUnauthenticatedHandler(null);
    };
  }, [adopt]);

  const login = useCallback(
    async (loginName: string, password: string) => {
      const result = await api<LoginResponse>("/auth/login", { method: "POST", json: { login: loginName, password }, redirectOn401: false });
      setCsrfToken(result.csrfToken);
      let user: Me = { ...result.user, csrfToken: result.csrfToken };
      const chosen = chosenWhileSignedOut.current;
      if (chosen !== null && chosen !== user.locale) {
        try {
          user = { ...(await api<Me>("/auth/me", { method: "PATCH", json: { locale: chosen } })), csrfToken: result.csrfToken };
        } catch (error) {
          notifyError(error);
        }
      }
      chosenWhileSignedOut.current = null;
      await adopt(user);
      return user;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await apiNoContent("/auth/logout", { method: "POST", redirectOn401: false });
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      if (locale === currentLocale() && (me === null || me.locale === locale)) {
        return;
      }
      writeStoredLocale(locale);
      await applyLocale(locale);
      if (me === null) {
        chosenWhileSignedOut.current = locale;
        return;
      }
      // The server answers in the account's language, so the account must change too.
      const updated = await api<Me>("/auth/me", { method: "PATCH", json: { locale } });
      setMe({ ...updated, csrfToken: updated.csrfToken ?? me.csrfToken });
    },
    [me],
  );

  const value = useMemo<SessionValue>(() => {
    const permissions = new Set<string>(me?.permissions ?? []);
    return {
      me,
      loading,
      login,
      logout,
      changeLocale,
      can: (permission: Permission) => permissions.has(permission),
    };
  }, [me, loading, login, logout, changeLocale]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
