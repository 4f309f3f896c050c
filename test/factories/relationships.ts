import type supertest from "supertest";
import { DataSource } from "typeorm";

import { createIdentity, type TestIdentity } from "../support/identities";
import type { TestApp } from "../support/test-app";

export const CONTENT = Buffer.from("encrypted template content").toString("base64url");

export interface StoredEvent {
    owner: string;
    type: string;
    payload: Record<string, unknown>;
    context: string | null;
    isDeliveryBlocked: boolean;
}

/** The external events of an identity as stored, oldest first. */
export async function eventsOf(t: TestApp, owner: string): Promise<StoredEvent[]> {
    const rows: Array<{
        owner: string;
        type: string;
        payload: Record<string, unknown>;
        context: string | null;
        is_delivery_blocked: boolean;
    }> = await t.app
        .get(DataSource)
        .query("SELECT owner, type, payload, context, is_delivery_blocked FROM external_events WHERE owner = $1 ORDER BY index", [owner]);
    return rows.map((r) => ({
        owner: r.owner,
        type: r.type,
        payload: r.payload,
        context: r.context,
        isDeliveryBlocked: r.is_delivery_blocked
    }));
}

export async function createTemplate(t: TestApp, owner: TestIdentity, body: Record<string, unknown> = {}): Promise<string> {
    const response = await t.http
        .post("/api/v2/RelationshipTemplates")
        .set("authorization", owner.auth)
        .send({ content: CONTENT, ...body })
        .expect(201);
    return response.body.result.id;
}

/** Loads a template as the official client does before creating a relationship from it (this allocates it). */
export async function loadTemplate(t: TestApp, who: TestIdentity, templateId: string): Promise<void> {
    await t.http.get(`/api/v2/RelationshipTemplates/${templateId}`).set("authorization", who.auth).expect(200);
}

/**
 * `from` loads the template `templateId` (as the official client does) and asks for a relationship from it
 * (POST /Relationships with `body`), expecting `status`; the response.
 */
export async function requestFromTemplate(
    t: TestApp,
    from: TestIdentity,
    templateId: string,
    status: number,
    body: Record<string, unknown> = {}
): Promise<supertest.Response> {
    await loadTemplate(t, from, templateId);
    return await t.http
        .post("/api/v2/Relationships")
        .set("authorization", from.auth)
        .send({ relationshipTemplateId: templateId, ...body })
        .expect(status);
}

/** A Pending relationship: `from` requests it from a new template of `to`; returns the relationship id. */
export async function requestRelationship(t: TestApp, from: TestIdentity, to: TestIdentity): Promise<string> {
    const templateId = await createTemplate(t, to);
    const response = await requestFromTemplate(t, from, templateId, 201, { creationContent: Buffer.from("hello").toString("base64url") });
    return response.body.result.id;
}

/** An Active relationship between `from` and `to` (template by `to`). */
export async function establishRelationship(t: TestApp, from: TestIdentity, to: TestIdentity): Promise<string> {
    const id = await requestRelationship(t, from, to);
    await t.http.put(`/api/v2/Relationships/${id}/Accept`).set("authorization", to.auth).send({}).expect(200);
    return id;
}

/** An Active relationship between two new identities: `from` asked for it from a template of `to`, who accepted. */
export async function anActiveRelationship(t: TestApp): Promise<{ from: TestIdentity; to: TestIdentity; id: string }> {
    const [from, to] = await Promise.all([createIdentity(t), createIdentity(t)]);
    return { from, to, id: await establishRelationship(t, from, to) };
}

/** A response body as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export async function put(t: TestApp, who: TestIdentity, path: string, expected: number): Promise<Body> {
    const response = await t.http.put(`/api/v2/Relationships/${path}`).set("authorization", who.auth).send({}).expect(expected);
    return response.body;
}
