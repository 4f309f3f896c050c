import { Body, Controller, HttpCode, Post } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent } from "../../core/http/openapi";
import { SendNotificationRequest } from "./notifications.dto";
import { NotificationsService } from "./notifications.service";

@ApiTags("Notifications")
@ApiBearerAuth()
@Controller("api/v2/Notifications")
export class NotificationsController {
    constructor(private readonly notifications: NotificationsService) {}

    @Post()
    @HttpCode(204)
    @ApiOperation({
        summary: "Send a notification to peers",
        description:
            "A visible push with the server-configured texts of `code`, in each device's language (fallback English), to all devices of every recipient. The youngest relationship to each recipient must be Pending, Active or Terminated. Nothing is stored."
    })
    @ApiNoContent()
    @ApiErrors(400, 401)
    async sendNotification(@CurrentCaller() caller: Caller, @Body() request: SendNotificationRequest): Promise<void> {
        await this.notifications.sendNotification(caller, request.recipients, request.code);
    }
}
