import { Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

/** Something that happened in one module and that other modules react to, inside the same transaction. */
export interface DomainEvent {
    readonly name: string;
}

export type DomainEventHandler<E extends DomainEvent> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * In-process, transactional publish/subscribe between modules. A module publishes with the EntityManager of its
 * transaction; subscribers run synchronously on that manager, so their writes (e.g. external events for peers)
 * commit or roll back with the change. This keeps modules decoupled: the publisher does not know its subscribers.
 */
@Injectable()
export class DomainEvents {
    private readonly handlers = new Map<string, Array<DomainEventHandler<DomainEvent>>>();

    subscribe<E extends DomainEvent>(name: E["name"], handler: DomainEventHandler<E>): void {
        this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as DomainEventHandler<DomainEvent>]);
    }

    async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
        for (const handler of this.handlers.get(event.name) ?? []) await handler(manager, event);
    }
}
