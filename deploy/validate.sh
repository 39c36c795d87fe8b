#!/usr/bin/env bash
# Renders and validates what deploy/ ships, offline, with real tools:
#   compose     docker-compose.yml through `docker-compose config` (Debian's docker-compose: the Compose file
#               schema, the .env interpolation, the depends_on conditions)
#   k8s-dev     `kubectl kustomize deploy/k8s/overlays/dev`, every object checked against the Kubernetes API
#   k8s-aks     and KEDA schemas (deploy/validators/validate-k8s.mjs)
#   dockerfiles the services' Dockerfiles (deploy/validators/validate-dockerfiles.mjs)
#   azure       the ARM templates of deploy/azure (deploy/validators/validate-arm.mjs: offline, no Azure API)
#   duckdb      (--built) DuckDB's bundled native library needs no newer glibc/libstdc++ than the images have
# The rendered files stay in OUT, also as JSON, for further checks (kpi-service's Deploy*IT read them).
# Installs what it lacks: docker-compose with apt-get, the validators with npm ci. Needs kubectl with
# kustomize v5, Node 20+ and, with --built, objdump and unzip.
#
# usage: deploy/validate.sh [--built] [OUT]
#        --built  the services are packaged: also check the Dockerfiles' COPY sources and DuckDB's library
#        OUT      where the rendered files go (default .run/deploy)
set -euo pipefail
if [[ ${1:-} == -h || ${1:-} == --help ]]; then awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0; fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VALIDATORS="$ROOT/deploy/validators"
built=()
if [[ ${1:-} == --built ]]; then built=(--built); shift; fi
OUT="$(mkdir -p "${1:-$ROOT/.run/deploy}" && cd "${1:-$ROOT/.run/deploy}" && pwd)"
cd "$ROOT"

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

install_tools() {
  command -v kubectl >/dev/null || die "kubectl is missing (the machine image has it; it renders the kustomizations)"
  kubectl kustomize --help >/dev/null 2>&1 || die "this kubectl has no kustomize"
  { command -v node && command -v npm; } >/dev/null || die "node and npm are missing"
  if ! command -v docker-compose >/dev/null; then
    say "installing docker-compose (apt)"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose \
        || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose; }; } \
      </dev/null >"$OUT/apt.log" 2>&1 || { tail -n 20 "$OUT/apt.log" >&2; die "could not install docker-compose"; }
  fi
  local modules="$VALIDATORS/node_modules"
  if [[ ! -f $modules/.package-lock.json || $VALIDATORS/package-lock.json -nt $modules/.package-lock.json ]]; then
    say "installing the validators (npm ci)"
    (cd "$VALIDATORS" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) </dev/null >"$OUT/npm.log" 2>&1 \
      || { tail -n 20 "$OUT/npm.log" >&2; die "npm ci failed in $VALIDATORS"; }
  fi
}

passed=0 failed=0
# check NAME COMMAND...: run one check, its output indented; count it
check() {
  local name=$1 output; shift
  if output=$("$@" 2>&1); then
    passed=$((passed + 1)); say "ok   $name"
  else
    failed=$((failed + 1)); say "FAIL $name"
  fi
  # shellcheck disable=SC2001  # indents every line
  [[ -z $output ]] || sed 's/^/     /' <<<"$output"
}

render_compose() {
  docker-compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" config >"$OUT/compose.yaml"
  node "$VALIDATORS/yaml-to-json.mjs" "$OUT/compose.yaml"
}
render_k8s() {
  kubectl kustomize "deploy/k8s/overlays/$1" >"$OUT/k8s-$1.yaml"
  node "$VALIDATORS/yaml-to-json.mjs" "$OUT/k8s-$1.yaml"
}
validate_k8s() { node "$VALIDATORS/validate-k8s.mjs" "$OUT/k8s-dev.yaml" "$OUT/k8s-aks.yaml"; }
validate_arm() { node "$VALIDATORS/validate-arm.mjs" deploy/azure/*.json; }
validate_dockerfiles() { node "$VALIDATORS/validate-dockerfiles.mjs" "${built[@]}" ./*/src/main/docker/Dockerfile.jvm; }

# The newest glibc and libstdc++ symbol versions DuckDB's linux-amd64 library needs, against the images' base
# (UBI 9: glibc 2.34, libstdc++ of GCC 11 = GLIBCXX_3.4.29). A musl image has no glibc at all.
BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime
check_duckdb_native_library() {
  local jar library need have symbol
  for jar in */target/quarkus-app/lib/main/org.duckdb.duckdb_jdbc-*.jar; do
    [[ -f $jar ]] || { say "no packaged service has DuckDB: package them first"; return 1; }
    grep -q "^FROM $BASE_IMAGE:" "${jar%%/*}/src/main/docker/Dockerfile.jvm" \
      || { say "${jar%%/*}: not built on $BASE_IMAGE: state the glibc of its image here"; return 1; }
    library="$OUT/$(basename "$jar").so"
    unzip -p "$jar" libduckdb_java.so_linux_amd64 >"$library"
    for symbol in GLIBC:2.34 GLIBCXX:3.4.29; do
      have=${symbol#*:}
      need=$(objdump -T "$library" | grep -o "${symbol%%:*}_[0-9][0-9.]*" | sort -uV | tail -n 1)
      need=${need#*_}
      [[ -n $need ]] || { say "$library: no ${symbol%%:*} symbol versions found"; return 1; }
      [[ $(printf '%s\n%s\n' "$need" "$have" | sort -V | tail -n 1) == "$have" ]] \
        || { say "$jar needs ${symbol%%:*} $need, the image has $have"; return 1; }
      say "${jar%%/*}: DuckDB needs ${symbol%%:*} $need, the image has $have"
    done
    rm -f "$library"
  done
}

install_tools
# the development secrets the compose file and the dev overlay read (generated, never tracked)
bash "$ROOT/deploy/local/dev-secrets.sh" >/dev/null
check "compose: docker-compose config" render_compose
check "k8s: kustomize overlays/dev" render_k8s dev
check "k8s: kustomize overlays/aks" render_k8s aks
check "k8s: API schemas" validate_k8s
check "dockerfiles" validate_dockerfiles
check "azure: ARM templates" validate_arm
if [[ ${#built[@]} -gt 0 ]]; then check "duckdb: native library on the images' glibc" check_duckdb_native_library; fi
say "deploy checks: $passed passed, $failed failed (rendered files in $OUT)"
(( failed == 0 ))
