#!/bin/bash
# Redis cost of an apply script on a private redis-server (PORT, default 6399; FLUSHALL!):
# measure.sh <apply.lua> <key parts, e.g. s,b,t,o,h> <customers>. See docs/scoring-service.md.
LUA=$1; PARTS=$2; N=$3; P=${PORT:-6399}
R="redis-cli -p $P"
$R FLUSHALL >/dev/null; $R SCRIPT FLUSH >/dev/null
SHA=$($R SCRIPT LOAD "$(cat $LUA)")
echo "script $LUA sha $SHA keys $PARTS"
M0=$($R INFO memory | grep '^used_memory:' | cut -d: -f2 | tr -d '\r')
$R CONFIG RESETSTAT >/dev/null
python3 "$(dirname "$0")/load.py" $SHA $N $PARTS | $R --pipe | tail -1
echo "load of $N customers: $($R INFO commandstats | grep evalsha)"
# the service publishes and HDELs the outbox: drop it as it would
python3 -c "
import sys
for i in range($N): print('DEL tw:score:{c-%06d}:o' % i)" | $R > /dev/null
M1=$($R INFO memory | grep '^used_memory:' | cut -d: -f2 | tr -d '\r')
echo "used_memory delta (outbox published) $((M1-M0)) B = $(( (M1-M0)/N )) B/customer; keys $($R DBSIZE)"
for p in ${PARTS//,/ }; do
  python3 -c "
for i in range(1000): print('MEMORY USAGE tw:score:{c-%06d}:$p' % i)" | $R | awk -v p=$p '{s+=$1} END {printf "part %s: %d B avg over 1000 customers\n", p, s/1000}'
done
echo "state encoding $($R OBJECT ENCODING 'tw:score:{c-000001}:s') buckets $($R OBJECT ENCODING 'tw:score:{c-000001}:b')"
$R HGETALL 'tw:score:{c-000001}:s' | paste -sd' '
K='tw:score:{c__rand_int__}'
KEYS=""; NK=0; for p in ${PARTS//,/ }; do KEYS="$KEYS $K:$p"; NK=$((NK+1)); done
ARGS="event '' 1 '' e-1 10200 2026-01-01T00:00:00Z order o-1 10000 7000 0 1 0 2026-01 '' '' '' 0 90 100000 10000 50 10 5000 p1 5 30 365 90 1000000 20 10"
$R CONFIG RESETSTAT >/dev/null
eval redis-benchmark -p $P -n 20000 -c 4 -r 5000 -q EVALSHA $SHA $NK $KEYS $ARGS | tr '\r' '\n' | tail -1 | sed 's/.*: \([0-9.]* requests\)/\1/'
echo "docs command (random keys): $($R INFO commandstats | grep evalsha)"
KW='tw:score:{cw}'
KEYS=""; for p in ${PARTS//,/ }; do KEYS="$KEYS $KW:$p"; done
$R CONFIG RESETSTAT >/dev/null
eval redis-benchmark -p $P -n 20000 -c 4 -q EVALSHA $SHA $NK $KEYS $ARGS | tr '\r' '\n' | tail -1 | sed 's/.*: \([0-9.]* requests\)/\1/'
echo "one warm customer: $($R INFO commandstats | grep evalsha)"
uptime
