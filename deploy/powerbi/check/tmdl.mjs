// Reads TMDL (Tabular Model Definition Language) text as Power BI Desktop writes it into a tree of objects, for
// pbip.mjs. Tab indentation only; an object line is `kind [name] [= value]`, a property `key: value`, a flag a bare
// word (isHidden); a line ending in `=` opens a multi-line expression: the lines indented at least two levels deeper
// than an object's line, or one level deeper than a property's line, as Desktop writes partition sources and measures.
// `/// text` lines describe the object that follows them. Backtick-fenced expressions are not supported.

const OBJECTS = new Set(["database", "model", "table", "column", "measure", "partition", "expression", "relationship",
    "refreshPolicy", "annotation", "queryGroup", "ref", "dataAccessOptions", "hierarchy", "level", "role", "cultureInfo"]);

/** A name as TMDL writes it: bare, or in single quotes with '' for a quote. */
export function quoteName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replaceAll("'", "''") + "'";
}

function unquote(text) {
    return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replaceAll("''", "'") : text;
}

/** Splits `name = value` (name bare or quoted) into [name, value or null]. */
function nameAndValue(rest) {
    let name;
    let after;
    if (rest.startsWith("'")) {
        let i = 1;
        while (i < rest.length && !(rest[i] === "'" && rest[i + 1] !== "'")) {
            i += rest[i] === "'" ? 2 : 1;
        }
        name = unquote(rest.slice(0, i + 1));
        after = rest.slice(i + 1).trim();
    } else {
        const eq = rest.indexOf(" =");
        name = (eq < 0 ? rest : rest.slice(0, eq)).trim();
        after = eq < 0 ? "" : rest.slice(eq).trim();
    }
    return [name, after.startsWith("=") ? after.slice(1).trim() : null];
}

const indentOf = line => line.length - line.replace(/^\t+/, "").length;

/** The lines of a multi-line expression from `start`, each at least `depth` tabs deep (blank lines kept), less their common indent. */
function body(lines, start, depth) {
    let end = start;
    for (let i = start; i < lines.length; i++) {
        if (lines[i].trim() === "") {
            continue;
        }
        if (indentOf(lines[i]) < depth) {
            break;
        }
        end = i + 1;
    }
    const taken = lines.slice(start, end);
    const strip = Math.min(...taken.filter(l => l.trim() !== "").map(indentOf));
    return { text: taken.map(l => l.slice(Math.min(strip, indentOf(l)))).join("\n"), end };
}

/**
 * Parses TMDL text into objects {kind, name, value, description, properties, flags, children, line}: value is the
 * text after `=` (a multi-line expression joined with \n), properties holds `key: value` and `key = expression`.
 */
export function readTmdl(text) {
    const lines = text.replace(/\r\n/g, "\n").split("\n");
    const root = { kind: "root", children: [], properties: {}, flags: [] };
    const stack = [{ node: root, indent: -1 }];
    let description = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const content = line.trim();
        if (content === "") {
            continue;
        }
        const indent = indentOf(line);
        if (line.slice(indent).startsWith(" ")) {
            throw new Error(`line ${i + 1}: indented with spaces, TMDL indents with tabs`);
        }
        if (content.startsWith("```")) {
            throw new Error(`line ${i + 1}: backtick-fenced expressions are not supported here`);
        }
        if (content.startsWith("///")) {
            description.push(content.slice(3).trim());
            continue;
        }
        while (stack.at(-1).indent >= indent) {
            stack.pop();
        }
        const parent = stack.at(-1).node;
        const word = content.split(/[\s:=]/)[0];
        const property = content.match(/^(\w+):\s*(.*)$/);
        if (property) {
            parent.properties[property[1]] = property[2];
        } else if (!OBJECTS.has(word) && /^\w+ =/.test(content)) {
            const [key, value] = nameAndValue(content);
            if (value === "") {
                const expression = body(lines, i + 1, indent + 1);
                parent.properties[key] = expression.text;
                i = expression.end - 1;
            } else {
                parent.properties[key] = value;
            }
        } else if (!OBJECTS.has(word) && /^\w+$/.test(content)) {
            parent.flags.push(content);
        } else {
            const rest = content.slice(word.length).trim();
            const [name, inline] = rest === "" ? [null, null] : nameAndValue(rest);
            const node = { kind: word, name, value: inline, description: description.join("\n") || null,
                properties: {}, flags: [], children: [], line: i + 1 };
            if (inline === "") {
                const expression = body(lines, i + 1, indent + 2);
                node.value = expression.text;
                i = expression.end - 1;
            }
            parent.children.push(node);
            stack.push({ node, indent });
        }
        description = [];
    }
    return root.children;
}
