import { useQuery } from "@tanstack/react-query";

import { api, result } from "./client";

/** Lists several pages use (filters, selects): cached under one key each. */
export function useTiers() {
    return useQuery({ queryKey: ["tiers"], queryFn: () => result(() => api.GET("/api/v1/Tiers")) });
}

export function useClients() {
    return useQuery({ queryKey: ["clients"], queryFn: () => result(() => api.GET("/api/v1/Clients")) });
}

export function useMetrics() {
    return useQuery({ queryKey: ["metrics"], queryFn: () => result(() => api.GET("/api/v1/Metrics")), staleTime: Infinity });
}

export const QUOTA_PERIODS = ["Hour", "Day", "Week", "Month", "Year", "Total"] as const;
