#!/bin/bash
# Run by `./mvnw -Pcontainers ...` before any test: that profile starts PostgreSQL, Kafka and Keycloak as containers
# (Testcontainers / Quarkus Dev Services), which needs a container engine. Without one it stops here, in one line.
if docker info >/dev/null 2>&1 || podman info >/dev/null 2>&1; then
  exit 0
fi
echo "-Pcontainers needs a container engine (Docker or Podman) and none answers on this host; run the default build, which uses the local stack (deploy/local/suite infra)." >&2
exit 1
