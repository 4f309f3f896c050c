import { ADMIN_KEY, type AdminApi, adminApi } from "../support/admin-api";
import { createIdentity, type TestIdentity } from "../support/identities";
import { addDevice, createDatawallet } from "../support/sync";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

interface Overview {
    address: string;
    createdAt: string;
    createdWithClient: string;
    identityVersion: number;
    numberOfDevices: number;
    lastLoginAt: string | null;
    datawalletVersion: number | null;
    status: string;
    tier?: { id: string; name: string } | null;
}

describe("the identity overview (GET /odata/Identities)", () => {
    let t: TestApp;
    let admin: AdminApi;
    let tier: { id: string; name: string };
    const identities: TestIdentity[] = [];

    beforeAll(async () => {
        t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
        admin = await adminApi(t);
        tier = (await admin.post("/Tiers", { name: "OData tier" }).expect(201)).body.result;
        // Five identities created a day apart; the last two in the tier, the first with two devices and a datawallet.
        t.clock.set(new Date("2030-01-01T10:00:00.000Z"));
        for (let i = 0; i < 5; i++) {
            if (i === 3) await admin.put(`/Clients/${TEST_CLIENT.id}`, { defaultTier: tier.id }).expect(200);
            identities.push(await createIdentity(t));
            if (i === 0) {
                await addDevice(t, identities[0]!);
                await createDatawallet(t, identities[0]!, 1);
            }
            t.clock.advance(24 * 60 * 60 * 1000);
        }
        await admin.put(`/Clients/${TEST_CLIENT.id}`, { defaultTier: null }).expect(200);
    });
    afterAll(async () => await t.close());

    function odata(query: Record<string, string>) {
        const search = new URLSearchParams(query).toString();
        return t.admin.get(`/odata/Identities${search ? `?${search}` : ""}`).set("x-api-key", ADMIN_KEY);
    }

    async function addresses(query: Record<string, string>): Promise<string[]> {
        const response = await odata(query).expect(200);
        return (response.body.value as Overview[]).map((o) => o.address);
    }

    const ours = () => identities.map((i) => i.address);

    it("answers the query the official Admin UI sends, in OData JSON: page, count and the expanded tier", async () => {
        const response = await odata({ $top: "2", $skip: "0", $count: "true", $orderBy: "createdAt desc", $expand: "Tier" }).expect(200);
        expect(response.headers["content-type"]).toMatch(/^application\/json; odata\.metadata=minimal/);
        expect(response.body["@odata.context"]).toBe("/odata/$metadata#Identities");
        expect(response.body["@odata.count"]).toBe(5);
        expect(response.body.value).toEqual([
            {
                address: identities[4]!.address,
                createdAt: "2030-01-05T10:00:00.000Z",
                createdWithClient: TEST_CLIENT.id,
                identityVersion: 1,
                numberOfDevices: 1,
                lastLoginAt: "2030-01-05T10:00:00.000Z",
                datawalletVersion: null,
                status: "Active",
                tier: { id: tier.id, name: "OData tier" }
            },
            expect.objectContaining({ address: identities[3]!.address, tier: { id: tier.id, name: "OData tier" } })
        ]);
        const first = (await odata({ $filter: `address eq '${identities[0]!.address}'`, $expand: "Tier" }).expect(200)).body.value[0];
        expect(first).toMatchObject({ numberOfDevices: 2, datawalletVersion: 1, tier: null });
        const withoutExpand = (await odata({ $top: "1" }).expect(200)).body;
        expect(withoutExpand.value[0]).not.toHaveProperty("tier");
        expect(withoutExpand).not.toHaveProperty("@odata.count");
    });

    it("filters with the Admin UI's filter builder: contains, tier, client, dates, numbers, combined with and/or", async () => {
        expect(await addresses({ $filter: `(contains(address, '${identities[2]!.address.slice(-8)}'))` })).toEqual([
            identities[2]!.address
        ]);
        expect((await addresses({ $filter: `((tier/Id eq '${tier.id}'))`, $orderby: "createdAt" })).sort()).toEqual(
            [identities[3]!.address, identities[4]!.address].sort()
        );
        expect(await addresses({ $filter: `(createdWithClient eq '${TEST_CLIENT.id}')` })).toHaveLength(5);
        expect(await addresses({ $filter: "(createdWithClient eq 'another-client')" })).toEqual([]);
        expect(await addresses({ $filter: "(createdAt gt 2030-01-03)", $orderby: "createdAt asc" })).toEqual(ours().slice(2));
        expect(await addresses({ $filter: "(createdAt lt 2030-01-02T12:00:00Z)", $orderby: "createdAt asc" })).toEqual(ours().slice(0, 2));
        expect(await addresses({ $filter: "(lastLoginAt le 2030-01-02)", $orderby: "createdAt asc" })).toEqual(ours().slice(0, 1));
        expect(await addresses({ $filter: "(numberOfDevices ge 2)" })).toEqual([identities[0]!.address]);
        expect(await addresses({ $filter: "(datawalletVersion eq 1)" })).toEqual([identities[0]!.address]);
        expect(await addresses({ $filter: "datawalletVersion ne 1" })).toHaveLength(4);
        expect(await addresses({ $filter: "(identityVersion eq 1) and (numberOfDevices eq 1) and (tier/name eq null)" })).toHaveLength(2);
        expect(
            await addresses({
                $filter: `(address eq '${identities[0]!.address}') or (address eq '${identities[1]!.address}')`,
                $orderby: "address desc"
            })
        ).toEqual([identities[0]!.address, identities[1]!.address].sort().reverse());
        expect(await addresses({ $filter: `not (tier/id eq '${tier.id}')` })).toHaveLength(3);
        expect(
            await addresses({
                $filter: `startswith(address, 'did:e:localhost:dids:') and endswith(address, '${identities[1]!.address.slice(-3)}')`
            })
        ).toContain(identities[1]!.address);
    });

    it("orders and pages: $orderby on several properties, $top, $skip and $count together", async () => {
        const all = await addresses({ $orderby: "createdAt desc" });
        expect(all).toEqual([...ours()].reverse());
        expect(await addresses({ $orderby: "numberOfDevices desc, createdAt asc", $top: "2" })).toEqual([
            identities[0]!.address,
            identities[1]!.address
        ]);
        const page = await odata({ $orderby: "createdAt", $top: "2", $skip: "2", $count: "true" }).expect(200);
        expect(page.body["@odata.count"]).toBe(5);
        expect(page.body.value.map((o: Overview) => o.address)).toEqual(ours().slice(2, 4));
        expect((await odata({ $orderby: "createdAt", $skip: "5", $count: "true" }).expect(200)).body).toMatchObject({
            "@odata.count": 5,
            value: []
        });
        const filteredCount = await odata({ $filter: "numberOfDevices eq 1", $count: "true", $top: "1" }).expect(200);
        expect(filteredCount.body["@odata.count"]).toBe(4);
        expect(filteredCount.body.value).toHaveLength(1);
    });

    it("refuses what it does not understand with 400 and a code, and never lets input into the SQL", async () => {
        const queries: Array<Record<string, string>> = [
            { $filter: "address eq" },
            { $filter: "address eq 'x' and" },
            { $filter: "unknownProperty eq 1" },
            { $filter: "numberOfDevices eq 'two'" },
            { $filter: "createdAt gt 'yesterday'" },
            { $filter: "address gt null" },
            { $filter: "address eq 'unterminated" },
            { $filter: "address eq 'x'; DROP TABLE identities" },
            { $filter: "length(address) eq 3" },
            { $filter: "(".repeat(30) + "address eq 'x'" + ")".repeat(30) },
            { $filter: Array.from({ length: 101 }, () => "numberOfDevices eq 1").join(" or ") },
            { $orderby: "address sideways" },
            { $orderby: "secret" },
            { $top: "101" },
            { $top: "-1" },
            { $skip: "x" },
            { $count: "maybe" },
            { $expand: "Devices" },
            { $select: "address" },
            { $search: "x" }
        ];
        for (const query of queries) {
            const response = await odata(query);
            expect([query, response.status]).toEqual([query, 400]);
            expect(response.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        }
        expect(await addresses({ $filter: "address eq 'x'' OR ''1''=''1'" })).toEqual([]);
        expect(await addresses({ $filter: "contains(address, '%')" })).toEqual([]);
        expect((await odata({}).expect(200)).body.value.length).toBeLessThanOrEqual(100);
    });
});
