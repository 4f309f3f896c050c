import { Message, type NewMessage, type NewRecipient } from "../../src/modules/messages/message.entity";
import { RelationshipStatus } from "../../src/modules/relationships/relationships.events";

export const A_SENDER = { address: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa", deviceId: "DVCaaaaaaaaaaaaaaaaa" };

/** A recipient of a message to be sent, over an Active relationship unless told. */
export function aRecipient(address: string, overrides: Partial<NewRecipient> = {}): NewRecipient {
    return {
        address,
        encryptedKey: Buffer.alloc(40, 7),
        relationship: { id: `REL${address.slice(-17)}`, status: RelationshipStatus.Active },
        ...overrides
    };
}

/**
 * A message in memory, as `Message.create` makes it: sent by A_SENDER to the given recipients (at most 20, none with
 * unreceived messages of the sender unless told), with a small body and no attachments.
 */
export function aMessage(recipients: NewRecipient[], overrides: Partial<NewMessage> = {}): Message {
    return Message.create({
        sender: A_SENDER,
        body: Buffer.from("encrypted message body"),
        attachments: [],
        recipients,
        maxRecipients: 20,
        unreceived: new Map(),
        maxUnreceived: 20,
        now: new Date("2026-01-01T00:00:00.000Z"),
        ...overrides
    });
}
