import { ApiProperty, OmitType } from "@nestjs/swagger";

import { toBase64Url } from "../../core/crypto/base64";
import { CreatedDto } from "../../core/http/created";
import { ApiBytesProperty } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import { AddressProperty, BytesProperty, DateProperty, IdListQueryProperty, IdProperty } from "../../core/validation/decorators";
import type { Token } from "./token.entity";

export const MAX_TOKEN_CONTENT_BYTES = 10 * 1024 * 1024;
export const MAX_TOKEN_PASSWORD_BYTES = 200;

export class CreateTokenRequest {
    @BytesProperty({
        required: false,
        nullable: true,
        maxBytes: MAX_TOKEN_CONTENT_BYTES,
        description: "Encrypted content; must be absent for anonymous callers."
    })
    content?: Buffer | null;

    @DateProperty({ future: true, description: "Must lie in the future (for anonymous callers: within the next five minutes)." })
    expiresAt!: Date;

    @AddressProperty({ required: false, nullable: true, description: "Only this identity (and the creator) can read the token." })
    forIdentity?: string | null;

    @BytesProperty({ required: false, nullable: true, minBytes: 1, maxBytes: MAX_TOKEN_PASSWORD_BYTES })
    password?: Buffer | null;
}

export class CreateTokenResponse extends CreatedDto("TOKaaaaaaaaaaaaaaaaa") {}

export class TokenDto {
    @ApiProperty({ example: "TOKaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "string", nullable: true })
    createdBy!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    createdByDevice!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    forIdentity!: string | null;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    expiresAt!: string;
    @ApiBytesProperty({ nullable: true, description: "Null for an empty token." })
    content!: string | null;
    @ApiProperty()
    isPasswordProtected!: boolean;

    static from(token: Token): TokenDto {
        return {
            id: token.id,
            createdBy: token.createdBy,
            createdByDevice: token.createdByDevice,
            forIdentity: token.forIdentity,
            createdAt: token.createdAt.toISOString(),
            expiresAt: token.expiresAt.toISOString(),
            content: token.content === null ? null : toBase64Url(token.content),
            isPasswordProtected: token.isPasswordProtected
        };
    }
}

export class TokenIdParams {
    @IdProperty("TOK")
    id!: string;
}

export class GetTokenQuery {
    @BytesProperty({ required: false, minBytes: 1, maxBytes: MAX_TOKEN_PASSWORD_BYTES, description: "The token's password (base64)." })
    password?: Buffer;
}

export class ListTokensQuery extends PageQuery {
    @IdListQueryProperty("TOK", {
        indexed: { name: "tokens", property: "id" },
        description: "Repeated `ids=` or `tokens.<i>.id=`; at least one."
    })
    ids!: string[];
}

export class UpdateTokenContentRequest {
    @BytesProperty({ minBytes: 1, maxBytes: MAX_TOKEN_CONTENT_BYTES })
    newContent!: Buffer;

    @BytesProperty({ required: false, nullable: true, minBytes: 1, maxBytes: MAX_TOKEN_PASSWORD_BYTES })
    password?: Buffer | null;
}

/** A token as filling it answers: everything but the content. */
export class UpdateTokenContentResponse extends OmitType(TokenDto, ["content"] as const) {
    static from(token: Token): UpdateTokenContentResponse {
        const { content: _content, ...rest } = TokenDto.from(token);
        return rest;
    }
}
