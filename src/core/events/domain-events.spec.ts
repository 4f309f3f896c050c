import { domainEvent, identityEvent } from "./domain-events";

class ThingMoved extends domainEvent("things.thingMoved", (thingId: string, to: string, urgent = false) => ({ thingId, to, urgent })) {}
class OwnerLeft extends identityEvent("things.ownerLeft") {}

describe("domain event classes", () => {
    it("carry their name on the class and on every event, and the fields their constructor makes", () => {
        const event = new ThingMoved("THG1", "shelf");
        expect(ThingMoved.eventName).toBe("things.thingMoved");
        expect(event).toBeInstanceOf(ThingMoved);
        expect({ ...event }).toEqual({ name: "things.thingMoved", thingId: "THG1", to: "shelf", urgent: false });
        expect(new ThingMoved("THG1", "shelf", true).urgent).toBe(true);
    });

    it("about one identity carry its address", () => {
        expect({ ...new OwnerLeft("did:e:localhost:dids:0123456789abcdef012345") }).toEqual({
            name: "things.ownerLeft",
            address: "did:e:localhost:dids:0123456789abcdef012345"
        });
        expect(OwnerLeft.eventName).toBe("things.ownerLeft");
    });
});
