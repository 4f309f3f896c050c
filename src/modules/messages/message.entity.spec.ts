import { A_SENDER, aMessage, aRecipient } from "../../../test/factories/messages";
import { ApiError } from "../../core/errors/errors";
import { RelationshipStatus } from "../relationships/relationships.events";
import { Message, MessageRecipient } from "./message.entity";

const SENDER = A_SENDER.address;
const R1 = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const R2 = "did:e:localhost:dids:cccccccccccccccccccccc";
const R3 = "did:e:localhost:dids:dddddddddddddddddddddd";
const CODE = "error.platform.validation.message.";

function code(fn: () => unknown): string | undefined {
    try {
        fn();
    } catch (error) {
        return error instanceof ApiError ? error.code : String(error);
    }
    return undefined;
}

function recipient(address: string, values: Partial<MessageRecipient> = {}): MessageRecipient {
    return Object.assign(new MessageRecipient(), {
        address,
        receivedAt: null,
        isRelationshipDecomposedBySender: false,
        isRelationshipDecomposedByRecipient: false,
        ...values
    });
}

function message(recipients: MessageRecipient[]): Message {
    return Object.assign(aMessage([]), { recipients });
}

describe("Message", () => {
    describe("create", () => {
        it("addresses every recipient in the order sent, over its relationship, not yet received", () => {
            const m = aMessage([aRecipient(R2), aRecipient(R1)]);
            expect(m.id).toMatch(/^MSG[A-Za-z0-9]{17}$/);
            expect(m.createdBy).toBe(SENDER);
            expect(m.createdByDevice).toBe(A_SENDER.deviceId);
            expect(m.recipients.map((r) => [r.messageId, r.position, r.address, r.relationshipId, r.receivedAt])).toEqual([
                [m.id, 0, R2, aRecipient(R2).relationship!.id, null],
                [m.id, 1, R1, aRecipient(R1).relationship!.id, null]
            ]);
        });

        it("sends over Pending and Terminated relationships too", () => {
            const m = aMessage([
                aRecipient(R1, { relationship: { id: "RELaaaaaaaaaaaaaaaaa", status: RelationshipStatus.Pending } }),
                aRecipient(R2, { relationship: { id: "RELbbbbbbbbbbbbbbbbb", status: RelationshipStatus.Terminated } })
            ]);
            expect(m.recipients).toHaveLength(2);
        });

        it("refuses more recipients than allowed, and an address twice", () => {
            expect(code(() => aMessage([aRecipient(R1), aRecipient(R2)], { maxRecipients: 1 }))).toBe(
                "error.platform.validation.invalidPropertyValue"
            );
            expect(code(() => aMessage([aRecipient(R1), aRecipient(R1)]))).toBe("error.platform.validation.invalidPropertyValue");
        });

        it("refuses a recipient without a relationship, or over one that does not allow messages", () => {
            expect(code(() => aMessage([aRecipient(R1, { relationship: undefined })]))).toBe(`${CODE}noRelationshipToRecipientExists`);
            for (const status of [RelationshipStatus.Rejected, RelationshipStatus.Revoked, RelationshipStatus.DeletionProposed]) {
                expect(code(() => aMessage([aRecipient(R1, { relationship: { id: "RELaaaaaaaaaaaaaaaaa", status } })]))).toBe(
                    `${CODE}relationshipToRecipientNotActive`
                );
            }
        });

        it("refuses a recipient that has reached the limit of unreceived messages from the sender", () => {
            const unreceived = new Map([[R2, 2]]);
            expect(code(() => aMessage([aRecipient(R1), aRecipient(R2)], { unreceived, maxUnreceived: 2 }))).toBe(
                `${CODE}maxNumberOfUnreceivedMessagesReached`
            );
            expect(aMessage([aRecipient(R1), aRecipient(R2)], { unreceived, maxUnreceived: 3 }).recipients).toHaveLength(2);
        });

        it("fails for the first recipient that breaks a rule, in the order sent", () => {
            const full = new Map([[R1, 5]]);
            const error = code(() =>
                aMessage([aRecipient(R1), aRecipient(R2, { relationship: undefined })], { unreceived: full, maxUnreceived: 5 })
            );
            expect(error).toBe(`${CODE}maxNumberOfUnreceivedMessagesReached`);
        });
    });

    it("is visible to its sender and recipients only", () => {
        const m = message([recipient(R1)]);
        expect(m.isVisibleTo(SENDER)).toBe(true);
        expect(m.isVisibleTo(R1)).toBe(true);
        expect(m.isVisibleTo(R2)).toBe(false);
    });

    it("shows the sender every recipient and a recipient only itself", () => {
        const m = message([recipient(R1), recipient(R2)]);
        expect(m.recipientsVisibleTo(SENDER).map((r) => r.address)).toEqual([R1, R2]);
        expect(m.recipientsVisibleTo(R2).map((r) => r.address)).toEqual([R2]);
    });

    it("hides the message from a recipient that decomposed, and from a sender that decomposed towards every recipient", () => {
        const m = message([
            recipient(R1, { isRelationshipDecomposedByRecipient: true }),
            recipient(R2, { isRelationshipDecomposedBySender: true })
        ]);
        expect(m.isVisibleTo(R1)).toBe(false);
        expect(m.isVisibleTo(R2)).toBe(true);
        expect(m.isVisibleTo(SENDER)).toBe(true);
        m.recipients[0]!.isRelationshipDecomposedBySender = true;
        expect(m.isVisibleTo(SENDER)).toBe(false);
    });

    it("names the messages a recipient has not fetched yet", () => {
        const fetched = message([recipient(R1, { receivedAt: new Date() }), recipient(R2)]);
        const unfetched = message([recipient(R1), recipient(R3)]);
        expect(Message.unreceivedBy([fetched, unfetched], R1)).toEqual([unfetched.id]);
        expect(Message.unreceivedBy([fetched, unfetched], R2)).toEqual([fetched.id]);
        expect(Message.unreceivedBy([fetched, unfetched], SENDER)).toEqual([]);
    });
});
