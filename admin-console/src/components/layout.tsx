import { NavLink, Outlet } from "react-router";

import { session } from "../api/client";
import { Icon, type IconName } from "./icons";

const NAVIGATION: Array<{ to: string; label: string; icon: IconName; end?: boolean }> = [
    { to: "/", label: "Overview", icon: "overview", end: true },
    { to: "/identities", label: "Identities", icon: "identities" },
    { to: "/clients", label: "OAuth clients", icon: "clients" },
    { to: "/tiers", label: "Tiers and quotas", icon: "tiers" },
    { to: "/announcements", label: "Announcements", icon: "announcements" },
    { to: "/housekeeping", label: "Housekeeping", icon: "housekeeping" }
];

export function Brand() {
    return (
        <div className="brand">
            <span className="brand-mark" aria-hidden="true">
                <svg viewBox="0 0 32 32" width="28" height="28">
                    <rect width="32" height="32" rx="7" className="brand-mark-bg" />
                    <path
                        d="M9 7h8.5a4.5 4.5 0 0 1 0 9H9zm0 9h9.5a4.5 4.5 0 0 1 0 9H9z"
                        fill="none"
                        stroke="#fff"
                        strokeWidth="2.6"
                        strokeLinejoin="round"
                    />
                </svg>
            </span>
            <span className="brand-text">
                <span className="brand-name">Enmeshed Backbone</span>
                <span className="brand-sub">Admin console</span>
            </span>
        </div>
    );
}

/** The frame of every page: skip link, navigation, main region. */
export function Layout() {
    return (
        <div className="shell">
            <a className="skip-link" href="#main">
                Skip to content
            </a>
            <aside className="sidebar">
                <Brand />
                <nav aria-label="Main">
                    <ul>
                        {NAVIGATION.map((item) => (
                            <li key={item.to}>
                                <NavLink to={item.to} end={item.end} className="nav-link">
                                    <Icon name={item.icon} />
                                    <span>{item.label}</span>
                                </NavLink>
                            </li>
                        ))}
                    </ul>
                </nav>
                <div className="sidebar-footer">
                    <a className="nav-link" href="/admin/docs" target="_blank" rel="noreferrer">
                        <Icon name="docs" />
                        <span>Admin API reference</span>
                    </a>
                    <button type="button" className="nav-link" onClick={() => session.logOut("You logged out.")}>
                        <Icon name="logout" />
                        <span>Log out</span>
                    </button>
                    <p className="sidebar-note">All times are in UTC.</p>
                </div>
            </aside>
            <main id="main" tabIndex={-1}>
                <Outlet />
            </main>
        </div>
    );
}
