import { type ODataOptions, ODataQueryError, parseODataQuery } from "./odata-query";

const options: ODataOptions = {
    properties: {
        address: { sql: "o.address", type: "string", nullable: false },
        numberOfDevices: { sql: "o.devices", type: "integer", nullable: false },
        createdAt: { sql: "o.created_at", type: "datetime", nullable: false },
        "tier/id": { sql: "o.tier_id", type: "string", nullable: true }
    },
    expandable: ["tier"],
    maxTop: 100
};

describe("the OData subset", () => {
    it("turns a filter into SQL whose values are all parameters", () => {
        const query = parseODataQuery(
            { $filter: "(contains(address, 'a''b')) and (numberOfDevices ge 2 or not (tier/Id eq 'TIR1')) and createdAt lt 2030-01-02" },
            options
        );
        expect(query.where).toBe(
            "((strpos(o.address, $1) > 0) AND ((o.devices >= $2) OR (NOT coalesce(o.tier_id = $3, FALSE))) AND (o.created_at < $4))"
        );
        expect(query.params).toEqual(["a'b", 2, "TIR1", new Date("2030-01-02T00:00:00.000Z")]);
    });

    it("reads null comparisons, the other options, and option names in any case, with or without parameters", () => {
        const query = parseODataQuery(
            {
                $FILTER: "tier/id eq null",
                $OrderBy: "createdAt desc,address",
                $Top: "10",
                $skip: "20",
                $count: "TRUE",
                $expand: "Tier",
                other: "x"
            },
            options
        );
        expect(query).toEqual({
            where: "(o.tier_id IS NULL)",
            orderBy: ["o.created_at DESC NULLS LAST", "o.address ASC NULLS FIRST"],
            params: [],
            top: 10,
            skip: 20,
            count: true,
            expand: new Set(["tier"])
        });
        expect(parseODataQuery({}, options)).toEqual({
            where: "TRUE",
            orderBy: [],
            params: [],
            top: undefined,
            skip: 0,
            count: false,
            expand: new Set()
        });
        expect(parseODataQuery({ $filter: "tier/id ne 'x'" }, options).where).toBe("(o.tier_id <> $1 OR o.tier_id IS NULL)");
    });

    it.each([
        [{ $filter: "address eq" }, "$filter"],
        [{ $filter: "address" }, "$filter"],
        [{ $filter: "nope eq 1" }, "$filter"],
        [{ $filter: "address eq 1" }, "$filter"],
        [{ $filter: "createdAt eq 2030-13-45" }, "$filter"],
        [{ $filter: "numberOfDevices eq 99999999999999999999" }, "$filter"],
        [{ $filter: "address eq 'x') or (1 eq 1" }, "$filter"],
        [{ $filter: "address eq 'x' --" }, "$filter"],
        [{ $orderby: "address up" }, "$orderby"],
        [{ $top: "1000" }, "$top"],
        [{ $top: ["1", "2"] }, "$top"],
        [{ $expand: "devices" }, "$expand"],
        [{ $apply: "groupby" }, "$apply"]
    ])("refuses %j", (query, option) => {
        let caught: unknown;
        try {
            parseODataQuery(query, options);
        } catch (error) {
            caught = error;
        }
        expect(caught).toBeInstanceOf(ODataQueryError);
        expect((caught as ODataQueryError).option).toBe(option);
    });
});
