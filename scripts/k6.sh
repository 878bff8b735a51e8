#!/usr/bin/env bash
# Installs the pinned k6 release into .tools/bin (git-ignored) and prints its path.
# k6 is a Go binary, not on npm or Debian: `go install go.k6.io/k6@<pinned>`.
# Reuses .tools/bin/k6 when it is already at the pinned version.
#   exit 0: k6 ready, its path on stdout (last line)
#   exit 2: Go is missing (nothing installed)
set -euo pipefail

K6_VERSION="${K6_VERSION:-v1.8.1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
K6="$BIN_DIR/k6"

installed_version() {
  # `k6 version` prints e.g. "k6 v1.8.1 (commit/..., go1.26.8, linux/amd64)"
  "$K6" version 2>/dev/null | awk 'NR==1 { print $2 }'
}

if [[ -x "$K6" && "$(installed_version)" == "$K6_VERSION" ]]; then
  echo "$K6"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "k6.sh: Go is not installed; install Go >= 1.25 (https://go.dev/dl/) or put k6 $K6_VERSION at $K6" >&2
  exit 2
fi

mkdir -p "$BIN_DIR"
echo "k6.sh: installing k6 $K6_VERSION into $BIN_DIR (go install, takes a few minutes)" >&2
GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "go.k6.io/k6@$K6_VERSION" >&2

if [[ "$(installed_version)" != "$K6_VERSION" ]]; then
  echo "k6.sh: installed binary reports '$(installed_version)', expected $K6_VERSION" >&2
  exit 1
fi
echo "$K6"
