import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
    it("has defaults for the embedded run", () => {
        const config = loadConfig({});
        expect(config.PORT).toBe(8080);
        expect(config.ADMIN_PORT).toBe(8081);
        expect(config.ADMIN_HOST).toBe("127.0.0.1");
        expect(config.DATABASE_URL).toBeUndefined();
        expect(config.DID_DOMAIN).toBe("localhost");
        expect(config.BLOB_STORAGE).toBe("fs");
        expect(config.BLOB_DIR).toBe("./data/blobs");
        expect(config.FILE_MAX_SIZE_BYTES).toBe(10 * 1024 * 1024);
        expect(config.MAX_NUMBER_OF_MESSAGE_RECIPIENTS).toBe(20);
        expect(config.MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER).toBe(20);
    });

    it.each([
        ["PORT", "eighty"],
        ["ADMIN_PORT", "65536"],
        ["DATABASE_URL", "mysql://x"],
        ["DID_DOMAIN", "Upper.Case"],
        ["JWT_LIFETIME_SECONDS", "10"],
        ["BLOB_STORAGE", "ftp"],
        ["JWT_SECRET", "short"],
        ["FILE_MAX_SIZE_BYTES", "0"],
        ["FILE_MAX_SIZE_BYTES", "ten"],
        ["MAX_NUMBER_OF_MESSAGE_RECIPIENTS", "0"],
        ["MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER", "101"]
    ])("stops with a message naming %s when it is invalid", (name, value) => {
        expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
        expect(() => loadConfig({ [name]: value })).toThrow(name);
    });

    it("refuses an admin port equal to the public port", () => {
        expect(() => loadConfig({ PORT: "9000", ADMIN_PORT: "9000" })).toThrow("ADMIN_PORT");
        expect(loadConfig({ PORT: "0", ADMIN_PORT: "0" }).ADMIN_PORT).toBe(0);
    });

    it("requires the S3 settings when BLOB_STORAGE=s3", () => {
        expect(() => loadConfig({ BLOB_STORAGE: "s3" })).toThrow("S3_ENDPOINT");
    });

    it("requires the bootstrap client id and secret together", () => {
        expect(() => loadConfig({ BOOTSTRAP_CLIENT_ID: "test" })).toThrow("BOOTSTRAP_CLIENT_SECRET");
    });

    it("requires the push provider settings of one provider together", () => {
        expect(() => loadConfig({ PUSH_FCM_APP_IDS: "eu.enmeshed.app" })).toThrow("PUSH_FCM_SERVICE_ACCOUNT_FILE");
        expect(() => loadConfig({ PUSH_APNS_KEY_FILE: "/k.p8", PUSH_APNS_KEY_ID: "K" })).toThrow("PUSH_APNS_TEAM_ID");
        expect(() => loadConfig({ PUSH_FCM_APP_IDS: "a, b" })).toThrow("PUSH_FCM_APP_IDS");
    });
});

describe("TRUST_PROXY", () => {
    it.each([
        [undefined, false],
        ["true", true],
        ["2", 2],
        ["10.0.0.0/8,192.168.1.1", "10.0.0.0/8,192.168.1.1"]
    ])("reads %s as %s", (value, expected) => {
        expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
    });

    it("refuses anything else, naming the variable", () => {
        expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow("TRUST_PROXY");
    });
});

describe("CORS_ORIGINS", () => {
    it.each([
        [undefined, undefined],
        ["*", "*"],
        ["https://app.example.org", ["https://app.example.org"]],
        [
            "https://app.example.org,http://localhost:4200,capacitor://localhost",
            ["https://app.example.org", "http://localhost:4200", "capacitor://localhost"]
        ]
    ])("reads %s as %s", (value, expected) => {
        expect(loadConfig(value === undefined ? {} : { CORS_ORIGINS: value }).CORS_ORIGINS).toEqual(expected);
    });

    it.each(["app.example.org", "https://app.example.org/", "https://a.example.org, https://b.example.org", "*,https://a.example.org"])(
        "refuses %s, naming the variable",
        (value) => {
            expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow("CORS_ORIGINS");
        }
    );

    it("keeps credentials off unless allowed", () => {
        expect(loadConfig({}).CORS_ALLOW_CREDENTIALS).toBe(false);
        expect(loadConfig({ CORS_ALLOW_CREDENTIALS: "true" }).CORS_ALLOW_CREDENTIALS).toBe(true);
    });
});
