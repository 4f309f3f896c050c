import { ApiError } from "../../core/errors/errors";

/** Worded as the official Backbone words them. */
export const RelationshipTemplatesErrors = {
    maxNumberOfAllocationsExhausted: () =>
        new ApiError(
            "error.platform.validation.relationshipTemplate.maxNumberOfAllocationsExhausted",
            "The maximum number of allocations (maxNumberOfAllocations) of the template you are trying to read is exhausted."
        )
};
