import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";

export interface MultipartFile {
    /** The form field, e.g. `content`. */
    field: string;
    /** The file on disk; read in chunks while the request is sent. */
    path: string;
    fileName: string;
    contentType: string;
}

export interface MultipartBody {
    contentType: string;
    stream: ReadableStream<Uint8Array>;
}

function quoted(value: string): string {
    return value.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
}

/**
 * A multipart/form-data body whose text fields come first and whose file is streamed from disk chunk by chunk
 * (pull-based, so only a few chunks are ever in memory, whatever the file's size).
 */
export function multipartFromDisk(fields: Record<string, string>, file: MultipartFile): MultipartBody {
    const boundary = `----BackboneBoundary${randomUUID().replace(/-/g, "")}`;
    const encoder = new TextEncoder();
    async function* parts(): AsyncGenerator<Uint8Array> {
        for (const [name, value] of Object.entries(fields)) {
            yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`);
        }
        yield encoder.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.fileName)}"\r\n` +
                `Content-Type: ${file.contentType}\r\n\r\n`
        );
        for await (const chunk of createReadStream(file.path, { highWaterMark: 64 * 1024 })) yield chunk as Uint8Array;
        yield encoder.encode(`\r\n--${boundary}--\r\n`);
    }
    const iterator = parts();
    const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
            const { value, done } = await iterator.next();
            if (done) controller.close();
            else controller.enqueue(value);
        },
        async cancel() {
            await iterator.return(undefined);
        }
    });
    return { contentType: `multipart/form-data; boundary=${boundary}`, stream };
}
