import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../../core/clock/clock";
import { deriveAddress } from "../../core/crypto/identity-address";
import { hashPassword } from "../../core/crypto/passwords";
import { parsePublicKey } from "../../core/crypto/signatures";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, notFound, ValidationError } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import { isCommunicationLanguage } from "./communication-language";
import { DeletedIdentityUsername } from "./deleted-identity.entity";
import { Device } from "./device.entity";
import type { CreateIdentityRequest, CreateIdentityResponse, IdentityDto, IsDeletedResponse } from "./devices.dto";
import { DevicesErrors } from "./devices.errors";
import { IdentityStatus } from "./devices.events";
import { Identity } from "./identity.entity";
import { usernameHash } from "./identity-deletion.service";
import { OAuthClient } from "./oauth-client.entity";
import { OAuthClientsService } from "./oauth-clients.service";
import { passwordProblem } from "./password-policy";
import { SignedChallengeVerifier } from "./signed-challenge";

/** A device as an operator may see it: no password hash, no keys. */
export interface DeviceInfo {
    id: string;
    username: string;
    createdAt: string;
    createdByDevice: string;
    lastLogin: { time: string } | null;
    communicationLanguage: string;
    isBackupDevice: boolean;
}

/** An identity as the Admin API shows it. */
export interface IdentityDetails {
    address: string;
    clientId: string;
    publicKey: string;
    tierId: string | null;
    status: IdentityStatus;
    createdAt: string;
    identityVersion: number;
    numberOfDevices: number;
    devices: DeviceInfo[];
}

export const QUEUED_FOR_DELETION_TIER_CANNOT_BE_ASSIGNED = () =>
    new ApiError(
        "error.platform.validation.device.queuedForDeletionTierCannotBeManuallyAssignedOrUnassigned",
        "The Identity's Tier cannot be be changed from or to the 'Queued for Deletion' Tier."
    );

@Injectable()
export class IdentitiesService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly clients: OAuthClientsService,
        private readonly signedChallenges: SignedChallengeVerifier,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    async createIdentity(request: CreateIdentityRequest): Promise<CreateIdentityResponse> {
        const client = await this.clients.authenticate(request.clientId, request.clientSecret);
        if (!client) throw DevicesErrors.unauthorizedClient();
        return await this.createIdentityFor(client, request);
    }

    /** Creates an identity for a client without its secret (Admin API: support creates identities for a client). */
    async createIdentityAsSupport(request: Omit<CreateIdentityRequest, "clientSecret">): Promise<CreateIdentityResponse> {
        const client = await this.clients.findClient(request.clientId);
        if (!client) throw DevicesErrors.unauthorizedClient();
        return await this.createIdentityFor(client, request);
    }

    private async createIdentityFor(
        client: OAuthClient,
        request: Omit<CreateIdentityRequest, "clientSecret">
    ): Promise<CreateIdentityResponse> {
        const publicKey = parsePublicKey(request.identityPublicKey);
        if (!publicKey)
            throw new ValidationError("'identityPublicKey': must be base64 of a JSON object whose 'pub' is a 32-byte Ed25519 key.");
        await this.signedChallenges.verify(request.signedChallenge, publicKey.raw);
        const address = deriveAddress(publicKey.raw, this.config.DID_DOMAIN);
        const problem = passwordProblem(request.devicePassword, this.config.PASSWORD_POLICY);
        if (problem) throw DevicesErrors.registrationFailed(problem);
        const language = request.deviceCommunicationLanguage ?? "en";
        if (!isCommunicationLanguage(language)) throw DevicesErrors.invalidCommunicationLanguage();
        const passwordHash = await hashPassword(request.devicePassword);
        const now = this.clock.now();
        const deviceId = newId("DVC");
        const username = newId("USR");

        try {
            await this.dataSource.transaction(async (manager) => {
                if (await manager.existsBy(Identity, { address })) throw DevicesErrors.addressAlreadyExists();
                if (client.maxIdentities !== null) {
                    await manager
                        .createQueryBuilder(OAuthClient, "c")
                        .setLock("pessimistic_write")
                        .where("c.id = :id", { id: client.id })
                        .getOne();
                    const count = await manager.countBy(Identity, { clientId: client.id });
                    if (count >= client.maxIdentities) throw DevicesErrors.clientReachedIdentitiesLimit();
                }
                await manager.insert(Identity, {
                    address,
                    clientId: client.id,
                    publicKey: publicKey.json,
                    identityVersion: request.identityVersion,
                    tierId: client.defaultTier,
                    status: IdentityStatus.Active,
                    deletionGracePeriodEndsAt: null,
                    createdAt: now
                });
                await manager.insert(Device, {
                    id: deviceId,
                    identityAddress: address,
                    username,
                    passwordHash,
                    createdAt: now,
                    createdByDevice: deviceId,
                    lastLoginAt: null,
                    communicationLanguage: language,
                    isBackupDevice: false,
                    failedLoginCount: 0,
                    lockoutEndsAt: null
                });
            });
        } catch (error) {
            if (isUniqueViolation(error)) throw DevicesErrors.addressAlreadyExists();
            throw error;
        }
        return { address, createdAt: now.toISOString(), device: { id: deviceId, username, createdAt: now.toISOString() } };
    }

    async getIdentity(address: string): Promise<IdentityDto> {
        const identity = await this.dataSource.getRepository(Identity).findOneBy({ address });
        if (!identity) throw notFound("Identity");
        return {
            address: identity.address,
            createdAt: identity.createdAt.toISOString(),
            identityVersion: identity.identityVersion,
            tierId: identity.tierId,
            status: identity.status,
            deletionGracePeriodEndsAt: identity.deletionGracePeriodEndsAt?.toISOString() ?? null
        };
    }

    async exists(address: string): Promise<boolean> {
        return await this.dataSource.getRepository(Identity).existsBy({ address });
    }

    /** An identity with its devices, for operators; 404 when it does not exist. */
    async getIdentityDetails(address: string): Promise<IdentityDetails> {
        const identity = await this.dataSource.getRepository(Identity).findOneBy({ address });
        if (!identity) throw notFound("Identity");
        const devices = await this.dataSource
            .getRepository(Device)
            .find({ where: { identityAddress: address }, order: { createdAt: "ASC", id: "ASC" } });
        return {
            address: identity.address,
            clientId: identity.clientId,
            publicKey: identity.publicKey.toString("base64"),
            tierId: identity.tierId,
            status: identity.status,
            createdAt: identity.createdAt.toISOString(),
            identityVersion: identity.identityVersion,
            numberOfDevices: devices.length,
            devices: devices.map((d) => ({
                id: d.id,
                username: d.username,
                createdAt: d.createdAt.toISOString(),
                createdByDevice: d.createdByDevice,
                lastLogin: d.lastLoginAt ? { time: d.lastLoginAt.toISOString() } : null,
                communicationLanguage: d.communicationLanguage,
                isBackupDevice: d.isBackupDevice
            }))
        };
    }

    /**
     * Moves an identity to another (existing) tier. The "Queued for Deletion" tier is only entered and left through
     * deletion processes.
     */
    async changeTier(address: string, tierId: string): Promise<void> {
        await this.dataSource.transaction(async (manager) => {
            const identity = await manager.findOne(Identity, { where: { address }, lock: { mode: "pessimistic_write" } });
            if (!identity) throw notFound("Identity");
            if (identity.tierId === tierId) return;
            if (tierId === QUEUED_FOR_DELETION_TIER_ID || identity.tierId === QUEUED_FOR_DELETION_TIER_ID) {
                throw QUEUED_FOR_DELETION_TIER_CANNOT_BE_ASSIGNED();
            }
            await manager.update(Identity, { address }, { tierId });
        });
    }

    /** How many identities each tier has (tier id → count). */
    async countIdentitiesPerTier(): Promise<Map<string, number>> {
        const rows: Array<{ tierId: string; count: string }> = await this.dataSource
            .getRepository(Identity)
            .createQueryBuilder("i")
            .select("i.tierId", "tierId")
            .addSelect("COUNT(*)", "count")
            .where("i.tierId IS NOT NULL")
            .groupBy("i.tierId")
            .getRawMany();
        return new Map(rows.map((r) => [r.tierId, Number(r.count)]));
    }

    /** The tier of an identity, or undefined when it does not exist. */
    async tierOf(address: string): Promise<string | null | undefined> {
        const identity = await this.dataSource
            .getRepository(Identity)
            .findOne({ where: { address }, select: { address: true, tierId: true } });
        return identity ? identity.tierId : undefined;
    }

    /** How many devices the identity created since `since` (all when undefined), for the NumberOfCreatedDevices quota. */
    async countCreatedDevices(address: string, since: Date | undefined): Promise<number> {
        const query = this.dataSource.getRepository(Device).createQueryBuilder("d").where("d.identityAddress = :address", { address });
        if (since) query.andWhere("d.createdAt >= :since", { since });
        return await query.getCount();
    }

    async isDeleted(username: string): Promise<IsDeletedResponse> {
        const device = await this.dataSource.getRepository(Device).findOneBy({ username });
        const identity = device ? await this.dataSource.getRepository(Identity).findOneBy({ address: device.identityAddress }) : null;
        if (!identity) {
            const deleted = device
                ? null
                : await this.dataSource.getRepository(DeletedIdentityUsername).findOneBy({ usernameHash: usernameHash(username) });
            return deleted ? { isDeleted: true, deletionDate: deleted.deletedAt.toISOString() } : { isDeleted: false, deletionDate: null };
        }
        const deleted = !identity.canLogIn(this.clock.now());
        return { isDeleted: deleted, deletionDate: deleted ? identity.deletionGracePeriodEndsAt!.toISOString() : null };
    }

    /**
     * The status of an identity, or undefined when it does not exist (for other modules' rules). A use case whose
     * decision depends on it passes its transaction's manager, so that it reads what the transaction sees.
     */
    async statusOf(address: string, manager: EntityManager = this.dataSource.manager): Promise<IdentityStatus | undefined> {
        const identity = await manager.getRepository(Identity).findOne({ where: { address }, select: { address: true, status: true } });
        return identity?.status;
    }

    /** The communication language of each device of an identity (device id → ISO-639-1 code), for localized pushes. */
    async deviceLanguagesOf(address: string): Promise<Map<string, string>> {
        const devices = await this.dataSource
            .getRepository(Device)
            .find({ where: { identityAddress: address }, select: { id: true, communicationLanguage: true } });
        return new Map(devices.map((d) => [d.id, d.communicationLanguage]));
    }
}
