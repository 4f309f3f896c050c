import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import { Inject, Injectable } from "@nestjs/common";
import { z } from "zod";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";

/** The major version announced to clients; the official client accepts 6 to 7. */
export const MAJOR_VERSION = "7";

const tagNode: z.ZodType<unknown> = z.lazy(() =>
    z.object({ displayNames: z.record(z.string(), z.string()), children: z.record(z.string(), tagNode).default({}) })
);
const tagsSchema = z.object({
    supportedLanguages: z.array(z.string().length(2)).min(1),
    tagsForAttributeValueTypes: z.record(z.string(), z.record(z.string(), tagNode))
});
const referencesSchema = z.record(
    z.string(),
    z.array(z.object({ title: z.string(), description: z.string(), truncatedReference: z.string() }))
);

/** A public relationship template reference the operator configured for an OAuth client. */
export type PublicTemplateReference = z.infer<typeof referencesSchema>[string][number];

/** The attribute tags the operator configured (`TAGS_FILE`). */
export type AttributeTags = z.infer<typeof tagsSchema>;

function readJson<T>(path: string, schema: z.ZodType<T>, variable: string): T {
    try {
        return schema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (error) {
        throw new Error(`${variable}: ${path} is not a valid file (${error instanceof Error ? error.message : String(error)})`, {
            cause: error
        });
    }
}

/** Static, operator-configured content: attribute tags, public template references, app-link files. */
@Injectable()
export class PlatformService {
    readonly tags: AttributeTags;
    /** The enveloped tags body and its ETag, computed once. */
    readonly tagsBody: string;
    readonly tagsEtag: string;
    private readonly references: Record<string, PublicTemplateReference[]>;

    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {
        this.tags = config.TAGS_FILE
            ? readJson(config.TAGS_FILE, tagsSchema, "TAGS_FILE")
            : { supportedLanguages: ["de", "en"], tagsForAttributeValueTypes: {} };
        this.tagsBody = JSON.stringify({ result: this.tags });
        this.tagsEtag = `"${createHash("md5").update(this.tagsBody).digest("base64")}"`;
        this.references = config.PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE
            ? readJson(
                  config.PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE,
                  referencesSchema,
                  "PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE"
              )
            : {};
    }

    publicTemplateReferences(clientId: string): PublicTemplateReference[] {
        return this.references[clientId] ?? [];
    }

    appleAppSiteAssociation(): object | undefined {
        const ids = this.list(this.config.WELL_KNOWN_APPLE_APP_IDS);
        if (ids.length === 0) return undefined;
        return {
            applinks: { details: [{ appIDs: ids, components: [{ "/": "/r/*", comment: "Matches any URL whose path starts with /r/" }] }] }
        };
    }

    androidAssetLinks(): object | undefined {
        const packageName = this.config.WELL_KNOWN_ANDROID_PACKAGE;
        if (!packageName) return undefined;
        return [
            {
                relation: ["delegate_permission/common.handle_all_urls"],
                target: {
                    namespace: "android_app",
                    package_name: packageName,
                    sha256_cert_fingerprints: this.list(this.config.WELL_KNOWN_ANDROID_FINGERPRINTS)
                }
            }
        ];
    }

    private list(value: string | undefined): string[] {
        return (value ?? "")
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean);
    }
}
