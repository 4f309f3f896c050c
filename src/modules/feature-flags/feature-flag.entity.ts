import { Column, Entity, PrimaryColumn } from "typeorm";

/** The longest feature flag name. */
export const MAX_FEATURE_FLAG_NAME_LENGTH = 200;

/** A named switch an identity publishes to the identities it knows (e.g. which optional features its app supports). */
@Entity({ name: "feature_flags" })
export class FeatureFlag {
    @PrimaryColumn({ type: "varchar", length: 80 })
    identityAddress!: string;

    @PrimaryColumn({ type: "varchar", length: MAX_FEATURE_FLAG_NAME_LENGTH })
    name!: string;

    @Column({ type: "boolean" })
    enabled!: boolean;
}
