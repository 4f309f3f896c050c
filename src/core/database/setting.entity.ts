import { Column, Entity, PrimaryColumn } from "typeorm";

/** Small named values the Backbone generates once and shares across instances (e.g. the token signing key). */
@Entity({ name: "settings" })
export class Setting {
    @PrimaryColumn({ type: "varchar", length: 100 })
    key!: string;

    @Column({ type: "text" })
    value!: string;
}
