import { Column, Entity, PrimaryColumn } from "typeorm";

import { FeatureFlagsErrors } from "./feature-flags.errors";

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

    static create(identityAddress: string, name: string, enabled: boolean): FeatureFlag {
        return Object.assign(new FeatureFlag(), { identityAddress, name, enabled });
    }

    /** An identity has at most `max` flags (the configured limit): refuses a change that leaves it with more. */
    static checkLimit(count: number, max: number): void {
        if (count > max) throw FeatureFlagsErrors.maxNumberExceeded(max);
    }

    /** The name as the official Backbone shows it: its dictionary key policy lower-cases the first letter. */
    get displayName(): string {
        return this.name.length === 0 ? this.name : this.name[0]!.toLowerCase() + this.name.substring(1);
    }
}
