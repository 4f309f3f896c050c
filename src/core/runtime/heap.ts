import { setFlagsFromString } from "node:v8";

/** Account external memory (Buffers' bytes) in V8's global heap limit. */
const ACCOUNT_EXTERNAL_MEMORY = "--external-memory-accounted-in-global-limit";

/** Whether this V8 (13.6 and later) has the young generation that leaves short-lived Buffers to full collections. */
export function leavesBuffersToFullCollections(v8Version: string = process.versions.v8): boolean {
    const [major = 0, minor = 0] = v8Version.split(".").map(Number);
    return major > 13 || (major === 13 && minor >= 6);
}

/**
 * V8 13.6 (Node 24) made the young generation four times larger, which moved its trigger for reclaiming short-lived
 * Buffers above the external-memory limit that starts a full collection: a stream of request bodies (a file upload)
 * then costs a Mark-Compact every few dozen MB, on V8's worker threads and the main thread (an upload ran at about 430
 * instead of 610 MiB/s; nodejs/node#61967). Counting external memory in V8's global limit, as later V8 versions do by
 * default, leaves such Buffers to the young generation's collections again. Older V8 versions (Node 22) lack the flag
 * and the problem. Called first thing on start; answers the flags it set.
 */
export function tuneHeapForBuffers(v8Version: string = process.versions.v8): string[] {
    if (!leavesBuffersToFullCollections(v8Version)) return [];
    setFlagsFromString(ACCOUNT_EXTERNAL_MEMORY);
    return [ACCOUNT_EXTERNAL_MEMORY];
}
