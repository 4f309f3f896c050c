import { domainEvent } from "../../core/events/domain-events";

// The public vocabulary of the tokens module: the domain events it publishes.

/** Too many wrong passwords locked a token; its creator may unlock it (Admin API) or create a new one. */
export class TokenLocked extends domainEvent("tokens.tokenLocked", (tokenId: string, createdBy: string) => ({ tokenId, createdBy })) {}
