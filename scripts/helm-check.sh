#!/usr/bin/env bash
# Checks the Helm chart (deploy/helm/enmeshed-backbone) offline: `helm lint --strict` and `helm template` for each
# values file in the chart's ci/ folder, each rendering validated by kubeconform against the Kubernetes JSON schemas of
# the oldest and the newest Kubernetes version checked. The tools are built once from their Go modules and the schemas
# come from the PyPI package kubernetes-validate (which ships them); all three are cached in $BACKBONE_TOOLS_DIR.
# With --install-only, it only prepares the tools.
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_VERSION=v3.22.0
KUBECONFORM_VERSION=v0.8.0
SCHEMAS_PACKAGE_VERSION=1.37.0
KUBERNETES_VERSIONS=(1.25.0 1.37.0)
CHART=deploy/helm/enmeshed-backbone
TOOLS="${BACKBONE_TOOLS_DIR:-$HOME/.cache/enmeshed-backbone-tools}"
export PATH="$PATH:/usr/local/go/bin"

helm="$TOOLS/helm-$HELM_VERSION/helm"
kubeconform="$TOOLS/kubeconform-$KUBECONFORM_VERSION/kubeconform"
schemas="$TOOLS/kubernetes-schemas-$SCHEMAS_PACKAGE_VERSION"

if [ ! -x "$helm" ]; then
    echo "helm-check: building helm $HELM_VERSION (once)"
    GOBIN="$(dirname "$helm")" go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
fi
if [ ! -x "$kubeconform" ]; then
    echo "helm-check: building kubeconform $KUBECONFORM_VERSION (once)"
    GOBIN="$(dirname "$kubeconform")" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
fi
if [ ! -f "$schemas/.complete" ]; then
    echo "helm-check: unpacking the Kubernetes schemas of kubernetes-validate $SCHEMAS_PACKAGE_VERSION (once)"
    download="$(mktemp -d)"
    python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$download" "kubernetes-validate==$SCHEMAS_PACKAGE_VERSION"
    rm -rf "$schemas"
    # The package's schemas reference their shared definitions by an absolute URI (/api/_definitions.json under the
    # $id https://kubernetes.io/...); drop the $id and point the references at the file beside them, so that
    # kubeconform resolves everything from disk.
    python3 - "$download"/kubernetes_validate-*.whl "$schemas" "${KUBERNETES_VERSIONS[@]}" <<'PYTHON'
import json, os, sys, zipfile
wheel, target, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
archive = zipfile.ZipFile(wheel)
for version in versions:
    prefix = f"kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/"
    folder = os.path.join(target, f"v{version}-local-strict")
    os.makedirs(folder, exist_ok=True)
    names = [n for n in archive.namelist() if n.startswith(prefix) and n.endswith(".json")]
    if not names:
        sys.exit(f"kubernetes-validate has no schemas for Kubernetes {version}")
    for name in names:
        base = name[len(prefix):]
        text = archive.read(name).decode()
        text = text.replace('"/api/_definitions.json#', '"#' if base == "_definitions.json" else '"_definitions.json#')
        schema = json.loads(text)
        schema.pop("$id", None)
        with open(os.path.join(folder, base), "w") as out:
            json.dump(schema, out)
PYTHON
    touch "$schemas/.complete"
    rm -rf "$download"
fi

[ "${1:-}" = "--install-only" ] && exit 0

rendered="$(mktemp --suffix .yaml)"
trap 'rm -f "$rendered"' EXIT
location="$schemas/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json"
newest="${KUBERNETES_VERSIONS[${#KUBERNETES_VERSIONS[@]} - 1]}"
for values in "$CHART"/ci/*.yaml; do
    "$helm" lint "$CHART" --strict --quiet --kube-version "$newest" -f "$values"
    "$helm" template backbone "$CHART" --kube-version "$newest" -f "$values" > "$rendered"
    # The admin listener stays inside the cluster: its Service is a ClusterIP and no Ingress routes to it.
    if grep -q "name: backbone-enmeshed-backbone-admin$" "$rendered"; then
        awk '/^kind: Service$/{s=1} s&&/name: backbone-enmeshed-backbone-admin$/{a=1} a&&/^  type:/{print; exit}' "$rendered" | grep -qx "  type: ClusterIP" \
            || { echo "helm-check: the admin Service is not of type ClusterIP ($values)"; exit 1; }
    fi
    if awk '/^kind: Ingress$/{i=1} /^---/{i=0} i' "$rendered" | grep -q "enmeshed-backbone-admin"; then
        echo "helm-check: an Ingress routes to the admin Service ($values)"
        exit 1
    fi
    for version in "${KUBERNETES_VERSIONS[@]}"; do
        if ! summary="$("$kubeconform" -strict -summary -kubernetes-version "$version" -schema-location "$location" "$rendered")"; then
            echo "$summary"
            echo "helm-check: $(basename "$values") is not valid for Kubernetes $version"
            exit 1
        fi
        echo "helm-check: $(basename "$values"), Kubernetes $version: $summary"
        # kubeconform fails on invalid resources and missing schemas; an empty rendering must fail too.
        [[ "$summary" =~ Valid:\ ([1-9][0-9]*), ]] || { echo "helm-check: nothing was validated"; exit 1; }
    done
done
echo "helm-check: chart linted and valid"
