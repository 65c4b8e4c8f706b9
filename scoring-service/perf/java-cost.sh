#!/usr/bin/env bash
# The Java work of scoring-service per event, alone (no Redis, no Kafka, one thread): decoding,
# the ledger's apply and diff, the commit's EVALSHA arguments, the tier-change records.
#   scoring-service/perf/java-cost.sh [events] [customers] [rounds]   (defaults 300000 250000 4)
# The first round includes the JIT's warm-up; read the later ones. Uses bench's synthetic stream.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
./mvnw -B -q -o -pl bench -am package -DskipTests >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
CP="scoring-service/target/classes:bench/target/classes:$(ls bench/target/lib/*.jar | tr '\n' ':')"
javac -d "$OUT" -cp "$CP" scoring-service/perf/JavaCost.java
java ${JAVA_COST_OPTS:--Xms1g -Xmx2g} -cp "$OUT:$CP" io.tierwatch.scoring.ledger.JavaCost "${1:-300000}" "${2:-250000}" "${3:-4}" 2>&1 | grep -v '^SLF4J'
