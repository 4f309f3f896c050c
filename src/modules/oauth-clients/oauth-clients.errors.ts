import { ApiError } from "../../core/errors/errors";

export const OAuthClientsErrors = {
    clientIdAlreadyExists: () =>
        new ApiError(
            "error.platform.validation.device.clientIdAlreadyExists",
            "A client with the given client id already exists. Try a different client id."
        ),
    maxIdentitiesLessThanCurrentIdentities: (requested: number, current: number) =>
        new ApiError(
            "error.platform.validation.device.maxIdentitiesLessThanCurrentIdentities",
            `The requested maximum number of identities ${requested} is less than the current number of identities ${current}.`
        ),
    clientReachedIdentitiesLimit: () =>
        new ApiError(
            "error.platform.validation.device.clientReachedIdentitiesLimit",
            "The client's Identity limit has been reached. A new Identity cannot be created with this client."
        )
};
