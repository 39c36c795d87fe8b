// Parses Power Query (M) files with Microsoft's @microsoft/powerquery-parser and prints, as one JSON array on
// stdout, each file's outcome: {file, ok, error} and, when it parses, every function call it makes as
// {name, args} (the callee's identifier and each argument's source text), for the Java tests to check.
// usage: node parse-m.mjs FILE.pq...   (exit 0 whatever the files hold; 2 on a usage error)
import { readFileSync } from "node:fs";
import * as PQP from "@microsoft/powerquery-parser";

function text(source, node) {
    return source.slice(node.tokenRange.positionStart.codeUnit, node.tokenRange.positionEnd.codeUnit);
}

function calls(source, node, found) {
    if (!node || typeof node !== "object") {
        return found;
    }
    if (node.kind === "RecursivePrimaryExpression" && node.head.kind === "IdentifierExpression") {
        const first = node.recursiveExpressions.elements[0];
        if (first && first.kind === "InvokeExpression") {
            const args = first.content.elements.map(csv => text(source, csv.node));
            found.push({ name: text(source, node.head), args });
        }
    }
    for (const [key, value] of Object.entries(node)) {
        if (key !== "tokenRange" && value && typeof value === "object") {
            (Array.isArray(value) ? value : [value]).forEach(child => calls(source, child, found));
        }
    }
    return found;
}

const files = process.argv.slice(2);
if (files.length === 0) {
    console.error("usage: node parse-m.mjs FILE.pq...");
    process.exit(2);
}
const results = [];
for (const file of files) {
    const source = readFileSync(file, "utf8");
    const task = await PQP.TaskUtils.tryLexParse(PQP.DefaultSettings, source);
    if (PQP.TaskUtils.isOk(task)) {
        results.push({ file, ok: true, calls: calls(source, task.ast, []) });
    } else {
        results.push({ file, ok: false, error: task.error.message ?? String(task.error) });
    }
}
console.log(JSON.stringify(results));
