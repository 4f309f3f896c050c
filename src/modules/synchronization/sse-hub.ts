import type { ServerResponse } from "node:http";

import { Inject, Injectable, type OnModuleDestroy } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { ApiError, ErrorCode } from "../../core/errors/errors";

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
    /** Open streams per device, bounded by SSE_MAX_STREAMS_PER_DEVICE. */
    private readonly streamsPerDevice = new Map<string, number>();
    private readonly heartbeat: NodeJS.Timeout;

    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {
        this.heartbeat = setInterval(() => this.writeAll(": heartbeat\n\n"), HEARTBEAT_INTERVAL_MS);
        this.heartbeat.unref();
    }

    /**
     * Refuses a further stream of a device that has the most it may have open on this instance (429
     * `error.platform.tooManyRequests`); call before the response is taken over.
     */
    assertCanOpen(deviceId: string): void {
        const max = this.config.SSE_MAX_STREAMS_PER_DEVICE;
        if ((this.streamsPerDevice.get(deviceId) ?? 0) >= max) {
            throw new ApiError(
                ErrorCode.tooManyRequests,
                `This device already has ${max} open event streams; close one before opening another.`,
                429
            );
        }
    }

    /** Starts the event stream on a response (with `headers` besides its own) and keeps it until the client goes away. */
    open(
        owner: string,
        deviceId: string,
        response: ServerResponse,
        headers: Record<string, number | string | string[] | undefined> = {}
    ): void {
        this.assertCanOpen(deviceId);
        this.streamsPerDevice.set(deviceId, (this.streamsPerDevice.get(deviceId) ?? 0) + 1);
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
            const streams = (this.streamsPerDevice.get(deviceId) ?? 1) - 1;
            if (streams > 0) this.streamsPerDevice.set(deviceId, streams);
            else this.streamsPerDevice.delete(deviceId);
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
        this.streamsPerDevice.clear();
    }
}
