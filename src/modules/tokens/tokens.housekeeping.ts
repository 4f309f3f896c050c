import { ExpiredRowsCleanupOf } from "../../core/housekeeping/housekeeping";
import { Token } from "./token.entity";
import { TokensRepository } from "./tokens.repository";

/** Deletes tokens that expired more than 30 days ago. */
export class ExpiredTokensCleanup extends ExpiredRowsCleanupOf("tokens.expired", TokensRepository, Token.retentionCutoff) {}
