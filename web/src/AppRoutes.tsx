import { lazy, Suspense, type ReactNode } from "react";
import { Route, Routes } from "react-router-dom";
import { AppLayout } from "./components/AppLayout.tsx";
import { FullPageLoader } from "./components/FullPageLoader.tsx";
import { HomeRedirect } from "./components/HomeRedirect.tsx";
import { RequireAuth } from "./components/RequireAuth.tsx";
import { RequirePermission } from "./components/RequirePermission.tsx";
import { AppealCardPage } from "./pages/appeals/card/AppealCardPage.tsx";
import { AppealsRegistryPage } from "./pages/appeals/AppealsRegistryPage.tsx";
import { NewAppealPage } from "./pages/appeals/NewAppealPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PublicStatusPage } from "./pages/public/PublicStatusPage.tsx";

// Administration screens are loaded on first use: most staff never open them, so they stay out of the first download.
const ReferenceAdminPage = lazy(() => import("./pages/admin/reference/ReferenceAdminPage.tsx").then((m) => ({ default: m.ReferenceAdminPage })));
const CalendarAdminPage = lazy(() => import("./pages/admin/calendar/CalendarAdminPage.tsx").then((m) => ({ default: m.CalendarAdminPage })));
const AccountPage = lazy(() => import("./pages/account/AccountPage.tsx").then((m) => ({ default: m.AccountPage })));
const UsersAdminPage = lazy(() => import("./pages/admin/users/UsersAdminPage.tsx").then((m) => ({ default: m.UsersAdminPage })));
const WorkspacePage = lazy(() => import("./pages/workspace/WorkspacePage.tsx").then((m) => ({ default: m.WorkspacePage })));
const BoardPage = lazy(() => import("./pages/board/BoardPage.tsx").then((m) => ({ default: m.BoardPage })));
const ChatPage = lazy(() => import("./pages/chat/ChatPage.tsx").then((m) => ({ default: m.ChatPage })));
const KbPortalPage = lazy(() => import("./pages/kb-portal/KbPortalPage.tsx").then((m) => ({ default: m.KbPortalPage })));
const KbArticlePage = lazy(() => import("./pages/kb-portal/KbArticlePage.tsx").then((m) => ({ default: m.KbArticlePage })));
const KbOfficesPage = lazy(() => import("./pages/kb-portal/KbOfficesPage.tsx").then((m) => ({ default: m.KbOfficesPage })));
const ContactCentreAdminPage = lazy(() => import("./pages/admin/contact-centre/ContactCentreAdminPage.tsx").then((m) => ({ default: m.ContactCentreAdminPage })));
const AuditPage = lazy(() => import("./pages/admin/audit/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const KnowledgePage = lazy(() => import("./pages/knowledge/KnowledgePage.tsx").then((m) => ({ default: m.KnowledgePage })));
const KbArticleEditorPage = lazy(() => import("./pages/knowledge/article/ArticlePage.tsx").then((m) => ({ default: m.ArticlePage })));
const KbReaderPreviewPage = lazy(() => import("./pages/knowledge/preview/ReaderPreviewPage.tsx").then((m) => ({ default: m.ReaderPreviewPage })));

const later = (page: ReactNode) => <Suspense fallback={<FullPageLoader />}>{page}</Suspense>;

/** Every screen of the web app; staff screens sit in the shell and check their permission. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/status" element={<PublicStatusPage />} />
      <Route path="/chat" element={later(<ChatPage />)} />
      <Route path="/chat/embed" element={later(<ChatPage />)} />
      <Route path="/kb" element={later(<KbPortalPage />)} />
      <Route path="/kb/offices" element={later(<KbOfficesPage />)} />
      <Route path="/kb/:code" element={later(<KbArticlePage />)} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route path="/workspace" element={<RequirePermission permission="contact.handle">{later(<WorkspacePage />)}</RequirePermission>} />
        <Route path="/board" element={<RequirePermission permission="contact.monitor">{later(<BoardPage />)}</RequirePermission>} />
        <Route path="/appeals" element={<RequirePermission permission="appeal.read"><AppealsRegistryPage /></RequirePermission>} />
        <Route path="/appeals/new" element={<RequirePermission permission="appeal.create"><NewAppealPage /></RequirePermission>} />
        <Route path="/appeals/:id" element={<RequirePermission permission="appeal.read"><AppealCardPage /></RequirePermission>} />
        <Route path="/admin/contact-centre" element={<RequirePermission permission="routing.manage">{later(<ContactCentreAdminPage />)}</RequirePermission>} />
        <Route path="/admin/reference" element={<RequirePermission permission="reference.read">{later(<ReferenceAdminPage />)}</RequirePermission>} />
        <Route path="/admin/calendar" element={<RequirePermission permission="reference.read">{later(<CalendarAdminPage />)}</RequirePermission>} />
        <Route path="/admin/users" element={<RequirePermission permission="users.read">{later(<UsersAdminPage />)}</RequirePermission>} />
        <Route path="/admin/audit" element={<RequirePermission permission="audit.read">{later(<AuditPage />)}</RequirePermission>} />
        <Route path="/knowledge" element={<RequirePermission permission="kb.read">{later(<KnowledgePage />)}</RequirePermission>} />
        <Route path="/knowledge/:id" element={<RequirePermission permission="kb.read">{later(<KbArticleEditorPage />)}</RequirePermission>} />
        <Route path="/knowledge/:id/preview/:locale" element={<RequirePermission permission="kb.read">{later(<KbReaderPreviewPage />)}</RequirePermission>} />
        <Route path="/account" element={later(<AccountPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
