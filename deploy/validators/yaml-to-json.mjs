// Writes each multi-document YAML file as FILE.json, a JSON array of its documents, for readers without a
// YAML parser (kpi-service's deploy checks read the rendered manifests this way).
//
// usage: node yaml-to-json.mjs FILE.yaml...
import { readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

for (const file of process.argv.slice(2)) {
  const documents = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter((d) => d != null);
  writeFileSync(file.replace(/\.ya?ml$/, "") + ".json", JSON.stringify(documents, null, 1));
}
