// Keeps the Power BI project (../pbip) and measures.dax in step with the loose files, and shows the model to the tests.
//   node pbip.mjs sync           rewrites what is generated: the project's expressions.tmdl (from parameters/*.pq and
//                                the OData helpers), each M table's description, partition source and refresh policy
//                                source (from odata/<Table>.pq), and ../measures.dax (from the tables' measures);
//   node pbip.mjs sync --check   writes nothing, prints the generated files that differ (JSON array; [] when none);
//   node pbip.mjs model          prints the semantic model as JSON: tables (columns, measures, partitions, refresh
//                                policy), expressions, relationships, with Microsoft's M parser's findings on every M
//                                text (parse-m.mjs), for kpi-service's PowerBiProjectTest.
// The tables' columns, measures and relationships are written by hand in the TMDL files, which are their source.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyse } from "./parse-m.mjs";
import { quoteName, readTmdl } from "./tmdl.mjs";

const POWERBI = join(dirname(fileURLToPath(import.meta.url)), "..");
const DEFINITION = join(POWERBI, "pbip", "Clicklake.SemanticModel", "definition");
const PARAMETERS = ["KpiBaseUrl", "Dataset", "RangeStart", "RangeEnd"].map(n => `parameters/${n}.pq`);
/** The helpers the OData tables call (KpiDay and KpiExport serve the Web connection only). */
const HELPERS = ["shared/KpiColumns.pq", "shared/KpiTyped.pq", "odata/KpiFeed.pq"];
const read = file => readFileSync(join(POWERBI, file), "utf8").replace(/\r\n/g, "\n");

/** A .pq file as [its leading // comment, the M expression after it]. */
function commentAndExpression(file) {
    const lines = read(file).trimEnd().split("\n");
    const first = lines.findIndex(l => !l.startsWith("//"));
    return [lines.slice(0, first).map(l => l.replace(/^\/\/ ?/, "")), lines.slice(first)];
}

const describe = (comment, indent) => comment.map(c => `${indent}/// ${c}`.trimEnd());
const indented = (lines, tabs) => lines.map(l => (l === "" ? "" : "\t".repeat(tabs) + l));

function expressionsTmdl() {
    const out = [];
    for (const [files, group] of [[PARAMETERS, "Parameters"], [HELPERS, "Helpers"]]) {
        for (const file of files) {
            const [comment, expression] = commentAndExpression(file);
            const name = file.replace(/^.*\/(\w+)\.pq$/, "$1");
            out.push(...describe(comment, ""));
            out.push(...(expression.length === 1 ? [`expression ${name} = ${expression[0]}`]
                : [`expression ${name} =`, ...indented(expression, 2)]));
            out.push(`\tqueryGroup: ${group}`, "");
        }
    }
    return out.join("\n");
}

/** A table file with its description, partition source and refresh policy source taken from odata/<Table>.pq. */
function tableTmdl(text, table) {
    const [comment, expression] = commentAndExpression(`odata/${table}.pq`);
    const lines = text.replace(/\r\n/g, "\n").split("\n");
    const start = lines.findIndex(l => l.startsWith("table "));
    const out = [...describe(comment, "")];
    for (let i = start; i < lines.length; i++) {
        out.push(lines[i]);
        if (/^\t\t(source|sourceExpression) =$/.test(lines[i])) {
            while (i + 1 < lines.length && (/^\t{3,}/.test(lines[i + 1]) || lines[i + 1] === "" && /^\t{3,}/.test(lines[i + 2] ?? ""))) {
                i++;
            }
            out.push(...indented(expression, 4));
        }
    }
    return out.join("\n");
}

function tableFiles() {
    return readdirSync(join(DEFINITION, "tables")).filter(f => f.endsWith(".tmdl")).sort()
        .map(f => ({ file: join(DEFINITION, "tables", f), text: readFileSync(join(DEFINITION, "tables", f), "utf8") }));
}

function model() {
    const objects = file => readTmdl(readFileSync(join(DEFINITION, file), "utf8"));
    const tables = tableFiles().flatMap(f => readTmdl(f.text)).filter(o => o.kind === "table");
    return {
        database: objects("database.tmdl")[0],
        model: objects("model.tmdl").find(o => o.kind === "model"),
        tableOrder: objects("model.tmdl").filter(o => o.kind === "ref" && o.name.startsWith("table "))
            .map(o => o.name.slice("table ".length).replace(/^'(.*)'$/, "$1")),
        tables,
        expressions: objects("expressions.tmdl").filter(o => o.kind === "expression"),
        relationships: objects("relationships.tmdl").filter(o => o.kind === "relationship"),
    };
}

function measuresDax(parsed) {
    const out = [
        "// clicklake's DAX measures, GENERATED from the Power BI project's tables (pbip/Clicklake.SemanticModel/",
        "// definition/tables/*.tmdl) by check/pbip.mjs: change a measure there and run `node pbip.mjs sync`. To add them",
        "// to a model built by hand from the loose .pq files, paste this file into Power BI Desktop's DAX query view and",
        "// choose \"Update model with changes\"; the project (pbip/Clicklake.pbip) has them already.",
        "//",
        "// Every ratio is DIVIDE(SUM(numerator), SUM(denominator)) over the tables' additive columns: the ratio of the",
        "// sums, exactly what kpi-service computes, and BLANK (shown empty) when the denominator is 0. Never sum or",
        "// average a ratio column. Distinct counts (users, sessions, buyers and every *_sessions column) are exact for one",
        "// row's own period and do NOT add up: Datasets measures are exact for the whole dataset, Monthly ones for each",
        "// month, Daily ones for each day; the RangePairs (Exact ...) measures are exact for any contiguous range of days.",
        "DEFINE"];
    const byName = new Map(parsed.tables.map(t => [t.name, t]));
    for (const name of parsed.tableOrder) {
        const measures = byName.get(name).children.filter(c => c.kind === "measure");
        if (measures.length > 0) {
            out.push(`    // ---- ${name} ${"-".repeat(Math.max(3, 108 - name.length))}`);
        }
        for (const measure of measures) {
            (measure.description ?? "").split("\n").filter(d => d !== "").forEach(d => out.push(`    // ${d}`));
            out.push(`    MEASURE ${quoteName(name)}[${measure.name}] = ${measure.value.split("\n").join(" ")}`);
        }
    }
    out.push("", "// What the original dashboard showed, to check the measures once they are in the model",
        "EVALUATE",
        "    ROW(\"Total Users\", [Total Users], \"Total Sessions\", [Total Sessions], \"Total Purchases\", [Total Purchases],",
        "        \"Conversion Rate\", [Total Conversion Rate], \"Average Purchase Price\", [Total Avg Purchase Price])",
        "EVALUATE",
        "    SUMMARIZECOLUMNS(Monthly[month], \"Conversion Rate\", [Conversion Rate], \"Events Per Session\", [Events Per Session],",
        "        \"Cart To Purchase Rate\", [Cart To Purchase Rate], \"Events\", [Monthly Events], \"Sessions\", [Monthly Sessions],",
        "        \"Users\", [Monthly Users])",
        "EVALUATE",
        "    SUMMARIZECOLUMNS(DailyFunnel[step], DailyFunnel[step_name], \"Events\", [Funnel Events])", "");
    return out.join("\n");
}

/** Every generated file: path to the content it must have. */
function generated() {
    const files = new Map([[join(DEFINITION, "expressions.tmdl"), expressionsTmdl()]]);
    for (const { file, text } of tableFiles()) {
        const partition = readTmdl(text)[0].children.find(c => c.kind === "partition");
        if (partition?.value === "m") {
            files.set(file, tableTmdl(text, readTmdl(text)[0].name));
        }
    }
    files.set(join(POWERBI, "measures.dax"), measuresDax(model()));
    return files;
}

async function withM(parsed) {
    for (const table of parsed.tables) {
        for (const child of table.children) {
            if (child.kind === "partition" && child.value === "m") {
                child.m = await analyse(child.properties.source);
            }
            if (child.kind === "refreshPolicy") {
                child.m = await analyse(child.properties.sourceExpression);
            }
        }
    }
    for (const expression of parsed.expressions) {
        expression.m = await analyse(expression.value);
    }
    return parsed;
}

const [command, option] = process.argv.slice(2);
if (command === "sync") {
    const stale = [];
    for (const [file, content] of generated()) {
        const now = (() => { try { return readFileSync(file, "utf8"); } catch { return null; } })();
        if (now !== content) {
            stale.push(file.slice(POWERBI.length + 1));
            if (option !== "--check") {
                writeFileSync(file, content);
            }
        }
    }
    console.log(JSON.stringify(stale));
} else if (command === "model") {
    console.log(JSON.stringify(await withM(model())));
} else {
    console.error("usage: node pbip.mjs sync [--check] | node pbip.mjs model");
    process.exit(2);
}
