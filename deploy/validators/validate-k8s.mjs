// Validates rendered Kubernetes manifests (multi-document YAML, e.g. `kubectl kustomize` output) against the
// API schemas, twice:
//  1. each object against the JSON schema of its kind (kubernetes-models, generated from the Kubernetes
//     OpenAPI spec; @kubernetes-models/keda from KEDA's CRDs): types, required fields, formats;
//  2. every object as a TypeScript literal of its kind's type, compiled by tsc: an unknown field (a typo such
//     as "readinesProbe") is an error there, which the JSON schemas alone allow.
// Kinds without a published schema are listed in SKIPPED with the reason, and reported; any other unknown
// kind is an error.
//
// usage: node validate-k8s.mjs FILE.yaml...
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Model packages by API group: the module of a kind is `${package}/${apiVersion}/${kind}`. */
const PACKAGES = { "keda.sh": "@kubernetes-models/keda" };
const CORE = "kubernetes-models";

/** API groups with no schema package on npm; what checks them instead. */
const SKIPPED = {
  "secrets-store.csi.x-k8s.io":
    "SecretProviderClass (Secrets Store CSI driver) has no published schema package: its keys are checked by "
    + "kpi-service's DeploySettingsIT (the Secret keys it syncs); the cluster validates it on apply",
};

function modulePath(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  if (SKIPPED[group]) return null;
  if (PACKAGES[group]) return `${PACKAGES[group]}/${apiVersion}/${kind}`;
  if (group === "" || !group.includes(".") || group.endsWith(".k8s.io")) return `${CORE}/${apiVersion}/${kind}`;
  throw new Error(`no schema known for ${apiVersion} ${kind}: add its model package or a documented skip`);
}

const objects = [];
const failures = [];
const skipped = new Map();

for (const file of process.argv.slice(2)) {
  for (const [index, document] of parseAllDocuments(readFileSync(file, "utf8")).entries()) {
    if (document.errors.length) {
      failures.push(`${file} #${index}: YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object == null) continue;
    if (object.kind === "Secret" && object.data) {
      // kustomize folds long base64 values over several lines; the API server's decoder skips line breaks
      for (const key of Object.keys(object.data)) object.data[key] = String(object.data[key]).replace(/\s+/g, "");
    }
    const where = `${file} #${index} ${object.kind}/${object.metadata?.name}`;
    let module;
    try {
      module = modulePath(String(object.apiVersion), String(object.kind));
    } catch (e) {
      failures.push(`${where}: ${e.message}`);
      continue;
    }
    if (module === null) {
      skipped.set(object.kind, SKIPPED[object.apiVersion.split("/")[0]]);
      continue;
    }
    let Model;
    try {
      Model = (await import(module))[object.kind];
    } catch (e) {
      failures.push(`${where}: unknown kind for ${object.apiVersion} (${module})`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      failures.push(`${where}: schema: ${e.message}`);
    }
    objects.push({ where, module, kind: object.kind, object });
  }
}

// 2. the same objects as typed literals: tsc reports unknown fields ("excess property checks")
if (objects.length) {
  const work = mkdtempSync(join(tmpdir(), "validate-k8s-"));
  try {
    const lines = [];
    const owner = []; // line number (1-based) -> object description
    const imports = new Map();
    objects.forEach((o) => imports.has(o.module) || imports.set(o.module, `T${imports.size}`));
    for (const [module, alias] of imports) {
      lines.push(`import type * as ${alias} from ${JSON.stringify(module)};`);
    }
    objects.forEach((o, i) => {
      const literal = JSON.stringify(o.object, null, 1).split("\n");
      const first = lines.length;
      lines.push(`export const o${i}: ${imports.get(o.module)}.I${o.kind} = ${literal[0]}`, ...literal.slice(1));
      lines[lines.length - 1] += ";";
      for (let l = first; l < lines.length; l++) owner[l + 1] = o.where;
    });
    const source = join(work, "objects.ts");
    writeFileSync(source, lines.join("\n") + "\n");
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, skipLibCheck: true, target: "es2022",
        module: "nodenext", moduleResolution: "nodenext", typeRoots: [], baseUrl: HERE,
        paths: { "*": [join(HERE, "node_modules", "*")] },
      },
      files: [source],
    }));
    try {
      execFileSync(process.execPath, [join(HERE, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      for (const line of String(e.stdout).split("\n").filter(Boolean)) {
        const at = /objects\.ts\((\d+),\d+\): (.*)/.exec(line);
        failures.push(at ? `${owner[Number(at[1])] ?? "?"}: fields: ${at[2]}` : `tsc: ${line}`);
      }
      if (!String(e.stdout).trim()) failures.push(`tsc failed: ${e.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

for (const [kind, reason] of skipped) console.log(`skipped ${kind}: ${reason}`);
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`kubernetes objects: ${objects.length} validated against their schemas, ${failures.length} problems`);
process.exit(failures.length ? 1 : 0);
