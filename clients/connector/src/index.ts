/** The Connector client: the shared typed client plus Node-only helpers (streamed file uploads). */
export { ConnectorClient, type UploadedFile, type UploadFileFields, type UploadFileOptions } from "./connector-client";
export * from "./shared/index";
export { type MultipartBody, type MultipartFile, multipartFromDisk } from "./upload";
