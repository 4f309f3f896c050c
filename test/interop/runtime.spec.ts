import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";

import type {
    AcceptReadAttributeRequestItemParametersWithExistingAttributeJSON as AcceptWithExistingAttribute,
    AcceptReadAttributeRequestItemParametersWithNewAttributeJSON as AcceptWithNewAttribute
} from "@nmshd/consumption";
import type { IdentityAttributeJSON, MailJSON, RelationshipTemplateContentJSON } from "@nmshd/content";
import { LanguageISO639 } from "@nmshd/core-types";
import {
    IdentityDeletionProcessStatus,
    LocalRequestStatus,
    RelationshipAuditLogEntryReason,
    type RelationshipDTO,
    RelationshipStatus
} from "@nmshd/runtime";

import { ADMIN_KEY, adminApi } from "../support/admin-api";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";
import { ConnectorRuntime, eventually, ok, syncUntil } from "./official-runtime";

function inMinutes(minutes: number): string {
    return new Date(Date.now() + minutes * 60_000).toISOString();
}

function mail(to: string, subject: string): MailJSON {
    return { "@type": "Mail", to: [to], subject, body: `${subject}: see the attachment` };
}

/**
 * Two organisations, each running the official runtime as its Connector does, against a Backbone started here: the
 * Connector's start-up checks, onboarding through a password-protected template shared as a token, attributes,
 * messages with attachments both ways, tokens, files, the Connector's event stream, termination and reactivation.
 * The steps build on each other, in order.
 */
describe("the official runtime @nmshd/runtime 7.0.0 as two Connectors", () => {
    let backbone: TestApp;
    let a: ConnectorRuntime;
    let b: ConnectorRuntime;
    let relationshipId: string;
    let configDir: string;
    /** What the Backbone logged at level error or above. */
    let backboneErrors = "";
    const tags = {
        supportedLanguages: ["de", "en"],
        tagsForAttributeValueTypes: { PhoneNumber: { emergency: { displayNames: { de: "Notfall", en: "Emergency" }, children: {} } } }
    };
    const publicReferences = [{ title: "Organisation A", description: "Become a customer", truncatedReference: "cmVmZXJlbmNl" }];

    beforeAll(async () => {
        configDir = mkdtempSync(join(tmpdir(), "runtime-interop-"));
        writeFileSync(join(configDir, "tags.json"), JSON.stringify(tags));
        writeFileSync(join(configDir, "references.json"), JSON.stringify({ [TEST_CLIENT.id]: publicReferences }));
        const backboneLog = new PassThrough();
        backboneLog.on("data", (chunk: Buffer) => (backboneErrors += chunk.toString("utf8")));
        backbone = await startTestApp({
            listen: true,
            logDestination: backboneLog,
            env: {
                LOG_LEVEL: "error",
                ADMIN_API_KEY: ADMIN_KEY,
                TAGS_FILE: join(configDir, "tags.json"),
                PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE: join(configDir, "references.json")
            }
        });
        a = await ConnectorRuntime.launch(backbone.baseUrl!);
        b = await ConnectorRuntime.launch(backbone.baseUrl!);
    });
    afterAll(async () => {
        await a?.close();
        await b?.close();
        await backbone?.close();
        if (configDir) rmSync(configDir, { recursive: true, force: true });
    });

    const services = (runtime: ConnectorRuntime) => runtime.getServices();
    /** `size` random bytes that `owner` uploads through its runtime as an own file with `metadata`; the file and its bytes. */
    async function uploadRandomFile(
        owner: ConnectorRuntime,
        size: number,
        metadata: { filename: string; mimetype: string; title?: string; expiresAt?: string }
    ) {
        const bytes = randomBytes(size);
        const file = ok(await services(owner).transportServices.files.uploadOwnFile({ content: bytes, ...metadata }));
        return { bytes, file };
    }

    async function relationshipOf(runtime: ConnectorRuntime, peer: ConnectorRuntime): Promise<RelationshipDTO | undefined> {
        return ok(await services(runtime).transportServices.relationships.getRelationships({ query: { peer: peer.address } }))[0];
    }

    async function peerAttribute(
        runtime: ConnectorRuntime,
        peer: ConnectorRuntime,
        valueType: string
    ): Promise<IdentityAttributeJSON | undefined> {
        const attributes = ok(await services(runtime).consumptionServices.attributes.getPeerAttributes({ peer: peer.address }));
        return attributes.map((attribute) => attribute.content).find((content) => content.value["@type"] === valueType) as
            IdentityAttributeJSON | undefined;
    }

    /** The request that arrived with a template or message (`query`), once the decider left it to a person. */
    async function requestAwaitingDecision(runtime: ConnectorRuntime, query: { id: string } | { "source.reference": string }) {
        const requests = ok(await services(runtime).consumptionServices.incomingRequests.getRequests({ query }));
        return requests.find((request) => request.status === LocalRequestStatus.ManualDecisionRequired);
    }

    type RequestItem = Parameters<
        ReturnType<typeof services>["consumptionServices"]["outgoingRequests"]["create"]
    >[0]["content"]["items"][number];

    /** `from` asks `to` with one request item, sent as a message: the outgoing request, and the request at `to` awaiting its decision. */
    async function askByMessage(from: ConnectorRuntime, to: ConnectorRuntime, item: RequestItem, what: string) {
        const outgoing = ok(
            await services(from).consumptionServices.outgoingRequests.create({ peer: to.address, content: { items: [item] } })
        );
        const message = ok(
            await services(from).transportServices.messages.sendMessage({ recipients: [to.address], content: outgoing.content })
        );
        const atRecipient = await syncUntil(to, () => requestAwaitingDecision(to, { "source.reference": message.id }), what);
        return { outgoing, atRecipient };
    }

    it("passes the Connector's start-up checks: Backbone version compatible, GET /health 200, login, event stream open", async () => {
        const compatibility = ok(await a.anonymousServices.backboneCompatibility.checkBackboneCompatibility());
        expect(compatibility.isCompatible).toBe(true);

        expect(await a.getHealth()).toEqual({
            isHealthy: true,
            services: { backboneConnection: "healthy", backboneAuthentication: "healthy" }
        });
        const health = await fetch(`${backbone.baseUrl}/health`);
        expect(health.status).toBe(200);
        expect(await health.text()).toBe("Healthy");

        for (const runtime of [a, b]) {
            expect(runtime.sse.syncs).toBeGreaterThanOrEqual(1);
            expect(runtime.sse.failedSyncs).toEqual([]);
        }
    });

    it("onboards B by A's password-protected template behind a token: wrong password, request accepted, relationship accepted", async () => {
        const displayName = ok(
            await services(a).consumptionServices.attributes.createOwnIdentityAttribute({
                content: { value: { "@type": "DisplayName", value: "Organisation A" } }
            })
        );
        const givenName = ok(
            await services(b).consumptionServices.attributes.createOwnIdentityAttribute({
                content: { value: { "@type": "GivenName", value: "Berta" } }
            })
        );

        const content: RelationshipTemplateContentJSON = {
            "@type": "RelationshipTemplateContent",
            title: "Become a customer of A",
            onNewRelationship: {
                "@type": "Request",
                items: [
                    {
                        "@type": "ShareAttributeRequestItem",
                        mustBeAccepted: true,
                        attribute: displayName.content,
                        attributeId: displayName.id
                    },
                    {
                        "@type": "ReadAttributeRequestItem",
                        mustBeAccepted: true,
                        query: { "@type": "IdentityAttributeQuery", valueType: "GivenName" }
                    }
                ]
            }
        };
        const password = "correct horse";
        const template = ok(
            await services(a).transportServices.relationshipTemplates.createOwnRelationshipTemplate({
                content,
                expiresAt: inMinutes(10),
                maxNumberOfAllocations: 1,
                passwordProtection: { password }
            })
        );
        const token = ok(
            await services(a).transportServices.relationshipTemplates.createTokenForOwnRelationshipTemplate({
                templateId: template.id,
                passwordProtection: { password }
            })
        );

        const wrong = await services(b).transportServices.relationshipTemplates.loadPeerRelationshipTemplate({
            reference: token.reference.truncated,
            password: "wrong horse"
        });
        expect(wrong.isError).toBe(true);
        expect(wrong.error.message).toMatch(/^Token not found\. Make sure the ID exists and the record is not expired\./);

        const loaded = ok(
            await services(b).transportServices.relationshipTemplates.loadPeerRelationshipTemplate({
                reference: token.reference.truncated,
                password
            })
        );
        expect(loaded.id).toBe(template.id);
        expect(loaded.content).toMatchObject({ title: "Become a customer of A" });

        const request = await eventually(
            () => requestAwaitingDecision(b, { "source.reference": template.id }),
            "B's request from the template"
        );
        const readGivenName: AcceptWithExistingAttribute = { accept: true, existingAttributeId: givenName.id };
        ok(
            await services(b).consumptionServices.incomingRequests.accept({
                requestId: request.id,
                items: [{ accept: true }, readGivenName]
            })
        );
        const requested = await eventually(() => relationshipOf(b, a), "B's relationship request");
        expect(requested.status).toBe(RelationshipStatus.Pending);
        relationshipId = requested.id;

        const incoming = await syncUntil(a, () => relationshipOf(a, b), "the relationship request at A");
        expect(incoming).toMatchObject({ id: relationshipId, status: RelationshipStatus.Pending, templateId: template.id });
        ok(await services(a).transportServices.relationships.acceptRelationship({ relationshipId }));
        await syncUntil(b, async () => (await relationshipOf(b, a))?.status === RelationshipStatus.Active, "the active relationship at B");

        // What the request exchanged: A holds B's given name, B holds A's display name.
        expect((await eventually(() => peerAttribute(a, b, "GivenName"), "B's given name at A")).value).toEqual({
            "@type": "GivenName",
            value: "Berta"
        });
        expect((await peerAttribute(b, a, "DisplayName"))!.value).toEqual({ "@type": "DisplayName", value: "Organisation A" });
        const outgoing = ok(
            await services(a).consumptionServices.outgoingRequests.getRequests({ query: { "source.reference": template.id } })
        );
        expect(outgoing.map((r) => r.status)).toEqual([LocalRequestStatus.Completed]);
    });

    it("sends messages both ways with attachments that arrive byte for byte", async () => {
        for (const [sender, recipient] of [
            [a, b],
            [b, a]
        ] as const) {
            const { bytes, file } = await uploadRandomFile(sender, 200_000, {
                filename: "contract.pdf",
                mimetype: "application/pdf",
                title: "Contract",
                expiresAt: inMinutes(10)
            });
            const sent = ok(
                await services(sender).transportServices.messages.sendMessage({
                    recipients: [recipient.address],
                    content: mail(recipient.address, "Your contract"),
                    attachments: [file.id]
                })
            );

            const received = await syncUntil(
                recipient,
                async () => {
                    const result = await services(recipient).transportServices.messages.getMessage({ id: sent.id });
                    return result.isSuccess && result.value;
                },
                "the message"
            );
            expect(received.content).toMatchObject({ "@type": "Mail", subject: "Your contract" });
            expect(received.createdBy).toBe(sender.address);
            expect(received.attachments.map((attachment) => attachment.id)).toEqual([file.id]);
            const download = ok(
                await services(recipient).transportServices.messages.downloadAttachment({ id: sent.id, attachmentId: file.id })
            );
            expect(download.filename).toBe("contract.pdf");
            expect(Buffer.from(download.content).equals(bytes)).toBe(true);
        }
    });

    it("shares an identity attribute and reads one by request messages", async () => {
        const email = ok(
            await services(a).consumptionServices.attributes.createOwnIdentityAttribute({
                content: { value: { "@type": "EMailAddress", value: "contact@organisation-a.example" } }
            })
        );
        const share = ok(
            await services(a).consumptionServices.attributes.shareOwnIdentityAttribute({ attributeId: email.id, peer: b.address })
        );
        const shareAtB = await syncUntil(b, () => requestAwaitingDecision(b, { id: share.id }), "the share request at B");
        ok(await services(b).consumptionServices.incomingRequests.accept({ requestId: shareAtB.id, items: [{ accept: true }] }));
        await syncUntil(a, () => completed(a, share.id), "the answer to the share request at A");
        expect((await peerAttribute(b, a, "EMailAddress"))!.value).toEqual({
            "@type": "EMailAddress",
            value: "contact@organisation-a.example"
        });

        const { outgoing: read, atRecipient: readAtB } = await askByMessage(
            a,
            b,
            {
                "@type": "ReadAttributeRequestItem",
                mustBeAccepted: true,
                query: { "@type": "IdentityAttributeQuery", valueType: "Surname" }
            },
            "the read request at B"
        );
        const surname: AcceptWithNewAttribute = {
            accept: true,
            newAttribute: { "@type": "IdentityAttribute", owner: b.address, value: { "@type": "Surname", value: "Beispiel" } }
        };
        ok(await services(b).consumptionServices.incomingRequests.accept({ requestId: readAtB.id, items: [surname] }));
        await syncUntil(a, () => completed(a, read.id), "the answer to the read request at A");
        expect((await peerAttribute(a, b, "Surname"))!.value).toEqual({ "@type": "Surname", value: "Beispiel" });
        const ownAttributes = ok(await services(b).consumptionServices.attributes.getOwnIdentityAttributes({}));
        expect(ownAttributes.map((attribute) => attribute.content.value)).toContainEqual({ "@type": "Surname", value: "Beispiel" });
    });

    async function completed(runtime: ConnectorRuntime, requestId: string) {
        const request = ok(await services(runtime).consumptionServices.outgoingRequests.getRequest({ id: requestId }));
        return request.status === LocalRequestStatus.Completed && request;
    }

    it("hands over data and a file through tokens, one of them password-protected", async () => {
        const token = ok(
            await services(a).transportServices.tokens.createOwnToken({
                content: { offer: "A-2024-17", amount: 1200 },
                expiresAt: inMinutes(10),
                ephemeral: false,
                passwordProtection: { password: "1234", passwordIsPin: true }
            })
        );
        const withoutPassword = await services(b).transportServices.tokens.loadPeerToken({
            reference: token.reference.truncated,
            ephemeral: false
        });
        expect(withoutPassword.error?.code).toBe("error.transport.noPasswordProvided");
        const wrongPin = await services(b).transportServices.tokens.loadPeerToken({
            reference: token.reference.truncated,
            ephemeral: false,
            password: "4321"
        });
        expect(wrongPin.error?.message).toMatch(/^Token not found\./);
        const loaded = ok(
            await services(b).transportServices.tokens.loadPeerToken({
                reference: token.reference.truncated,
                ephemeral: false,
                password: "1234"
            })
        );
        expect(loaded.content).toEqual({ offer: "A-2024-17", amount: 1200 });
        expect(loaded.createdBy).toBe(a.address);

        const { bytes, file } = await uploadRandomFile(b, 50_000, {
            filename: "invoice.txt",
            mimetype: "text/plain",
            expiresAt: inMinutes(10)
        });
        const fileToken = ok(await services(b).transportServices.files.createTokenForFile({ fileId: file.id }));
        const fileAtA = ok(await services(a).transportServices.files.getOrLoadFile({ reference: fileToken.reference.truncated }));
        expect(fileAtA).toMatchObject({ id: file.id, filename: "invoice.txt", isOwn: false });
        const download = ok(await services(a).transportServices.files.downloadFile({ id: file.id }));
        expect(Buffer.from(download.content).equals(bytes)).toBe(true);
    });

    it("transfers a file's ownership by request after regenerating its ownership token, and proves identities by challenges", async () => {
        const { bytes, file: uploaded } = await uploadRandomFile(a, 30_000, {
            filename: "deed.txt",
            mimetype: "text/plain",
            expiresAt: inMinutes(10)
        });
        const regenerated = ok(await services(a).transportServices.files.regenerateFileOwnershipToken({ id: uploaded.id }));
        expect(regenerated.ownershipToken).toBeDefined();
        expect(regenerated.ownershipToken).not.toBe(uploaded.ownershipToken);

        const { outgoing: transfer, atRecipient: atB } = await askByMessage(
            a,
            b,
            {
                "@type": "TransferFileOwnershipRequestItem",
                mustBeAccepted: true,
                fileReference: regenerated.reference.truncated,
                ownershipToken: regenerated.ownershipToken!
            },
            "the transfer request at B"
        );
        ok(await services(b).consumptionServices.incomingRequests.accept({ requestId: atB.id, items: [{ accept: true }] }));
        await syncUntil(a, () => completed(a, transfer.id), "the answer to the transfer request at A");

        const ownedByB = ok(await services(b).transportServices.files.getFile({ id: uploaded.id }));
        expect(ownedByB.isOwn).toBe(true);
        expect(Buffer.from(ok(await services(b).transportServices.files.downloadFile({ id: uploaded.id })).content).equals(bytes)).toBe(
            true
        );
        const regenerateAsFormerOwner = await services(a).transportServices.files.regenerateFileOwnershipToken({ id: uploaded.id });
        expect(regenerateAsFormerOwner.error?.code).toBe("error.runtime.files.notOwnedByYou");

        const { challengeString, signature } = ok(
            await services(a).transportServices.challenges.createChallenge({ challengeType: "Identity" })
        );
        expect(ok(await services(b).transportServices.challenges.validateChallenge({ challengeString, signature })).isValid).toBe(true);
        const relationshipChallenge = ok(
            await services(b).transportServices.challenges.createChallenge({ challengeType: "Relationship", relationship: relationshipId })
        );
        const validated = ok(
            await services(a).transportServices.challenges.validateChallenge({
                challengeString: relationshipChallenge.challengeString,
                signature: relationshipChallenge.signature
            })
        );
        expect(validated.isValid).toBe(true);
        expect(validated.correspondingRelationship?.id).toBe(relationshipId);

        ok(
            await services(a).transportServices.backboneNotifications.sendBackboneNotification({
                recipients: [b.address],
                code: "TestCode"
            })
        );
    });

    it("delivers a peer's message through the Connector's event stream at /api/v1/sse, with no sync but the stream's", async () => {
        const sse = a.sse;
        await sse.settled();
        const eventsBefore = sse.externalEventsAt.length;
        const syncsBefore = sse.syncs;

        const sent = ok(
            await services(b).transportServices.messages.sendMessage({ recipients: [a.address], content: mail(a.address, "Pushed to you") })
        );
        // Only A's own state is read here: the message can only arrive by a sync the event stream set off.
        const received = await eventually(async () => {
            const result = await services(a).transportServices.messages.getMessage({ id: sent.id });
            return result.isSuccess && result.value;
        }, "the message at A through the event stream");

        expect(received.content).toMatchObject({ subject: "Pushed to you" });
        expect(sse.externalEventsAt.length).toBeGreaterThan(eventsBefore);
        expect(sse.syncs).toBeGreaterThan(syncsBefore);
    });

    it("terminates the relationship, reactivates it, terminates it again, and both decompose it", async () => {
        const status = (runtime: ConnectorRuntime, peer: ConnectorRuntime, wanted: RelationshipStatus) => async () =>
            (await relationshipOf(runtime, peer))?.status === wanted;

        ok(await services(a).transportServices.relationships.terminateRelationship({ relationshipId }));
        await syncUntil(b, status(b, a, RelationshipStatus.Terminated), "the termination at B");

        ok(await services(b).transportServices.relationships.requestRelationshipReactivation({ relationshipId }));
        await syncUntil(
            a,
            async () => (await relationshipOf(a, b))?.auditLog.at(-1)?.reason === RelationshipAuditLogEntryReason.ReactivationRequested,
            "the reactivation request at A"
        );
        ok(await services(a).transportServices.relationships.acceptRelationshipReactivation({ relationshipId }));
        await syncUntil(b, status(b, a, RelationshipStatus.Active), "the reactivated relationship at B");

        ok(await services(b).transportServices.relationships.terminateRelationship({ relationshipId }));
        await syncUntil(a, status(a, b, RelationshipStatus.Terminated), "the second termination at A");
        ok(await services(a).transportServices.relationships.decomposeRelationship({ relationshipId }));
        expect(await relationshipOf(a, b)).toBeUndefined();
        await syncUntil(b, status(b, a, RelationshipStatus.DeletionProposed), "the decomposition at B");
        ok(await services(b).transportServices.relationships.decomposeRelationship({ relationshipId }));
        expect(await relationshipOf(b, a)).toBeUndefined();
    });

    it("deletes its own template, token and file on the Backbone, reads announcements, tags and public template references, and starts and cancels its deletion", async () => {
        const template = ok(
            await services(a).transportServices.relationshipTemplates.createOwnRelationshipTemplate({
                content: { "@type": "ArbitraryRelationshipTemplateContent", value: { offer: "later" } },
                expiresAt: inMinutes(10)
            })
        );
        const token = ok(
            await services(a).transportServices.tokens.createOwnToken({
                content: { note: "soon gone" },
                expiresAt: inMinutes(10),
                ephemeral: false
            })
        );
        const { file } = await uploadRandomFile(a, 1000, { filename: "draft.txt", mimetype: "text/plain" });
        const fileToken = ok(await services(a).transportServices.files.createTokenForFile({ fileId: file.id }));
        ok(await services(a).transportServices.relationshipTemplates.deleteRelationshipTemplate({ templateId: template.id }));
        ok(await services(a).transportServices.tokens.deleteToken({ tokenId: token.id }));
        ok(await services(a).transportServices.files.deleteFile({ fileId: file.id }));

        const templateGone = await services(b).transportServices.relationshipTemplates.loadPeerRelationshipTemplate({
            reference: template.reference.truncated
        });
        expect(templateGone.error?.message).toMatch(/^RelationshipTemplate not found\./);
        const tokenGone = await services(b).transportServices.tokens.loadPeerToken({
            reference: token.reference.truncated,
            ephemeral: true
        });
        expect(tokenGone.error?.message).toMatch(/^Token not found\./);
        const fileGone = await services(b).transportServices.files.getOrLoadFile({ reference: fileToken.reference.truncated });
        expect(fileGone.error?.message).toMatch(/^File not found\./);

        const admin = await adminApi(backbone);
        const created = await admin
            .post("/Announcements", {
                severity: "Medium",
                isSilent: false,
                texts: [{ language: "en", title: "Maintenance", body: "Tonight from 22:00" }],
                actions: []
            })
            .expect(201);
        const announcements = ok(await services(a).transportServices.announcements.getAnnouncements({ language: LanguageISO639.en }));
        expect(announcements).toContainEqual(
            expect.objectContaining({ id: created.body.result.id, title: "Maintenance", body: "Tonight from 22:00" })
        );

        expect(ok(await services(a).consumptionServices.attributes.getAttributeTagCollection())).toEqual(tags);
        expect(
            ok(await services(a).transportServices.publicRelationshipTemplateReferences.getPublicRelationshipTemplateReferences())
        ).toEqual(publicReferences);

        const started = ok(await services(b).transportServices.identityDeletionProcesses.initiateIdentityDeletionProcess());
        expect(started.status).toBe(IdentityDeletionProcessStatus.Active);
        const cancelled = ok(await services(b).transportServices.identityDeletionProcesses.cancelIdentityDeletionProcess());
        expect(cancelled).toMatchObject({ id: started.id, status: IdentityDeletionProcessStatus.Cancelled });
        ok(await services(b).transportServices.account.syncEverything());
    });

    it("logged no error in either runtime, its modules, its event stream's syncs, or the Backbone", async () => {
        for (const runtime of [a, b]) {
            await runtime.sse.settled();
            expect(runtime.sse.failedSyncs).toEqual([]);
            expect(runtime.loggedErrors).toEqual([]);
        }
        expect(backboneErrors).toBe("");
    });
});
