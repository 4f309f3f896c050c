import { Body, Controller } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { SendNotificationRequest } from "./notifications.dto";
import { NotificationsService } from "./notifications.service";

/** The Consumer API of notifications: translates HTTP to one service call. */
@ApiTags("Notifications")
@Controller("api/v2/Notifications")
export class NotificationsController {
    constructor(private readonly notifications: NotificationsService) {}

    @Endpoint({
        method: "POST",
        summary: "Send a notification to peers",
        description:
            "A visible push with the server-configured texts of `code`, in each device's language (fallback English), to all devices of every recipient. The youngest relationship to each recipient must be Pending, Active or Terminated. Nothing is stored.",
        result: "none",
        errors: [400, 401]
    })
    async sendNotification(@CurrentCaller() caller: Caller, @Body() request: SendNotificationRequest): Promise<void> {
        await this.notifications.sendNotification(caller, request.recipients, request.code);
    }
}
