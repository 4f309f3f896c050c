import { domainEvent } from "../../core/events/domain-events";

// The public vocabulary of the devices module: the communication languages a device may have and the domain events
// it publishes.

/** ISO 639-1 language codes accepted as a device's communication language. */
const ISO_639_1 = new Set(
    (
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu " +
        "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko " +
        "kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi " +
        "pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk " +
        "ur uz ve vi vo wa wo xh yi yo za zh zu"
    ).split(" ")
);

/** Whether a value is an ISO 639-1 code a device may have as its communication language (push texts, announcements). */
export function isCommunicationLanguage(value: unknown): value is string {
    return typeof value === "string" && ISO_639_1.has(value);
}

/** A device was deleted (e.g. an un-onboarded device removed by its identity); what belongs to it goes too. */
export class DeviceDeleted extends domainEvent("devices.deviceDeleted", (address: string, deviceId: string) => ({ address, deviceId })) {}
