#!/usr/bin/env bash
# Two dailypapers instances on one PostgreSQL database behind HAProxy, on this machine, as docs/deploy.md
# describes: instance a on :8086 (home /tmp/dailypapers-a), b on :8087 (home /tmp/dailypapers-b), the site on :8090.
#
#   deploy/two-instances.sh start     # start both instances and HAProxy, wait until both are ready
#   deploy/two-instances.sh restart b # rolling restart of one instance: stop (SIGTERM), start, wait until ready
#   deploy/two-instances.sh stop      # stop everything this script started
#
# DAILYPAPERS_DB_URL names the database (default: the local test server, schema "fleet_demo").
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${DAILYPAPERS_FLEET_RUN:-/tmp/dailypapers-fleet}
DB_URL=${DAILYPAPERS_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=fleet_demo}
mkdir -p "$RUN"

port() { case "$1" in a) echo 8086 ;; b) echo 8087 ;; *) echo "instance a or b" >&2; exit 2 ;; esac; }

wait_ready() {
  local url=$1 deadline=$((SECONDS + ${2:-600}))
  until curl -fs -o /dev/null "$url/actuator/health/readiness"; do
    if [ $SECONDS -gt $deadline ]; then echo "not ready: $url" >&2; return 1; fi
    sleep 1
  done
}

start_instance() {
  local name=$1 p
  p=$(port "$name")
  DAILYPAPERS_HOME=/tmp/dailypapers-$name DAILYPAPERS_DB_URL="$DB_URL" \
    DAILYPAPERS_BASE_URL=http://127.0.0.1:8090 DAILYPAPERS_JAVA_OPTS=${DAILYPAPERS_JAVA_OPTS:--Xmx1g} \
    nohup ./dailypapers serve --port "$p" --server.forward-headers-strategy=native \
    > "$RUN/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
  wait_ready "http://127.0.0.1:$p"
  echo "instance $name ready on :$p"
}

stop_instance() {
  local name=$1
  if [ -f "$RUN/$name.pid" ]; then
    local pid
    pid=$(cat "$RUN/$name.pid")
    # SIGTERM: readiness turns OUT_OF_SERVICE, requests in flight finish (server.shutdown=graceful)
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$RUN/$name.pid"
    echo "instance $name stopped"
  fi
}

case "${1:-}" in
  start)
    if [[ "$DB_URL" == *currentSchema=fleet_demo* ]]; then
      psql -h 127.0.0.1 -U postgres -d test -qc 'CREATE SCHEMA IF NOT EXISTS fleet_demo'
    fi
    start_instance a   # the first instance on an empty database loads the demo data
    start_instance b
    haproxy -f deploy/haproxy.cfg -D -p "$RUN/haproxy.pid"
    wait_ready http://127.0.0.1:8090
    echo "site ready on http://127.0.0.1:8090/"
    ;;
  restart)
    stop_instance "$2"
    start_instance "$2"
    ;;
  stop)
    stop_instance a
    stop_instance b
    if [ -f "$RUN/haproxy.pid" ]; then kill "$(cat "$RUN/haproxy.pid")" 2>/dev/null || true; rm -f "$RUN/haproxy.pid"; fi
    ;;
  *)
    sed -n '2,10p' "$0"; exit 2
    ;;
esac
