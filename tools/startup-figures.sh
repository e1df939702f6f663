#!/usr/bin/env bash
# Start-up time and heap after start of the packaged service, on the embedded default (H2 file, demo
# data) and on PostgreSQL (postgres profile, fresh database). Prints a Markdown table.
#   ./mvnw -q package -DskipTests && tools/startup-figures.sh [runs]
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres) for the second row. STARTUP_PORT (18080) and
# STARTUP_DATABASE (support_plans_startup, dropped and re-created) choose the port and the database.
#
# The start-up takes about 25 s of CPU (half of it the JIT compilers'), so on 2 cores its wall time follows what
# else runs: about 14 s on an idle machine, about 29 s while another process keeps one core busy. Each row says
# so: the service's CPU seconds, and the share of the machine's CPU that other processes used meanwhile
# (PostgreSQL's work for the service included, a few per cent). Compare wall times only between rows whose
# other processes' share is low; the CPU seconds compare across rows.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/support-plans-*.jar | grep -v original | head -1)
port=${STARTUP_PORT:-18080}
database=${STARTUP_DATABASE:-support_plans_startup}

hz=$(getconf CLK_TCK)
cores=$(nproc)
busy_ticks() { # the machine's CPU time so far, all processes, in clock ticks (user, nice, system, irq, softirq, steal)
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}

measure() { # label, then extra java arguments
  local label=$1; shift
  for run in $(seq 1 "$runs"); do
    local work; work=$(mktemp -d)
    if [[ $label == postgres ]]; then
      PGOPTIONS=--client-min-messages=warning psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $database with (force)" \
        -c "create database $database" postgres
    fi
    local busy0; busy0=$(busy_ticks)
    local start; start=$(date +%s.%N)
    (cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port=$port "$@" > "$work/log" 2>&1) &
    local pid=$!
    until curl -fs "http://localhost:$port/actuator/health" > /dev/null 2>&1; do
      sleep 0.1
      kill -0 $pid 2> /dev/null || { echo "service died, see $work/log" >&2; exit 1; }
    done
    local up; up=$(echo "$(date +%s.%N) - $start" | bc)
    local busy1; busy1=$(busy_ticks)
    local java_pid; java_pid=$(pgrep -f "server.port=$port" | head -1)
    local cpu; cpu=$(awk -v hz="$hz" '{print ($14 + $15) / hz}' /proc/"$java_pid"/stat)
    local others; others=$(echo "100 * (($busy1 - $busy0) / $hz - $cpu) / ($up * $cores)" | bc -l)
    jcmd "$java_pid" GC.run > /dev/null
    local heap; heap=$(jcmd "$java_pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K","",v); print int(v/1024); exit}}')
    local rss; rss=$(( $(awk '/VmRSS/ {print $2}' /proc/"$java_pid"/status) / 1024 ))
    printf '| %s | %d | %.1f s | %.1f s | %.0f %% | %s MiB | %s MiB |\n' "$label" "$run" "$up" "$cpu" "$others" "$heap" "$rss"
    kill "$java_pid"; wait $pid 2> /dev/null || true
    rm -rf "$work"
  done
}

echo "| database | run | start-up (to health UP) | service CPU time | other processes' CPU | heap used after a full GC | process RSS |"
echo "|---|---|---|---|---|---|---|"
measure embedded-h2
measure postgres --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$database \
  --spring.datasource.username=postgres
