/** Line icons drawn inline (no icon font, no request), decorative: every use sits next to a text. */
import type { ReactElement } from "react";

const paths: Record<string, ReactElement> = {
    overview: (
        <>
            <rect x="3" y="3" width="7" height="9" rx="1.5" />
            <rect x="14" y="3" width="7" height="5" rx="1.5" />
            <rect x="14" y="12" width="7" height="9" rx="1.5" />
            <rect x="3" y="16" width="7" height="5" rx="1.5" />
        </>
    ),
    identities: (
        <>
            <circle cx="9" cy="8" r="3.5" />
            <path d="M2.5 20c.8-3.6 3.3-5.5 6.5-5.5s5.7 1.9 6.5 5.5" />
            <path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c1.7.7 3 2.4 3.5 5.2" />
        </>
    ),
    clients: (
        <>
            <circle cx="8" cy="15" r="4" />
            <path d="M11 12l8.5-8.5M16.5 6.5l2.5 2.5M14 9l2 2" />
        </>
    ),
    tiers: (
        <>
            <path d="M12 3l9 4.5-9 4.5-9-4.5z" />
            <path d="M3 12l9 4.5 9-4.5M3 16.5l9 4.5 9-4.5" />
        </>
    ),
    announcements: (
        <>
            <path d="M4 10v4a1 1 0 0 0 1 1h2l6 4V5L7 9H5a1 1 0 0 0-1 1z" />
            <path d="M17 8.5a5 5 0 0 1 0 7M19.5 6a8.5 8.5 0 0 1 0 12" />
        </>
    ),
    housekeeping: (
        <>
            <path d="M14.5 3.5l6 6M17.5 6.5L9 15" />
            <path d="M9 15l-5.5 1.5L5 22l5-1.5 1.5-3z" />
        </>
    ),
    logout: (
        <>
            <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3" />
            <path d="M10 8l-4 4 4 4M6 12h10" />
        </>
    ),
    docs: (
        <>
            <path d="M6 3h9l4 4v14H6z" />
            <path d="M14 3v5h5M9 13h7M9 17h7" />
        </>
    ),
    copy: (
        <>
            <rect x="8" y="8" width="12" height="12" rx="2" />
            <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
        </>
    ),
    refresh: (
        <>
            <path d="M20 11a8 8 0 0 0-14.5-4.5L4 8" />
            <path d="M4 3v5h5M4 13a8 8 0 0 0 14.5 4.5L20 16" />
            <path d="M20 21v-5h-5" />
        </>
    ),
    plus: <path d="M12 5v14M5 12h14" />,
    play: <path d="M7 4.5v15l12-7.5z" />,
    back: <path d="M15 5l-7 7 7 7" />,
    key: (
        <>
            <circle cx="7.5" cy="15.5" r="4" />
            <path d="M10.5 12.5L20 3M16 7l3 3M14 9l2 2" />
        </>
    )
};

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
    return (
        <svg
            className="icon"
            width={size}
            height={size}
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            {paths[name]}
        </svg>
    );
}
