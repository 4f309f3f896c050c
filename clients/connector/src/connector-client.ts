import { basename } from "node:path";

import { BackboneClient, type paths, type ResultOf, unwrapResponse } from "@enmeshed-backbone/app-client";

import { NodeIdentityKey } from "./identity.js";
import { multipartFromDisk } from "./upload.js";

type UploadOperation = paths["/api/v2/Files"]["post"];
/** The multipart form of `POST /api/v2/Files` as the spec describes it. */
type UploadForm = UploadOperation["requestBody"]["content"]["multipart/form-data"];

/**
 * The form fields of `POST /api/v2/Files` next to the file itself (`content`), straight from the spec: byte fields
 * are base64url text, `expiresAt` may also be a Date.
 */
export type UploadFileFields = Omit<UploadForm, "content" | "expiresAt"> & { expiresAt: Date | string };

export interface UploadFileOptions {
    /** The file name sent in the multipart part (default: the path's base name). */
    fileName?: string;
    /** Default `application/octet-stream`. */
    contentType?: string;
}

/** The result of `POST /api/v2/Files` as the spec describes it. */
export type UploadedFile = ResultOf<UploadOperation["responses"][201]["content"]["application/json"]>;

/**
 * The Connector's client: the App client plus what only Node can do: identity keys of node:crypto (stored as PEM)
 * and files streamed from disk.
 */
export class ConnectorClient extends BackboneClient<NodeIdentityKey> {
    /**
     * Uploads an (already encrypted) file from disk to `POST /api/v2/Files`, streaming it as multipart/form-data
     * without reading it into memory. On a 401 the file is opened again for the one retry.
     */
    async uploadFile(path: string, fields: UploadFileFields, options: UploadFileOptions = {}): Promise<UploadedFile> {
        const form: Record<string, string> = {};
        for (const [name, value] of Object.entries(fields) as Array<[string, unknown]>) {
            if (value instanceof Date) form[name] = value.toISOString();
            else if (value !== undefined) form[name] = String(value);
        }
        const response = await this.send(() => {
            const body = multipartFromDisk(form, {
                field: "content",
                path,
                fileName: options.fileName ?? basename(path),
                contentType: options.contentType ?? "application/octet-stream"
            });
            return new Request(`${this.baseUrl}/api/v2/Files`, {
                method: "POST",
                headers: { "content-type": body.contentType },
                body: body.stream,
                duplex: "half"
            } as RequestInit & { duplex: "half" });
        });
        return await unwrapResponse<UploadedFile>(response);
    }

    protected override async generateIdentityKey(): Promise<NodeIdentityKey> {
        return NodeIdentityKey.generate();
    }
}
