import { Body, Controller, Delete, HttpCode, Put } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";
import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
import { UpdatePushRegistrationRequest, UpdatePushRegistrationResponse } from "./push-notifications.dto";
import { PushNotificationsService } from "./push-notifications.service";

@ApiTags("PushNotifications")
@ApiBearerAuth()
@Controller("api/v2/Devices/Self/PushNotifications")
export class PushNotificationsController {
    constructor(private readonly pushNotifications: PushNotificationsService) {}

    @Put()
    @HttpCode(200)
    @ApiOperation({
        summary: "Register the calling device for push notifications",
        description: "Creates or replaces the device's registration; the devicePushIdentifier stays stable for it."
    })
    @ApiResult(UpdatePushRegistrationResponse)
    @ApiErrors(400, 401)
    async updatePushRegistration(@CurrentCaller() caller: Caller, @Body() request: UpdatePushRegistrationRequest): Promise<UpdatePushRegistrationResponse> {
        return await this.pushNotifications.registerOwnDevice(caller, request);
    }

    @Delete()
    @HttpCode(204)
    @ApiOperation({ summary: "Remove the calling device's push registration" })
    @ApiNoContent()
    @ApiErrors(401)
    async deletePushRegistration(@CurrentCaller() caller: Caller): Promise<void> {
        await this.pushNotifications.unregisterOwnDevice(caller);
    }
}
