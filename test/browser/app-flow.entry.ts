/**
 * The consumer flow through clients/app, for the browser: bundled by esbuild for the browser platform (which
 * refuses Node built-ins) and run where only web APIs exist. The identity helper makes its Ed25519 key with WebCrypto.
 */
import { BackboneClient } from "../../clients/app/src/index";
import { type FlowReport, runConsumerFlow } from "../flows/consumer-flow";

export interface BrowserFlowInput {
    baseUrl: string;
    clientId: string;
    clientSecret: string;
    password: string;
}

export async function run(input: BrowserFlowInput): Promise<FlowReport> {
    const client = new BackboneClient({ baseUrl: input.baseUrl, clientId: input.clientId, clientSecret: input.clientSecret });
    return await runConsumerFlow({ client, password: input.password });
}
