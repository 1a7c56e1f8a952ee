import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { AppRoutes } from "./AppRoutes.tsx";
import { applyLocale } from "./i18n/applyLocale.ts";
import { currentLocale } from "./i18n/i18n.ts";
import { LocalizedDates } from "./components/LocalizedDates.tsx";
import { ReferenceProvider } from "./reference/ReferenceProvider.tsx";
import { SessionProvider } from "./session/SessionProvider.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

const root = document.getElementById("root");
if (root) {
  void applyLocale(currentLocale());
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <LocalizedDates>
          <Notifications position="top-right" />
          <BrowserRouter>
            <SessionProvider>
              <ReferenceProvider>
                <AppRoutes />
              </ReferenceProvider>
            </SessionProvider>
          </BrowserRouter>
        </LocalizedDates>
      </MantineProvider>
    </StrictMode>,
  );
}
