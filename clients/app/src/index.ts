/**
 * The App client: everything runs on `fetch` and WebCrypto, so it works in browsers, React Native (with a WebCrypto)
 * and Node alike. The Connector client (`@enmeshed-backbone/connector-client`) builds on it.
 */
export { fromBase64, textToBase64Url, toBase64Url } from "./base64.js";
export {
    BackboneClient,
    type BackboneClientOptions,
    type components,
    type CreatedIdentity,
    type CreateIdentityOptions,
    type FetchFunction,
    type NewDevice,
    type NewDeviceOptions,
    type paths,
    type Schemas
} from "./client.js";
export { type CallResult, collect, type ItemOf, paginate, type Pagination, type ResultOf, unwrap, unwrapResponse } from "./envelope.js";
export { BackboneError } from "./errors.js";
export {
    challengeText,
    type IdentityKey,
    publicKeyField,
    randomDevicePassword,
    signatureField,
    WebCryptoIdentityKey,
    type WebCryptoKey
} from "./identity.js";
