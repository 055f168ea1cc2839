#!/usr/bin/env bash
# Measures the portal's read path on loopback, against nginx serving the same bytes (the ceiling).
#   deploy/bench/portal.sh            (needs deploy/target/serambi.jar, wrk and nginx; installs nothing)
# Environment: BENCH_DATA (default /tmp/serambi-bench: embedded database with 200 agencies x 500 posts, made
# on first run by `serambi generate`), BENCH_DURATION (default 15s), BENCH_CONNECTIONS (default 64),
# BENCH_HEAP (default 256m), BENCH_PORT (default 18080), BENCH_NGINX_PORT (default 18081).
# Prints the machine, one table row per endpoint, the home page's weight, the uncached medians and the heap,
# and writes them as the newest run at the top of deploy/bench/RESULTS.md (earlier runs stay below it;
# BENCH_RESULTS=- prints only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
serambi="$here/../serambi"
data=${BENCH_DATA:-/tmp/serambi-bench}
duration=${BENCH_DURATION:-15s}
conns=${BENCH_CONNECTIONS:-64}
heap=${BENCH_HEAP:-256m}
port=${BENCH_PORT:-18080}
nginx_port=${BENCH_NGINX_PORT:-18081}
base="http://127.0.0.1:$port"
results=${BENCH_RESULTS:-$here/RESULTS.md}
if [ "$results" != "-" ]; then
  run_out=$(mktemp /tmp/serambi-bench-run-XXXX)
  exec 3>&1 > >(tee "$run_out")
  tee_pid=$!
fi

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "portal.sh: $tool is missing (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done
[ -f "$here/../target/serambi.jar" ] || { echo "portal.sh: build the jar first: mvn -q -DskipTests package" >&2; exit 1; }

java_bin=$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV | while read -r d; do
  v=$("${d}bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] && { echo "${d}bin"; break; }; done)
jcmd="${JAVA_HOME:-}/bin/jcmd"; [ -x "$jcmd" ] || jcmd="$java_bin/jcmd"

echo "## Machine"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- cpus: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- JDK: $("$java_bin/java" -version 2>&1 | head -n1)"
echo "- wrk: -t2 -c$conns -d$duration, loopback; portal heap -Xmx$heap"

if [ ! -f "$data/generated-200x500" ]; then
  echo "## Generating 200 agencies x 500 posts in $data"
  start=$(date +%s)
  "$serambi" generate --tenants 200 --posts-per-tenant 500 --data "$data" | grep -m1 '^Serambi: generated' || true
  echo "- generate took $(( $(date +%s) - start )) s"
  touch "$data/generated-200x500"
fi

gclog="$data/gc-bench.log"
rm -f "$gclog"
SERAMBI_JAVA_OPTS="-Xmx$heap -Xms64m -Xlog:gc:file=$gclog" "$serambi" portal --port "$port" --host 127.0.0.1 --data "$data" \
  >"$data/portal-bench.out" 2>&1 &
portal_pid=$!
nginx_dir=$(mktemp -d /tmp/serambi-nginx-XXXX)
cleanup() {
  kill "$portal_pid" 2>/dev/null || true
  [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null || true
  rm -rf "$nginx_dir"
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$base/health" >/dev/null || { echo "portal did not start; see $data/portal-bench.out" >&2; exit 1; }

agency=dinas-kesehatan
post=$(curl -s "$base/$agency" | grep -o "/$agency/berita/[a-z0-9-]*" | head -n1)
endpoints=("/" "/$agency" "$post" "/cari?q=posyandu" "/feed.xml")
names=("district home" "agency home" "post page" "search" "feed")

# wrk prints "Requests/sec: N" and, with --latency, "50% X" and "99% Y".
measure() { # url [header]
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c"$conns" -d"$duration" --latency -H "$2" "$1"); else out=$(wrk -t2 -c"$conns" -d"$duration" --latency "$1"); fi
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$rps|$p50|$p99|${non2xx:-0}"
}

# Warm-up: the JIT compiles the hot paths first, so the first endpoint is not measured on a cold JVM.
for path in "${endpoints[@]}"; do curl -s -o /dev/null "$base$path"; done
wrk -t2 -c"$conns" -d10s -H "Accept-Encoding: gzip" "$base/" >/dev/null
wrk -t2 -c"$conns" -d5s "$base/$agency" >/dev/null

echo
echo "## Cached pages (wrk, Accept-Encoding: gzip unless noted)"
echo "| endpoint | path | status | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
for i in "${!endpoints[@]}"; do
  path=${endpoints[$i]}
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path"); curl -s -o /dev/null "$base$path"
  IFS='|' read -r rps p50 p99 non2xx <<<"$(measure "$base$path" "Accept-Encoding: gzip")"
  [ "$i" = 0 ] && home_gz_rps=$rps
  echo "| ${names[$i]} | \`$path\` | $status | $rps | $p50 | $p99 | $non2xx |"
done
curl -s -o "$nginx_dir/index.html" "$base/"
# The same page gzipped, byte for byte as the portal sends it, for nginx's gzip_static: the like-for-like ceiling
# for what browsers (which all send Accept-Encoding: gzip) receive.
curl -s -H 'Accept-Encoding: gzip' -o "$nginx_dir/index.html.gz" "$base/"
IFS='|' read -r home_rps home_p50 home_p99 _ <<<"$(measure "$base/")"
echo "| district home, identity (same bytes as nginx) | \`/\` | 200 | $home_rps | $home_p50 | $home_p99 | 0 |"

cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes auto;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $nginx_dir; location / { default_type text/html; gzip_static on; } }
}
CONF
chmod 755 "$nginx_dir"; chmod 644 "$nginx_dir/index.html" "$nginx_dir/index.html.gz"
nginx -c "$nginx_dir/nginx.conf" -p "$nginx_dir"
sleep 1
IFS='|' read -r ng_rps ng_p50 ng_p99 _ <<<"$(measure "http://127.0.0.1:$nginx_port/index.html")"
echo "| nginx, same home-page bytes as a static file (ceiling) | \`/index.html\` | 200 | $ng_rps | $ng_p50 | $ng_p99 | 0 |"
IFS='|' read -r ngz_rps ngz_p50 ngz_p99 _ <<<"$(measure "http://127.0.0.1:$nginx_port/index.html" "Accept-Encoding: gzip")"
echo "| nginx, same gzipped home-page bytes (gzip_static, ceiling) | \`/index.html\` | 200 | $ngz_rps | $ngz_p50 | $ngz_p99 | 0 |"
echo
echo "- portal/nginx, home identity: $(awk -v a="$home_rps" -v b="$ng_rps" 'BEGIN {printf "%.2f", a/b}')"
echo "- portal/nginx, home gzip: $(awk -v a="$home_gz_rps" -v b="$ngz_rps" 'BEGIN {printf "%.2f", a/b}')"

median_ms() { # path-prefix count
  for i in $(seq 1 "$2"); do curl -s -o /dev/null -w '%{time_total}\n' "$base$1$i"; done \
    | sort -n | awk '{a[NR]=$1} END {printf "%.1f", 1000*(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}
echo
echo "## Uncached (each request a new cache key: rendered from the database, sequential, curl time_total)"
echo "- district home, 100,000 posts: median $(median_ms '/?nocache=' 101) ms (101 requests)"
echo "- agency home: median $(median_ms "/$agency?nocache=" 101) ms (101 requests)"
echo "- post page: median $(median_ms "$post?nocache=" 101) ms (101 requests)"
echo "- search \`/cari?q=posyandu\`: median $(median_ms '/cari?q=posyandu&nocache=' 51) ms (51 requests, status $(curl -s -o /dev/null -w '%{http_code}' "$base/cari?q=posyandu"))"
echo "- feed \`/feed.xml\`: median $(median_ms '/feed.xml?nocache=' 51) ms (51 requests)"

echo
echo "## District home weight (before images; target: HTML and CSS under 100 KB)"
home_bytes=$(curl -s "$base/" | wc -c)
css_bytes=0
for css in $(curl -s "$base/" | grep -o 'href="/assets/[^"]*\.css[^"]*"' | sed 's/^href="//; s/"$//' | sort -u); do
  css_bytes=$(( css_bytes + $(curl -s "$base$css" | wc -c) ))
done
home_gz=$(curl -s -H 'Accept-Encoding: gzip' "$base/" | wc -c)
echo "- HTML $home_bytes bytes + CSS $css_bytes bytes = $(( (home_bytes + css_bytes + 512) / 1024 )) KB uncompressed ($home_gz bytes of HTML gzipped); $(curl -s "$base/" | grep -o 'class="agency-entry"' | wc -l) agency entries"

echo
echo "## Heap (-Xmx$heap)"
"$jcmd" "$portal_pid" GC.heap_info 2>/dev/null | head -n 3 | sed 's/^/    /' || true
# G1 lines look like "... Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.1ms"
awk 'match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) { s=substr($0, RSTART, RLENGTH); split(s, a, /M->|M\(|M\)/);
     if (a[1]>before) before=a[1]; if (a[2]>after) after=a[2]; cap=a[3]; n++ }
     END { printf "- GC log: %d collections; peak heap used %d MB (before a GC), most live after a GC %d MB, committed %d MB\n", n, before, after, cap }' "$gclog"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$results" != "-" ]; then
  exec >&3 3>&-; wait "$tee_pid" 2>/dev/null || true
  previous=$( [ -f "$results" ] && tail -n +2 "$results" || true)
  { echo "# Portal read path, measured"; echo; echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC') (written by deploy/bench/portal.sh)"; echo
    sed 's/^## /### /' "$run_out"; echo; echo "$previous"; } >"$results.new" && mv "$results.new" "$results"
  rm -f "$run_out"
fi
