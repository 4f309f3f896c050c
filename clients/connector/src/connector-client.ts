import { basename } from "node:path";

import { BackboneClient, type paths } from "./shared/client";
import { unwrapResponse } from "./shared/envelope";
import { multipartFromDisk } from "./upload";

/** The form fields of `POST /api/v2/Files` next to the file itself (`content`). Byte fields are base64 text. */
export interface UploadFileFields {
    /** Hash of the encrypted content. */
    cipherHash: string;
    /** The owner's signature over the file, if it has an owner. */
    ownerSignature?: string;
    expiresAt: Date | string;
    /** The encrypted file properties (name, mime type, key...). */
    encryptedProperties: string;
    /** The owning identity's address, if the file has an owner. */
    owner?: string;
}

export interface UploadFileOptions {
    /** The file name sent in the multipart part (default: the path's base name). */
    fileName?: string;
    /** Default `application/octet-stream`. */
    contentType?: string;
}

type FilesUpload = paths extends {
    "/api/v2/Files": { post: { responses: { 201: { content: { "application/json": { result: infer R } } } } } };
}
    ? R
    : unknown;
/** The result of `POST /api/v2/Files` as the spec describes it (unknown until the spec has the endpoint). */
export type UploadedFile = FilesUpload;

/** The Connector's client: the shared typed client plus what only Node can do, like streaming files from disk. */
export class ConnectorClient extends BackboneClient {
    /**
     * Uploads an (already encrypted) file from disk to `POST /api/v2/Files`, streaming it as multipart/form-data
     * without reading it into memory. On a 401 the file is opened again for the one retry.
     */
    async uploadFile(path: string, fields: UploadFileFields, options: UploadFileOptions = {}): Promise<UploadedFile> {
        const form: Record<string, string> = {
            cipherHash: fields.cipherHash,
            expiresAt: fields.expiresAt instanceof Date ? fields.expiresAt.toISOString() : fields.expiresAt,
            encryptedProperties: fields.encryptedProperties
        };
        if (fields.ownerSignature !== undefined) form.ownerSignature = fields.ownerSignature;
        if (fields.owner !== undefined) form.owner = fields.owner;
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
}
