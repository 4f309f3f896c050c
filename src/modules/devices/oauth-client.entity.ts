import { Column, Entity, PrimaryColumn } from "typeorm";

/** An OAuth client (a Connector installation or an App build) allowed to create identities and log devices in. */
@Entity({ name: "oauth_clients" })
export class OAuthClient {
    @PrimaryColumn({ type: "varchar", length: 200 })
    id!: string;

    @Column({ type: "varchar", length: 200 })
    secretHash!: string;

    @Column({ type: "varchar", length: 200 })
    displayName!: string;

    @Column({ type: "varchar", length: 20, nullable: true })
    defaultTier!: string | null;

    @Column({ type: "integer", nullable: true })
    maxIdentities!: number | null;

    @Column({ type: "timestamptz" })
    createdAt!: Date;
}
