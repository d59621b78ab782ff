#!/usr/bin/env bash
# Starts throw-away ClickHouse servers (Debian's clickhouse-server) on loopback ports, in a temporary directory,
# forming one cluster "jw" of N shards (one server per shard, no replicas) — the analytics backend's test and
# benchmark cluster (docs/adr/0067-province-on-clickhouse.md).
#   clickhouse_local.sh start STATE [SHARDS]  → prints "http://127.0.0.1:PORT" of every server, one a line
#   clickhouse_local.sh stop STATE
# Servers run niced, with small caches and 2 threads per query (the machine is shared).
set -euo pipefail
BIN=${JW_CLICKHOUSE_SERVER:-/usr/sbin/clickhouse-server}
STATE=${2:-}
[ -n "$STATE" ] || { echo "usage: $0 start|stop STATE [SHARDS]" >&2; exit 2; }
case "${1:-}" in
start)
  shards=${3:-1}
  [ -x "$BIN" ] || { echo "clickhouse-server not installed ($BIN): run scripts/setup.sh" >&2; exit 3; }
  dir=$(mktemp -d /tmp/jw_ch.XXXXXX)
  RUN=(); if [ "$(id -u)" -eq 0 ]; then chown clickhouse:clickhouse "$dir" 2>/dev/null && RUN=(runuser -u clickhouse --); fi
  declare -a http tcp inter
  for i in $(seq 1 "$shards"); do
    http[$i]=$(bash "$(dirname "$0")/free_port.sh")
    tcp[$i]=$(bash "$(dirname "$0")/free_port.sh")
    inter[$i]=$(bash "$(dirname "$0")/free_port.sh")
  done
  remote=""
  for i in $(seq 1 "$shards"); do
    remote+="<shard><replica><host>127.0.0.1</host><port>${tcp[$i]}</port></replica></shard>"
  done
  : > "$dir/pids"
  for i in $(seq 1 "$shards"); do
    d="$dir/s$i"; mkdir -p "$d/data" "$d/tmp" "$d/log"
    cat > "$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http[$i]}</http_port>
  <tcp_port>${tcp[$i]}</tcp_port>
  <interserver_http_port>${inter[$i]}</interserver_http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/tmp/</user_files_path>
  <format_schema_path>$d/tmp/</format_schema_path>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <timezone>UTC</timezone>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers><jw>$remote</jw></remote_servers>
</yandex>
XML
    cat > "$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_threads>2</max_threads><max_memory_usage>2000000000</max_memory_usage><max_query_size>16777216</max_query_size></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
    [ ${#RUN[@]} -gt 0 ] && chown -R clickhouse:clickhouse "$d"
    nice -n 10 "${RUN[@]}" "$BIN" --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 &
    echo $! >> "$dir/pids"
  done
  echo "$dir" > "$STATE"
  # Ready when every server answers /ping (start-up takes about a second; bounded at 60 s under load).
  for i in $(seq 1 "$shards"); do
    for _ in $(seq 1 600); do
      curl -sf "http://127.0.0.1:${http[$i]}/ping" >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -sf "http://127.0.0.1:${http[$i]}/ping" >/dev/null || { echo "clickhouse shard $i did not start:" >&2; tail -5 "$dir/s$i/log/error.log" "$dir/s$i/log/stdout.log" >&2; exit 1; }
  done
  for i in $(seq 1 "$shards"); do echo "http://127.0.0.1:${http[$i]}"; done
  ;;
stop)
  [ -f "$STATE" ] || exit 0
  dir=$(cat "$STATE")
  if [ -f "$dir/pids" ]; then
    for pid in $(cat "$dir/pids"); do kill "$pid" 2>/dev/null || true; done
    for pid in $(cat "$dir/pids"); do
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    done
  fi
  rm -rf "$dir" "$STATE"
  ;;
*) echo "usage: $0 start|stop STATE [SHARDS]" >&2; exit 2 ;;
esac
