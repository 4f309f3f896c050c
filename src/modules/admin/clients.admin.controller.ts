import { Body, Param } from "@nestjs/common";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import {
    ChangeClientSecretRequest,
    ClientDto,
    ClientIdParams,
    ClientOverviewDto,
    ClientWithSecretDto,
    CreateClientRequest,
    UpdateClientRequest,
    UpdatedClientDto
} from "./admin.dto";
import { ClientsAdministration } from "./clients-administration.service";

@AdminController("Clients")
export class ClientsAdminController {
    constructor(private readonly clients: ClientsAdministration) {}

    @Endpoint({
        method: "GET",
        summary: "List the OAuth clients",
        description: "With their default tier and number of identities.",
        result: [ClientOverviewDto]
    })
    listClients(): Promise<ClientOverviewDto[]> {
        return this.clients.listClients();
    }

    @Endpoint({ method: "GET", path: ":clientId", summary: "Get an OAuth client", result: ClientDto, errors: [404] })
    getClient(@Param() params: ClientIdParams): Promise<ClientDto> {
        return this.clients.getClient(params.clientId);
    }

    @Endpoint({
        method: "POST",
        summary: "Create an OAuth client",
        description:
            "Id and secret are generated unless given; the secret is shown only in this response. The default tier may be given by id or name.",
        result: ClientWithSecretDto,
        errors: [400, 404]
    })
    createClient(@Body() request: CreateClientRequest): Promise<ClientWithSecretDto> {
        return this.clients.createClient(request);
    }

    @Endpoint({
        method: "PATCH",
        path: ":clientId/ChangeSecret",
        summary: "Replace a client's secret",
        description: "Generated unless given; shown only in this response.",
        result: ClientWithSecretDto,
        errors: [400, 404]
    })
    changeClientSecret(@Param() params: ClientIdParams, @Body() request: ChangeClientSecretRequest): Promise<ClientWithSecretDto> {
        return this.clients.changeClientSecret(params.clientId, request.newSecret);
    }

    @Endpoint({
        method: "PUT",
        path: ":clientId",
        summary: "Set a client's default tier and maximum number of identities",
        description: "Both are replaced: an omitted or null maxIdentities removes the limit, a null defaultTier the tier.",
        result: UpdatedClientDto,
        errors: [400, 404]
    })
    async updateClient(@Param() params: ClientIdParams, @Body() request: UpdateClientRequest): Promise<UpdatedClientDto> {
        const client = await this.clients.updateClient(params.clientId, {
            defaultTier: request.defaultTier,
            maxIdentities: request.maxIdentities ?? null
        });
        return UpdatedClientDto.from(client);
    }

    @Endpoint({
        method: "DELETE",
        path: ":clientId",
        summary: "Delete an OAuth client",
        description: "Its credentials stop working at once for logins and identity creation.",
        result: "none",
        errors: [404]
    })
    async deleteClient(@Param() params: ClientIdParams): Promise<void> {
        await this.clients.deleteClient(params.clientId);
    }
}
