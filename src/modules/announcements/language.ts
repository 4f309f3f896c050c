import { registerDecorator } from "class-validator";

import { isCommunicationLanguage } from "../devices/devices.events";

/** An ISO 639-1 language code. */
export function IsCommunicationLanguage(): PropertyDecorator {
    return (target: object, propertyName: string | symbol) =>
        registerDecorator({
            name: "isLanguage",
            target: target.constructor,
            propertyName: propertyName as string,
            options: { message: "must be a valid ISO 639-1 language code" },
            validator: { validate: (value: unknown) => isCommunicationLanguage(value) }
        });
}
