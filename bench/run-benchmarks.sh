#!/usr/bin/env bash
# Runs the measurements behind BENCHMARKS.md on this machine: every server pinned to core 0, the load generator
# (switchboard bench) to core 1, each figure RUNS times, one JSON line per run in $OUT/<section>.jsonl.
#
#   bench/run-benchmarks.sh [section ...]     sections: jvm relay scale latency sweep join session node memory hold crossnode
#
# Needs: the jar (mvn -B -ntp -pl server-app -am package -DskipTests), node + `npm ci` in bench/node for the node
# section, `ulimit -n` >= 20000 for memory/hold. Summarise with: python3 bench/summarize.py $OUT
set -euo pipefail
cd "$(dirname "$0")/.."
for port in 18181 18182 18190 18281 18282; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is taken: stop what listens there" >&2; exit 1; fi
done
JAR=${JAR:-server-app/target/switchboard.jar}
OUT=${OUT:-bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
RUNS=${RUNS:-3}
DURATION=${DURATION:-8s}
# The latency sections measure after a longer warmup: each bench run is a fresh JVM whose JIT compiles for several
# seconds, and compiling on the bench's core (or, cross-node, on the shared cores) delays sends, which the open loop
# rightly counts as latency. With --reference-url the reference half would run in the colder JVM.
LATENCY_WARMUP=${LATENCY_WARMUP:-10s}
SERVER_OPTS=${SERVER_OPTS:-$(sed -n 's/^default_opts="\(.*\)"$/\1/p' switchboard)}
LIMITS="--max-messages-per-second 1000000 --message-burst 1000000 --disable-join-rate-limit --max-connections 30000"
mkdir -p "$OUT"
pids=()
trap 'for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done' EXIT

start() { # start NAME PORT COMMAND...: runs COMMAND on core 0, waits for PORT
  local name=$1 port=$2; shift 2
  taskset -c 0 "$@" >"$OUT/$name.log" 2>&1 &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  if ! kill -0 "$pid" 2>/dev/null; then echo "$name did not start:"; cat "$OUT/$name.log"; exit 1; fi
  echo "$pid" >"$OUT/$name.pid"
}
pid_of() { cat "$OUT/$1.pid"; }
stop() { local p; p=$(pid_of "$1"); kill "$p" 2>/dev/null || true; while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; }
bench() { taskset -c 1 java -jar "$JAR" bench --json "$@"; }
record() { # record SECTION LABEL BENCH-ARGS...: one warm-up run, then RUNS recorded runs
  local section=$1 label=$2; shift 2
  bench "$@" --duration 3s >/dev/null || true
  for i in $(seq 1 "$RUNS"); do
    echo "{\"label\":\"$label\",\"run\":$i,\"result\":$(bench "$@" --duration "$DURATION")}" >>"$OUT/$section.jsonl"
  done
  echo "  $section/$label done"
}
start_switchboard() { start switchboard 18181 java $SERVER_OPTS -jar "$JAR" serve --app dropsilk=18181 --app privydrop=18182 --host 127.0.0.1 $LIMITS; }
start_reference() { start reference 18190 java $SERVER_OPTS -jar "$JAR" reference-relay --port 18190 --host 127.0.0.1; }
vs_reference() { echo --reference-url ws://127.0.0.1:18190/ --reference-pid "$(pid_of reference)" --server-pid "$(pid_of switchboard)"; }
DS="--url ws://127.0.0.1:18181/ --dialect dropsilk"
PD="--url http://127.0.0.1:18182 --dialect privydrop"

section_jvm() { # the launcher's GC and heap, chosen from these
  local name opts
  for name in g1-pause20 g1-default parallel serial; do
    case $name in
      g1-pause20) opts="-Xms64m -XX:+UseG1GC -XX:MaxGCPauseMillis=20" ;;
      g1-default) opts="-Xms64m -XX:+UseG1GC" ;;
      parallel) opts="-Xms64m -XX:+UseParallelGC" ;;
      serial) opts="-Xms64m -XX:+UseSerialGC" ;;
    esac
    start switchboard 18181 java $opts -jar "$JAR" serve --app dropsilk=18181 --app privydrop=18182 --host 127.0.0.1 $LIMITS
    record jvm "$name/dropsilk" $DS --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of switchboard)"
    record jvm "$name/privydrop" $PD --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of switchboard)"
    stop switchboard
  done
}
section_relay() {
  for p in candidate offer; do
    record relay "dropsilk/$p/100x4" $DS --pairs 100 --window 4 --payload $p $(vs_reference)
    record relay "privydrop/$p/100x4" $PD --pairs 100 --window 4 --payload $p $(vs_reference)
  done
}
section_scale() {
  for w in 4 1; do
    record scale "dropsilk/1000x$w" $DS --pairs 1000 --window $w --payload candidate --source-addresses 100 $(vs_reference)
    record scale "privydrop/1000x$w" $PD --pairs 1000 --window $w --payload candidate --source-addresses 100 $(vs_reference)
  done
}
section_latency() { # open loop at half of each dialect's closed-loop rate, measured just before
  local d args max
  for d in dropsilk privydrop; do
    if [ $d = dropsilk ]; then args=$DS; else args=$PD; fi
    max=$(bench $args --pairs 100 --window 4 --payload candidate --duration 5s | python3 -c 'import json,sys; print(json.load(sys.stdin)["messagesPerSecond"])')
    record latency "$d/open-loop-50pct" $args --pairs 100 --payload candidate --rate $((max / 2)) --warmup $LATENCY_WARMUP $(vs_reference)
  done
}
section_sweep() { # open-loop latency at rates the one-core bench sustains, against the reference in the same run
  local rate
  # the floor: one message in flight on one pair, no timer in the bench
  record sweep "dropsilk/closed-1x1" $DS --pairs 1 --window 1 --payload candidate --warmup $LATENCY_WARMUP $(vs_reference)
  record sweep "privydrop/closed-1x1" $PD --pairs 1 --window 1 --payload candidate --warmup $LATENCY_WARMUP $(vs_reference)
  for rate in 2000 20000 50000; do
    record sweep "dropsilk/open-$rate" $DS --pairs 100 --payload candidate --rate $rate --warmup $LATENCY_WARMUP $(vs_reference)
    record sweep "privydrop/open-$rate" $PD --pairs 100 --payload candidate --rate $rate --warmup $LATENCY_WARMUP $(vs_reference)
  done
}
section_join() {
  record join "dropsilk" $DS --scenario join --pairs 100 $(vs_reference)
  record join "privydrop" $PD --scenario join --pairs 100 $(vs_reference)
}
section_session() {
  record session "dropsilk" $DS --scenario session --pairs 100 $(vs_reference)
  record session "privydrop" $PD --scenario session --pairs 100 $(vs_reference)
}
section_node() { # Switchboard and the Node relays, alternately, in one run
  start ws-relay 18281 node bench/node/ws-relay.js 18281
  start socketio-relay 18282 node bench/node/socketio-relay.js 18282
  local i
  for i in $(seq 1 "$RUNS"); do
    RUNS=1 record node "switchboard/dropsilk/relay" $DS --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of switchboard)"
    RUNS=1 record node "node-ws/dropsilk/relay" --url ws://127.0.0.1:18281/ --dialect dropsilk --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of ws-relay)"
    RUNS=1 record node "switchboard/privydrop/relay" $PD --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of switchboard)"
    RUNS=1 record node "node-socketio/privydrop/relay" --url http://127.0.0.1:18282 --dialect privydrop --pairs 100 --window 4 --payload candidate --server-pid "$(pid_of socketio-relay)"
    RUNS=1 record node "switchboard/dropsilk/join" $DS --scenario join --pairs 100 --server-pid "$(pid_of switchboard)"
    RUNS=1 record node "node-ws/dropsilk/join" --url ws://127.0.0.1:18281/ --dialect dropsilk --scenario join --pairs 100 --server-pid "$(pid_of ws-relay)"
    RUNS=1 record node "switchboard/privydrop/join" $PD --scenario join --pairs 100 --server-pid "$(pid_of switchboard)"
    RUNS=1 record node "node-socketio/privydrop/join" --url http://127.0.0.1:18282 --dialect privydrop --scenario join --pairs 100 --server-pid "$(pid_of socketio-relay)"
  done
  stop ws-relay
  stop socketio-relay
}
stop_servers() { local name; for name in switchboard reference; do [ -f "$OUT/$name.pid" ] && stop $name; done; return 0; }
section_memory() { # idle connections: memory per connection, fresh processes, 1k..N
  local n=${CONNECTIONS:-10000} i
  stop_servers
  for i in $(seq 1 "$RUNS"); do
    start_switchboard
    echo "{\"label\":\"switchboard/dropsilk\",\"run\":$i,\"result\":$(bench $DS --scenario connect --connections $n --source-addresses 1000 --hold 2s --server-pid "$(pid_of switchboard)")}" >>"$OUT/memory.jsonl"
    stop switchboard; start_switchboard
    echo "{\"label\":\"switchboard/privydrop\",\"run\":$i,\"result\":$(bench $PD --scenario connect --connections $n --source-addresses 1000 --hold 2s --server-pid "$(pid_of switchboard)")}" >>"$OUT/memory.jsonl"
    stop switchboard; start_reference
    echo "{\"label\":\"reference\",\"run\":$i,\"result\":$(bench --url ws://127.0.0.1:18190/ --dialect reference --scenario connect --connections $n --source-addresses 1000 --hold 2s --server-pid "$(pid_of reference)")}" >>"$OUT/memory.jsonl"
    stop reference
    start ws-relay 18281 node bench/node/ws-relay.js 18281
    echo "{\"label\":\"node-ws\",\"run\":$i,\"result\":$(bench --url ws://127.0.0.1:18281/ --dialect dropsilk --scenario connect --connections $n --source-addresses 1000 --hold 2s --server-pid "$(pid_of ws-relay)")}" >>"$OUT/memory.jsonl"
    stop ws-relay
    start socketio-relay 18282 node bench/node/socketio-relay.js 18282
    echo "{\"label\":\"node-socketio\",\"run\":$i,\"result\":$(bench --url http://127.0.0.1:18282 --dialect privydrop --scenario connect --connections $n --source-addresses 1000 --hold 2s --server-pid "$(pid_of socketio-relay)")}" >>"$OUT/memory.jsonl"
    stop socketio-relay
    echo "  memory run $i done"
  done
}
section_hold() { # 19,000 connections held 10 minutes, then the cap answers 503
  stop_servers
  start switchboard 18181 java $SERVER_OPTS -jar "$JAR" serve --app dropsilk=18181 --host 127.0.0.1 --max-connections 19100
  echo "{\"label\":\"hold-19000\",\"run\":1,\"result\":$(bench $DS --scenario connect --connections 19000 --source-addresses 1000 --hold ${HOLD:-10m} --server-pid "$(pid_of switchboard)")}" >>"$OUT/hold.jsonl"
  stop switchboard
  start switchboard 18181 java $SERVER_OPTS -jar "$JAR" serve --app dropsilk=18181 --host 127.0.0.1 --max-connections 1000
  echo "{\"label\":\"cap-1000-of-1100\",\"run\":1,\"result\":$(bench $DS --scenario connect --connections 1100 --source-addresses 100 --hold 2s)}" >>"$OUT/hold.jsonl" || true
  stop switchboard
}

section_crossnode() { # two nodes on one Redis, every pair split across them; nothing pinned (four processes, 2 cores)
  stop_servers
  local redis=${REDIS_SERVER:-$(command -v redis-server || true)}
  if [ -z "$redis" ]; then # the Redis 7 binary the tests use, from the embedded-redis artifact in the Maven cache
    redis=$OUT/redis-server
    unzip -p ~/.m2/repository/org/signal/embedded-redis/0.9.1/embedded-redis-0.9.1.jar redis-server-7.0.15-linux-amd64 >"$redis"
    chmod +x "$redis"
  fi
  "$redis" --port 18379 --bind 127.0.0.1 --save '' --appendonly no >"$OUT/redis.log" 2>&1 &
  pids+=($!)
  sleep 1
  local store=redis://127.0.0.1:18379
  java $SERVER_OPTS -jar "$JAR" serve --app dropsilk=18181 --app privydrop=18182 --host 127.0.0.1 --store $store $LIMITS >"$OUT/node-a.log" 2>&1 &
  pids+=($!); local a=$!
  java $SERVER_OPTS -jar "$JAR" serve --app dropsilk=18183 --app privydrop=18184 --host 127.0.0.1 --store $store $LIMITS >"$OUT/node-b.log" 2>&1 &
  pids+=($!); local b=$!
  for port in 18181 18182 18183 18184; do
    for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  done
  local cross_ds="--url ws://127.0.0.1:18181/ --guest-url ws://127.0.0.1:18183/ --dialect dropsilk"
  local cross_pd="--url http://127.0.0.1:18182 --guest-url http://127.0.0.1:18184 --dialect privydrop"
  record crossnode "dropsilk/closed-100x4" $cross_ds --pairs 100 --window 4 --payload candidate
  record crossnode "privydrop/closed-100x4" $cross_pd --pairs 100 --window 4 --payload candidate
  record crossnode "dropsilk/open-50000" $cross_ds --pairs 100 --payload candidate --rate 50000 --warmup $LATENCY_WARMUP
  record crossnode "privydrop/open-50000" $cross_pd --pairs 100 --payload candidate --rate 50000 --warmup $LATENCY_WARMUP
  kill $a $b
}

sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(jvm relay scale latency join session node memory hold)
echo "results in $OUT"
for s in "${sections[@]}"; do
  case $s in
    relay|scale|latency|sweep|join|session|node) [ -f "$OUT/switchboard.pid" ] && kill -0 "$(pid_of switchboard)" 2>/dev/null || start_switchboard ;;
  esac
  case $s in relay|scale|latency|sweep|join|session) [ -f "$OUT/reference.pid" ] && kill -0 "$(pid_of reference)" 2>/dev/null || start_reference ;; esac
  echo "section $s"
  "section_$s"
done
