import { Injectable } from "@nestjs/common";

import { parseSignature, verifyEd25519 } from "../../core/crypto/signatures";
import { notFound } from "../../core/errors/errors";
import { ChallengesService } from "../challenges/challenges.service";
import { DevicesErrors } from "./devices.errors";

export interface SignedChallengeInput {
    challenge: string;
    signature: string;
}

function challengeId(text: string): string | undefined {
    try {
        const parsed: unknown = JSON.parse(text);
        if (parsed === null || typeof parsed !== "object") return undefined;
        const entries = Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v] as const);
        const fields = new Map(entries);
        const id = fields.get("id");
        const expiresAt = fields.get("expiresat");
        return typeof id === "string" && typeof expiresAt === "string" ? id : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Checks a signed challenge in the order of the wire contract: the Ed25519 signature over the challenge text as
 * sent, then the challenge's existence and expiry.
 */
@Injectable()
export class SignedChallengeVerifier {
    constructor(private readonly challenges: ChallengesService) {}

    async verify(signed: SignedChallengeInput, rawPublicKey: Buffer): Promise<void> {
        const signature = parseSignature(signed.signature);
        if (!signature) throw DevicesErrors.malformedSignature();
        if (!verifyEd25519(rawPublicKey, signed.challenge, signature)) throw DevicesErrors.invalidSignature();
        const id = challengeId(signed.challenge);
        if (!id) throw DevicesErrors.malformedChallenge();
        const validity = await this.challenges.validityOf(id);
        if (validity === "unknown") throw notFound("Challenge");
        if (validity === "expired") throw DevicesErrors.challengeHasExpired();
    }
}
