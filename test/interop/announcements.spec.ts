import { CoreId, LanguageISO639 } from "@nmshd/core-types";
import type { AccountController } from "@nmshd/transport";
import type { AxiosInstance } from "axios";

import { anAnnouncementRequest } from "../factories/announcements";
import { ADMIN_KEY, officialAdminApiClient } from "../support/admin-api";
import { useOfficialClientWorld } from "./official-client";

/**
 * Announcements created through the admin listener the way the official client library's own tests create them
 * (its AdminApiClient test helper: GET /api/v1/xsrf, then POST /api/v1/Announcements with the cookie and token), and
 * read by the official client through its announcement API.
 */
describe("the official client: announcements created through the Admin API", () => {
    const world = useOfficialClientWorld({ ADMIN_API_KEY: ADMIN_KEY });
    let adminClient: AxiosInstance;
    let main: AccountController;
    let other: AccountController;

    beforeAll(async () => {
        adminClient = await officialAdminApiClient(world.backbone.adminBaseUrl!);
        main = await world.account();
        other = await world.account();
    });

    async function createAnnouncement(forIdentity?: string): Promise<CoreId> {
        const response = await adminClient.post<{ result: { id: string } }>(
            "/api/v1/Announcements",
            anAnnouncementRequest(forIdentity ? [forIdentity] : [])
        );
        expect(response.status).toBe(201);
        return CoreId.from(response.data.result.id);
    }

    it("returns announcements for everybody, with their actions, in the requested language or else in English", async () => {
        const id = await createAnnouncement();
        const english = await main.announcements.getAnnouncements(LanguageISO639.en);
        const announcement = english.find((a) => a.id.equals(id));
        expect(announcement?.title).toBe("English Title");
        expect(announcement?.actions).toHaveLength(1);
        expect(announcement?.actions[0]?.displayName).toBe("English Action Display Name");
        const german = await main.announcements.getAnnouncements(LanguageISO639.de);
        expect(german.find((a) => a.id.equals(id))?.title).toBe("Deutscher Titel");
        const afar = await main.announcements.getAnnouncements(LanguageISO639.aa);
        expect(afar.find((a) => a.id.equals(id))?.title).toBe("English Title");
    });

    it("returns an identity's own announcements and not those of other identities", async () => {
        const forMain = await createAnnouncement(main.identity.address.toString());
        const forOther = await createAnnouncement(other.identity.address.toString());
        const seen = await main.announcements.getAnnouncements(LanguageISO639.en);
        expect(seen.some((a) => a.id.equals(forMain))).toBe(true);
        expect(seen.some((a) => a.id.equals(forOther))).toBe(false);
    });
});
