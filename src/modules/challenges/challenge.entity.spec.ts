import { aChallenge } from "../../../test/factories/challenges";
import { Challenge, CHALLENGE_LIFETIME_MS, CHALLENGE_READ_GRACE_MS, CHALLENGE_RETENTION_MS } from "./challenge.entity";

const now = new Date("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("Challenge", () => {
    it("lives ten minutes and records an authenticated creator", () => {
        const challenge = aChallenge({
            now,
            createdBy: { address: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa", deviceId: "DVCaaaaaaaaaaaaaaaaa" }
        });
        expect(challenge).toMatchObject({
            id: expect.stringMatching(/^CHL[A-Za-z0-9]{17}$/),
            expiresAt: at(CHALLENGE_LIFETIME_MS),
            createdBy: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa",
            createdByDevice: "DVCaaaaaaaaaaaaaaaaa"
        });
        expect(aChallenge({ now })).toMatchObject({ createdBy: null, createdByDevice: null });
    });

    it("proves possession until it expires", () => {
        const challenge = aChallenge({ now });
        expect(challenge.isExpired(at(CHALLENGE_LIFETIME_MS))).toBe(false);
        expect(challenge.isExpired(at(CHALLENGE_LIFETIME_MS + 1))).toBe(true);
    });

    it("stays readable until an hour after it expired", () => {
        const challenge = aChallenge({ now });
        expect(challenge.isReadable(at(CHALLENGE_LIFETIME_MS + CHALLENGE_READ_GRACE_MS - 1))).toBe(true);
        expect(challenge.isReadable(at(CHALLENGE_LIFETIME_MS + CHALLENGE_READ_GRACE_MS))).toBe(false);
    });

    it("is kept 30 days after it expired", () => {
        expect(Challenge.retentionCutoff(now)).toEqual(at(-CHALLENGE_RETENTION_MS));
    });
});
