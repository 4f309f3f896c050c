/**
 * The Connector client: everything of the App client (`@enmeshed-backbone/app-client`, re-exported here) plus the
 * Node-only parts: ConnectorClient with streamed file uploads, and identity keys of node:crypto.
 */
export { ConnectorClient, type UploadedFile, type UploadFileFields, type UploadFileOptions } from "./connector-client.js";
export { NodeIdentityKey } from "./identity.js";
export { type MultipartBody, type MultipartFile, multipartFromDisk } from "./upload.js";
export * from "@enmeshed-backbone/app-client";
