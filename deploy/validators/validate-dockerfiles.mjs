// Validates the services' Dockerfiles: dockerfile-utils (the linter of the Dockerfile language server: syntax,
// instruction arguments and flags) reports no problem at all, and each file keeps the rules of deploy/README.md:
// a glibc base image (DuckDB's native library does not load on musl), a non-root USER, a HEALTHCHECK and an
// ENTRYPOINT in exec (JSON) form, an EXPOSEd port. With --built, every COPY source must exist in the build
// context (the service folder, after `mvn package`).
//
// usage: node validate-dockerfiles.mjs [--built] SERVICE_DIR/src/main/docker/Dockerfile.jvm...
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { resolve, dirname, join, basename } from "node:path";
import { validate } from "dockerfile-utils";
import { DockerfileParser } from "dockerfile-ast";

const args = process.argv.slice(2);
const built = args.includes("--built");
const files = args.filter((a) => a !== "--built");
const failures = [];

/** True when the build context has the COPY source (a file, a folder, or a `*` pattern in its last part). */
function sourceExists(context, source) {
  const path = join(context, source);
  if (!basename(source).includes("*")) return existsSync(path);
  const folder = dirname(path);
  const pattern = new RegExp(`^${basename(source).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return existsSync(folder) && readdirSync(folder).some((name) => pattern.test(name));
}

function jsonArray(text) {
  const parsed = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === "string")) throw new Error("not an array of strings");
  return parsed;
}

for (const file of files) {
  const text = readFileSync(file, "utf8");
  // the build context is the service folder: <service>/src/main/docker/Dockerfile.jvm
  const context = resolve(dirname(file), "../../..");
  const fail = (message) => failures.push(`${file}: ${message}`);

  for (const d of validate(text, {})) fail(`line ${d.range.start.line + 1}: ${d.message}`);

  const instructions = DockerfileParser.parse(text).getInstructions();
  const all = (keyword) => instructions.filter((i) => i.getKeyword() === keyword);
  const last = (keyword) => all(keyword).at(-1);

  const from = last("FROM")?.getArguments()[0]?.getValue() ?? "";
  if (/alpine|musl/i.test(from)) fail(`base image ${from} is musl-based; DuckDB needs glibc`);
  const user = last("USER")?.getArgumentsContent();
  if (!user || /^(root|0)(:|$)/.test(user)) fail(`the image must run as a non-root USER (got ${user ?? "none"})`);
  if (!all("EXPOSE").length) fail("no EXPOSE");
  for (const keyword of ["HEALTHCHECK", "ENTRYPOINT"]) {
    const instruction = last(keyword);
    if (!instruction) {
      fail(`no ${keyword}`);
      continue;
    }
    // in shell form, a typo in the JSON silently turns the command into a shell string
    const content = instruction.getArgumentsContent();
    const json = keyword === "HEALTHCHECK" ? content.replace(/^(--\S+\s+)*CMD\s+/, "") : content;
    try {
      jsonArray(json);
    } catch (e) {
      fail(`${keyword} must use the exec (JSON array) form: ${e.message}`);
    }
  }
  if (built) {
    for (const copy of all("COPY")) {
      const parts = copy.getArguments().map((a) => a.getValue()).filter((a) => !a.startsWith("--"));
      for (const source of parts.slice(0, -1)) {
        if (!sourceExists(context, source)) fail(`COPY source ${source} is not in the build context ${context}`);
      }
    }
  }
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`dockerfiles: ${files.length} validated, ${failures.length} problems`);
process.exit(failures.length ? 1 : 0);
