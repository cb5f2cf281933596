#!/usr/bin/env bash
# Generates the C# client of docs/openapi.json with Kiota (the local tool in .config/dotnet-tools.json) into
# tests/IomDirectory.OpenApiClient/Generated, or into the folder given. The tests regenerate it into a temporary
# folder and compare, so a change to the API shows here as a diff. After changing a proto's HTTP routes or comments:
#   1. copy the server's /openapi.json to docs/openapi.json (the test OpenApiDocumentTests says so when they differ);
#   2. bash scripts/openapi-client.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-tests/IomDirectory.OpenApiClient/Generated}
export KIOTA_UPDATE_DISABLED=true KIOTA_OFFLINE_ENABLED=true   # no look-up of newer versions, no network
dotnet kiota generate --language CSharp --openapi docs/openapi.json --output "$out" \
  --class-name DirectoryClient --namespace-name IomDirectory.OpenApiClient --exclude-backward-compatible \
  --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory \
  --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory \
  --clean-output --log-level Warning
rm -f "$out/.kiota.log"   # the generator's own log, not part of the client
