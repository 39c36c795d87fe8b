// Creates the lake's blob containers, idempotently, with nothing but Node's standard library (the Azurite
// image has Node and no SDK): one Shared Key-signed "Create Container" call per container.
// Runs in docker-compose.yml's init-lake service and the dev overlay's clicklake-init Job.
//
// env: AZURITE_CONNECTION_STRING  AccountName, AccountKey and BlobEndpoint (or UseDevelopmentStorage=true)
//      AZURITE_CONTAINERS         comma or space separated (default bronze,silver,gold)
import { createHmac } from "node:crypto";

const DEVELOPMENT_STORAGE = "AccountName=devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
  + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const API_VERSION = "2021-08-06";

function parse(connectionString) {
  const text = /UseDevelopmentStorage=true/i.test(connectionString) ? DEVELOPMENT_STORAGE : connectionString;
  const parts = Object.fromEntries(text.split(";").filter(Boolean).map((kv) => {
    const at = kv.indexOf("=");
    return [kv.slice(0, at), kv.slice(at + 1)];
  }));
  for (const key of ["AccountName", "AccountKey", "BlobEndpoint"]) {
    if (!parts[key]) throw new Error(`the connection string has no ${key}`);
  }
  return { account: parts.AccountName, key: Buffer.from(parts.AccountKey, "base64"), endpoint: parts.BlobEndpoint.replace(/\/+$/, "") };
}

// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key (Blob, version 2015-02-21 and later)
function createContainerRequest({ account, key, endpoint }, name) {
  const url = new URL(`${endpoint}/${name}?restype=container`);
  const headers = { "x-ms-date": new Date().toUTCString(), "x-ms-version": API_VERSION };
  const stringToSign = ["PUT", "", "", "", "", "", "", "", "", "", "", ""].join("\n") + "\n"
    + Object.entries(headers).map(([h, v]) => `${h}:${v}\n`).join("")
    + `/${account}${url.pathname}\nrestype:container`;
  const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("base64");
  return { url, headers: { ...headers, authorization: `SharedKey ${account}:${signature}` } };
}

async function createContainer(storage, name, attempts = 30) {
  for (let attempt = 1; ; attempt++) {
    const { url, headers } = createContainerRequest(storage, name);
    try {
      const response = await fetch(url, { method: "PUT", headers });
      if (response.status === 201) return "created";
      if (response.status === 409) return "already exists";
      throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    } catch (e) {
      if (attempt >= attempts || e.message.startsWith("HTTP ")) throw new Error(`container ${name}: ${e.message}`);
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the storage is not up yet
    }
  }
}

const storage = parse(process.env.AZURITE_CONNECTION_STRING || "UseDevelopmentStorage=true");
const containers = (process.env.AZURITE_CONTAINERS || "bronze,silver,gold").split(/[\s,]+/).filter(Boolean);
for (const name of containers) {
  console.log(`container ${name}: ${await createContainer(storage, name)}`);
}
