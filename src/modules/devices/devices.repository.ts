import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In } from "typeorm";

import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { DeletedIdentityUsername, usernameHash } from "./deleted-identity.entity";
import { Device } from "./device.entity";

/**
 * Every query of the devices module (devices and what remains of the devices of deleted identities), named by
 * intent. Methods that run inside a use case's transaction take its EntityManager first.
 */
@Injectable()
export class DevicesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    private get devices() {
        return this.dataSource.getRepository(Device);
    }

    async insert(device: Device, manager: EntityManager = this.dataSource.manager): Promise<void> {
        await manager.insert(Device, device);
    }

    async findByUsername(username: string): Promise<Device | undefined> {
        return (await this.devices.findOneBy({ username })) ?? undefined;
    }

    /** A device of the identity; undefined for any other identity's device. */
    async findOf(address: string, id: string): Promise<Device | undefined> {
        return (await this.devices.findOneBy({ id, identityAddress: address })) ?? undefined;
    }

    /** The device, locked for the rest of the transaction (concurrent logins of it wait). */
    async findForUpdate(manager: EntityManager, id: string): Promise<Device | undefined> {
        return (await manager.findOne(Device, { where: { id }, lock: { mode: "pessimistic_write" } })) ?? undefined;
    }

    async save(manager: EntityManager, device: Device): Promise<void> {
        await manager.save(device);
    }

    async hasBackupDevice(manager: EntityManager, address: string): Promise<boolean> {
        return await manager.existsBy(Device, { identityAddress: address, isBackupDevice: true });
    }

    /** The devices of an identity (only those among `ids` when given), oldest first. */
    async pageOf(address: string, ids: string[] | undefined, page: PageRequest): Promise<Page<Device>> {
        const query = this.devices
            .createQueryBuilder("d")
            .where("d.identity_address = :address", { address })
            .orderBy("d.created_at", "ASC")
            .addOrderBy("d.id", "ASC");
        if (ids && ids.length > 0) query.andWhere({ id: In(ids) });
        return await paginate(query, page);
    }

    /** Every device of an identity, oldest first. */
    async allOf(address: string): Promise<Device[]> {
        return await this.devices.find({ where: { identityAddress: address }, order: { createdAt: "ASC", id: "ASC" } });
    }

    /** The communication language of each device of an identity (device id → ISO-639-1 code). */
    async languagesOf(address: string): Promise<Map<string, string>> {
        const devices = await this.devices.find({ where: { identityAddress: address }, select: { id: true, communicationLanguage: true } });
        return new Map(devices.map((d) => [d.id, d.communicationLanguage]));
    }

    async updateCommunicationLanguage(id: string, communicationLanguage: string): Promise<void> {
        await this.devices.update({ id }, { communicationLanguage });
    }

    async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
        await this.devices.update({ id }, { passwordHash });
    }

    /** Deletes a device of the identity that has never logged in, in one statement; false when it has by now (or is gone). */
    async deleteNotOnboarded(manager: EntityManager, address: string, id: string): Promise<boolean> {
        const result = await manager
            .createQueryBuilder()
            .delete()
            .from(Device)
            .where("id = :id AND identity_address = :address AND last_login_at IS NULL", { id, address })
            .execute();
        return result.affected !== 0;
    }

    /** How many devices the identity created since `since` (all when undefined): the NumberOfCreatedDevices quota. */
    async countCreatedBy(address: string, since: Date | undefined): Promise<number> {
        const query = this.devices.createQueryBuilder("d").where("d.identityAddress = :address", { address });
        if (since) query.andWhere("d.createdAt >= :since", { since });
        return await query.getCount();
    }

    /**
     * Removes the devices of a deleted identity, in the deletion's transaction, keeping the hash of each username with
     * the time of the deletion.
     */
    async removeIdentity(manager: EntityManager, address: string, at: Date): Promise<void> {
        const devices = await manager.find(Device, { where: { identityAddress: address }, select: { id: true, username: true } });
        if (devices.length > 0) {
            await manager
                .createQueryBuilder()
                .insert()
                .into(DeletedIdentityUsername)
                .values(devices.map((d) => ({ usernameHash: usernameHash(d.username), deletedAt: at })))
                .orIgnore()
                .execute();
        }
        await manager.delete(Device, { identityAddress: address });
    }

    /** When the identity of the device with this username was deleted, or undefined when none was. */
    async deletedAt(username: string): Promise<Date | undefined> {
        return (await this.dataSource.getRepository(DeletedIdentityUsername).findOneBy({ usernameHash: usernameHash(username) }))
            ?.deletedAt;
    }
}
