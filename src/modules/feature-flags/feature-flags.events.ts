import { identityEvent } from "../../core/events/domain-events";

// The public vocabulary of the feature-flags module: the domain events it publishes.

/** An identity changed some of its feature flags. */
export class FeatureFlagsChanged extends identityEvent("featureFlags.featureFlagsChanged") {}
