#!/usr/bin/env python3
"""Writes base/<service>.yaml for the four services and the staff console.

Run it after `./mvnw -B package -DskipTests` (or install):  python3 deploy/kubernetes/generate-services.py

Each service's Deployment and Service are written by its own build (quarkus-kubernetes, from the service's
application.properties and platform's microprofile-config.properties: image, port, health probes, resources,
settings from ConfigMaps, secrets from Secrets), so they agree with the service by construction; this script copies
them from <service>/target/kubernetes/kubernetes.yml. It adds only what Quarkus does not write: a
PodDisruptionBudget and, where the service scales out, a HorizontalPodAutoscaler. The container's lock-down
(read-only root filesystem, no privilege escalation, no capabilities, seccomp) is a patch in kustomization.yaml.
system-tests/KubernetesManifestsTest fails when a copy here differs from what the build writes.
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASE = ROOT / "deploy/kubernetes/base"
HEADER = ("# Deployment and Service: written by {name}'s build (quarkus-kubernetes), copied by\n"
          "# deploy/kubernetes/generate-services.py, which adds the PodDisruptionBudget and autoscaler below.\n"
          "# Change the service's kubernetes settings or the script, then run it after ./mvnw package; never edit this file.\n")
MARK = "# --- added by generate-services.py: what quarkus-kubernetes does not write\n"

# name, max replicas (None: does not scale out)
SERVICES = [
    ("intake-service", 4),
    # One country's families stay on one instance: the scheduler's consumers are keyed by family and partitioned
    # (3 partitions), so more than 3 instances would sit idle.
    ("scheduling-service", 3),
    ("mhac-registry-service", None),
    ("notification-service", 3),
    # Sessions live in the browser's (encrypted) cookie: any instance serves any staff member.
    ("staff-console", 3),
]


def added(name, max_replicas):
    doc = f"""---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
"""
    if max_replicas:
        doc += f"""---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {name}
  minReplicas: 2
  maxReplicas: {max_replicas}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
"""
    return doc


def main():
    for name, max_replicas in SERVICES:
        built = ROOT / name / "target/kubernetes/kubernetes.yml"
        if not built.is_file():
            sys.exit(f"{built.relative_to(ROOT)} is missing: run ./mvnw -B package -DskipTests first")
        target = BASE / f"{name}.yaml"
        target.write_text(HEADER.format(name=name) + built.read_text() + MARK + added(name, max_replicas))
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
