// Creates the lake's blob containers in the local Azurite, idempotently.
// AZURITE_CONTAINERS overrides the list (comma or space separated);
// AZURITE_CONNECTION_STRING overrides the well-known development account.
import { BlobServiceClient } from "@azure/storage-blob";

const connectionString = process.env.AZURITE_CONNECTION_STRING || "UseDevelopmentStorage=true";
const containers = (process.env.AZURITE_CONTAINERS || "bronze,silver,gold").split(/[\s,]+/).filter(Boolean);

const service = BlobServiceClient.fromConnectionString(connectionString);
for (const name of containers) {
  const { succeeded } = await service.getContainerClient(name).createIfNotExists();
  console.log(`container ${name}: ${succeeded ? "created" : "already exists"}`);
}
