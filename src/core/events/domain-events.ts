import { Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

/**
 * Something that happened in one module and that other modules react to, inside the same transaction. A module
 * declares its events in `<module>.events.ts` as classes (derived from `domainEvent`) with a static, unique `eventName`
 * (`<module>.<whatHappened>`) and readonly fields that say everything a subscriber needs (ids, addresses, statuses),
 * never an entity.
 */
export interface DomainEvent {
    readonly name: string;
}

/** The class of a domain event: `new TokenLocked(...)` and `TokenLocked.eventName`. */
export interface DomainEventClass<E extends DomainEvent> {
    readonly eventName: string;
    new (...args: never[]): E;
}

/** What `domainEvent` makes: a class whose constructor takes `A` and whose events have the fields `F`. */
export interface DomainEventBase<A extends unknown[], F extends object> {
    readonly eventName: string;
    new (...args: A): DomainEvent & Readonly<F>;
}

/**
 * The base class of the domain event `eventName`: its constructor takes the arguments of `fields` and the event gets
 * the fields that `fields` makes of them, e.g.
 * `class TokenLocked extends domainEvent("tokens.tokenLocked", (tokenId: string, createdBy: string) => ({ tokenId, createdBy })) {}`.
 */
export function domainEvent<A extends unknown[], F extends object>(eventName: string, fields: (...args: A) => F): DomainEventBase<A, F> {
    return class implements DomainEvent {
        static readonly eventName = eventName;
        readonly name = eventName;
        constructor(...args: A) {
            Object.assign(this, fields(...args));
        }
    } as unknown as DomainEventBase<A, F>;
}

/** The base class of a domain event that says something about one identity, its `address`. */
export const identityEvent = (eventName: string) => domainEvent(eventName, (address: string) => ({ address }));

export type DomainEventHandler<E extends DomainEvent> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * In-process, transactional publish/subscribe between modules: the one way modules tell each other what happened.
 * A use case publishes with the EntityManager of its transaction, after its own writes; the subscribers run at once,
 * one after the other in the order they subscribed, on that manager, so their writes (e.g. the external events that
 * synchronization records for other identities) commit or roll back with the change, and a subscriber's failure fails
 * the use case. The publisher does not know its subscribers. Subscribe in `onModuleInit`.
 */
@Injectable()
export class DomainEvents {
    private readonly handlers = new Map<string, Array<DomainEventHandler<DomainEvent>>>();

    /** Adds a subscriber of `event`; returns a function that removes it again. */
    subscribe<E extends DomainEvent>(event: DomainEventClass<E>, handler: DomainEventHandler<E>): () => void {
        const subscriber = handler as DomainEventHandler<DomainEvent>;
        this.handlers.set(event.eventName, [...(this.handlers.get(event.eventName) ?? []), subscriber]);
        return () =>
            this.handlers.set(
                event.eventName,
                (this.handlers.get(event.eventName) ?? []).filter((h) => h !== subscriber)
            );
    }

    async publish(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
        if (events.length > 0 && !manager.queryRunner?.isTransactionActive)
            throw new Error("domain events are published inside a transaction");
        for (const event of events) {
            for (const handler of this.handlers.get(event.name) ?? []) await handler(manager, event);
        }
    }
}
