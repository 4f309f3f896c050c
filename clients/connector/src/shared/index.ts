// COPIED from clients/shared by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit here: edit clients/shared.
export { BackboneClient, type BackboneClientOptions, type FetchFunction, type Schemas, type components, type paths } from "./client";
export { collect, paginate, unwrap, unwrapResponse, type CallResult, type ItemOf, type Pagination, type ResultOf } from "./envelope";
export { BackboneError } from "./errors";
export { fromBase64, textToBase64Url, toBase64Url } from "./base64";
