import { Transform, type TransformCallback } from "node:stream";

import { BlobTooLargeError } from "./blob-storage";

/** A pass-through that counts bytes and fails the stream once more than `limit` bytes have passed. */
export class SizeLimit extends Transform {
    bytes = 0;
    constructor(private readonly limit: number = Number.POSITIVE_INFINITY) {
        super();
    }
    override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) callback(new BlobTooLargeError(this.limit));
        else callback(null, chunk);
    }
}
