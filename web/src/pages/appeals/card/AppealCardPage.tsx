import type { AppealDto } from "@bailanys/common/api/appeals";
import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { api, ApiError, isAbort } from "../../../api/client.ts";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useSession } from "../../../session/useSession.ts";
import { AppealCardView } from "./AppealCardView.tsx";

function cameFromRegistration(state: unknown): boolean {
  return typeof state === "object" && state !== null && "registered" in state && state.registered === true;
}

/** The appeal card: header, details, applicant, history, forwards, extensions and the actions allowed now. */
export function AppealCardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [card, setCard] = useState<AppealDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [showReceipt, setShowReceipt] = useState(cameFromRegistration(location.state));

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setCard(await api<AppealDto>(`/appeals/${id}`, { signal }));
        setFailure(null);
      } catch (error) {
        if (!isAbort(error)) {
          setFailure(error instanceof ApiError ? error.message : t("errors.unexpected"));
        }
      }
    },
    [id, t],
  );

  // The locale is a dependency because the server names statuses and types in the user's language.
  useEffect(() => {
    const controller = new AbortController();
    setCard((current) => (current?.id === id ? current : null));
    void load(controller.signal);
    return () => controller.abort();
  }, [load, locale]);

  if (failure !== null && card === null) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("card.loadFailed")}>
        {failure}
      </Alert>
    );
  }
  if (card === null || card.id !== id) {
    return <FullPageLoader />;
  }
  return (
    <AppealCardView
      card={card}
      onCard={setCard}
      reload={() => void load()}
      showReceipt={showReceipt}
      hideReceipt={() => {
        setShowReceipt(false);
        // Drop the "just registered" flag so a reload does not show the receipt again.
        void navigate(location.pathname, { replace: true, state: null });
      }}
      canTrackForwards={can("appeal.forward")}
    />
  );
}
