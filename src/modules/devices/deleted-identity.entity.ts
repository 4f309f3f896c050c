import { createHash } from "node:crypto";

import { Column, Entity, PrimaryColumn } from "typeorm";

/** The SHA-256 of a device username, which is all that remains of it after its identity's deletion. */
export function usernameHash(username: string): string {
    return createHash("sha256").update(username).digest("hex");
}

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
