import { anonymizedAddress, deriveAddress, isValidAddress } from "./identity-address";

describe("identity addresses", () => {
    it.each([
        ["tB9KFp/YqHrom3m5qUuZsd6l30DkaNjN14SxRw7YZuI=", "did:e:prod.enmeshed.eu:dids:56b3f2a0c202e27229aa87"],
        ["49fWA+kzWNdCFdo92imTiQ4vUUJsPPLNlcB9udC4ooE=", "did:e:prod.enmeshed.eu:dids:06a391378e5df5c1399f77"],
        ["fj0o9eOiPRswTZL6j9lE9TRvpDDnPRMF0gJeahz/W2c=", "did:e:prod.enmeshed.eu:dids:fef1992c5e529adc413288"],
        ["jRxGfZtQ8a90TmKCGk+dhuX1CBjgoXuldhNPwrjpWsw=", "did:e:prod.enmeshed.eu:dids:b9d25bd0a2bbd3aa48437c"]
    ])("derives the contract's address for key %s", (key, address) => {
        expect(deriveAddress(Buffer.from(key, "base64"), "prod.enmeshed.eu")).toBe(address);
        expect(isValidAddress(address)).toBe(true);
    });

    it("derives the end-to-end example's address for domain localhost", () => {
        const raw = Buffer.from("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8", "hex");
        expect(deriveAddress(raw, "localhost")).toBe("did:e:localhost:dids:76a33ea3665eef489c70bb");
    });

    it("derives the anonymised address from the UTF-16LE bytes of 'deleted identity'", () => {
        expect(anonymizedAddress("localhost")).toBe("did:e:localhost:dids:3a29ae5c1f591bbd9a2aaa");
        expect(anonymizedAddress("prod.enmeshed.eu")).toBe("did:e:prod.enmeshed.eu:dids:3a29ae5c1f591bbd9a2a59");
    });

    it.each([
        "did:e:enmeshedeu:dids:06a391378e5df5c1399f77",
        "did:e:prod.ENMESHED.eu:dids:06a391378e5df5c1399f77",
        "did:e:prod.enmeshed.eu:dids:06a391378e5df5c1399fzz",
        "did:e:prod.enmeshed.eu:dids:06a391378e5df5c1399f7",
        "did:x:prod.enmeshed.eu:dids:06a391378e5df5c1399f77",
        ""
    ])("rejects the invalid address %s", (address) => {
        expect(isValidAddress(address)).toBe(false);
    });
});
