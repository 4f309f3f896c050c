import { ApiProperty, ApiPropertyOptional } from "@nestjs/swagger";

import type { IssuedAccessToken } from "./auth.service";

/** The form fields of the OAuth2 password grant. Validated by hand, since errors follow OAuth2, not the platform envelope. */
export class TokenRequest {
    @ApiProperty({ enum: ["password"], enumName: "GrantType" })
    grant_type!: string;
    @ApiPropertyOptional({ description: "Required unless the client authenticates with HTTP Basic." })
    client_id?: string;
    @ApiPropertyOptional({ description: "Required unless the client authenticates with HTTP Basic." })
    client_secret?: string;
    @ApiProperty({ example: "USRaaaaaaaaaaaaaaaaa" })
    username!: string;
    @ApiProperty()
    password!: string;
}

export class TokenResponse {
    @ApiProperty()
    access_token!: string;
    @ApiProperty({ example: "Bearer" })
    token_type!: string;
    @ApiProperty({ type: "integer", description: "Lifetime in seconds" })
    expires_in!: number;

    static from(issued: IssuedAccessToken): TokenResponse {
        return { access_token: issued.accessToken, token_type: "Bearer", expires_in: issued.expiresIn };
    }
}

export class OAuthErrorResponse {
    @ApiProperty({
        enum: ["invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type", "access_denied"],
        enumName: "OAuthErrorCode"
    })
    error!: string;
    @ApiPropertyOptional()
    error_description?: string;
}
