import { Body, Controller, Delete, HttpCode, Post, Put } from "@nestjs/common";
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
import { UpdatePushRegistrationRequest, UpdatePushRegistrationResponse } from "./push-notifications.dto";
import { PushNotificationsErrors } from "./push-notifications.errors";
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
    async updatePushRegistration(
        @CurrentCaller() caller: Caller,
        @Body() request: UpdatePushRegistrationRequest
    ): Promise<UpdatePushRegistrationResponse> {
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

    /** Hidden from the OpenAPI document, as in the official Backbone: a developer tool for checking push delivery. */
    @Post("SendTestNotification")
    @HttpCode(204)
    @ApiExcludeEndpoint()
    async sendTestNotification(@CurrentCaller() caller: Caller, @Body() data: unknown): Promise<void> {
        if (data === undefined || data === null) throw PushNotificationsErrors.bodyMissing();
        await this.pushNotifications.sendToIdentity(caller.address, "Test", { data });
    }
}
