import { createHash } from "node:crypto";
import { Readable } from "node:stream";

/** `size` deterministic pseudo-random bytes, produced chunk by chunk (never held in memory as a whole). */
export function generatedStream(size: number, chunkSize = 64 * 1024): Readable {
    let produced = 0;
    let counter = 0;
    return new Readable({
        read() {
            if (produced >= size) return void this.push(null);
            const length = Math.min(chunkSize, size - produced);
            const chunk = Buffer.alloc(length);
            for (let i = 0; i + 4 <= length; i += 4) chunk.writeUInt32LE((counter++ * 2654435761) >>> 0, i);
            produced += length;
            this.push(chunk);
        }
    });
}

export async function digestOf(stream: AsyncIterable<unknown>, algorithm = "sha512"): Promise<{ digest: Buffer; size: number }> {
    const hash = createHash(algorithm);
    let size = 0;
    for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
    }
    return { digest: hash.digest(), size };
}

/** `size` bytes of `generatedStream`, in one buffer. */
export async function generatedBytes(size: number): Promise<Buffer> {
    return Buffer.concat(await generatedStream(size).toArray());
}
