import type { Permission } from "@bailanys/common/permissions";
import {
  IconBook2,
  IconCalendarEvent,
  IconHeadset,
  IconAdjustmentsHorizontal,
  IconLayoutDashboard,
  IconMessageCircle,
  IconDatabaseCog,
  IconFilePlus,
  IconInbox,
  IconSearch,
  IconShieldCheck,
  IconUserCircle,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";

export interface NavItem {
  to: string;
  labelKey: "nav.contactCentre" | "nav.knowledge" | "nav.workspace" | "nav.board" | "nav.publicChat" | "nav.appeals" | "nav.newAppeal" | "nav.reference" | "nav.calendar" | "nav.users" | "nav.audit" | "nav.publicStatus" | "nav.account";
  icon: Icon;
  /** Shown only to users holding this permission; none means everyone signed in. */
  permission?: Permission;
}

/** The screens in navigation order; the first one the user may open is their start page. */
export const NAV_ITEMS: NavItem[] = [
  { to: "/workspace", labelKey: "nav.workspace", icon: IconHeadset, permission: "contact.handle" },
  { to: "/board", labelKey: "nav.board", icon: IconLayoutDashboard, permission: "contact.monitor" },
  { to: "/appeals", labelKey: "nav.appeals", icon: IconInbox, permission: "appeal.read" },
  { to: "/appeals/new", labelKey: "nav.newAppeal", icon: IconFilePlus, permission: "appeal.create" },
  { to: "/admin/contact-centre", labelKey: "nav.contactCentre", icon: IconAdjustmentsHorizontal, permission: "routing.manage" },
  { to: "/knowledge", labelKey: "nav.knowledge", icon: IconBook2, permission: "kb.read" },
  { to: "/admin/reference", labelKey: "nav.reference", icon: IconDatabaseCog, permission: "reference.read" },
  { to: "/admin/calendar", labelKey: "nav.calendar", icon: IconCalendarEvent, permission: "reference.read" },
  { to: "/admin/users", labelKey: "nav.users", icon: IconUsers, permission: "users.read" },
  { to: "/admin/audit", labelKey: "nav.audit", icon: IconShieldCheck, permission: "audit.read" },
  { to: "/status", labelKey: "nav.publicStatus", icon: IconSearch },
  { to: "/chat?tenant=demo", labelKey: "nav.publicChat", icon: IconMessageCircle },
  { to: "/account", labelKey: "nav.account", icon: IconUserCircle },
];
