import { Injectable } from "@nestjs/common";
import { DataSource, type EntityManager } from "typeorm";

/**
 * Starts the transaction of a use case, so that services never hold the DataSource. The EntityManager handed to
 * `work` is the transaction: every repository call of the use case, every cross-module read that feeds one of its
 * decisions and every domain event it publishes takes it, so all of them commit or roll back together.
 */
@Injectable()
export class Transactions {
    constructor(private readonly dataSource: DataSource) {}

    run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
        return this.dataSource.transaction(work);
    }
}
