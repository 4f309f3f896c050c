import { ErrorCode, notFound, notFoundInDomain } from "./errors";

describe("not-found errors", () => {
    it("name the record as the official Backbone's application layer does, 404 recordNotFound", () => {
        const error = notFound("Token");
        expect(error.status).toBe(404);
        expect(error.code).toBe(ErrorCode.recordNotFound);
        expect(error.message).toBe(
            "Token not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one."
        );
    });

    it("say 'Record' when no record is named", () => {
        expect(notFound().message).toMatch(/^Record not found\. Make sure the ID exists/);
    });

    it("use the domain layer's short wording where the official Backbone raises them there", () => {
        const error = notFoundInDomain("IdentityDeletionProcess");
        expect(error.status).toBe(404);
        expect(error.code).toBe(ErrorCode.recordNotFound);
        expect(error.message).toBe("IdentityDeletionProcess not found");
    });
});
