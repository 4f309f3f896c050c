import axios, { type AxiosInstance } from "axios";
import type supertest from "supertest";

import type { TestApp } from "./test-app";

/** The Admin API key the tests configure (ADMIN_API_KEY). */
export const ADMIN_KEY = "admin-key-for-the-tests-0123456789";

type Request = supertest.Test;

export interface AdminApi {
    get(path: string): Request;
    post(path: string, body?: object): Request;
    put(path: string, body?: object): Request;
    patch(path: string, body?: object): Request;
    delete(path: string): Request;
    /** The anti-forgery cookie (`name=value`) and token of this session. */
    xsrf: { cookie: string; token: string };
}

/**
 * A session with the Admin API on the admin listener, as its clients hold one: the API key on every request, the
 * anti-forgery cookie and token (from GET /api/v1/xsrf) on every request. Paths are relative to /api/v1.
 */
export async function adminApi(t: TestApp, key = ADMIN_KEY): Promise<AdminApi> {
    const response = await t.admin.get("/api/v1/xsrf").set("x-api-key", key).expect(200);
    const setCookie = response.headers["set-cookie"] as unknown as string[] | undefined;
    const cookie = setCookie?.[0]?.split(";")[0];
    if (!cookie) throw new Error("GET /api/v1/xsrf set no cookie");
    const xsrf = { cookie, token: response.text };
    const session = (request: Request): Request => request.set("x-api-key", key).set("cookie", cookie).set("x-xsrf-token", xsrf.token);
    return {
        get: (path) => session(t.admin.get(`/api/v1${path}`)),
        post: (path, body = {}) => session(t.admin.post(`/api/v1${path}`)).send(body),
        put: (path, body = {}) => session(t.admin.put(`/api/v1${path}`)).send(body),
        patch: (path, body = {}) => session(t.admin.patch(`/api/v1${path}`)).send(body),
        delete: (path) => session(t.admin.delete(`/api/v1${path}`)),
        xsrf
    };
}

/**
 * The Admin API client of the official client library's tests (@nmshd/runtime's AdminApiClient), request by request:
 * axios with the key, GET /api/v1/xsrf, then the raw Set-Cookie header array echoed as Cookie and the token from the
 * body in X-XSRF-TOKEN on every request.
 */
export async function officialAdminApiClient(adminBaseUrl: string, key = ADMIN_KEY): Promise<AxiosInstance> {
    const csrf = await axios.get(`${adminBaseUrl}/api/v1/xsrf`, { headers: { "x-api-key": key } });
    return axios.create({
        baseURL: adminBaseUrl,
        headers: { cookie: csrf.headers["set-cookie"], "x-xsrf-token": csrf.data, "x-api-key": key }
    });
}
