/**
 * Runs a check at most once per `ttlMs`: callers within that time share its outcome, success or failure, so that
 * frequent probes (several load balancers, anonymous callers) do not turn into as many requests to a dependency.
 */
export class CachedCheck {
    private last?: { at: number; outcome: Promise<void> };

    constructor(
        private readonly run: () => Promise<void>,
        private readonly ttlMs: number,
        private readonly now: () => number = Date.now
    ) {}

    check(): Promise<void> {
        const now = this.now();
        if (!this.last || now - this.last.at >= this.ttlMs) {
            const outcome = this.run();
            outcome.catch(() => undefined);
            this.last = { at: now, outcome };
        }
        return this.last.outcome;
    }
}

/** Rejects when `work` has not settled within `ms`. */
export async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([work, timeout]);
    } finally {
        clearTimeout(timer);
    }
}
