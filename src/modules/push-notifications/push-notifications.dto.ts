import { ApiProperty } from "@nestjs/swagger";

import { EnumProperty, StringProperty } from "../../core/validation/decorators";
import { PushEnvironment } from "./push-notifications.events";
import type { PushRegistration } from "./push-registration.entity";

export class UpdatePushRegistrationRequest {
    @StringProperty({ minLength: 1, maxLength: 20, example: "fcm", description: "fcm, apns, dummy or sse." })
    platform!: string;

    @StringProperty({ minLength: 10, maxLength: 500, description: "The FCM/APNs device token (ignored for sse and dummy)." })
    handle!: string;

    @StringProperty({ minLength: 1, maxLength: 200, example: "eu.enmeshed.app" })
    appId!: string;

    @EnumProperty(Object.values(PushEnvironment), { required: false, enumName: "PushEnvironment", description: "Default Production." })
    environment?: PushEnvironment;
}

export class UpdatePushRegistrationResponse {
    @ApiProperty({ example: "DPIaaaaaaaaaaaaaaaaa" })
    devicePushIdentifier!: string;

    static from(registration: PushRegistration): UpdatePushRegistrationResponse {
        return { devicePushIdentifier: registration.devicePushIdentifier };
    }
}
