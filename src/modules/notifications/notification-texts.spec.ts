import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { DEFAULT_NOTIFICATION_TEXTS, loadNotificationTexts } from "./notification-texts";

describe("notification texts", () => {
    const dir = mkdtempSync(join(tmpdir(), "notification-texts-"));
    const file = (name: string, content: unknown) => {
        const path = join(dir, name);
        writeFileSync(path, JSON.stringify(content));
        return path;
    };

    it("defaults to the built-in texts with TestCode", () => {
        expect(loadNotificationTexts(undefined)).toBe(DEFAULT_NOTIFICATION_TEXTS);
        expect(DEFAULT_NOTIFICATION_TEXTS.TestCode?.en).toBeDefined();
    });

    it("reads codes with per-language texts from the file", () => {
        const texts = { Reminder: { en: { title: "Reminder", body: "Open the app" }, it: { title: "Promemoria", body: "Apri l'app" } } };
        expect(loadNotificationTexts(file("ok.json", texts))).toEqual(texts);
    });

    it.each([
        ["a code without an English text", { Reminder: { de: { title: "Erinnerung", body: "App öffnen" } } }],
        ["an invalid language", { Reminder: { en: { title: "a", body: "b" }, deu: { title: "a", body: "b" } } }],
        ["an empty title", { Reminder: { en: { title: "", body: "b" } } }]
    ])("refuses a file with %s, naming the variable", (_name, content) => {
        expect(() => loadNotificationTexts(file("bad.json", content))).toThrow(/^NOTIFICATION_TEXTS_FILE: /);
    });

    it("refuses a missing file", () => {
        expect(() => loadNotificationTexts(join(dir, "missing.json"))).toThrow(/^NOTIFICATION_TEXTS_FILE: /);
    });
});
