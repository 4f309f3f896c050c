import { OAuthClient } from "./oauth-client.entity";

const now = new Date("2026-01-01T00:00:00.000Z");
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });
const aClient = (overrides: Partial<Parameters<typeof OAuthClient.create>[0]> = {}) =>
    OAuthClient.create({ secretHash: "a secret hash", now, ...overrides });

describe("OAuthClient", () => {
    it("gets a generated id when none is given, and its id as display name", () => {
        const client = aClient();
        expect(client.id).toMatch(/^CLT[A-Za-z0-9]{17}$/);
        expect(client).toMatchObject({ displayName: client.id, defaultTier: null, maxIdentities: null, createdAt: now });
        expect(aClient({ id: "app", displayName: "The App" })).toMatchObject({ id: "app", displayName: "The App" });
    });

    it("admits identities up to its limit", () => {
        expect(() => aClient().admitAnotherIdentity(1_000_000)).not.toThrow();
        const limited = aClient({ maxIdentities: 2 });
        expect(() => limited.admitAnotherIdentity(1)).not.toThrow();
        expect(() => limited.admitAnotherIdentity(2)).toThrow(code("clientReachedIdentitiesLimit"));
    });

    it("changes only what is given, and refuses a limit below its number of identities", () => {
        const client = aClient({ defaultTier: "TIRbasic", maxIdentities: 5 });
        expect(client.change({}, 0)).toEqual({});
        expect(client.change({ defaultTier: null }, 0)).toEqual({ defaultTier: null });
        expect(client.change({ maxIdentities: null }, 0)).toEqual({ maxIdentities: null });
        expect(OAuthClient.limitChanges({ maxIdentities: 3 })).toBe(true);
        expect(OAuthClient.limitChanges({ maxIdentities: null })).toBe(false);
        expect(() => client.change({ maxIdentities: 3 }, 4)).toThrow(code("maxIdentitiesLessThanCurrentIdentities"));
        expect(client.change({ maxIdentities: 4 }, 4)).toEqual({ maxIdentities: 4 });
    });
});
