"""deploy/k8s validates against the Kubernetes schemas (offline) and follows our rules for running the bot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from bot.cli import _parser
from bot.config import Settings

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
KUBERNETES = "1.33"  # the oldest release still supported upstream when this was written; schemas ship offline
MANIFESTS = sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")


def documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in MANIFESTS:
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if doc:
                found.append((f"{path.name}:{doc['kind']}/{doc['metadata']['name']}", doc))
    return found


DOCS = documents()
WORKLOADS = [(name, doc) for name, doc in DOCS if doc["kind"] in ("Deployment", "Job")]


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [doc for _, doc in DOCS if doc["kind"] == kind]


def component(doc: dict[str, Any]) -> str:
    return str(doc["metadata"]["labels"]["app.kubernetes.io/component"])


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[name for name, _ in DOCS])
def test_every_manifest_validates_strictly_against_the_kubernetes_schema(name: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES, strict=True)  # raises ValidationError naming the field


def test_a_misspelt_field_would_be_caught() -> None:
    broken = yaml.safe_load((K8S / "worker.yaml").read_text(encoding="utf-8").split("\n---\n")[0])
    broken["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES, strict=True)


def test_the_kit_has_every_piece_the_operator_guide_names() -> None:
    kinds = {(doc["kind"], doc["metadata"]["name"]) for _, doc in DOCS}
    assert {("Deployment", "thankyou-slack"), ("Service", "thankyou-slack"), ("Deployment", "thankyou-discord"),
            ("Deployment", "thankyou-worker"), ("Job", "thankyou-bot-migrate"), ("ConfigMap", "thankyou-bot-config"),
            ("Secret", "thankyou-bot-secrets"), ("PodDisruptionBudget", "thankyou-slack")} <= kinds  # fmt: skip
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))["resources"]
    assert all((K8S / name).exists() for name in listed)
    assert "secret.example.yaml" not in listed, "an example secret is never applied as is"


@pytest.mark.parametrize(("name", "doc"), WORKLOADS, ids=[name for name, _ in WORKLOADS])
def test_pods_run_as_non_root_on_a_read_only_root_with_resources(name: str, doc: dict[str, Any]) -> None:
    pod = doc["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    for container in pod["containers"]:
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        assert {"cpu", "memory"} <= container["resources"]["requests"].keys()
        assert {"cpu", "memory"} <= container["resources"]["limits"].keys()
        assert any(m["mountPath"] == "/tmp" for m in container["volumeMounts"]), "a writable /tmp"
        _parser().parse_args(container["args"])  # a real thankyou-bot command (exits on an unknown one)


@pytest.mark.parametrize("kind", ["Deployment"])
def test_long_running_pods_probe_healthz_and_readyz_on_a_port_they_serve(kind: str) -> None:
    config = of_kind("ConfigMap")[0]["data"]
    for doc in of_kind(kind):
        container = doc["spec"]["template"]["spec"]["containers"][0]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        port_name = container["readinessProbe"]["httpGet"]["port"]
        (port,) = [p["containerPort"] for p in container["ports"] if p["name"] == port_name]
        args = container["args"]
        served = int(args[args.index("--port") + 1]) if "--http" in args else int(config["METRICS_PORT"])
        assert port == served, f"{doc['metadata']['name']} probes a port the process does not serve"


def test_slack_http_mode_runs_two_replicas_behind_a_service_with_a_disruption_budget() -> None:
    (slack,) = [d for d in of_kind("Deployment") if component(d) == "slack"]
    assert slack["spec"]["replicas"] >= 2 and "--http" in slack["spec"]["template"]["spec"]["containers"][0]["args"]
    labels = slack["spec"]["template"]["metadata"]["labels"]
    (service,) = of_kind("Service")
    assert service["spec"]["selector"].items() <= labels.items()
    budgets = [
        b for b in of_kind("PodDisruptionBudget") if b["spec"]["selector"]["matchLabels"].items() <= labels.items()
    ]
    assert budgets and budgets[0]["spec"]["minAvailable"] < slack["spec"]["replicas"], "a drain can still proceed"


def test_each_discord_shard_group_is_one_replica_replaced_not_rolled() -> None:
    groups = [d for d in of_kind("Deployment") if component(d).startswith("discord")]
    assert groups
    for group in groups:
        assert group["spec"]["replicas"] == 1 and group["spec"]["strategy"]["type"] == "Recreate"


def test_config_and_secret_keys_are_real_settings_and_secrets_stay_in_the_secret() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    config = of_kind("ConfigMap")[0]["data"]
    secret = of_kind("Secret")[0]["stringData"]
    assert set(config) <= fields and set(secret) <= fields
    assert not {k for k in config if "TOKEN" in k or "SECRET" in k or k == "DATABASE_URL"}
    Settings(**{k.lower(): v for k, v in config.items()})  # the values parse
    for doc in of_kind("Deployment"):
        for env in doc["spec"]["template"]["spec"]["containers"][0].get("env", []):
            assert env["name"] in fields
