import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { FilesModule } from "../files/files.module";
import { RelationshipsModule } from "../relationships/relationships.module";
import { Message, MessageRecipient } from "./message.entity";
import { MessagesController } from "./messages.controller";
import { MessagesIdentityDeletion } from "./messages.identity-deletion";
import { SentMessagesUsage } from "./messages.quota";
import { MessagesRepository } from "./messages.repository";
import { MessagesService } from "./messages.service";

/** Encrypted messages between identities that have a relationship. */
@Module({
    imports: [TypeOrmModule.forFeature([Message, MessageRecipient]), RelationshipsModule, FilesModule],
    controllers: [MessagesController],
    providers: [MessagesService, MessagesRepository, MessagesIdentityDeletion, SentMessagesUsage],
    exports: [MessagesService]
})
export class MessagesModule {}
