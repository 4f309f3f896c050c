/**
 * The consumer flow through clients/app, for the browser: bundled by esbuild for the browser platform (which
 * refuses Node built-ins) and run where only web APIs exist. Ed25519 comes from WebCrypto.
 */
import { BackboneClient } from "../../clients/app/src/index";
import { type FlowReport, type FlowSigner, runConsumerFlow } from "../flows/consumer-flow";

export interface BrowserFlowInput {
    baseUrl: string;
    clientId: string;
    clientSecret: string;
    password: string;
}

async function webCryptoSigner(): Promise<FlowSigner> {
    const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
    const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
    return {
        publicKey,
        sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, keys.privateKey, data))
    };
}

export async function run(input: BrowserFlowInput): Promise<FlowReport> {
    const client = new BackboneClient({ baseUrl: input.baseUrl, clientId: input.clientId, clientSecret: input.clientSecret });
    return await runConsumerFlow({
        client,
        signer: await webCryptoSigner(),
        clientId: input.clientId,
        clientSecret: input.clientSecret,
        password: input.password
    });
}
