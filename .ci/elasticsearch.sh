#!/usr/bin/env bash
# Elasticsearch for the tests: the integ-test-zip distribution of Maven Central (no bundled JDK, refuses root), one
# node per call, run by a plain user with a 512 MB heap, security and the disk threshold off.
#
#   .ci/elasticsearch.sh install          unpack into $DAILYPAPERS_ES_INSTALL (prints the folder)
#   .ci/elasticsearch.sh start [PORT]     start a single-node cluster on PORT (default 9200), wait until it answers
#   .ci/elasticsearch.sh stop [PORT]      stop the node started on PORT
#   .ci/elasticsearch.sh node PORT NAME SEED_PORTS   start one node of cluster NAME (SEED_PORTS: its nodes' HTTP
#                                         ports, comma-separated; transport port = HTTP port + 100), without waiting
#   .ci/elasticsearch.sh wait PORT COUNT  wait until the node on PORT sees COUNT nodes (cluster at least yellow)
#   .ci/elasticsearch.sh kill9 PORT       SIGKILL the node on PORT (the fault tests), and remove its data
#
# ES_JAVA_HOME defaults to the first JDK >= 21 found under /usr/lib/jvm (JDK 25 on these machines).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=9.2.0
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip"
ZIP="${HOME}/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$VERSION/elasticsearch-$VERSION.zip"
INSTALL="${DAILYPAPERS_ES_INSTALL:-/tmp/dailypapers-es/elasticsearch-$VERSION}"
RUN_DIR="${DAILYPAPERS_ES_RUN:-/tmp/dailypapers-es/run}"
ES_USER="${DAILYPAPERS_ES_USER:-dailypapers-es}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

find_jdk() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$j/bin/java" ]; then
      v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
      if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$j"; return; fi
    fi
  done
  echo "no JDK >= 21 under /usr/lib/jvm; set ES_JAVA_HOME" >&2
  exit 1
}

install() {
  if [ ! -x "$INSTALL/bin/elasticsearch" ]; then
    if [ ! -f "$ZIP" ]; then
      ./mvnw -q -B dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false >&2
    fi
    parent=$(dirname "$INSTALL")
    mkdir -p "$parent"
    tmp=$(mktemp -d "$parent/unpack.XXXXXX")
    unzip -q "$ZIP" -d "$tmp"
    rm -rf "$INSTALL"
    mv "$tmp/elasticsearch-$VERSION" "$INSTALL"
    rmdir "$tmp"
  fi
  if ! id "$ES_USER" >/dev/null 2>&1; then
    as_root useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  fi
  # Elasticsearch writes its keystore into config/ on start.
  as_root chown -R "$ES_USER" "$INSTALL/config" "$INSTALL/logs"
  mkdir -p "$RUN_DIR"
  as_root chown "$ES_USER" "$RUN_DIR"
  echo "$INSTALL"
}

# launch PORT CLUSTER_NAME DISCOVERY_FLAGS...: one node, daemonised, its pid in $RUN_DIR/node-PORT/pid.
launch() {
  port="$1"; cluster="$2"; shift 2
  install >/dev/null
  dir="$RUN_DIR/node-$port"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
    echo "elasticsearch already runs on $port (pid $(cat "$dir/pid"))"
    return
  fi
  as_root rm -rf "$dir"
  as_root mkdir -p "$dir/data" "$dir/logs"
  as_root chown -R "$ES_USER" "$dir"
  jdk=$(find_jdk)
  as_root runuser -u "$ES_USER" -- env ES_JAVA_HOME="$jdk" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$INSTALL/bin/elasticsearch" -d -p "$dir/pid" \
    -E cluster.name="$cluster" -E node.name="node-$port" \
    -E http.port="$port" -E transport.port="$((port + 100))" -E network.host=127.0.0.1 \
    -E path.data="$dir/data" -E path.logs="$dir/logs" \
    -E xpack.security.enabled=false -E cluster.routing.allocation.disk.threshold_enabled=false "$@" >/dev/null
}

# wait_for PORT COUNT: until the node answers, sees COUNT nodes and the cluster is at least yellow.
wait_for() {
  port="$1"; count="${2:-1}"
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&wait_for_nodes=$count&timeout=1s" \
        >/dev/null 2>&1; then
      return
    fi
    sleep 1
  done
  echo "elasticsearch on $port did not see $count node(s) within 180 s; see $RUN_DIR/node-$port/logs" >&2
  tail -n 40 "$RUN_DIR/node-$port/logs/"*.log >&2 || true
  exit 1
}

start() {
  port="${1:-9200}"
  launch "$port" "dailypapers-test-$port" -E discovery.type=single-node
  wait_for "$port" 1
  echo "elasticsearch $VERSION on http://127.0.0.1:$port (pid $(cat "$RUN_DIR/node-$port/pid"))"
}

node() {
  port="$1"; cluster="$2"; seeds="$3"
  hosts=""; masters=""
  for p in ${seeds//,/ }; do
    hosts="${hosts:+$hosts,}127.0.0.1:$((p + 100))"
    masters="${masters:+$masters,}node-$p"
  done
  launch "$port" "$cluster" -E discovery.seed_hosts="$hosts" -E cluster.initial_master_nodes="$masters"
}

kill9() {
  port="$1"
  pidfile="$RUN_DIR/node-$port/pid"
  if [ -f "$pidfile" ]; then
    as_root kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    as_root rm -f "$pidfile"
  fi
}

stop() {
  port="${1:-9200}"
  pidfile="$RUN_DIR/node-$port/pid"
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    as_root kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    as_root kill -9 "$pid" 2>/dev/null || true
    as_root rm -f "$pidfile"
  fi
  as_root rm -rf "$RUN_DIR/node-$port"
}

case "${1:-}" in
  install) install ;;
  start) start "${2:-9200}" ;;
  stop) stop "${2:-9200}" ;;
  node) node "$2" "$3" "$4" ;;
  wait) wait_for "$2" "${3:-1}" ;;
  kill9) kill9 "$2" ;;
  *) echo "usage: $0 install | start [PORT] | stop [PORT] | node PORT NAME SEEDS | wait PORT COUNT | kill9 PORT" >&2
     exit 2 ;;
esac
