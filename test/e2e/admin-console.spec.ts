import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type BrowserContext, chromium, type Page } from "playwright-core";

import { ADMIN_CONSOLE_CSP } from "../../src/core/admin/admin-console";
import { establishRelationship } from "../factories/relationships";
import { ADMIN_KEY, type AdminApi, adminApi } from "../support/admin-api";
import { uploadFile } from "../support/files";
import { challengeText, createIdentity, STRONG_PASSWORD, type TestIdentity, TestKeyPair } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

/**
 * The admin console in a real browser: Debian's Chromium driven by playwright-core, against a Backbone listening on
 * loopback. The test takes a screenshot of every page at a laptop's 1366×768; they go to build/screenshots, or to
 * docs/screenshots (the README's) with UPDATE_SCREENSHOTS=true (`npm run console:screenshots`).
 */
const ROOT = join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = join(ROOT, process.env.UPDATE_SCREENSHOTS === "true" ? "docs/screenshots" : "build/screenshots");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const DAY_MS = 24 * 60 * 60 * 1000;
const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");

interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: string[] }>;
}

describe("the admin console in Chromium", () => {
    let t: TestApp;
    let admin: AdminApi;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    let origin: string;
    let alice: TestIdentity;
    let seeded: number;
    const foreignRequests: string[] = [];
    const browserErrors: string[] = [];

    async function sendMessage(from: TestIdentity, to: TestIdentity): Promise<void> {
        await t.http
            .post("/api/v2/Messages")
            .set("authorization", from.auth)
            .send({ recipients: [{ address: to.address, encryptedKey: KEY }], body: BODY, attachments: [] })
            .expect(201);
    }

    /** Identities, relationships, messages, a file and a token through the Consumer API, spread over the last days. */
    async function seed(): Promise<void> {
        const now = t.clock.now().getTime();
        const perDay = [2, 0, 1, 3, 1, 0, 2, 4, 1, 2, 3, 1, 0, 2];
        let previous: TestIdentity | undefined;
        seeded = 0;
        for (const [index, count] of perDay.entries()) {
            t.clock.set(new Date(now - (perDay.length - index) * DAY_MS + 9 * 60 * 60 * 1000));
            for (let i = 0; i < count; i++) {
                const identity = await createIdentity(t);
                seeded++;
                if (previous) {
                    previous.auth = `Bearer ${await loginAgain(previous)}`;
                    await establishRelationship(t, identity, previous);
                    for (let m = 0; m < (index % 3) + 1; m++) await sendMessage(identity, previous);
                }
                previous = identity;
            }
        }
        t.clock.set(new Date(now));
        alice = await createIdentity(t);
        seeded++;
        previous!.auth = `Bearer ${await loginAgain(previous!)}`;
        await establishRelationship(t, alice, previous!);
        await sendMessage(alice, previous!);
        await sendMessage(previous!, alice);
        await uploadFile(t, alice, { content: Buffer.alloc(180_000, 3) });
        await t.http
            .post("/api/v2/Tokens")
            .set("authorization", alice.auth)
            .send({
                content: Buffer.from("encrypted token").toString("base64url"),
                expiresAt: new Date(now + 7 * DAY_MS).toISOString(),
                password: Buffer.from("1234").toString("base64url")
            })
            .expect(201);
    }

    async function loginAgain(identity: TestIdentity): Promise<string> {
        const response = await t.http
            .post("/connect/token")
            .type("form")
            .send({
                client_id: "test",
                client_secret: "test",
                grant_type: "password",
                username: identity.username,
                password: identity.password
            })
            .expect(200);
        return response.body.access_token;
    }

    beforeAll(async () => {
        // The console as the build makes it (reused when its sources did not change).
        execFileSync(process.execPath, [join(ROOT, "admin-console", "build.mjs"), "--no-copy"], { stdio: "pipe" });
        t = await startTestApp({ listen: true, env: { ADMIN_API_KEY: ADMIN_KEY, HOUSEKEEPING_CRON: "0 3 * * *" } });
        origin = t.adminBaseUrl!;
        admin = await adminApi(t);
        await seed();
        mkdirSync(SCREENSHOTS, { recursive: true });
        userDataDir = mkdtempSync(join(tmpdir(), "admin-console-chromium-"));
        context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            viewport: { width: 1366, height: 768 },
            deviceScaleFactor: 1,
            locale: "en-GB",
            timezoneId: "UTC"
        });
        context.on("request", (request) => {
            const url = new URL(request.url());
            if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") && url.origin !== origin) {
                foreignRequests.push(request.url());
            }
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.setDefaultTimeout(15_000);
        page.on("console", (message) => {
            if (message.type() === "error") browserErrors.push(message.text());
        });
        page.on("pageerror", (error) => browserErrors.push(error.message));
    }, 180_000);

    afterAll(async () => {
        await context?.close();
        if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
        await t?.close();
    });

    /** Evaluates an expression in the page (a string: this file is compiled without the DOM library). */
    async function inPage<T = unknown>(expression: string): Promise<T> {
        return (await page.evaluate(expression)) as T;
    }

    async function heading(name: string): Promise<void> {
        await page.getByRole("heading", { level: 1, name }).waitFor();
    }

    /** The settled page (fonts loaded, no request in flight); `fullPage` in a window as tall as the page. */
    async function screenshot(name: string, fullPage = false): Promise<void> {
        await inPage("document.fonts.ready.then(() => true)");
        await page.waitForLoadState("networkidle");
        const viewport = page.viewportSize()!;
        if (fullPage) {
            const height = await inPage<number>("document.documentElement.scrollHeight");
            await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
        }
        try {
            await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: "disabled" });
        } finally {
            if (fullPage) await page.setViewportSize(viewport);
        }
    }

    /** axe-core's checks of the current page (labels, names, contrast, landmarks, ARIA): nothing serious or critical. */
    async function expectAccessible(): Promise<void> {
        await page.evaluate(AXE_SOURCE);
        const violations = await inPage<AxeViolation[]>(
            "axe.run(document, { resultTypes: ['violations'] }).then((results) => " +
                "results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))"
        );
        const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    }

    async function navigate(label: string, title: string): Promise<void> {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
        await heading(title);
    }

    it("serves the console on the admin listener only, with a strict Content-Security-Policy", async () => {
        const response = await t.admin.get("/").expect(200);
        expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(response.headers["content-security-policy"]).toBe(ADMIN_CONSOLE_CSP);
        expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
        expect(response.headers["x-frame-options"]).toBe("DENY");
        const deepLink = await t.admin.get("/identities/did:e:localhost:dids:0123456789abcdef012345").expect(200);
        expect(deepLink.text).toBe(response.text);
        const script = /src="(\/assets\/[^"]+\.js)"/.exec(response.text)![1]!;
        const asset = await t.admin.get(script).expect(200);
        expect(asset.headers["cache-control"]).toContain("immutable");
        await t.http.get("/").expect(404);
        await t.http.get(script).expect(404);
        await t.admin.get("/assets/missing.js").expect(404);
    });

    it("refuses a wrong key", async () => {
        const response = await page.goto(`${origin}/`);
        expect(response?.headers()["content-security-policy"]).toBe(ADMIN_CONSOLE_CSP);
        await heading("Log in");
        await expectAccessible();
        await screenshot("login");
        await page.getByLabel("API key").fill("not-the-key-of-this-backbone");
        await page.getByRole("button", { name: "Log in" }).click();
        await page.getByText("This key is not valid.").waitFor();
        expect(await inPage<number>("sessionStorage.length")).toBe(0);
        await heading("Log in");
    });

    it("logs in with the key, with the keyboard only, and keeps it for the browser session", async () => {
        await page.getByLabel("API key").fill("");
        await page.getByLabel("API key").focus();
        await page.keyboard.type(ADMIN_KEY);
        await page.keyboard.press("Enter");
        await heading("Overview");
        await page.reload();
        await heading("Overview");
    });

    it("shows the overview: the numbers and what was created per day", async () => {
        const totals = page.locator("dl.stats");
        await totals.waitFor();
        const identities = await totals.locator(".stat").filter({ hasText: "Identities" }).locator(".stat-value").textContent();
        expect(identities).toBe(String(seeded));
        expect(await totals.locator(".stat").filter({ hasText: "Stored blobs" }).locator(".stat-value").textContent()).toBe("175.8 KiB");
        await page.getByRole("img", { name: /Identities and messages created per day/ }).waitFor();
        await expectAccessible();
        await screenshot("overview");
    });

    it("creates a tier with a quota", async () => {
        await navigate("Tiers and quotas", "Tiers and quotas");
        await page.getByLabel("New tier").fill("Gold");
        await page.getByRole("button", { name: "Create tier" }).click();
        await page.getByRole("heading", { level: 2, name: "Gold" }).waitFor();
        await page.getByLabel("Metric").selectOption({ label: "Number of Sent Messages" });
        await page.getByLabel("Maximum").fill("100");
        await page.getByLabel("Period").selectOption("Day");
        await page.getByRole("button", { name: "Add quota" }).click();
        await page.getByRole("cell", { name: "Number of Sent Messages", exact: true }).waitFor();
        await page.getByLabel("Metric").selectOption("UsedFileStorageSpace");
        await page.getByLabel("Maximum").fill(String(50 * 1024 * 1024));
        await page.getByLabel("Period").selectOption("Total");
        await page.getByRole("button", { name: "Add quota" }).click();
        await page.getByRole("cell", { name: "50 MiB" }).waitFor();

        const tiers = (await admin.get("/Tiers").expect(200)).body.result as Array<{ id: string; name: string }>;
        const gold = tiers.find((tier) => tier.name === "Gold")!;
        const details = (await admin.get(`/Tiers/${gold.id}`).expect(200)).body.result;
        expect(details.quotas).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ metric: expect.objectContaining({ key: "NumberOfSentMessages" }), max: 100, period: "Day" })
            ])
        );
        expect(page.url()).toBe(`${origin}/tiers/${gold.id}`);
        await expectAccessible();
        await screenshot("tiers");
    });

    it("creates an OAuth client and shows its secret once", async () => {
        await navigate("OAuth clients", "OAuth clients");
        await page.getByRole("button", { name: "New client" }).click();
        const dialog = page.getByRole("dialog", { name: "New OAuth client" });
        await dialog.getByLabel("Display name").fill("ACME Connector");
        await dialog.getByLabel("Default tier").selectOption({ label: "Gold" });
        await dialog.getByLabel("Maximum number of identities").fill("500");
        await dialog.getByRole("button", { name: "Create client" }).click();
        const revealed = page.getByRole("dialog", { name: "Client created" });
        await revealed.getByText("Copy the secret now").waitFor();
        const clientId = (await revealed.locator("dd code").first().textContent())!;
        const secret = (await page.getByTestId("client-secret").locator("code").textContent())!;
        expect(secret).toMatch(/^[A-Za-z0-9]{30}$/);
        await expectAccessible();
        await screenshot("client-secret");

        // The secret works: the client creates an identity with it.
        const keys = new TestKeyPair();
        const challenge = (await t.http.post("/api/v2/Challenges").send({}).expect(201)).body.result;
        const text = challengeText(challenge);
        await t.http
            .post("/api/v2/Identities")
            .send({
                clientId,
                clientSecret: secret,
                identityPublicKey: keys.publicKeyField,
                devicePassword: STRONG_PASSWORD,
                identityVersion: 1,
                signedChallenge: { challenge: text, signature: keys.signatureField(text) }
            })
            .expect(201);

        await revealed.getByRole("button", { name: "I have stored the secret" }).click();
        await revealed.waitFor({ state: "hidden" });
        const row = page.getByRole("row").filter({ hasText: "ACME Connector" });
        await row.getByRole("cell", { name: "Gold" }).waitFor();
        await row.getByRole("cell", { name: "1 of 500" }).waitFor();
        expect(await page.content()).not.toContain(secret);
        const listed = (await admin.get("/Clients").expect(200)).body.result;
        expect(JSON.stringify(listed)).not.toContain(secret);
        expect(listed).toContainEqual(expect.objectContaining({ clientId, displayName: "ACME Connector", maxIdentities: 500 }));
        await expectAccessible();
        await screenshot("clients");
    });

    it("creates an announcement with texts in two languages and an action", async () => {
        await navigate("Announcements", "Announcements");
        await page.getByRole("link", { name: "New announcement" }).click();
        await heading("New announcement");
        const fillText = async (group: string, title: string, body: string) => {
            await page.getByRole("group", { name: group }).getByLabel("Title").fill(title);
            await page.getByRole("group", { name: group }).getByLabel("Body").fill(body);
        };
        await fillText("English", "Maintenance tonight", "The Backbone is unavailable from 22:00 to 23:00 UTC.");
        await page.getByRole("button", { name: "Add a language" }).click();
        await page.getByRole("group", { name: "Text 2" }).getByLabel("Language").fill("de");
        await fillText("Text 2", "Wartung heute Nacht", "Das Backbone ist von 22:00 bis 23:00 UTC nicht erreichbar.");
        await page.getByLabel("Severity").selectOption("High");
        await page.getByRole("button", { name: "Add an action" }).click();
        const action = page.getByRole("group", { name: "Action 1" });
        await action.getByLabel("Link").fill("https://status.example.org");
        await action.getByLabel("Label (en)").fill("Status page");
        await action.getByLabel("Label (de)").fill("Statusseite");
        await expectAccessible();
        await screenshot("announcement-new", true);
        await page.getByRole("button", { name: "Publish announcement" }).click();
        await heading("Announcements");
        await page.getByText("The announcement “Maintenance tonight” was published.").waitFor();

        const [announcement] = (await admin.get("/Announcements").expect(200)).body.result;
        expect(announcement).toMatchObject({
            severity: "High",
            recipients: [],
            isSilent: false,
            texts: expect.arrayContaining([
                { language: "en", title: "Maintenance tonight", body: "The Backbone is unavailable from 22:00 to 23:00 UTC." },
                { language: "de", title: "Wartung heute Nacht", body: "Das Backbone ist von 22:00 bis 23:00 UTC nicht erreichbar." }
            ]),
            actions: [{ link: "https://status.example.org", displayName: { en: "Status page", de: "Statusseite" } }]
        });
        await expectAccessible();
        await screenshot("announcements");
    });

    it("finds an identity created through the Consumer API, opens it and changes its tier", async () => {
        await navigate("Identities", "Identities");
        await page.getByRole("row").nth(1).waitFor();
        await expectAccessible();
        await screenshot("identities");

        const search = page.getByLabel("Address contains");
        await search.fill(alice.address.slice(-12));
        await search.press("Enter");
        await page.getByText("1–1 of 1").waitFor();
        await page.getByRole("link", { name: alice.address }).click();
        await heading("Identity");
        expect(page.url()).toBe(`${origin}/identities/${encodeURIComponent(alice.address)}`);
        await page.getByRole("cell", { name: "Protected" }).waitFor();

        await page.getByLabel("Tier", { exact: true }).selectOption({ label: "Gold" });
        await page.getByRole("button", { name: "Change tier" }).click();
        await page.getByText("The tier was changed.").waitFor();
        const tiers = (await admin.get("/Tiers").expect(200)).body.result as Array<{ id: string; name: string }>;
        const gold = tiers.find((tier) => tier.name === "Gold")!;
        expect((await admin.get(`/Identities/${alice.address}`).expect(200)).body.result.tierId).toBe(gold.id);
        // The tier's quotas now apply, with their usage (Alice sent one message today).
        await page.getByText("1 of 100").waitFor();
        await expectAccessible();
        await screenshot("identity", true);
    });

    it("runs housekeeping now and lists the run", async () => {
        await navigate("Housekeeping", "Housekeeping");
        await page.getByText("No run was recorded yet.").waitFor();
        await page.getByRole("button", { name: "Run now" }).click();
        await page.getByText("Housekeeping ran").waitFor();
        await page.getByRole("table", { name: "Last housekeeping runs" }).getByRole("row").nth(1).waitFor();
        const runs = (await admin.get("/Housekeeping").expect(200)).body.result.runs;
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({ trigger: "Manual", outcome: "Completed" });
        await expectAccessible();
        await screenshot("housekeeping");
    });

    it("logs out, and made no request to another origin and no error on the way", async () => {
        await page.getByRole("button", { name: "Log out" }).click();
        await heading("Log in");
        expect(await inPage<number>("sessionStorage.length")).toBe(0);
        expect(foreignRequests).toEqual([]);
        // Among them, any Content-Security-Policy violation (Chromium reports each as a console error).
        expect(browserErrors).toEqual([]);
    });

    it("goes back to the login when the kept key is no longer accepted", async () => {
        await inPage("sessionStorage.setItem('backbone-admin-console.key', 'a-key-that-was-rotated-away')");
        await page.goto(`${origin}/identities`);
        await page.getByText("The API key is no longer accepted. Enter the current key.").waitFor();
        await heading("Log in");
        expect(await inPage<number>("sessionStorage.length")).toBe(0);
    });
});
