import { ApiProperty } from "@nestjs/swagger";
import { Transform } from "class-transformer";

import { toBase64Url } from "../../core/crypto/base64";
import { CreatedDto } from "../../core/http/created";
import { ApiBytesProperty, CreatedRecordDto } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import {
    AddressProperty,
    BooleanProperty,
    BytesProperty,
    IdListQueryProperty,
    IdProperty,
    NestedArrayProperty
} from "../../core/validation/decorators";
import type { Message } from "./message.entity";

export const MAX_MESSAGE_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export class MessageRecipientRequest {
    @AddressProperty()
    address!: string;

    @BytesProperty({ minBytes: 30, maxBytes: 300, description: "The message key, encrypted for this recipient." })
    encryptedKey!: Buffer;
}

export class AttachmentDto {
    @IdProperty("FIL")
    id!: string;
}

export class SendMessageRequest {
    @NestedArrayProperty(() => MessageRecipientRequest, {
        minItems: 1,
        description: "At most MAX_NUMBER_OF_MESSAGE_RECIPIENTS (default 20) recipients, unique by address."
    })
    recipients!: MessageRecipientRequest[];

    @BytesProperty({ minBytes: 1, maxBytes: MAX_MESSAGE_BODY_BYTES })
    body!: Buffer;

    @NestedArrayProperty(() => AttachmentDto, { required: false, maxItems: MAX_ATTACHMENTS })
    attachments?: AttachmentDto[];
}

export class SentMessageDto extends CreatedDto("MSGaaaaaaaaaaaaaaaaa") {}

export class MessageRecipientDto {
    @ApiProperty()
    address!: string;
    @ApiBytesProperty()
    encryptedKey!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    receivedAt!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    receivedByDevice!: string | null;
}

export class MessageAttachmentDto {
    @ApiProperty({ example: "FILaaaaaaaaaaaaaaaaa" })
    id!: string;
}

export class MessageDto extends CreatedRecordDto("MSGaaaaaaaaaaaaaaaaa") {
    @ApiBytesProperty()
    body!: string;
    @ApiProperty({ type: [MessageAttachmentDto] })
    attachments!: MessageAttachmentDto[];
    @ApiProperty({ type: [MessageRecipientDto], description: "The sender sees all recipients, a recipient only its own entry." })
    recipients!: MessageRecipientDto[];

    /**
     * The message as `viewer` may see it: the sender gets every recipient, a recipient only its own entry; a
     * recipient whose relationship the sender has decomposed is shown to the sender with the anonymised address.
     */
    static from(message: Message, viewer: string, anonymizedAddress: string): MessageDto {
        const isSender = message.createdBy === viewer;
        return {
            ...MessageDto.createdFieldsOf(message),
            body: toBase64Url(message.body),
            attachments: message.attachments.map((id) => ({ id })),
            recipients: message.recipientsVisibleTo(viewer).map((r) => ({
                address: isSender && r.isRelationshipDecomposedBySender ? anonymizedAddress : r.address,
                encryptedKey: toBase64Url(r.encryptedKey),
                receivedAt: r.receivedAt?.toISOString() ?? null,
                receivedByDevice: r.receivedByDevice
            }))
        };
    }
}

export class MessageIdParams {
    @IdProperty("MSG")
    id!: string;
}

export class GetMessageQuery {
    @Transform(({ value }) => (value === "true" ? true : value === "false" ? false : value), { toClassOnly: true })
    @BooleanProperty({ required: false, description: "Accepted and ignored: the body is always returned." })
    noBody?: boolean;
}

export class ListMessagesQuery extends PageQuery {
    @IdListQueryProperty("MSG", { required: false, maxItems: 200 })
    ids?: string[];
}
