// Parses Power Query (M) files with Microsoft's @microsoft/powerquery-parser and prints, as one JSON array on
// stdout, what each file holds, for kpi-service's PowerBiModelTest to check against the service's catalog:
//   {file, ok: false, error}                      when the file does not parse;
//   {file, ok: true, calls, fields, records}      when it does, with
//     calls:   every function call, {name, args}: the callee and each argument's source text;
//     fields:  every field access, {record, field}: record is the source text of what is accessed
//              (KpiColumns, Span, ...), null for the implicit row of an `each` ([dataset]);
//     records: every record literal, {text, fields}: its source text and each field's value's source text.
// usage: node parse-m.mjs FILE.pq...   (exit 0 whatever the files hold; 2 on a usage error)
// analyse(text) gives the same for one M text (pbip.mjs uses it on the TMDL's M expressions).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as PQP from "@microsoft/powerquery-parser";

function text(source, node) {
    return source.slice(node.tokenRange.positionStart.codeUnit, node.tokenRange.positionEnd.codeUnit);
}

function visit(source, node, found, selected) {
    if (!node || typeof node !== "object") {
        return;
    }
    if (node.kind === "RecursivePrimaryExpression") {
        const first = node.recursiveExpressions.elements[0];
        if (first && first.kind === "InvokeExpression" && node.head.kind === "IdentifierExpression") {
            found.calls.push({ name: text(source, node.head), args: first.content.elements.map(csv => text(source, csv.node)) });
        }
        // head...[field]: the field of what precedes it (KpiColumns[Daily], Span[first_date], KpiFeed{...}[Data])
        node.recursiveExpressions.elements.forEach(element => {
            if (element.kind === "FieldSelector") {
                const record = source.slice(node.head.tokenRange.positionStart.codeUnit, element.tokenRange.positionStart.codeUnit);
                found.fields.push({ record, field: element.content.literal });
                selected.add(element);
            }
        });
    }
    if (node.kind === "FieldSelector" && !selected.has(node)) {
        found.fields.push({ record: null, field: node.content.literal });
    }
    if (node.kind === "RecordExpression" || node.kind === "RecordLiteral") {
        const fields = {};
        node.content.elements.forEach(csv => { fields[csv.node.key.literal] = text(source, csv.node.value); });
        found.records.push({ text: text(source, node), fields });
    }
    for (const [key, value] of Object.entries(node)) {
        if (key !== "tokenRange" && value && typeof value === "object") {
            (Array.isArray(value) ? value : [value]).forEach(child => visit(source, child, found, selected));
        }
    }
}

/** What one M text holds: {ok: false, error} when it does not parse, else {ok: true, calls, fields, records}. */
export async function analyse(source) {
    const task = await PQP.TaskUtils.tryLexParse(PQP.DefaultSettings, source);
    if (!PQP.TaskUtils.isOk(task)) {
        return { ok: false, error: task.error.message ?? String(task.error) };
    }
    const found = { calls: [], fields: [], records: [] };
    visit(source, task.ast, found, new Set());
    return { ok: true, ...found };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const files = process.argv.slice(2);
    if (files.length === 0) {
        console.error("usage: node parse-m.mjs FILE.pq...");
        process.exit(2);
    }
    const results = [];
    for (const file of files) {
        results.push({ file, ...(await analyse(readFileSync(file, "utf8"))) });
    }
    console.log(JSON.stringify(results));
}
