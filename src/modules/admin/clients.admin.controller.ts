import { Body, Delete, Get, HttpCode, Param, Patch, Post, Put } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
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
import { ClientsAdministration } from "./clients.administration";

@ApiTags("Clients")
@AdminController("Clients")
export class ClientsAdminController {
    constructor(private readonly clients: ClientsAdministration) {}

    @Get()
    @ApiOperation({ summary: "List the OAuth clients", description: "With their default tier and number of identities." })
    @ApiResult([ClientOverviewDto])
    listClients(): Promise<ClientOverviewDto[]> {
        return this.clients.listClients();
    }

    @Get(":clientId")
    @ApiOperation({ summary: "Get an OAuth client" })
    @ApiResult(ClientDto)
    @ApiErrors(404)
    getClient(@Param() params: ClientIdParams): Promise<ClientDto> {
        return this.clients.getClient(params.clientId);
    }

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Create an OAuth client",
        description:
            "Id and secret are generated unless given; the secret is shown only in this response. The default tier may be given by id or name."
    })
    @ApiResult(ClientWithSecretDto, 201)
    @ApiErrors(400, 404)
    createClient(@Body() request: CreateClientRequest): Promise<ClientWithSecretDto> {
        return this.clients.createClient(request);
    }

    @Patch(":clientId/ChangeSecret")
    @ApiOperation({ summary: "Replace a client's secret", description: "Generated unless given; shown only in this response." })
    @ApiResult(ClientWithSecretDto)
    @ApiErrors(400, 404)
    changeClientSecret(@Param() params: ClientIdParams, @Body() request: ChangeClientSecretRequest): Promise<ClientWithSecretDto> {
        return this.clients.changeClientSecret(params.clientId, request.newSecret);
    }

    @Put(":clientId")
    @ApiOperation({
        summary: "Set a client's default tier and maximum number of identities",
        description: "Both are replaced: an omitted or null maxIdentities removes the limit, a null defaultTier the tier."
    })
    @ApiResult(UpdatedClientDto)
    @ApiErrors(400, 404)
    async updateClient(@Param() params: ClientIdParams, @Body() request: UpdateClientRequest): Promise<UpdatedClientDto> {
        const { numberOfIdentities: _, ...client } = await this.clients.updateClient(params.clientId, {
            defaultTier: request.defaultTier,
            maxIdentities: request.maxIdentities ?? null
        });
        return client;
    }

    @Delete(":clientId")
    @HttpCode(204)
    @ApiOperation({
        summary: "Delete an OAuth client",
        description: "Its credentials stop working at once for logins and identity creation."
    })
    @ApiNoContent()
    @ApiErrors(404)
    async deleteClient(@Param() params: ClientIdParams): Promise<void> {
        await this.clients.deleteClient(params.clientId);
    }
}
