import { Message, MessageRecipient } from "./message.entity";

const SENDER = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const R1 = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const R2 = "did:e:localhost:dids:cccccccccccccccccccccc";

function recipient(address: string, values: Partial<MessageRecipient> = {}): MessageRecipient {
    return Object.assign(new MessageRecipient(), {
        address,
        isRelationshipDecomposedBySender: false,
        isRelationshipDecomposedByRecipient: false,
        ...values
    });
}

function message(recipients: MessageRecipient[]): Message {
    return Object.assign(new Message(), { createdBy: SENDER, recipients });
}

describe("Message", () => {
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
});
