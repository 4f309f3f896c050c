// COPIED from clients/shared by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit here: edit clients/shared.
export { fromBase64, textToBase64Url, toBase64Url } from "./base64";
export { BackboneClient, type BackboneClientOptions, type components, type FetchFunction, type paths, type Schemas } from "./client";
export { type CallResult, collect, type ItemOf, paginate, type Pagination, type ResultOf, unwrap, unwrapResponse } from "./envelope";
export { BackboneError } from "./errors";
