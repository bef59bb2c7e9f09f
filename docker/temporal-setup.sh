#!/usr/bin/env bash
# One-shot: registers VoicePlane's custom search attributes in Temporal.
# Runs in temporalio/admin-tools (docker-compose service `temporal-setup`).
# Idempotent: exits 0 when the attributes already exist.
set -euo pipefail

address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
timeout="${SETUP_TIMEOUT_SECONDS:-300}"
deadline=$((SECONDS + timeout))

check_deadline() {
  if ((SECONDS >= deadline)); then
    echo "temporal-setup: gave up after ${timeout}s waiting for Temporal at ${address}" >&2
    exit 1
  fi
}

has_attributes() {
  local list
  list="$(temporal operator search-attribute list --address "$address" --namespace "$namespace" 2>/dev/null)" || return 1
  grep -qw TenantId <<<"$list" && grep -qw BotId <<<"$list"
}

# auto-setup creates the namespace in the background once the server is up.
echo "temporal-setup: waiting for namespace '${namespace}' at ${address}..."
until temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1; do
  check_deadline
  sleep 2
done

if has_attributes; then
  echo "temporal-setup: search attributes TenantId, BotId already registered."
  exit 0
fi

echo "temporal-setup: registering search attributes TenantId, BotId (Keyword)..."
until temporal operator search-attribute create --address "$address" --namespace "$namespace" \
  --name TenantId --type Keyword \
  --name BotId --type Keyword || has_attributes; do
  check_deadline
  sleep 2
done

# Registration is asynchronous on some versions; wait until it is visible.
until has_attributes; do
  check_deadline
  sleep 1
done
echo "temporal-setup: done."
