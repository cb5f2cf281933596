#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing:
#   - Debian: python3-grpcio, python3-protobuf, protobuf-compiler (the Python interop client, run with /usr/bin/python3),
#             chromium (the web page's browser tests), postgresql (the binaries in /usr/lib/postgresql/*/bin; the
#             tests start their own servers, tests/IomDirectory.Server.Tests/Support/PostgresServer.cs)
#   - npm:    @grpc/grpc-js and @grpc/proto-loader (the Node interop client), from tests/interop/node/package-lock.json;
#             axe-core (the browser tests' accessibility audit), from tests/browser/package-lock.json;
#             @apidevtools/swagger-parser (validates /openapi.json), from tests/openapi/package-lock.json
#   - dotnet local tools (.config/dotnet-tools.json): dotnet-ef, and Kiota (the OpenAPI client the tests regenerate)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
/usr/bin/python3 -c 'import grpc, google.protobuf' 2>/dev/null || apt_missing+=(python3-grpcio python3-protobuf)
command -v protoc >/dev/null 2>&1 || apt_missing+=(protobuf-compiler)
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)   # the web page's browser tests (Playwright, ExecutablePath)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_missing+=(postgresql)   # initdb, pg_ctl, postgres
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${apt_missing[*]}"
  # Without systemd (a container), postgresql's postinst starting its cluster "main" through invoke-rc.d can fail
  # the install: a policy-rc.d that forbids starting services, for the install only (the tests start their own).
  policy=/usr/sbin/policy-rc.d
  policy_added=
  if [ ! -d /run/systemd/system ] && [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    policy_added=1
  fi
  install_status=0
  if as_root apt-get update -qq; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null || install_status=$?
  else
    install_status=$?
  fi
  [ -z "$policy_added" ] || as_root rm -f "$policy"
  [ "$install_status" = 0 ] || exit "$install_status"
fi

if [ -f tests/interop/node/package.json ] && [ ! -d tests/interop/node/node_modules/@grpc/grpc-js ]; then
  echo "Installing the Node interop client (npm ci)"
  (cd tests/interop/node && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  echo "Installing the browser tests' tools: axe-core (npm ci)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -f tests/openapi/node_modules/@apidevtools/swagger-parser/package.json ]; then
  echo "Installing the OpenAPI validator: @apidevtools/swagger-parser (npm ci)"
  (cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet tool restore >/dev/null

log=$(mktemp)
set +e
dotnet test IomDirectory.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The integration suites whose servers write to or read from a store run a second time on PostgreSQL (a fresh seeded
# database per server on the tests' own PostgreSQL server: Support/TestStores.cs); the replica and fault tests ran in
# the first pass. Of the web suites, those that write through the store (the console: Web.Admin*; staff feedback and
# corrections: Web.Feedback*): the public pages read the in-memory snapshot, loaded the same way from either store,
# which the directory API suite checks on PostgreSQL.
echo "Again on PostgreSQL: the admin, directory API and CLI suites, the console and feedback pages"
IOMDIR_TEST_STORE=postgresql dotnet test tests/IomDirectory.Server.Tests -c Release --no-build --nologo \
  --filter '(FullyQualifiedName~.Admin.|FullyQualifiedName~.DirectoryApi.|FullyQualifiedName~.Cli.|FullyQualifiedName~.Web.Admin|FullyQualifiedName~.Web.Feedback)&TestCategory!=SqliteFile' \
  2>&1 | tee -a "$log"
postgres_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$postgres_status
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
