/** The Connector client: the shared typed client plus Node-only helpers (streamed file uploads). */
export * from "./shared/index";
export { ConnectorClient, type UploadFileFields, type UploadFileOptions, type UploadedFile } from "./connector-client";
export { multipartFromDisk, type MultipartBody, type MultipartFile } from "./upload";
