import { isDatabaseUnavailable } from "./errors";

describe("isDatabaseUnavailable", () => {
    it("recognises refused and broken connections, shutdowns and exhausted pools, also wrapped", () => {
        const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
        const wrapped = Object.assign(new Error("query failed"), {
            driverError: Object.assign(new Error("terminating connection"), { code: "57P01" })
        });
        const aggregate = Object.assign(new AggregateError([refused], ""), {});
        for (const error of [
            refused,
            wrapped,
            aggregate,
            new Error("Connection terminated unexpectedly"),
            new Error("timeout exceeded when trying to connect"),
            Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
            Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
            Object.assign(new Error("connection failure"), { code: "08006" }),
            new Error("outer", { cause: refused })
        ]) {
            expect(isDatabaseUnavailable(error)).toBe(true);
        }
    });

    it("does not take statement failures for unavailability", () => {
        for (const error of [
            Object.assign(new Error("duplicate key"), { code: "23505" }),
            Object.assign(new Error("invalid byte sequence"), { code: "22021" }),
            new Error("something else"),
            undefined,
            "text"
        ]) {
            expect(isDatabaseUnavailable(error)).toBe(false);
        }
    });
});
