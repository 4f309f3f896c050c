import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import {
    ChangePasswordRequest,
    DeviceDto,
    DeviceIdParams,
    ListDevicesQuery,
    RegisterDeviceRequest,
    RegisterDeviceResponse,
    UpdateDeviceRequest
} from "./devices.dto";
import { DevicesService } from "./devices.service";

@ApiTags("Devices")
@ApiBearerAuth()
@Controller("api/v2/Devices")
export class DevicesController {
    constructor(
        private readonly devices: DevicesService,
        private readonly paging: Paging
    ) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Register another device of the caller's identity",
        description: "The challenge must be signed with the identity key."
    })
    @ApiResult(RegisterDeviceResponse, 201)
    @ApiErrors(400, 401, 404)
    async registerDevice(@CurrentCaller() caller: Caller, @Body() request: RegisterDeviceRequest): Promise<RegisterDeviceResponse> {
        return await this.devices.registerDevice(caller, request);
    }

    @Get()
    @ApiOperation({ summary: "List the devices of the caller's identity" })
    @ApiPagedResult(DeviceDto)
    @ApiErrors(400, 401)
    async listDevices(@CurrentCaller() caller: Caller, @Query() query: ListDevicesQuery): Promise<Page<DeviceDto>> {
        const page = await this.devices.listDevices(caller, query.ids, this.paging.request(query));
        return page.map((device) => DeviceDto.from(device));
    }

    @Get("Self")
    @ApiOperation({ summary: "Get the calling device" })
    @ApiResult(DeviceDto)
    @ApiErrors(401)
    async getOwnDevice(@CurrentCaller() caller: Caller): Promise<DeviceDto> {
        return DeviceDto.from(await this.devices.getOwnDevice(caller));
    }

    @Put("Self")
    @HttpCode(204)
    @ApiOperation({ summary: "Update the calling device", description: "Sets the language of push notification texts (ISO 639-1)." })
    @ApiNoContent()
    @ApiErrors(400, 401)
    async updateOwnDevice(@CurrentCaller() caller: Caller, @Body() request: UpdateDeviceRequest): Promise<void> {
        await this.devices.updateOwnDevice(caller, request.communicationLanguage);
    }

    @Put("Self/Password")
    @HttpCode(204)
    @ApiOperation({ summary: "Change the calling device's password" })
    @ApiNoContent()
    @ApiErrors(400, 401)
    async changeOwnPassword(@CurrentCaller() caller: Caller, @Body() request: ChangePasswordRequest): Promise<void> {
        await this.devices.changeOwnPassword(caller, request);
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete a device that has not been onboarded yet" })
    @ApiNoContent()
    @ApiErrors(400, 401, 404)
    async deleteDevice(@CurrentCaller() caller: Caller, @Param() params: DeviceIdParams): Promise<void> {
        await this.devices.deleteDevice(caller, params.id);
    }
}
