import { AddressListProperty, StringProperty } from "../../core/validation/decorators";

export class SendNotificationRequest {
    @AddressListProperty({ minItems: 1, maxItems: 100 })
    recipients!: string[];

    @StringProperty({ minLength: 1, maxLength: 100, example: "TestCode" })
    code!: string;
}
