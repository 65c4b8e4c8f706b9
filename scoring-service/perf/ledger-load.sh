#!/usr/bin/env bash
# Measures the ledger's Redis cost on a synthetic stream, without Kafka or the service:
#   scoring-service/perf/ledger-load.sh [events] [customers]   (defaults 200000 160000)
#   scoring-service/perf/ledger-load.sh --commit-alternatives [customers]   (default 300000): the
#     commit by EVALSHA against WATCH/MULTI/EXEC, Redis alone (CommitAlternatives.java)
#   scoring-service/perf/ledger-load.sh --layout-alternatives [customers]   (default 200000): a new
#     customer's state as a hash, as one string, and as one string beside a pending-change hash
#     (LayoutAlternatives.java)
# Starts a private redis-server on port 17379 (REDIS_PORT), compiles the module, runs LedgerLoad.java.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=${REDIS_PORT:-17379}
cd "$ROOT"
./mvnw -B -q -o -pl scoring-service -am compile >/dev/null
M2=${HOME}/.m2/repository
CP=scoring-service/target/classes:contracts/target/classes
for jar in redis/clients/jedis/7.0.0/jedis-7.0.0.jar org/apache/commons/commons-pool2/2.12.1/commons-pool2-2.12.1.jar \
    com/google/code/gson/gson/2.13.2/gson-2.13.2.jar org/json/json/20250517/json-20250517.jar \
    org/slf4j/slf4j-api/2.0.18/slf4j-api-2.0.18.jar tools/jackson/core/jackson-databind/3.1.4/jackson-databind-3.1.4.jar \
    tools/jackson/core/jackson-core/3.1.4/jackson-core-3.1.4.jar \
    com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar \
    org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar; do
  CP=$CP:$M2/$jar
done
redis-server --port "$PORT" --save '' --appendonly no --daemonize yes --pidfile /tmp/ledger-load-$PORT.pid \
  --logfile /tmp/ledger-load-$PORT.log
trap 'kill "$(cat /tmp/ledger-load-'"$PORT"'.pid)" 2>/dev/null || true' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done
if [ "${1:-}" = --layout-alternatives ]; then
  java -cp "$CP" scoring-service/perf/LayoutAlternatives.java "redis://127.0.0.1:$PORT" \
    scoring-service/src/main/resources/redis/commit.lua "${2:-200000}"
elif [ "${1:-}" = --commit-alternatives ]; then
  java -cp "$CP" scoring-service/perf/CommitAlternatives.java "redis://127.0.0.1:$PORT" \
    scoring-service/src/main/resources/redis/commit.lua "${2:-300000}"
else
  java ${LEDGER_LOAD_JAVA_OPTS:-} -cp "$CP" scoring-service/perf/LedgerLoad.java "redis://127.0.0.1:$PORT" "${1:-200000}" "${2:-160000}"
fi
