#!/usr/bin/env bash
# Re-vendor the offline GraphiQL assets from the npm registry.
#
# Downloads exactly the pinned versions below with `npm pack` (tarballs only:
# nothing is installed, no install/lifecycle scripts run), verifies the
# integrity reported by the registry, and copies the needed files next to this
# script under stable names. index.html is hand-written and not touched.
#
# Usage: assets/graphiql/update.sh            (from anywhere)
# To bump a version: edit the pins here and in VERSIONS.md, run, then check the
# page with the offline browser check (see VERSIONS.md).
set -euo pipefail

GRAPHIQL_VERSION=4.1.2
REACT_VERSION=18.3.1
REACT_DOM_VERSION=18.3.1

DEST="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/graphiql-vendor.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
for spec in "graphiql@${GRAPHIQL_VERSION}" "react@${REACT_VERSION}" "react-dom@${REACT_DOM_VERSION}"; do
  name="${spec%@*}"
  # npm pack verifies the tarball against the registry's integrity hash.
  npm pack --silent --ignore-scripts "$spec" >/dev/null
  mkdir -p "$name"
  tar -xzf "${name}-${spec##*@}.tgz" -C "$name"
  actual="$(node -p "require('./${name}/package/package.json').version")"
  if [[ "$actual" != "${spec##*@}" ]]; then
    echo "error: $name: expected ${spec##*@}, got $actual" >&2
    exit 1
  fi
done

# source-path-in-tarball  destination-name
copy() {
  local src="$TMP/$1" dst="$DEST/$2"
  if [[ ! -f "$src" ]]; then
    echo "error: missing $1 in tarball" >&2
    exit 1
  fi
  cp "$src" "$dst"
  printf '%-32s <- %s\n' "$2" "$1"
}

copy react/package/umd/react.production.min.js          react.production.min.js
copy react-dom/package/umd/react-dom.production.min.js  react-dom.production.min.js
copy react/package/LICENSE                              LICENSE-react
copy graphiql/package/graphiql.min.js                   graphiql.min.js
copy graphiql/package/graphiql.min.css                  graphiql.min.css
copy graphiql/package/LICENSE                           LICENSE-graphiql

# react and react-dom ship the same MIT license text; fail loudly if that changes.
if ! cmp -s "$TMP/react/package/LICENSE" "$TMP/react-dom/package/LICENSE"; then
  echo "error: react-dom LICENSE differs from react LICENSE; vendor it separately" >&2
  exit 1
fi

# The page must never reach another origin: refuse absolute URLs in CSS url()
# (fonts and images in graphiql.min.css are inline data: URIs).
if grep -oE 'url\([^)]*' "$DEST/graphiql.min.css" | grep -v 'data:' | grep -q .; then
  echo "error: graphiql.min.css references a non-data: url()" >&2
  exit 1
fi

echo "done; sha256:"
(cd "$DEST" && sha256sum react.production.min.js react-dom.production.min.js graphiql.min.js graphiql.min.css)
