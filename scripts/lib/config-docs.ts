/**
 * The README's configuration table, generated from the configuration schema (src/config/config.ts): the variable names
 * and defaults come from the zod schema, the meaning from the doc comment above each entry (an optional `@default`
 * tag words the default of a variable without one, e.g. `unset: generated`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import ts from "typescript";
import { z } from "zod";

import { configSchema } from "../../src/config/config";

export const CONFIG_SOURCE = "src/config/config.ts";
export const BEGIN_MARKER = "<!-- BEGIN configuration: generated from src/config/config.ts by `npm run docs:config`, do not edit -->";
export const END_MARKER = "<!-- END configuration -->";

export interface ConfigEntry {
    name: string;
    defaultValue: string;
    values: string;
    meaning: string;
}

export class ConfigDocsError extends Error {}

interface Documentation {
    text: string;
    defaultText?: string;
}

/** The doc comment of every entry of `configSchema = z.object({...})` in the source file, in source order. */
export function readDocComments(sourceText: string): Map<string, Documentation | undefined> {
    const source = ts.createSourceFile(CONFIG_SOURCE, sourceText, ts.ScriptTarget.ES2022, true);
    let literal: ts.ObjectLiteralExpression | undefined;
    const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && node.name.getText(source) === "configSchema" && node.initializer) {
            const call = node.initializer;
            if (ts.isCallExpression(call) && ts.isObjectLiteralExpression(call.arguments[0]!)) literal = call.arguments[0];
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    if (!literal) throw new ConfigDocsError(`${CONFIG_SOURCE}: no \`configSchema = z.object({ ... })\` found`);
    const docs = new Map<string, Documentation | undefined>();
    for (const property of literal.properties) {
        if (!ts.isPropertyAssignment(property)) {
            throw new ConfigDocsError(
                `${CONFIG_SOURCE}: every entry of configSchema must be a plain \`NAME: schema\` entry (found ${property.getText(source)})`
            );
        }
        const name = property.name.getText(source);
        const jsDoc = ts.getJSDocCommentsAndTags(property).filter(ts.isJSDoc).at(-1);
        const text = jsDoc ? (ts.getTextOfJSDocComment(jsDoc.comment) ?? "").replace(/\s+/g, " ").trim() : "";
        const defaultTag = jsDoc?.tags?.find((tag) => tag.tagName.text === "default");
        const defaultText = defaultTag ? (ts.getTextOfJSDocComment(defaultTag.comment) ?? "").replace(/\s+/g, " ").trim() : undefined;
        docs.set(name, text ? { text, defaultText } : undefined);
    }
    return docs;
}

type AnySchema = z.ZodType;

/** Steps through default, optional and pipe (transform) wrappers to the schema that checks the raw string. */
function describeSchema(schema: AnySchema): { defaultValue?: unknown; values: string } {
    let current: AnySchema = schema;
    let defaultValue: unknown;
    for (let depth = 0; depth < 10; depth++) {
        if (current instanceof z.ZodDefault) {
            defaultValue ??= current.def.defaultValue;
            current = current.def.innerType as AnySchema;
        } else if (current instanceof z.ZodOptional) {
            current = current.def.innerType as AnySchema;
        } else if (current instanceof z.ZodPipe) {
            current = current.def.in as AnySchema;
        } else break;
    }
    let values = "";
    if (current instanceof z.ZodEnum) {
        const options = current.options.map(String);
        const isBoolean = options.length === 4 && ["true", "false", "1", "0"].every((v) => options.includes(v));
        values = isBoolean ? "`true`, `false`" : options.map((v) => `\`${v}\``).join(", ");
    } else if (current instanceof z.ZodNumber) {
        const min = current.minValue;
        const max = current.maxValue;
        values = `${current.isInt ? "integer" : "number"}${min !== null && max !== null ? ` ${min}..${max}` : ""}`;
    } else if (current instanceof z.ZodURL) {
        values = "URL";
    }
    return { defaultValue, values };
}

/** One entry per variable of the repository's configuration schema; fails when a variable lacks a description. */
export function configEntries(root: string): ConfigEntry[] {
    return entriesOf(readFileSync(join(root, CONFIG_SOURCE), "utf8"), configSchema.shape as Record<string, AnySchema>);
}

/** One entry per variable of `shape`, in its order, described by the doc comments in `sourceText`. */
export function entriesOf(sourceText: string, shape: Record<string, AnySchema>): ConfigEntry[] {
    const docs = readDocComments(sourceText);
    const names = Object.keys(shape);
    const undocumented = names.filter((name) => !docs.get(name));
    if (undocumented.length > 0) {
        throw new ConfigDocsError(
            `${CONFIG_SOURCE}: ${undocumented.join(", ")} ${undocumented.length === 1 ? "has" : "have"} no description. ` +
                "Write a /** doc comment */ above each entry of configSchema saying what the variable means " +
                "(and `@default <text>` when it has no default value)."
        );
    }
    const unknown = [...docs.keys()].filter((name) => !(name in shape));
    if (unknown.length > 0) throw new ConfigDocsError(`${CONFIG_SOURCE}: ${unknown.join(", ")} not found in the runtime schema`);
    return names.map((name) => {
        const doc = docs.get(name)!;
        const { defaultValue, values } = describeSchema(shape[name]!);
        const shownDefault = doc.defaultText ?? (defaultValue === undefined ? "unset" : `\`${String(defaultValue)}\``);
        return { name, defaultValue: shownDefault, values, meaning: doc.text };
    });
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

/** The Markdown table, between its markers. */
export function configTable(entries: ConfigEntry[]): string {
    const rows = entries.map((e) => `| \`${e.name}\` | ${cell(e.defaultValue)} | ${cell(e.values)} | ${cell(e.meaning)} |`);
    return [BEGIN_MARKER, "", "| Variable | Default | Values | Meaning |", "|---|---|---|---|", ...rows, "", END_MARKER].join("\n");
}

/** The README with its configuration table replaced by `table`. */
export function replaceTable(readme: string, table: string): string {
    const begin = readme.indexOf(BEGIN_MARKER);
    const end = readme.indexOf(END_MARKER);
    if (begin < 0 || end < begin)
        throw new ConfigDocsError(`README.md: the markers of the configuration table are missing:\n${BEGIN_MARKER}\n${END_MARKER}`);
    return readme.slice(0, begin) + table + readme.slice(end + END_MARKER.length);
}
