/** The source of "now" for every business rule, so that expiry can be tested by moving time. */
export abstract class Clock {
    abstract now(): Date;
}

export class SystemClock extends Clock {
    now(): Date {
        return new Date();
    }
}

/** A clock for tests: starts at the real time and moves only when told to. */
export class ManualClock extends Clock {
    private current: number;
    constructor(start: Date = new Date()) {
        super();
        this.current = start.getTime();
    }
    now(): Date {
        return new Date(this.current);
    }
    set(date: Date): void {
        this.current = date.getTime();
    }
    advance(ms: number): void {
        this.current += ms;
    }
}
