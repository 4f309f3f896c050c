import { Serializable } from "@js-soft/ts-serval";
import { CoreDate, FileReference } from "@nmshd/core-types";
import { CoreBuffer } from "@nmshd/crypto";
import {
    type AccountController,
    PasswordProtectionCreationParameters,
    type Relationship,
    TokenContentRelationshipTemplate,
    TokenReference
} from "@nmshd/transport";

import { type OfficialClientWorld, syncUntil, useOfficialClientWorld } from "./official-client";

function inFiveMinutes(): CoreDate {
    return CoreDate.utc().add({ minutes: 5 });
}

/** A publishes a template behind a token; `peer` loads it through the truncated token reference and asks for a relationship. */
async function requestRelationship(world: OfficialClientWorld, a: AccountController, peer: AccountController): Promise<Relationship> {
    const template = await a.relationshipTemplates.sendRelationshipTemplate({
        content: Serializable.fromAny({ greeting: "hello" }),
        expiresAt: inFiveMinutes(),
        maxNumberOfAllocations: 1
    });
    const token = await a.tokens.sendToken({
        content: TokenContentRelationshipTemplate.from({ templateId: template.id, secretKey: template.secretKey }),
        expiresAt: inFiveMinutes(),
        ephemeral: false
    });
    const reference = token.toTokenReference(world.backbone.baseUrl!).truncate();
    const peerToken = await peer.tokens.loadPeerTokenByReference(TokenReference.from(reference), false);
    const peerTemplate = await peer.relationshipTemplates.loadPeerRelationshipTemplateByTokenContent(
        peerToken.content as TokenContentRelationshipTemplate
    );
    return await peer.relationships.sendRelationship({ template: peerTemplate, creationContent: Serializable.fromAny({ hello: "there" }) });
}

describe("the official client: relationships, messages, tokens and files", () => {
    const world = useOfficialClientWorld();

    async function connected(): Promise<{ a: AccountController; b: AccountController; relationship: Relationship }> {
        const a = await world.account();
        const b = await world.account();
        const requested = await requestRelationship(world, a, b);
        const incoming = await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id)));
        await a.relationships.accept(incoming.id);
        await syncUntil(b, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id) && r.status === "Active"));
        return { a, b, relationship: requested };
    }

    it("onboards a peer by template and token: request, accept, both Active", async () => {
        const { a, b, relationship } = await connected();
        expect((await a.relationships.getRelationship(relationship.id))!.status).toBe("Active");
        expect((await b.relationships.getRelationship(relationship.id))!.status).toBe("Active");
    });

    it("lets the template owner reject a request", async () => {
        const a = await world.account();
        const b = await world.account();
        const requested = await requestRelationship(world, a, b);
        const incoming = await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id)));
        await a.relationships.reject(incoming.id);
        const rejected = await syncUntil(b, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Rejected"));
        expect(rejected.id.equals(requested.id)).toBe(true);
    });

    it("lets the requester revoke a pending request", async () => {
        const a = await world.account();
        const b = await world.account();
        const requested = await requestRelationship(world, a, b);
        await b.relationships.revoke(requested.id);
        const revoked = await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Revoked"));
        expect(revoked.id.equals(requested.id)).toBe(true);
    });

    it("terminates, reactivates, terminates again and decomposes a relationship", async () => {
        const { a, b, relationship } = await connected();
        await a.relationships.terminate(relationship.id);
        await syncUntil(b, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Terminated"));
        await b.relationships.requestReactivation(relationship.id);
        await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).length > 0);
        await a.relationships.acceptReactivation(relationship.id);
        await syncUntil(b, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Active"));
        await b.relationships.terminate(relationship.id);
        await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Terminated"));
        await a.relationships.decompose(relationship.id);
        expect(await a.relationships.getRelationship(relationship.id)).toBeUndefined();
        await syncUntil(b, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "DeletionProposed"));
        await b.relationships.decompose(relationship.id);
        expect(await b.relationships.getRelationship(relationship.id)).toBeUndefined();
    });

    it("sends one message with an attachment to two recipients, who both receive it and download the file", async () => {
        const { a, b } = await connected();
        const c = await world.account();
        const requested = await requestRelationship(world, a, c);
        const incoming = await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id)));
        await a.relationships.accept(incoming.id);
        await syncUntil(c, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.status === "Active"));

        const file = await a.files.sendFile({
            buffer: CoreBuffer.fromUtf8("shared content"),
            title: "report",
            description: "attachment",
            filename: "report.txt",
            filemodified: CoreDate.utc(),
            mimetype: "text/plain",
            expiresAt: inFiveMinutes()
        });
        await a.messages.sendMessage({
            recipients: [b.identity.address, c.identity.address],
            content: Serializable.fromAny({ body: "to both of you" }),
            attachments: [file]
        });
        for (const recipient of [b, c]) {
            const message = await syncUntil(recipient, (seen) => seen.flatMap((s) => s.messages)[0]);
            expect(message.attachments).toHaveLength(1);
            const bytes = await recipient.files.downloadFileContent(message.attachments[0]!);
            expect(bytes.toUtf8()).toBe("shared content");
        }
        await a.messages.updateBackboneData([]);
    });

    it("shares a file by reference", async () => {
        const a = await world.account();
        const b = await world.account();
        const file = await a.files.sendFile({
            buffer: CoreBuffer.fromUtf8("by reference"),
            title: "t",
            filename: "f.txt",
            filemodified: CoreDate.utc(),
            mimetype: "text/plain",
            expiresAt: inFiveMinutes()
        });
        const reference = FileReference.from(file.toFileReference(world.backbone.baseUrl!).truncate());
        const loaded = await b.files.getOrLoadFileByReference(reference);
        expect((await b.files.downloadFileContent(loaded)).toUtf8()).toBe("by reference");
    });

    it("protects tokens and templates with a password, and personalizes them for one peer", async () => {
        const a = await world.account();
        const b = await world.account();
        const c = await world.account();
        const token = await a.tokens.sendToken({
            content: Serializable.fromAny({ secret: "content" }),
            expiresAt: inFiveMinutes(),
            ephemeral: false,
            passwordProtection: PasswordProtectionCreationParameters.create({ password: "1234", passwordIsPin: true })
        });
        const reference = TokenReference.from(token.toTokenReference(world.backbone.baseUrl!).truncate());
        await expect(b.tokens.loadPeerTokenByReference(reference, true, "9999")).rejects.toThrow();
        const loaded = await b.tokens.loadPeerTokenByReference(reference, true, "1234");
        expect(loaded.id.equals(token.id)).toBe(true);

        const personal = await a.tokens.sendToken({
            content: Serializable.fromAny({ for: "b only" }),
            expiresAt: inFiveMinutes(),
            ephemeral: false,
            forIdentity: b.identity.address
        });
        const personalReference = TokenReference.from(personal.toTokenReference(world.backbone.baseUrl!).truncate());
        await expect(c.tokens.loadPeerTokenByReference(personalReference, true)).rejects.toThrow();
        expect((await b.tokens.loadPeerTokenByReference(personalReference, true)).id.equals(personal.id)).toBe(true);

        const template = await a.relationshipTemplates.sendRelationshipTemplate({
            content: Serializable.fromAny({ greeting: "protected" }),
            expiresAt: inFiveMinutes(),
            passwordProtection: PasswordProtectionCreationParameters.create({ password: "secret" })
        });
        const templateReference = template.toRelationshipTemplateReference(world.backbone.baseUrl!);
        await expect(b.relationshipTemplates.loadPeerRelationshipTemplateByReference(templateReference, "wrong")).rejects.toThrow();
        const loadedTemplate = await b.relationshipTemplates.loadPeerRelationshipTemplateByReference(templateReference, "secret");
        expect(loadedTemplate.id.equals(template.id)).toBe(true);

        const personalTemplate = await a.relationshipTemplates.sendRelationshipTemplate({
            content: Serializable.fromAny({ greeting: "for b only" }),
            expiresAt: inFiveMinutes(),
            forIdentity: b.identity.address
        });
        const personalTemplateReference = personalTemplate.toRelationshipTemplateReference(world.backbone.baseUrl!);
        await expect(c.relationshipTemplates.loadPeerRelationshipTemplateByReference(personalTemplateReference)).rejects.toThrow();
        expect(
            (await b.relationshipTemplates.loadPeerRelationshipTemplateByReference(personalTemplateReference)).id.equals(
                personalTemplate.id
            )
        ).toBe(true);
    });
    it("answers a wrong password for a protected template behind a token with 'Token not found', the text the official client stack checks", async () => {
        const a = await world.account();
        const b = await world.account();
        const template = await a.relationshipTemplates.sendRelationshipTemplate({
            content: Serializable.fromAny({ greeting: "protected behind a token" }),
            expiresAt: inFiveMinutes(),
            passwordProtection: PasswordProtectionCreationParameters.create({ password: "password" })
        });
        // As the official runtime shares a protected template: a token with the same password, carrying the template's reference.
        const token = await a.tokens.sendToken({
            content: TokenContentRelationshipTemplate.from({
                templateId: template.id,
                secretKey: template.secretKey,
                passwordProtection: template.passwordProtection!.toSharedPasswordProtection()
            }),
            expiresAt: inFiveMinutes(),
            ephemeral: true,
            passwordProtection: PasswordProtectionCreationParameters.create({ password: "password" })
        });
        const reference = TokenReference.from(token.toTokenReference(world.backbone.baseUrl!).truncate());

        const failure = await b.tokens.loadPeerTokenByReference(reference, true, "wrong-password").then(
            () => undefined,
            (error: unknown) => error as { code?: string; reason?: string; status?: number }
        );
        expect(failure).toMatchObject({ code: "error.platform.recordNotFound", status: 404 });
        expect(failure!.reason).toBe(
            "Token not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one."
        );

        const loaded = await b.tokens.loadPeerTokenByReference(reference, true, "password");
        const content = loaded.content as TokenContentRelationshipTemplate;
        const peerTemplate = await b.relationshipTemplates.loadPeerRelationshipTemplateByTokenContent(content, "password");
        expect(peerTemplate.id.equals(template.id)).toBe(true);
    });
});
