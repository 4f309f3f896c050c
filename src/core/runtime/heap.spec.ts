import { constants, PerformanceObserver } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";

import { leavesBuffersToFullCollections, tuneHeapForBuffers } from "./heap";

/** Full collections while 500 MB of short-lived 64 KiB Buffers pass through, as an upload's chunks do. */
async function fullCollectionsDuringBufferStream(): Promise<number> {
    let majors = 0;
    const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if ((entry as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
        }
    });
    observer.observe({ entryTypes: ["gc"] });
    let inFlight: Buffer[] = [];
    for (let i = 0; i < 8000; i++) {
        inFlight.push(Buffer.allocUnsafe(64 * 1024).fill(i));
        if (inFlight.length > 16) inFlight = [];
        if (i % 100 === 0) await new Promise(setImmediate);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return majors;
}

describe("tuneHeapForBuffers", () => {
    it("sets nothing on V8 before 13.6 (Node 22)", () => {
        expect(tuneHeapForBuffers("12.4.254.21-node.57")).toEqual([]);
        expect(tuneHeapForBuffers("13.5.0")).toEqual([]);
    });

    it("on this runtime, lets short-lived Buffers go without full collections where V8 would start them", async () => {
        if (leavesBuffersToFullCollections()) {
            setFlagsFromString("--no-external-memory-accounted-in-global-limit");
            const untuned = await fullCollectionsDuringBufferStream();
            expect(tuneHeapForBuffers()).toEqual(["--external-memory-accounted-in-global-limit"]);
            const tuned = await fullCollectionsDuringBufferStream();
            expect(untuned).toBeGreaterThanOrEqual(3);
            expect(tuned).toBeLessThanOrEqual(untuned / 3);
        } else {
            // Node 22: neither the flag nor the problem (CI runs the suite on Node 24 as well).
            expect(tuneHeapForBuffers()).toEqual([]);
            expect(await fullCollectionsDuringBufferStream()).toBeLessThan(3);
        }
    });
});
