import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from "@nestjs/common";
import { Client } from "pg";
import { DataSource } from "typeorm";

import { DATAWALLET_CHANGES_CHANNEL } from "./datawallet.repository";
import { EXTERNAL_EVENTS_CHANNEL } from "./external-events.service";
import { SseHub } from "./sse-hub";

const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * One dedicated connection per instance that LISTENs for the NOTIFY issued (on commit) by the writers of external
 * events and of datawallet modifications, and tells this instance's SSE connections of the owner to sync. A notification carries only the owner:
 * it means "sync now", nothing more. After a lost connection it reconnects with backoff and tells every connected
 * device to sync, since notifications may have been missed meanwhile.
 */
@Injectable()
export class ExternalEventsListener implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
    private readonly logger = new Logger("ExternalEventsListener");
    private client?: Client;
    private closing = false;
    private reconnectDelay = 1000;
    private reconnectTimer?: NodeJS.Timeout;

    constructor(
        private readonly dataSource: DataSource,
        private readonly hub: SseHub
    ) {}

    async onModuleInit(): Promise<void> {
        await this.connect(false);
    }

    private async connect(isReconnect: boolean): Promise<void> {
        const url = (this.dataSource.options as { url?: string }).url;
        const client = new Client({ connectionString: url, application_name: "backbone-listen" });
        client.on("notification", (message) => {
            if (!message.payload) return;
            if (message.channel === EXTERNAL_EVENTS_CHANNEL) this.hub.notify(message.payload, "ExternalEventCreated");
            if (message.channel === DATAWALLET_CHANGES_CHANNEL) {
                // "<owner> <device that made the change>": the other devices of the owner sync their datawallet.
                const [owner, device] = message.payload.split(" ");
                if (owner && device) this.hub.notify(owner, "DatawalletModificationsCreated", device);
            }
        });
        client.on("error", (error) => this.lost(client, error));
        client.on("end", () => this.lost(client));
        try {
            await client.connect();
            await client.query(`LISTEN ${EXTERNAL_EVENTS_CHANNEL}`);
            await client.query(`LISTEN ${DATAWALLET_CHANGES_CHANNEL}`);
            if (this.closing) {
                await client.end();
                return;
            }
            this.client = client;
            this.reconnectDelay = 1000;
            if (isReconnect) this.hub.notifyAll("ExternalEventCreated");
        } catch (error) {
            this.lost(client, error as Error);
        }
    }

    private lost(client: Client, error?: Error): void {
        if (this.closing || (this.client !== client && this.client !== undefined) || this.reconnectTimer) return;
        this.client = undefined;
        client.removeAllListeners();
        client.on("error", () => undefined);
        client.end().catch(() => undefined);
        this.logger.warn(`LISTEN connection lost${error ? `: ${error.message}` : ""}; reconnecting in ${this.reconnectDelay} ms`);
        this.reconnectTimer = setTimeout(() => {
            this.reconnectTimer = undefined;
            void this.connect(true);
        }, this.reconnectDelay);
        this.reconnectTimer.unref();
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
    }

    /** For tests: drops the connection as a network failure would. */
    simulateConnectionLoss(): void {
        const client = this.client;
        if (client) this.lost(client, new Error("simulated"));
    }

    get isListening(): boolean {
        return this.client !== undefined;
    }

    /** From the start of a shutdown on, a lost connection is expected (the database may stop too) and not reconnected. */
    beforeApplicationShutdown(): void {
        this.closing = true;
        if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    }

    async onApplicationShutdown(): Promise<void> {
        this.closing = true;
        if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
        const client = this.client;
        this.client = undefined;
        if (client) {
            client.removeAllListeners();
            client.on("error", () => undefined);
            await client.end().catch(() => undefined);
        }
    }
}
