import { RelationshipTemplate } from "./relationship-template.entity";

const OWNER = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const PEER = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const OTHER = "did:e:localhost:dids:cccccccccccccccccccccc";
const now = new Date("2026-01-01T00:00:00.000Z");

function template(values: Partial<RelationshipTemplate> = {}): RelationshipTemplate {
    return Object.assign(new RelationshipTemplate(), {
        id: "RLTaaaaaaaaaaaaaaaaa",
        createdBy: OWNER,
        createdByDevice: "DVCaaaaaaaaaaaaaaaaa",
        maxNumberOfAllocations: null,
        expiresAt: null,
        content: Buffer.alloc(1),
        createdAt: now,
        forIdentity: null,
        password: null,
        ...values
    });
}

describe("RelationshipTemplate", () => {
    it("expires at expiresAt, and stays visible to identities with a relationship from it", () => {
        const t = template({ expiresAt: new Date(now.getTime() + 1000) });
        expect(t.isVisibleTo(PEER, new Date(now.getTime() + 999), false)).toBe(true);
        expect(t.isVisibleTo(PEER, new Date(now.getTime() + 1000), false)).toBe(false);
        expect(t.isVisibleTo(PEER, new Date(now.getTime() + 1000), true)).toBe(true);
    });

    it("shows a personalised template only to its identity and its creator", () => {
        const t = template({ forIdentity: PEER });
        expect(t.isVisibleTo(PEER, now, false)).toBe(true);
        expect(t.isVisibleTo(OWNER, now, false)).toBe(true);
        expect(t.isVisibleTo(OTHER, now, false)).toBe(false);
    });

    it("asks for the password except from the creator and from identities that already allocated it", () => {
        const t = template({ password: Buffer.from("pw") });
        expect(t.acceptsPassword(PEER, undefined, false)).toBe(false);
        expect(t.acceptsPassword(PEER, Buffer.from("px"), false)).toBe(false);
        expect(t.acceptsPassword(PEER, Buffer.from("pw"), false)).toBe(true);
        expect(t.acceptsPassword(PEER, undefined, true)).toBe(true);
        expect(t.acceptsPassword(OWNER, undefined, false)).toBe(true);
        expect(template().acceptsPassword(PEER, undefined, false)).toBe(true);
    });

    it("counts allocations against the maximum", () => {
        const t = template({ maxNumberOfAllocations: 2 });
        expect(t.canAllocate(1)).toBe(true);
        expect(t.canAllocate(2)).toBe(false);
        expect(t.isExhaustedBy(1)).toBe(false);
        expect(t.isExhaustedBy(2)).toBe(true);
        expect(template().canAllocate(1_000_000)).toBe(true);
        expect(template().isExhaustedBy(1)).toBe(false);
        expect(t.needsAllocationBy(OWNER, false)).toBe(false);
        expect(t.needsAllocationBy(PEER, true)).toBe(false);
        expect(t.needsAllocationBy(PEER, false)).toBe(true);
    });

    it("decides a load: hidden, granted, or granted with an allocation for a first access by someone else", () => {
        const t = template({ password: Buffer.from("pw") });
        const load = { password: undefined, hasAllocated: false, hasRelationshipFromIt: false, now };
        expect(t.access({ ...load, address: OWNER })).toBe("granted");
        expect(t.access({ ...load, address: PEER })).toBe("notFound");
        expect(t.access({ ...load, address: PEER, password: Buffer.from("pw") })).toBe("grantedWithAllocation");
        expect(t.access({ ...load, address: PEER, hasAllocated: true })).toBe("granted");
        const expired = template({ expiresAt: now });
        expect(expired.access({ ...load, address: PEER })).toBe("notFound");
        expect(expired.access({ ...load, address: PEER, hasAllocated: true, hasRelationshipFromIt: true })).toBe("granted");
    });

    it("allocates until the maximum and tells which allocation took the last one", () => {
        const t = template({ maxNumberOfAllocations: 2 });
        expect(t.allocate(0)).toBe("allocated");
        expect(t.allocate(1)).toBe("allocatedLast");
        expect(t.allocate(2)).toBe("exhausted");
        expect(template().allocate(5)).toBe("allocated");
    });

    it("is created with a new id for its creator", () => {
        const created = RelationshipTemplate.create({
            createdBy: { address: OWNER, deviceId: "DVCaaaaaaaaaaaaaaaaa" },
            content: Buffer.from("c"),
            expiresAt: null,
            maxNumberOfAllocations: 3,
            forIdentity: PEER,
            password: null,
            now
        });
        expect(created.id).toMatch(/^RLT[A-Za-z0-9]{17}$/);
        expect(created.isCreatedBy(OWNER)).toBe(true);
        expect(created).toMatchObject({
            createdByDevice: "DVCaaaaaaaaaaaaaaaaa",
            maxNumberOfAllocations: 3,
            forIdentity: PEER,
            createdAt: now
        });
    });
});
