import type { ServerResponse } from "node:http";

import { Injectable, type OnModuleDestroy } from "@nestjs/common";

/** Comment lines that keep idle connections (and proxies) from timing out. */
const HEARTBEAT_INTERVAL_MS = 20_000;

interface Connection {
    deviceId: string;
    response: ServerResponse;
}

/** The SSE connections open on this instance, by identity. */
@Injectable()
export class SseHub implements OnModuleDestroy {
    private readonly connections = new Map<string, Set<Connection>>();
    private readonly heartbeat: NodeJS.Timeout;

    constructor() {
        this.heartbeat = setInterval(() => this.writeAll(": heartbeat\n\n"), HEARTBEAT_INTERVAL_MS);
        this.heartbeat.unref();
    }

    /** Starts the event stream on a response (with `headers` besides its own) and keeps it until the client goes away. */
    open(
        owner: string,
        deviceId: string,
        response: ServerResponse,
        headers: Record<string, number | string | string[] | undefined> = {}
    ): void {
        const given = Object.fromEntries(
            Object.entries(headers).filter((entry): entry is [string, number | string | string[]] => entry[1] !== undefined)
        );
        response.writeHead(200, {
            ...given,
            "content-type": "text/event-stream",
            "cache-control": "no-cache",
            connection: "keep-alive",
            "x-accel-buffering": "no",
            "x-content-type-options": "nosniff"
        });
        const connection = { deviceId, response };
        const ownConnections = this.connections.get(owner) ?? new Set<Connection>();
        ownConnections.add(connection);
        this.connections.set(owner, ownConnections);
        response.on("close", () => {
            ownConnections.delete(connection);
            if (ownConnections.size === 0 && this.connections.get(owner) === ownConnections) this.connections.delete(owner);
        });
        this.write(response, "ConnectionOpened");
    }

    /** Tells every connected device of the identity (but `exceptDevice`) about an event (by name only). */
    notify(owner: string, eventName: string, exceptDevice?: string): void {
        for (const connection of this.connections.get(owner) ?? []) {
            if (connection.deviceId !== exceptDevice) this.write(connection.response, eventName);
        }
    }

    /** Tells every connected device (e.g. after notifications may have been missed). */
    notifyAll(eventName: string): void {
        for (const owner of this.connections.keys()) this.notify(owner, eventName);
    }

    get connectionCount(): number {
        let count = 0;
        for (const set of this.connections.values()) count += set.size;
        return count;
    }

    private write(response: ServerResponse, eventName: string): void {
        if (!response.writableEnded) response.write(`event: ${eventName}\ndata: _\n\n`);
    }

    private writeAll(text: string): void {
        for (const set of this.connections.values()) for (const { response } of set) if (!response.writableEnded) response.write(text);
    }

    onModuleDestroy(): void {
        clearInterval(this.heartbeat);
        for (const set of this.connections.values()) for (const { response } of set) response.end();
        this.connections.clear();
    }
}
