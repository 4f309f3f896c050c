import { Body, Controller } from "@nestjs/common";
import { ApiExcludeEndpoint, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { UpdatePushRegistrationRequest, UpdatePushRegistrationResponse } from "./push-notifications.dto";
import { PushNotificationsErrors } from "./push-notifications.errors";
import { PushNotificationsService } from "./push-notifications.service";

/** The Consumer API of push notifications: the calling device's registration. */
@ApiTags("PushNotifications")
@Controller("api/v2/Devices/Self/PushNotifications")
export class PushNotificationsController {
    constructor(private readonly pushNotifications: PushNotificationsService) {}

    @Endpoint({
        method: "PUT",
        status: 200,
        summary: "Register the calling device for push notifications",
        description: "Creates or replaces the device's registration; the devicePushIdentifier stays stable for it.",
        result: UpdatePushRegistrationResponse,
        errors: [400, 401]
    })
    async updatePushRegistration(
        @CurrentCaller() caller: Caller,
        @Body() request: UpdatePushRegistrationRequest
    ): Promise<UpdatePushRegistrationResponse> {
        return UpdatePushRegistrationResponse.from(await this.pushNotifications.registerOwnDevice(caller, request));
    }

    @Endpoint({ method: "DELETE", summary: "Remove the calling device's push registration", result: "none", errors: [401] })
    async deletePushRegistration(@CurrentCaller() caller: Caller): Promise<void> {
        await this.pushNotifications.unregisterOwnDevice(caller);
    }

    /** Hidden from the OpenAPI document, as in the official Backbone: a developer tool for checking push delivery. */
    @Endpoint({ method: "POST", path: "SendTestNotification", summary: "Send a test push to the caller's devices", result: "none" })
    @ApiExcludeEndpoint()
    async sendTestNotification(@CurrentCaller() caller: Caller, @Body() data: unknown): Promise<void> {
        if (data === undefined || data === null) throw PushNotificationsErrors.bodyMissing();
        await this.pushNotifications.sendToIdentity(caller.address, "Test", { data });
    }
}
