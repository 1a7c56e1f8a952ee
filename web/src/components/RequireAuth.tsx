import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useSession } from "../session/useSession.ts";
import { FullPageLoader } from "./FullPageLoader.tsx";

/** Staff screens: without a session, go to the login page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return <FullPageLoader />;
  }
  if (me === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
