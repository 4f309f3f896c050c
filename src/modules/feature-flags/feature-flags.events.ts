import type { DomainEvent } from "../../core/events/domain-events";

// The public vocabulary of the feature-flags module: the domain events it publishes.

/** An identity changed some of its feature flags. */
export class FeatureFlagsChanged implements DomainEvent {
    static readonly eventName = "featureFlags.featureFlagsChanged";
    readonly name = FeatureFlagsChanged.eventName;
    constructor(readonly address: string) {}
}
