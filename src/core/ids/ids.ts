import { randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ERROR_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789";

export function randomString(length: number, alphabet = ALPHANUMERIC): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
    return out;
}

/** The id prefixes of the wire contract: 3 characters, then 17 random alphanumerics. */
export const IdPrefix = {
    Challenge: "CHL",
    Device: "DVC",
    Username: "USR",
    DeletionProcess: "IDP",
    DeletionProcessAuditLogEntry: "IDA",
    PushIdentifier: "DPI",
    File: "FIL",
    Message: "MSG",
    Relationship: "REL",
    RelationshipAuditLog: "RAL",
    RelationshipTemplate: "RLT",
    Token: "TOK",
    SyncRun: "SYR",
    ExternalEvent: "SYI",
    DatawalletModification: "DWM",
    Announcement: "ANC",
    Tier: "TIR",
    TierQuotaDefinition: "TQD",
    IndividualQuota: "QUO",
    Client: "CLT",
    HousekeepingRun: "HKR",
    Error: "ERR"
} as const;
export type IdPrefix = (typeof IdPrefix)[keyof typeof IdPrefix];

export function newId(prefix: IdPrefix): string {
    return prefix + (prefix === "ERR" ? randomString(17, ERROR_ID_ALPHABET) : randomString(17));
}

/** Format check used by request validation: the prefix, then alphanumerics, at most 20 characters in all. */
export function isIdOf(prefix: IdPrefix, value: unknown): value is string {
    return typeof value === "string" && value.length <= 20 && value.startsWith(prefix) && /^[A-Za-z0-9]+$/.test(value);
}
