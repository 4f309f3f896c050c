import { readFileSync } from "node:fs";

import { z } from "zod";

const text = z.object({ title: z.string().min(1).max(200), body: z.string().min(1).max(1000) });

/**
 * `{"<code>": {"<language>": {"title", "body"}, ...}, ...}`: the codes POST /Notifications accepts, with the push
 * texts per ISO-639-1 language; every code needs `en`, the fallback for devices of other languages.
 */
export const notificationTextsSchema = z.record(
    z.string().min(1).max(100),
    z
        .record(z.string().regex(/^[a-z]{2}$/, "must be an ISO-639-1 language code"), text)
        .refine((texts) => texts.en !== undefined, "needs an 'en' text")
);
export type NotificationTexts = z.infer<typeof notificationTextsSchema>;

/** Used without NOTIFICATION_TEXTS_FILE; the official client's tests send `TestCode`. */
export const DEFAULT_NOTIFICATION_TEXTS: NotificationTexts = {
    TestCode: {
        en: { title: "Test notification", body: "This is a test notification." },
        de: { title: "Testbenachrichtigung", body: "Dies ist eine Testbenachrichtigung." }
    }
};

export function loadNotificationTexts(path: string | undefined): NotificationTexts {
    if (!path) return DEFAULT_NOTIFICATION_TEXTS;
    try {
        return notificationTextsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (error) {
        throw new Error(
            `NOTIFICATION_TEXTS_FILE: ${path} is not a valid file (${error instanceof Error ? error.message : String(error)})`,
            { cause: error }
        );
    }
}
