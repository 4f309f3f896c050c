import "@fontsource-variable/inter/wght.css";
import "./styles.css";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router";

import { AdminApiError, session } from "./api/client";
import { Layout } from "./components/layout";
import { AnnouncementsPage, NewAnnouncementPage } from "./pages/announcements";
import { ClientsPage } from "./pages/clients";
import { HousekeepingPage } from "./pages/housekeeping";
import { IdentitiesPage } from "./pages/identities";
import { IdentityPage } from "./pages/identity";
import { LoginPage } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { OverviewPage } from "./pages/overview";
import { TiersPage } from "./pages/tiers";

const queryClient = new QueryClient({
    defaultOptions: {
        queries: {
            // A refused request (4xx) is not repeated; a network failure or 5xx once.
            retry: (count, error) => count < 1 && !(error instanceof AdminApiError && error.status < 500),
            refetchOnWindowFocus: false,
            staleTime: 10_000
        }
    }
});

// A new key (or none) starts from an empty cache.
session.subscribe(() => queryClient.clear());

function App() {
    const key = useSyncExternalStore(
        (listener) => session.subscribe(listener),
        () => session.apiKey
    );
    if (!key) return <LoginPage />;
    return (
        <Routes>
            <Route element={<Layout />}>
                <Route index element={<OverviewPage />} />
                <Route path="identities" element={<IdentitiesPage />} />
                <Route path="identities/:address" element={<IdentityPage />} />
                <Route path="clients" element={<ClientsPage />} />
                <Route path="tiers" element={<TiersPage />} />
                <Route path="tiers/:tierId" element={<TiersPage />} />
                <Route path="announcements" element={<AnnouncementsPage />} />
                <Route path="announcements/new" element={<NewAnnouncementPage />} />
                <Route path="housekeeping" element={<HousekeepingPage />} />
                <Route path="*" element={<NotFoundPage />} />
            </Route>
        </Routes>
    );
}

createRoot(document.getElementById("root")!).render(
    <StrictMode>
        <QueryClientProvider client={queryClient}>
            <BrowserRouter>
                <App />
            </BrowserRouter>
        </QueryClientProvider>
    </StrictMode>
);
