import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

const CHROMIUM = "/usr/bin/chromium";
/** `SCREENSHOTS=update` (npm run docs:screenshots) writes the README's screenshots; other runs keep them in a temp folder. */
const SCREENSHOT_DIR = process.env.SCREENSHOTS === "update" ? join(__dirname, "..", "..", "docs", "screenshots") : undefined;

/** Expands an operation and switches it to "Try it out". */
async function tryOut(page: Page, tag: string, operationId: string): Promise<Locator> {
    const operation = page.locator(`#operations-${tag}-${operationId}`);
    await operation.scrollIntoViewIfNeeded();
    if (!(await operation.locator(".try-out__btn").isVisible())) await operation.locator(".opblock-summary").click();
    await operation.locator(".try-out__btn").click();
    return operation;
}

/** Executes the operation and returns the status code and body the UI shows. */
async function execute(operation: Locator): Promise<{ status: number; body: string }> {
    await operation.locator(".execute").click();
    const live = operation.locator(".live-responses-table .response");
    await live.first().waitFor();
    const status = Number((await live.first().locator(".response-col_status").innerText()).trim());
    const body = await live.first().locator(".response-col_description pre").first().innerText();
    return { status, body };
}

describe("the Swagger UI in a browser", () => {
    let t: TestApp;
    let identity: TestIdentity;
    let context: BrowserContext;
    let page: Page;
    let screenshots: string;
    const folders: string[] = [];

    beforeAll(async () => {
        t = await startTestApp({ listen: true, env: { SWAGGER_UI: "true" } });
        identity = await createIdentity(t);
        const userDataDir = mkdtempSync(join(tmpdir(), "backbone-chromium-"));
        folders.push(userDataDir);
        screenshots = SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), "backbone-screenshots-"));
        if (!SCREENSHOT_DIR) folders.push(screenshots);
        mkdirSync(screenshots, { recursive: true });
        context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run"
            ],
            viewport: { width: 1280, height: 1000 }
        });
        page = context.pages()[0] ?? (await context.newPage());
    });

    afterAll(async () => {
        await context?.close();
        await t?.close();
        for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    });

    it("logs in with the OAuth2 password flow and calls an authenticated route with the token", async () => {
        await page.goto(`${t.baseUrl}/docs`);
        await page.locator(".swagger-ui .info .title").waitFor();
        await page.locator("button.authorize").first().click();
        const dialog = page.locator(".modal-ux");
        await dialog.locator("#oauth_username").fill(identity.username);
        await dialog.locator("#oauth_password").fill(identity.password);
        await dialog.locator("#client_id_password").fill(TEST_CLIENT.id);
        await dialog.locator("#client_secret_password").fill(TEST_CLIENT.secret);
        const tokenResponse = page.waitForResponse((response) => response.url().endsWith("/connect/token"));
        await dialog.locator(".auth-btn-wrapper .authorize").last().click();
        expect((await tokenResponse).status()).toBe(200);
        await dialog.locator("button", { hasText: "Logout" }).first().waitFor();
        await page.screenshot({ path: join(screenshots, "swagger-ui-login.png") });
        await dialog.locator(".btn-done").last().click();

        const operation = await tryOut(page, "Devices", "getOwnDevice");
        const { status, body } = await execute(operation);
        expect(status).toBe(200);
        expect(JSON.parse(body).result).toMatchObject({ id: identity.deviceId, username: identity.username });
        await operation.locator(".live-responses-table").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screenshots, "swagger-ui-request.png") });
    });

    it("uploads a file from the form, its byte fields as file parts, and the content arrives byte for byte", async () => {
        const content = randomBytes(3000);
        const cipherHash = createHash("sha512").update(content).digest();
        const ownerSignature = randomBytes(64);
        const encryptedProperties = randomBytes(200);
        const operation = await tryOut(page, "Files", "uploadFile");
        const part = (name: string) => operation.locator(`tr[data-property-name="${name}"]`);
        const files: Array<[string, string, Buffer]> = [
            ["content", "cipher.bin", content],
            ["cipherHash", "hash.bin", cipherHash],
            ["ownerSignature", "signature.bin", ownerSignature],
            ["encryptedProperties", "properties.bin", encryptedProperties]
        ];
        for (const [name, fileName, buffer] of files) {
            await part(name).locator("input[type=file]").setInputFiles({ name: fileName, mimeType: "application/octet-stream", buffer });
        }
        await part("expiresAt")
            .locator("input[type=text]")
            .fill(new Date(Date.now() + 86_400_000).toISOString());
        const { status, body } = await execute(operation);
        expect(status).toBe(201);
        const file = JSON.parse(body).result as { id: string; cipherHash: string; ownerSignature: string; cipherSize: number };
        expect(file).toMatchObject({
            cipherSize: content.length,
            cipherHash: cipherHash.toString("base64url"),
            ownerSignature: ownerSignature.toString("base64url")
        });
        await operation.locator(".live-responses-table").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screenshots, "swagger-ui-upload.png") });

        const download = await t.http.get(`/api/v2/Files/${file.id}`).set("authorization", identity.auth).buffer(true).expect(200);
        expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
        const metadata = await t.http.get(`/api/v2/Files/${file.id}/Metadata`).set("authorization", identity.auth).expect(200);
        expect(metadata.body.result.encryptedProperties).toBe(encryptedProperties.toString("base64url"));
    });

    it("keeps the login across a reload of the page", async () => {
        await page.reload();
        await page.locator(".swagger-ui .info .title").waitFor();
        await page.locator("button.authorize.locked").first().waitFor();
        const { status } = await execute(await tryOut(page, "Devices", "getOwnDevice"));
        expect(status).toBe(200);
    });
});
