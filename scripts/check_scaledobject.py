"""Checks the KEDA ScaledObject in rendered manifests (no KEDA schema ships with kubernetes-validate): it scales the
worker Deployment on the job stream's consumer-group lag and on its pending entries, reads the Redis address and
password from variables the worker container has, and names the stream and group the services use."""
import sys

from ruamel.yaml import YAML

documents = [d for d in YAML(typ="safe").load_all(open(sys.argv[1])) if d]
by_kind = {}
for document in documents:
    by_kind.setdefault(document["kind"], []).append(document)
problems = []

scaled = by_kind.get("ScaledObject", [])
if len(scaled) != 1 or scaled[0]["apiVersion"] != "keda.sh/v1alpha1":
    sys.exit(f"want one keda.sh/v1alpha1 ScaledObject, found {[(s['apiVersion'], s['metadata']['name']) for s in scaled]}")
spec = scaled[0]["spec"]
config = next(c["data"] for c in by_kind["ConfigMap"] if c["metadata"]["name"] == "callaudit-config")
secret = next(s for s in by_kind["Secret"] if s["metadata"]["name"] == "callaudit-secrets")
stream = f"{config.get('QUEUE_PREFIX', 'callaudit')}:jobs"

target = spec["scaleTargetRef"]
deployments = {d["metadata"]["name"]: d for d in by_kind["Deployment"]}
if target.get("kind", "Deployment") != "Deployment" or target["name"] not in deployments:
    problems.append(f"scaleTargetRef names {target}, not a Deployment here ({sorted(deployments)})")
else:
    container = deployments[target["name"]]["spec"]["template"]["spec"]["containers"][0]
    if "callaudit-worker" not in container.get("args", []) + container.get("command", []):
        problems.append(f"scaleTargetRef {target['name']} does not run callaudit-worker")
    variables = {e["name"] for e in container.get("env", [])}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            variables |= set(config) if source["configMapRef"]["name"] == "callaudit-config" else set()
        if "secretRef" in source and source["secretRef"]["name"] == "callaudit-secrets":
            variables |= set(secret.get("stringData", {})) | set(secret.get("data", {}))
if not 1 <= spec.get("minReplicaCount", 0) <= spec.get("maxReplicaCount", 100):
    problems.append("minReplicaCount must be at least 1 (a worker promotes delayed retries) and at most maxReplicaCount")

triggers = spec.get("triggers", [])
kinds = set()
for trigger in triggers:
    metadata = trigger.get("metadata", {})
    if trigger.get("type") != "redis-streams":
        problems.append(f"trigger {trigger.get('name')}: type {trigger.get('type')}, want redis-streams")
        continue
    for key, value in metadata.items():
        if not isinstance(value, str):
            problems.append(f"trigger {trigger.get('name')}: {key} is {value!r}; KEDA's trigger metadata takes strings only")
    if metadata.get("stream") != stream:
        problems.append(f"trigger {trigger.get('name')}: stream {metadata.get('stream')}, the services use {stream}")
    if metadata.get("consumerGroup") != "workers":
        problems.append(f"trigger {trigger.get('name')}: consumerGroup {metadata.get('consumerGroup')}, the workers join 'workers'")
    for key in ("addressFromEnv", "passwordFromEnv"):
        if key in metadata and metadata[key] not in variables:
            problems.append(f"trigger {trigger.get('name')}: {key} {metadata[key]} is not a variable of the worker container")
    if not ("address" in metadata or "addressFromEnv" in metadata or "host" in metadata):
        problems.append(f"trigger {trigger.get('name')}: no Redis address")
    for key in ("lagCount", "pendingEntriesCount"):
        if key in metadata:
            if not str(metadata[key]).isdigit() or int(metadata[key]) < 1:
                problems.append(f"trigger {trigger.get('name')}: {key} {metadata[key]!r} is not a positive integer string")
            kinds.add(key)
for wanted in ("lagCount", "pendingEntriesCount"):
    if wanted not in kinds:
        problems.append(f"no redis-streams trigger with {wanted}")

if problems:
    sys.exit("\n".join(problems))
print(f"ScaledObject {scaled[0]['metadata']['name']}: {len(triggers)} redis-streams triggers on {stream}")
