import { Navigate } from "react-router-dom";
import { useSession } from "../session/useSession.ts";
import { FullPageLoader } from "./FullPageLoader.tsx";
import { NAV_ITEMS } from "./navItems.ts";

/** `/`: the first screen the user may open, or the login page. */
export function HomeRedirect() {
  const { me, loading, can } = useSession();
  if (loading) {
    return <FullPageLoader />;
  }
  if (me === null) {
    return <Navigate to="/login" replace />;
  }
  const first = NAV_ITEMS.find((item) => item.permission !== undefined && can(item.permission));
  return <Navigate to={first?.to ?? "/status"} replace />;
}
