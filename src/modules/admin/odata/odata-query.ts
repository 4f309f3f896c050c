/**
 * The subset of OData system query options that the official Admin UI sends to /odata/Identities ($filter,
 * $orderby, $top, $skip, $count, $expand), parsed with a small whitelist grammar into parameterised SQL. Nothing of
 * the input reaches the SQL text except through parameters; properties and functions come from fixed lists.
 *
 *   filter     := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" or ")" | function | comparison
 *   function   := ("contains" | "startswith" | "endswith") "(" property "," string ")"
 *   comparison := property ("eq" | "ne" | "gt" | "ge" | "lt" | "le") literal
 *   property   := name ("/" name)?                     (names are case-insensitive)
 *   literal    := 'string' | integer | date | date-time | null | true | false
 *   orderby    := property ("asc" | "desc")? ("," property ("asc" | "desc")?)*
 */

export type ODataType = "string" | "integer" | "datetime";

/** A property that may appear in $filter and $orderby: its SQL expression and type. */
export interface ODataProperty {
    sql: string;
    type: ODataType;
    nullable: boolean;
}

export class ODataQueryError extends Error {
    constructor(
        readonly option: string,
        message: string
    ) {
        super(message);
    }
}

export interface ODataQuery {
    /** SQL condition (true when there is no $filter). */
    where: string;
    /** SQL order (without ORDER BY); empty when there is no $orderby. */
    orderBy: string[];
    params: unknown[];
    top: number | undefined;
    skip: number;
    count: boolean;
    expand: Set<string>;
}

const MAX_FILTER_LENGTH = 2000;
const MAX_TERMS = 100;
const MAX_DEPTH = 20;
const COMPARISONS: Record<string, string> = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" };
const FUNCTIONS = new Set(["contains", "startswith", "endswith"]);

type Token =
    | { kind: "name"; value: string }
    | { kind: "string"; value: string }
    | { kind: "number"; value: string }
    | { kind: "date"; value: string }
    | { kind: "punct"; value: "(" | ")" | "," | "/" };

function tokenize(text: string, option: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i]!;
        if (c === " " || c === "\t") {
            i++;
        } else if (c === "(" || c === ")" || c === "," || c === "/") {
            tokens.push({ kind: "punct", value: c });
            i++;
        } else if (c === "'") {
            let value = "";
            i++;
            for (;;) {
                if (i >= text.length) throw new ODataQueryError(option, "unterminated string literal");
                if (text[i] === "'") {
                    if (text[i + 1] === "'") {
                        value += "'";
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                value += text[i];
                i++;
            }
            tokens.push({ kind: "string", value });
        } else {
            const match = /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?|-?\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(
                text.slice(i)
            );
            if (!match) throw new ODataQueryError(option, `unexpected character '${c}' at position ${i}`);
            const value = match[0];
            if (/^\d{4}-/.test(value)) tokens.push({ kind: "date", value });
            else if (/^-?\d/.test(value)) tokens.push({ kind: "number", value });
            else tokens.push({ kind: "name", value });
            i += value.length;
        }
    }
    return tokens;
}

function parseDate(value: string, option: string): Date {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) throw new ODataQueryError(option, `'${value}' is not a valid date`);
    return date;
}

/** A condition on a nullable property is false, not unknown, for null values (so that `not` inverts it). */
function nullSafe(condition: string, property: ODataProperty): string {
    return property.nullable ? `coalesce(${condition}, FALSE)` : `(${condition})`;
}

class Parser {
    private position = 0;
    private terms = 0;

    constructor(
        private readonly tokens: Token[],
        private readonly properties: Record<string, ODataProperty>,
        private readonly params: unknown[],
        private readonly option: string
    ) {}

    private fail(message: string): never {
        throw new ODataQueryError(this.option, message);
    }

    private peek(): Token | undefined {
        return this.tokens[this.position];
    }

    private next(): Token {
        const token = this.tokens[this.position++];
        if (!token) this.fail("unexpected end of expression");
        return token;
    }

    private isKeyword(token: Token | undefined, keyword: string): boolean {
        return token?.kind === "name" && token.value.toLowerCase() === keyword;
    }

    private expectPunct(value: "(" | ")" | ","): void {
        const token = this.next();
        if (token.kind !== "punct" || token.value !== value) this.fail(`expected '${value}'`);
    }

    private param(value: unknown): string {
        this.params.push(value);
        return `$${this.params.length}`;
    }

    atEnd(): boolean {
        return this.position >= this.tokens.length;
    }

    property(): ODataProperty {
        const first = this.next();
        if (first.kind !== "name") this.fail("expected a property name");
        let name = first.value;
        if (this.peek()?.kind === "punct" && this.peek()!.value === "/") {
            this.next();
            const second = this.next();
            if (second.kind !== "name") this.fail("expected a property name after '/'");
            name = `${name}/${second.value}`;
        }
        const property = this.properties[name.toLowerCase()];
        if (!property) this.fail(`unknown property '${name}'`);
        return property;
    }

    or(depth: number): string {
        return this.joined("or", () => this.and(depth));
    }

    private and(depth: number): string {
        return this.joined("and", () => this.unary(depth));
    }

    /** `operand (keyword operand)*`: one operand as it is, several joined with the keyword in SQL, in parentheses. */
    private joined(keyword: "or" | "and", operand: () => string): string {
        const parts = [operand()];
        while (this.isKeyword(this.peek(), keyword)) {
            this.next();
            parts.push(operand());
        }
        return parts.length === 1 ? parts[0]! : `(${parts.join(` ${keyword.toUpperCase()} `)})`;
    }

    private unary(depth: number): string {
        if (depth > MAX_DEPTH) this.fail("the expression is nested too deeply");
        if (++this.terms > MAX_TERMS) this.fail(`the expression has more than ${MAX_TERMS} terms`);
        const token = this.peek();
        if (this.isKeyword(token, "not")) {
            this.next();
            return `(NOT ${this.unary(depth + 1)})`;
        }
        if (token?.kind === "punct" && token.value === "(") {
            this.next();
            const inner = this.or(depth + 1);
            this.expectPunct(")");
            return inner;
        }
        if (token?.kind === "name" && FUNCTIONS.has(token.value.toLowerCase()) && this.tokens[this.position + 1]?.kind === "punct") {
            return this.function();
        }
        return this.comparison();
    }

    private function(): string {
        const name = this.next().value.toLowerCase();
        this.expectPunct("(");
        const property = this.property();
        if (property.type !== "string") this.fail(`${name}() needs a text property`);
        this.expectPunct(",");
        const literal = this.next();
        if (literal.kind !== "string") this.fail(`${name}() needs a string literal`);
        this.expectPunct(")");
        const value = this.param(literal.value);
        switch (name) {
            case "contains":
                return nullSafe(`strpos(${property.sql}, ${value}) > 0`, property);
            case "startswith":
                return nullSafe(`starts_with(${property.sql}, ${value})`, property);
            default:
                return nullSafe(`right(${property.sql}, length(${value})) = ${value}`, property);
        }
    }

    private comparison(): string {
        const property = this.property();
        const operator = this.next();
        const sqlOperator = operator.kind === "name" ? COMPARISONS[operator.value.toLowerCase()] : undefined;
        if (!sqlOperator) this.fail("expected a comparison operator (eq, ne, gt, ge, lt, le)");
        const literal = this.next();
        if (literal.kind === "name" && literal.value.toLowerCase() === "null") {
            if (sqlOperator === "=") return `(${property.sql} IS NULL)`;
            if (sqlOperator === "<>") return `(${property.sql} IS NOT NULL)`;
            this.fail("null can only be compared with eq or ne");
        }
        let value: unknown;
        if (property.type === "string" && literal.kind === "string") value = literal.value;
        else if (property.type === "integer" && literal.kind === "number") {
            value = Number(literal.value);
            if (!Number.isSafeInteger(value)) this.fail(`'${literal.value}' is out of range`);
        } else if (property.type === "datetime" && literal.kind === "date") value = parseDate(literal.value, this.option);
        else this.fail(`the literal does not match the type of the property (${property.type})`);
        const comparison = `${property.sql} ${sqlOperator} ${this.param(value)}`;
        // OData: `ne` is true for null values, every other comparison false (never SQL's unknown, which `not` keeps).
        if (sqlOperator === "<>" && property.nullable) return `(${comparison} OR ${property.sql} IS NULL)`;
        return nullSafe(comparison, property);
    }
}

function single(value: string | string[] | undefined, option: string): string | undefined {
    if (Array.isArray(value)) {
        if (value.length > 1) throw new ODataQueryError(option, "may be given only once");
        return value[0];
    }
    return value;
}

function integer(value: string | undefined, option: string, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d{1,9}$/.test(value)) throw new ODataQueryError(option, "must be a non-negative integer");
    const number = Number(value);
    if (number > max) throw new ODataQueryError(option, `must not exceed ${max}`);
    return number;
}

export interface ODataOptions {
    properties: Record<string, ODataProperty>;
    /** Navigation properties that $expand may name (lower case). */
    expandable: readonly string[];
    maxTop: number;
}

/**
 * Parses the system query options of a request (names case-insensitive, with or without `$`). Unknown `$` options
 * (e.g. $select, $search) are refused rather than ignored, so that a client never gets a silently different answer.
 */
export function parseODataQuery(query: Record<string, string | string[] | undefined>, options: ODataOptions): ODataQuery {
    const byName = new Map<string, string | string[] | undefined>();
    for (const [key, value] of Object.entries(query)) {
        const name = key.toLowerCase();
        if (!name.startsWith("$")) continue;
        if (!["$filter", "$orderby", "$top", "$skip", "$count", "$expand"].includes(name)) {
            throw new ODataQueryError(key, "is not supported");
        }
        if (byName.has(name)) throw new ODataQueryError(key, "may be given only once");
        byName.set(name, value);
    }
    const properties = Object.fromEntries(Object.entries(options.properties).map(([name, p]) => [name.toLowerCase(), p]));
    const params: unknown[] = [];

    let where = "TRUE";
    const filter = single(byName.get("$filter"), "$filter")?.trim();
    if (filter) {
        if (filter.length > MAX_FILTER_LENGTH)
            throw new ODataQueryError("$filter", `must not be longer than ${MAX_FILTER_LENGTH} characters`);
        const parser = new Parser(tokenize(filter, "$filter"), properties, params, "$filter");
        where = parser.or(0);
        if (!parser.atEnd()) throw new ODataQueryError("$filter", "unexpected input after the expression");
    }

    const orderBy: string[] = [];
    const order = single(byName.get("$orderby"), "$orderby")?.trim();
    if (order) {
        if (order.length > 500) throw new ODataQueryError("$orderby", "is too long");
        for (const item of order.split(",")) {
            const words = item.trim().split(/\s+/);
            if (words.length === 0 || words.length > 2 || words[0] === "")
                throw new ODataQueryError("$orderby", "expected 'property [asc|desc]'");
            const direction = (words[1] ?? "asc").toLowerCase();
            if (direction !== "asc" && direction !== "desc") throw new ODataQueryError("$orderby", "the direction must be asc or desc");
            const property = properties[words[0]!.toLowerCase()];
            if (!property) throw new ODataQueryError("$orderby", `unknown property '${words[0]}'`);
            orderBy.push(`${property.sql} ${direction.toUpperCase()} NULLS ${direction === "asc" ? "FIRST" : "LAST"}`);
        }
    }

    const top = integer(single(byName.get("$top"), "$top"), "$top", options.maxTop);
    const skip = integer(single(byName.get("$skip"), "$skip"), "$skip", 1_000_000_000) ?? 0;
    const countText = single(byName.get("$count"), "$count")?.toLowerCase();
    if (countText !== undefined && countText !== "true" && countText !== "false")
        throw new ODataQueryError("$count", "must be true or false");

    const expand = new Set<string>();
    const expandText = single(byName.get("$expand"), "$expand")?.trim();
    if (expandText) {
        for (const item of expandText.split(",")) {
            const name = item.trim().toLowerCase();
            if (!options.expandable.includes(name)) throw new ODataQueryError("$expand", `cannot expand '${item.trim()}'`);
            expand.add(name);
        }
    }
    return { where, orderBy, params, top, skip, count: countText === "true", expand };
}
