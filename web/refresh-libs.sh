#!/usr/bin/env bash
# Refreshes the browser libraries the console vendors into web/Simulator.Web/wwwroot/lib. There is no front-end
# build step and no CDN: the files are copied from the npm registry's packages and committed. Change a version
# here, run this script, and commit what it copies.
set -euo pipefail
cd "$(dirname "$0")/Simulator.Web/wwwroot/lib"

SIGNALR_VERSION=10.0.11   # the SignalR JavaScript client matching the server's ASP.NET Core 10
MERMAID_VERSION=12.3.0    # renders the procedure diagrams and the request timeline (Gantt)
AXE_VERSION=4.14.1        # accessibility checks: loaded by the browser tests only, never by the console's pages

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/signalr@$SIGNALR_VERSION" "mermaid@$MERMAID_VERSION" "axe-core@$AXE_VERSION" >/dev/null)
for tgz in "$work"/*.tgz; do mkdir -p "${tgz%.tgz}" && tar -xzf "$tgz" -C "${tgz%.tgz}"; done

mkdir -p signalr mermaid axe
cp "$work"/microsoft-signalr-*/package/dist/browser/signalr.min.js signalr/
cp "$work"/microsoft-signalr-*/package/LICENSE* signalr/ 2>/dev/null || true
cp "$work"/mermaid-*/package/dist/mermaid.min.js mermaid/
cp "$work"/mermaid-*/package/LICENSE* mermaid/ 2>/dev/null || true
cp "$work"/axe-core-*/package/axe.min.js axe/
cp "$work"/axe-core-*/package/LICENSE* axe/ 2>/dev/null || true
printf 'signalr %s\nmermaid %s\naxe-core %s\n' "$SIGNALR_VERSION" "$MERMAID_VERSION" "$AXE_VERSION" > VERSIONS
echo "vendored: $(tr '\n' ' ' < VERSIONS)"
