import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { DevicesModule } from "../devices/devices.module";
import { FilesModule } from "../files/files.module";
import { RelationshipsModule } from "../relationships/relationships.module";
import { SynchronizationModule } from "../synchronization/synchronization.module";
import { Message, MessageRecipient } from "./message.entity";
import { MessagesController } from "./messages.controller";
import { SentMessagesUsage } from "./messages.quota";
import { MessagesService } from "./messages.service";

/** Encrypted messages between identities that have a relationship. */
@Module({
    imports: [
        TypeOrmModule.forFeature([Message, MessageRecipient]),
        RelationshipsModule,
        FilesModule,
        SynchronizationModule,
        DevicesModule
    ],
    controllers: [MessagesController],
    providers: [MessagesService, SentMessagesUsage],
    exports: [MessagesService]
})
export class MessagesModule {}
