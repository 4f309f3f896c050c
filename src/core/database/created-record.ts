import { Column, PrimaryColumn } from "typeorm";

/**
 * The columns of a record an identity created from one of its devices, for an entity to extend: its id (prefix and
 * 17 characters), when, by which identity and from which device it was created.
 */
export abstract class CreatedRecordColumns {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 80 })
    createdBy!: string;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;
}
