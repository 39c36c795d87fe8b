// Validates ARM deployment templates (deploy/azure/*.json) offline: no Azure API and no Bicep CLI run here, so
// this checks what can be checked without them, and kpi-service's DeployIdentitiesIT checks what they grant.
//  1. shape: the deploymentTemplate $schema, contentVersion, and only the sections ARM defines;
//  2. every resource: a type and apiVersion among KNOWN (the versions these templates are written against, from the
//     Azure REST API reference), only ARM's resource keys, and exactly the properties KNOWN lists for its type (a
//     misspelt "audience" is an error);
//  3. every expression "[...]" parses, calls only ARM template functions, and names only declared parameters and
//     variables; every parameter is used;
//  4. every role assignment names a built-in role of ROLES by its GUID, and a principalType.
//
// usage: node validate-arm.mjs TEMPLATE.json...
import { readFileSync } from "node:fs";

const SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
const SECTIONS = new Set(["$schema", "contentVersion", "metadata", "parameters", "variables", "functions", "resources", "outputs"]);
const RESOURCE_KEYS = new Set(["type", "apiVersion", "name", "location", "scope", "copy", "dependsOn", "properties", "tags",
  "identity", "sku", "kind", "condition", "comments"]);
const KNOWN = {
  "Microsoft.ManagedIdentity/userAssignedIdentities": { apiVersions: ["2023-01-31"], properties: [] },
  "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials": {
    apiVersions: ["2023-01-31"], properties: ["audiences", "issuer", "subject"] },
  "Microsoft.Authorization/roleAssignments": {
    apiVersions: ["2022-04-01"], properties: ["principalId", "principalType", "roleDefinitionId"] },
};
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
const ROLES = {
  "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": "Storage Blob Data Reader",
  "ba92f5b4-2d11-453d-a403-e96b0029c9fe": "Storage Blob Data Contributor",
  "4633458b-17de-408a-b874-0445c86b69e6": "Key Vault Secrets User",
};
const FUNCTIONS = new Set(["concat", "copyIndex", "format", "guid", "length", "parameters", "variables", "reference",
  "resourceGroup", "resourceId", "subscription", "subscriptionResourceId", "toLower", "uniqueString"]);

/** The calls in one expression (without its brackets), as [name, first argument if a string literal]. */
function calls(text) {
  let at = 0;
  const found = [];
  const fail = (why) => { throw new Error(`${why} at ${at} in [${text}]`); };
  const space = () => { while (text[at] === " ") at++; };
  const identifier = () => {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at));
    if (!match) fail("expected a name");
    at += match[0].length;
    return match[0];
  };
  const expression = () => {
    space();
    let literal;
    if (text[at] === "'") {
      let value = "";
      for (at++; ; at++) {
        if (at >= text.length) fail("unterminated string");
        if (text[at] === "'" && text[at + 1] === "'") { value += "'"; at++; continue; }
        if (text[at] === "'") { at++; break; }
        value += text[at];
      }
      literal = value;
    } else if (/[0-9-]/.test(text[at])) {
      at += /^-?[0-9]+/.exec(text.slice(at))?.[0].length ?? fail("bad number");
    } else {
      const name = identifier();
      space();
      if (text[at] !== "(") fail(`${name} is not called`);
      at++;
      const args = [];
      space();
      if (text[at] !== ")") {
        for (;;) {
          args.push(expression());
          space();
          if (text[at] === ",") { at++; continue; }
          if (text[at] === ")") break;
          fail("expected , or )");
        }
      }
      at++;
      found.push([name, args[0]]);
    }
    for (;;) {
      space();
      if (text[at] === ".") { at++; identifier(); continue; }
      if (text[at] === "[") { at++; expression(); space(); if (text[at] !== "]") fail("expected ]"); at++; continue; }
      return literal;
    }
  };
  expression();
  space();
  if (at !== text.length) fail("trailing text");
  return found;
}

function strings(value, path, out = []) {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => strings(v, `${path}.${k}`, out));
  return out;
}

function validate(file) {
  const problems = [];
  const template = JSON.parse(readFileSync(file, "utf8"));
  if (template.$schema !== SCHEMA) problems.push(`$schema is not ${SCHEMA}`);
  if (typeof template.contentVersion !== "string") problems.push("no contentVersion");
  for (const key of Object.keys(template)) if (!SECTIONS.has(key)) problems.push(`unknown section ${key}`);
  const parameters = new Set(Object.keys(template.parameters ?? {}));
  const variables = new Set(Object.keys(template.variables ?? {}));
  const used = new Set();
  for (const [path, text] of strings(template, "$")) {
    if (!text.startsWith("[") || text.startsWith("[[") || !text.endsWith("]")) continue;
    try {
      for (const [name, first] of calls(text.slice(1, -1))) {
        if (!FUNCTIONS.has(name)) problems.push(`${path}: ${name}() is not an ARM template function this file may use`);
        if (name === "parameters") { used.add(first); if (!parameters.has(first)) problems.push(`${path}: no parameter ${first}`); }
        if (name === "variables" && !variables.has(first)) problems.push(`${path}: no variable ${first}`);
      }
    } catch (e) {
      problems.push(`${path}: ${e.message}`);
    }
  }
  for (const parameter of parameters) if (!used.has(parameter)) problems.push(`parameter ${parameter} is never used`);
  for (const [index, resource] of (template.resources ?? []).entries()) {
    const where = `resources[${index}] ${resource.type}`;
    const known = KNOWN[resource.type];
    if (!known) { problems.push(`${where}: a type this validator does not know`); continue; }
    if (!known.apiVersions.includes(resource.apiVersion)) problems.push(`${where}: apiVersion ${resource.apiVersion}`);
    if (!resource.name) problems.push(`${where}: no name`);
    for (const key of Object.keys(resource)) if (!RESOURCE_KEYS.has(key)) problems.push(`${where}: unknown key ${key}`);
    const properties = Object.keys(resource.properties ?? {}).sort();
    if (properties.join() !== known.properties.join()) {
      problems.push(`${where}: properties ${properties.join(", ")}, expected ${known.properties.join(", ")}`);
    }
    if (resource.type === "Microsoft.Authorization/roleAssignments") {
      const role = /variables\('([^']+)'\)|'([0-9a-f-]{36})'/.exec(resource.properties.roleDefinitionId ?? "");
      const guid = role?.[2] ?? template.variables?.[role?.[1]];
      const grants = String(resource.properties.roleDefinitionId).includes("lakeGrants")
        ? (template.variables.lakeGrants ?? []).map((grant) => /variables\('([^']+)'\)/.exec(grant.role)?.[1]).map((v) => template.variables[v])
        : [guid];
      for (const id of grants) if (!ROLES[id]) problems.push(`${where}: role ${id} is not one of ${Object.values(ROLES).join(", ")}`);
      if (!resource.scope) problems.push(`${where}: no scope (it would grant on the whole resource group)`);
    }
  }
  return problems;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const problems = validate(file);
  console.log(`${problems.length ? "FAIL" : "ok  "} ${file}: ${problems.length ? "" : (JSON.parse(readFileSync(file, "utf8")).resources.length + " resources")}`);
  for (const problem of problems) console.log(`  ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
