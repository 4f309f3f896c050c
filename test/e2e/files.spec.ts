import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { DataSource } from "typeorm";

import { FilesService } from "../../src/modules/files/files.service";
import { expectError } from "../support/errors";
import { downloadRequest, pendingUploadRows, sha512Url, uploadFile, uploadRequest } from "../support/files";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const DAY = 24 * 60 * 60 * 1000;
const MiB = 1024 * 1024;

describe("Files", () => {
    let t: TestApp;
    let blobDir: string;
    let alice: TestIdentity;
    let bob: TestIdentity;
    let dataSource: DataSource;

    beforeAll(async () => {
        blobDir = await mkdtemp(join(tmpdir(), "files-e2e-"));
        t = await startTestApp({ env: { BLOB_DIR: blobDir } });
        dataSource = t.app.get(DataSource);
        [alice, bob] = [await createIdentity(t), await createIdentity(t)];
    });
    afterAll(async () => {
        await t.close();
        await rm(blobDir, { recursive: true, force: true });
    });
    afterEach(() => t.clock.set(new Date()));

    const blobs = async () => (await readdir(blobDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    describe("POST /Files", () => {
        it("stores the content and answers 201 with the metadata, the ownership token and a Location", async () => {
            const content = Buffer.from([0xfb, 0xff, 0x00, 0x01, 0x02]);
            const expiresAt = new Date(t.clock.now().getTime() + 3 * DAY).toISOString();
            const signature = Buffer.from([0xfb, 0xff, 0xfe]);
            const response = await uploadRequest(t, alice, { content, expiresAt, ownerSignature: signature.toString("base64") }).expect(
                201
            );
            const result = response.body.result;
            const now = t.clock.now().toISOString();
            expect(result).toEqual({
                id: expect.stringMatching(/^FIL[A-Za-z0-9]{17}$/),
                owner: alice.address,
                ownerSignature: "-__-",
                ownershipToken: expect.stringMatching(/^[A-Za-z0-9!@#$%^&*()_\-+=<>?/{}[\]|~]{20}$/),
                cipherSize: 5,
                cipherHash: sha512Url(content),
                expiresAt,
                createdAt: now,
                createdBy: alice.address,
                createdByDevice: alice.deviceId,
                modifiedAt: now,
                modifiedBy: alice.address,
                deletedAt: null,
                deletedBy: null
            });
            expect(response.headers.location).toBe(`/api/v2/Files/${result.id}`);
            expect(await blobs()).toContain(result.id);
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("accepts the text parts before the file part and field names in any case", async () => {
            const content = Buffer.from("fields first");
            const response = await t.http
                .post("/api/v2/Files")
                .set("authorization", alice.auth)
                .field("CipherHash", sha512Url(content))
                .field("ownersignature", "AQID")
                .field("EXPIRESAT", new Date(t.clock.now().getTime() + DAY).toISOString())
                .field("encryptedProperties", "AQID")
                .attach("content", content, "cipher.bin")
                .expect(201);
            expect(response.body.result.cipherSize).toBe(content.length);
        });

        it("accepts a cipherHash that is not 64 bytes long without checking it (opaque to the Backbone)", async () => {
            await uploadRequest(t, alice, { cipherHash: "AQID" }).expect(201);
        });

        it("accepts exactly 10 MiB", async () => {
            const response = await uploadRequest(t, alice, { content: Buffer.alloc(10 * MiB, 7) }).expect(201);
            expect(response.body.result.cipherSize).toBe(10 * MiB);
        });

        it.each([
            ["an empty content", { content: Buffer.alloc(0) }, "InclusiveBetweenValidator"],
            ["content over 10 MiB", { content: Buffer.alloc(10 * MiB + 1, 1) }, "InclusiveBetweenValidator"],
            ["a missing ownerSignature", { ownerSignature: null }, "error.platform.inputCannotBeParsed"],
            ["an ownerSignature that is not base64", { ownerSignature: "%%%%" }, "error.platform.validation.invalidPropertyValue"],
            [
                "an ownerSignature over 512 bytes",
                { ownerSignature: Buffer.alloc(513, 1).toString("base64url") },
                "error.platform.validation.invalidPropertyValue"
            ],
            ["a missing cipherHash", { cipherHash: null }, "error.platform.inputCannotBeParsed"],
            [
                "a cipherHash over 128 bytes",
                { cipherHash: Buffer.alloc(129, 1).toString("base64url") },
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "a cipherHash that does not match the content",
                { cipherHash: Buffer.alloc(64, 1).toString("base64url") },
                "error.platform.validation.invalidPropertyValue"
            ],
            ["a missing expiresAt", { expiresAt: null }, "error.platform.inputCannotBeParsed"],
            [
                "an expiresAt in the past",
                { expiresAt: new Date(Date.now() - DAY).toISOString() },
                "error.platform.validation.invalidPropertyValue"
            ],
            ["an expiresAt that is no date", { expiresAt: "soon" }, "error.platform.validation.invalidPropertyValue"],
            ["an empty encryptedProperties", { encryptedProperties: "" }, "error.platform.validation.invalidPropertyValue"],
            ["a missing encryptedProperties", { encryptedProperties: null }, "error.platform.inputCannotBeParsed"]
        ])("refuses %s with 400 and leaves nothing behind", async (_name, options, code) => {
            const before = await blobs();
            const response = await uploadRequest(t, alice, options).expect(400);
            expect(response.body.error.code).toBe(code);
            expect(await blobs()).toEqual(before);
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("refuses a request without a content part", async () => {
            await expectError(
                t.http
                    .post("/api/v2/Files")
                    .set("authorization", alice.auth)
                    .field("cipherHash", "AQID")
                    .field("ownerSignature", "AQID")
                    .field("expiresAt", new Date(t.clock.now().getTime() + DAY).toISOString())
                    .field("encryptedProperties", "AQID"),
                400,
                "error.platform.inputCannotBeParsed"
            );
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("refuses a JSON body and a second file part with 400", async () => {
            await expectError(
                t.http.post("/api/v2/Files").set("authorization", alice.auth).send({ content: "AQID" }),
                400,
                "error.platform.inputCannotBeParsed"
            );
            const twoFiles = await uploadRequest(t, alice).attach("content", Buffer.from("again"), "second.bin").expect(400);
            expect(twoFiles.body.error.code).toBe("error.platform.inputCannotBeParsed");
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("accepts the byte fields as file parts with the raw bytes (as the Swagger UI sends them), bounded like the text parts", async () => {
            const content = Buffer.from("content sent with binary metadata parts");
            const signature = Buffer.from([0, 1, 2, 250, 251, 252]);
            const created = await t.http
                .post("/api/v2/Files")
                .set("authorization", alice.auth)
                .attach("content", content, "cipher.bin")
                .attach("cipherHash", createHash("sha512").update(content).digest(), "hash.bin")
                .attach("ownerSignature", signature, "signature.bin")
                .attach("encryptedProperties", Buffer.from([7, 7, 7]), "properties.bin")
                .field("expiresAt", new Date(t.clock.now().getTime() + DAY).toISOString())
                .expect(201);
            expect(created.body.result.ownerSignature).toBe(signature.toString("base64url"));
            expect(created.body.result.cipherHash).toBe(sha512Url(content));

            const tooLong = await uploadRequest(t, alice, { cipherHash: null })
                .attach("cipherHash", Buffer.alloc(129, 1), "hash.bin")
                .expect(400);
            expect(tooLong.body.error.message).toContain("'cipherHash'");
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("requires authentication", async () => {
            await uploadRequest(t, undefined).expect(401);
        });
    });

    describe("GET /Files/{id} and /Files/{id}/Metadata", () => {
        it("lets any authenticated identity download the exact bytes as application/octet-stream", async () => {
            const content = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
            const { id } = await uploadFile(t, alice, { content });
            const response = await downloadRequest(t, bob, id).expect(200);
            expect(response.headers["content-type"]).toBe("application/octet-stream");
            expect(response.headers["content-length"]).toBe(String(content.length));
            expect(Buffer.compare(response.body as Buffer, content)).toBe(0);
        });

        it("returns the metadata to any authenticated identity, bytes as base64url, null fields included", async () => {
            const content = Buffer.from("metadata");
            const expiresAt = new Date(t.clock.now().getTime() + DAY).toISOString();
            const { id } = await uploadFile(t, alice, {
                content,
                expiresAt,
                encryptedProperties: Buffer.from([0xfb, 0xff]).toString("base64")
            });
            const response = await t.http.get(`/api/v2/Files/${id}/metadata`).set("authorization", bob.auth).expect(200);
            const now = t.clock.now().toISOString();
            expect(response.body.result).toEqual({
                id,
                createdAt: now,
                createdBy: alice.address,
                createdByDevice: alice.deviceId,
                modifiedAt: now,
                modifiedBy: alice.address,
                modifiedByDevice: alice.deviceId,
                deletedAt: null,
                deletedBy: null,
                deletedByDevice: null,
                owner: alice.address,
                ownerSignature: Buffer.from('{"sig":"x","alg":2}').toString("base64url"),
                ownershipIsLocked: false,
                cipherSize: content.length,
                cipherHash: sha512Url(content),
                expiresAt,
                encryptedProperties: "-_8"
            });
        });

        it("answers 404 for an unknown file, 400 for a malformed id and 401 without a bearer", async () => {
            for (const path of ["/api/v2/Files/FILdoesnotexist12345", "/api/v2/Files/FILdoesnotexist12345/Metadata"]) {
                await expectError(t.http.get(path).set("authorization", alice.auth), 404, "error.platform.recordNotFound");
            }
            await expectError(
                t.http.get("/api/v2/Files/TOKaaaaaaaaaaaaaaaaa/Metadata").set("authorization", alice.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
            await t.http.get("/api/v2/Files/FILdoesnotexist12345").expect(401);
        });

        it("hides an expired file from everybody, the creator included", async () => {
            const { id } = await uploadFile(t, alice, { expiresAt: new Date(t.clock.now().getTime() + DAY).toISOString() });
            t.clock.advance(DAY);
            await t.http.get(`/api/v2/Files/${id}/Metadata`).set("authorization", alice.auth).expect(404);
            await t.http.get(`/api/v2/Files/${id}`).set("authorization", alice.auth).expect(404);
            await t.http.delete(`/api/v2/Files/${id}`).set("authorization", alice.auth).expect(404);
            const listed = await t.http.get(`/api/v2/Files?ids=${id}`).set("authorization", alice.auth).expect(200);
            expect(listed.body.result).toEqual([]);
            expect(await t.app.get(FilesService).existingFileIds([id])).toEqual([]);
        });
    });

    describe("GET /Files", () => {
        it("lists only the caller's own files, filtered by ids, with pagination beyond one page", async () => {
            const carol = await createIdentity(t);
            const own: string[] = [];
            for (let i = 0; i < 3; i++) {
                own.push((await uploadFile(t, carol)).id);
                t.clock.advance(1000);
            }
            const foreign = (await uploadFile(t, bob)).id;
            const all = await t.http.get("/api/v2/Files").set("authorization", carol.auth).expect(200);
            expect(all.body.result.map((f: { id: string }) => f.id)).toEqual(own);
            expect(all.body.pagination).toBeUndefined();
            const filtered = await t.http.get(`/api/v2/Files?ids=${own[1]}&ids=${foreign}`).set("authorization", carol.auth).expect(200);
            expect(filtered.body.result.map((f: { id: string }) => f.id)).toEqual([own[1]]);
            const page = await t.http.get("/api/v2/Files?pageSize=1&pageNumber=3").set("authorization", carol.auth).expect(200);
            expect(page.body.result.map((f: { id: string }) => f.id)).toEqual([own[2]]);
            expect(page.body.pagination).toEqual({ pageNumber: 3, pageSize: 1, totalPages: 3, totalRecords: 3 });
        });

        it.each([
            ["an id of another kind", "?ids=MSGaaaaaaaaaaaaaaaaa", "error.platform.validation.invalidPropertyValue"],
            ["a page size over 200", "?pageSize=500", "error.platform.validation.pagination.invalidPageSize"]
        ])("answers 400 for %s", async (_name, query, code) => {
            await expectError(t.http.get(`/api/v2/Files${query}`).set("authorization", alice.auth), 400, code);
        });
    });

    describe("DELETE /Files/{id}", () => {
        it("removes the metadata and the content for the creator with 204", async () => {
            const { id } = await uploadFile(t, alice);
            await t.http.delete(`/api/v2/Files/${id}`).set("authorization", alice.auth).expect(204);
            await t.http.get(`/api/v2/Files/${id}/Metadata`).set("authorization", alice.auth).expect(404);
            await t.http.get(`/api/v2/Files/${id}`).set("authorization", alice.auth).expect(404);
            expect(await blobs()).not.toContain(id);
        });

        it("answers 403 to another identity and 404 for an unknown file", async () => {
            const { id } = await uploadFile(t, alice);
            await expectError(t.http.delete(`/api/v2/Files/${id}`).set("authorization", bob.auth), 403, "error.platform.forbidden");
            await t.http.delete("/api/v2/Files/FILdoesnotexist12345").set("authorization", alice.auth).expect(404);
            expect(await blobs()).toContain(id);
        });
    });

    describe("ownership", () => {
        const events = async (type: string, fileId: string) =>
            (await dataSource.query("SELECT owner, payload FROM external_events WHERE type = $1 AND payload->>'fileId' = $2", [
                type,
                fileId
            ])) as Array<{
                owner: string;
                payload: Record<string, string>;
            }>;
        const validate = (id: string, who: TestIdentity, ownershipToken: unknown) =>
            t.http.post(`/api/v2/Files/${id}/ValidateOwnershipToken`).set("authorization", who.auth).send({ ownershipToken });
        const claim = (id: string, who: TestIdentity, ownershipToken: unknown) =>
            t.http.patch(`/api/v2/Files/${id}/ClaimOwnership`).set("authorization", who.auth).send({ ownershipToken });
        const regenerate = (id: string, who: TestIdentity) =>
            t.http.patch(`/api/v2/Files/${id}/RegenerateOwnershipToken`).set("authorization", who.auth);
        const metadata = async (id: string) =>
            (await t.http.get(`/api/v2/Files/${id}/Metadata`).set("authorization", alice.auth).expect(200)).body.result;

        it("validates the right token for anybody; a wrong token from the owner does not lock", async () => {
            const { id, ownershipToken } = await uploadFile(t, alice);
            expect((await validate(id, bob, ownershipToken).expect(200)).body.result).toEqual({ isValid: true });
            expect((await validate(id, alice, ownershipToken).expect(200)).body.result).toEqual({ isValid: true });
            expect((await validate(id, alice, "wrongtoken").expect(200)).body.result).toEqual({ isValid: false });
            expect((await metadata(id)).ownershipIsLocked).toBe(false);
            expect(await events("FileOwnershipLocked", id)).toEqual([]);
        });

        it("locks after a wrong token from a non-owner, tells the owner, and validates nothing until regenerated", async () => {
            const { id, ownershipToken } = await uploadFile(t, alice);
            expect((await validate(id, bob, "wrongtoken").expect(200)).body.result).toEqual({ isValid: false });
            expect(await events("FileOwnershipLocked", id)).toEqual([{ owner: alice.address, payload: { fileId: id } }]);
            expect((await metadata(id)).ownershipIsLocked).toBe(true);
            expect((await validate(id, bob, ownershipToken).expect(200)).body.result).toEqual({ isValid: false });
            expect((await claim(id, bob, ownershipToken).expect(403)).body.error.code).toBe("error.platform.forbidden");
            expect(await events("FileOwnershipLocked", id)).toHaveLength(1);

            const regenerated = (await regenerate(id, alice).expect(200)).body.result.newOwnershipToken;
            expect(regenerated).toMatch(/^.{20}$/);
            expect(regenerated).not.toBe(ownershipToken);
            expect((await metadata(id)).ownershipIsLocked).toBe(false);
            expect((await validate(id, bob, regenerated).expect(200)).body.result).toEqual({ isValid: true });
            expect((await validate(id, bob, ownershipToken).expect(200)).body.result).toEqual({ isValid: false });
            expect((await metadata(id)).ownershipIsLocked).toBe(true);
            expect(await events("FileOwnershipLocked", id)).toHaveLength(2);
        });

        it("lets somebody with the token claim the file: new owner, new token, FileOwnershipClaimed for the previous owner", async () => {
            const { id, ownershipToken } = await uploadFile(t, alice);
            t.clock.advance(1000);
            const response = await claim(id, bob, ownershipToken).expect(200);
            const newToken = response.body.result.newOwnershipToken;
            expect(newToken).toMatch(/^.{20}$/);
            expect(newToken).not.toBe(ownershipToken);
            const after = await metadata(id);
            expect(after).toMatchObject({
                owner: bob.address,
                createdBy: alice.address,
                modifiedBy: bob.address,
                modifiedAt: t.clock.now().toISOString()
            });
            expect(await events("FileOwnershipClaimed", id)).toEqual([
                { owner: alice.address, payload: { fileId: id, newOwnerAddress: bob.address } }
            ]);
            expect((await validate(id, alice, newToken).expect(200)).body.result).toEqual({ isValid: true });
            expect((await regenerate(id, alice).expect(403)).body.error.code).toBe("error.platform.forbidden");
            await regenerate(id, bob).expect(200);
        });

        it("answers 403 and locks for a wrong claim, 400 when the owner claims", async () => {
            const { id, ownershipToken } = await uploadFile(t, alice);
            const own = await claim(id, alice, ownershipToken).expect(400);
            expect(own.body.error.code).toBe("error.platform.validation.file.cannotClaimOwnershipOfOwnFile");
            await claim(id, bob, "wrongtoken").expect(403);
            expect((await metadata(id)).ownershipIsLocked).toBe(true);
            expect(await events("FileOwnershipLocked", id)).toEqual([{ owner: alice.address, payload: { fileId: id } }]);
            expect((await metadata(id)).owner).toBe(alice.address);
        });

        it("answers 403 when a non-owner regenerates the token", async () => {
            const { id } = await uploadFile(t, alice);
            await regenerate(id, bob).expect(403);
        });

        it("answers 404 for unknown and expired files", async () => {
            const unknown = "FILdoesnotexist12345";
            await validate(unknown, bob, "token").expect(404);
            await claim(unknown, bob, "token").expect(404);
            await regenerate(unknown, alice).expect(404);
            const { id, ownershipToken } = await uploadFile(t, alice, { expiresAt: new Date(t.clock.now().getTime() + DAY).toISOString() });
            t.clock.advance(DAY);
            await validate(id, bob, ownershipToken).expect(404);
            await claim(id, bob, ownershipToken).expect(404);
            await regenerate(id, alice).expect(404);
        });

        it.each([
            ["a missing token", undefined, "error.platform.inputCannotBeParsed"],
            ["an empty token", "", "error.platform.validation.invalidPropertyValue"],
            ["a token over 20 characters", "a".repeat(21), "error.platform.validation.invalidPropertyValue"],
            ["a token with characters outside the alphabet", "abc def", "error.platform.validation.invalidPropertyValue"],
            ["a numeric token", 12345, "error.platform.inputCannotBeParsed"]
        ])("answers 400 for %s", async (_name, token, code) => {
            const { id } = await uploadFile(t, alice);
            expect((await validate(id, bob, token).expect(400)).body.error.code).toBe(code);
            expect((await claim(id, bob, token).expect(400)).body.error.code).toBe(code);
            expect((await metadata(id)).ownershipIsLocked).toBe(false);
        });
    });

    it("tells other modules which file ids exist and have not expired", async () => {
        const { id } = await uploadFile(t, alice);
        const service = t.app.get(FilesService);
        expect(await service.existingFileIds([id, "FILdoesnotexist12345", id])).toEqual([id]);
        expect(await service.existingFileIds([])).toEqual([]);
    });
});
