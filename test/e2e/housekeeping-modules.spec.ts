import { DataSource } from "typeorm";

import { BlobStorage } from "../../src/core/blob-storage/blob-storage";
import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { aStartedDeletionProcess } from "../factories/identities";
import { uploadFile } from "../support/files";
import { createIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const DAY = 24 * 60 * 60 * 1000;

describe("housekeeping of the modules' data", () => {
    const t = useTestApp();

    async function ids(table: string): Promise<string[]> {
        const rows: Array<{ id: string }> = await t.app.get(DataSource).query(`SELECT id FROM ${table} ORDER BY id`);
        return rows.map((r) => r.id);
    }

    it("removes tokens and files (row and blob) 30 days after they expired, and only those", async () => {
        const start = new Date("2032-01-01T00:00:00.000Z");
        t.clock.set(start);
        try {
            const owner = await createIdentity(t);
            const expiresSoon = new Date(start.getTime() + DAY).toISOString();
            const expiresLater = new Date(start.getTime() + 20 * DAY).toISOString();
            const content = Buffer.from("c").toString("base64url");
            const oldToken = (
                await t.http.post("/api/v2/Tokens").set("authorization", owner.auth).send({ content, expiresAt: expiresSoon }).expect(201)
            ).body.result.id;
            const newToken = (
                await t.http.post("/api/v2/Tokens").set("authorization", owner.auth).send({ content, expiresAt: expiresLater }).expect(201)
            ).body.result.id;
            const oldFile = (await uploadFile(t, owner, { expiresAt: expiresSoon })).id;
            const newFile = (await uploadFile(t, owner, { expiresAt: expiresLater })).id;

            t.clock.set(new Date(start.getTime() + 31 * DAY + 1));
            const [first, second] = await Promise.all([t.app.get(Housekeeper).runOnce(), t.app.get(Housekeeper).runOnce()]);

            expect((first.removed["tokens.expired"] ?? 0) + (second.removed["tokens.expired"] ?? 0)).toBe(1);
            expect((first.removed["files.expired"] ?? 0) + (second.removed["files.expired"] ?? 0)).toBe(1);
            const tokens = await ids("tokens");
            expect(tokens).toContain(newToken);
            expect(tokens).not.toContain(oldToken);
            const files = await ids("files");
            expect(files).toContain(newFile);
            expect(files).not.toContain(oldFile);
            const blobs = t.app.get(BlobStorage);
            expect(await blobs.exists(oldFile)).toBe(false);
            expect(await blobs.exists(newFile)).toBe(true);
        } finally {
            t.clock.set(new Date());
        }
    });

    it("deletes identities whose grace period is over", async () => {
        const identity = await createIdentity(t);
        await aStartedDeletionProcess(t, identity, 1);
        t.clock.advance(2 * DAY);
        try {
            const report = await t.app.get(Housekeeper).runOnce();
            expect(report.removed["identities.deletion"]).toBe(1);
            expect(await t.app.get(DataSource).query("SELECT 1 FROM identities WHERE address = $1", [identity.address])).toEqual([]);
        } finally {
            t.clock.set(new Date());
        }
    });
});
