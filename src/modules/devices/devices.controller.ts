import { Body, Controller, Param, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, onRecord, pageOf } from "../../core/http/endpoint";
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

/** The Consumer API of the devices of the caller's identity. */
@ApiTags("Devices")
@Controller("api/v2/Devices")
export class DevicesController {
    constructor(
        private readonly devices: DevicesService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        summary: "Register another device of the caller's identity",
        description: "The challenge must be signed with the identity key.",
        result: RegisterDeviceResponse,
        errors: [400, 401, 404]
    })
    async registerDevice(@CurrentCaller() caller: Caller, @Body() request: RegisterDeviceRequest): Promise<RegisterDeviceResponse> {
        return RegisterDeviceResponse.from(await this.devices.registerDevice(caller, request));
    }

    @Endpoint({ ...pageOf(DeviceDto), summary: "List the devices of the caller's identity" })
    async listDevices(@CurrentCaller() caller: Caller, @Query() query: ListDevicesQuery): Promise<Page<DeviceDto>> {
        const page = await this.devices.listDevices(caller, query.ids, this.paging.request(query));
        return page.map((device) => DeviceDto.from(device));
    }

    @Endpoint({ method: "GET", path: "Self", summary: "Get the calling device", result: DeviceDto, errors: [401] })
    async getOwnDevice(@CurrentCaller() caller: Caller): Promise<DeviceDto> {
        return DeviceDto.from(await this.devices.getOwnDevice(caller));
    }

    @Endpoint({
        method: "PUT",
        path: "Self",
        summary: "Update the calling device",
        description: "Sets the language of push notification texts (ISO 639-1).",
        result: "none",
        errors: [400, 401]
    })
    async updateOwnDevice(@CurrentCaller() caller: Caller, @Body() request: UpdateDeviceRequest): Promise<void> {
        await this.devices.updateOwnDevice(caller, request.communicationLanguage);
    }

    @Endpoint({ method: "PUT", path: "Self/Password", summary: "Change the calling device's password", result: "none", errors: [400, 401] })
    async changeOwnPassword(@CurrentCaller() caller: Caller, @Body() request: ChangePasswordRequest): Promise<void> {
        await this.devices.changeOwnPassword(caller, request);
    }

    @Endpoint({ ...onRecord("DELETE"), summary: "Delete a device that has not been onboarded yet", result: "none" })
    async deleteDevice(@CurrentCaller() caller: Caller, @Param() params: DeviceIdParams): Promise<void> {
        await this.devices.deleteDevice(caller, params.id);
    }
}
