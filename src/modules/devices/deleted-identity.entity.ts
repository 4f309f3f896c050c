import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * What remains of a deleted identity: the SHA-256 of each of its device usernames and the time of deletion, so that
 * `GET /Identities/IsDeleted` can still answer a device that was offline during the deletion.
 */
@Entity({ name: "deleted_identity_usernames" })
export class DeletedIdentityUsername {
    @PrimaryColumn({ type: "varchar", length: 64 })
    usernameHash!: string;

    @Column({ type: "timestamptz" })
    deletedAt!: Date;
}
