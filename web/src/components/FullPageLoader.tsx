import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown while the session or a page's data loads. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}
