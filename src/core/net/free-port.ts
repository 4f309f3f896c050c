import { createServer } from "node:net";

/** A TCP port on the loopback interface that nothing listens on right now (the system picks it). */
export async function freePort(): Promise<number> {
    return await new Promise((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
        });
    });
}
