#!/bin/bash
# Runs once, when the PostgreSQL volume is new: one database and one owner per service (and one for Keycloak), so that
# no service can read another's data (the same split as the local stack and the CloudNativePG clusters). Passwords
# come from compose.yaml.
set -euo pipefail
for service in intake scheduling registry notification keycloak; do
  password_var="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 -U postgres -v name="$service" -v password="${!password_var}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
