#!/usr/bin/env bash
# The request engine's precision, reproduced: starts nginx (one worker, access_log off, a 100-byte
# file) on 127.0.0.1, runs `bin/loadlab run` against it at each rate with default settings, samples
# the injector JVM's CPU from /proc over a steady window (and its event loop's kernel share and time
# spent runnable but waiting for a CPU), runs wrk against the same nginx after each run for scale,
# and prints a table of every run and the median [min–max] per rate. First it prints the machine
# (hypervisor, idle driver, wake-up boot flags) and the floor: how late this machine wakes a parked
# thread (WakeUp.java), idle and with nginx busy.
#
#   benchmarks/engine/measure.sh                               # 5 runs each at 2000, 10000 and 30000/s, 20 s each
#   benchmarks/engine/measure.sh --rates 10000 --runs 3 -- --idle tight     # flags after -- go to 'loadlab run'
#   benchmarks/engine/measure.sh --hyperfoil                   # and Hyperfoil 0.25.2 at the same rate after each run
#
# Needs nginx and wrk (Debian: apt-get install nginx wrk) and python3; --hyperfoil also Maven, once online. Everything is on loopback,
# bounded in time, and only the processes this script starts are stopped, by PID.
set -euo pipefail

rates="2000,10000,30000"; runs=5; duration=20; warmup=5; window=10; extra=(); hyperfoil=no
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --duration) duration="${2%s}"; shift 2 ;;
    --warmup) warmup="${2%s}"; shift 2 ;;
    --hyperfoil) hyperfoil=yes; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "measure.sh: unknown option '$1'; see --help" >&2; exit 2 ;;
  esac
done
for tool in nginx wrk python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "measure.sh: $tool is missing; install it (apt-get install nginx wrk python3)" >&2; exit 2; }
done
[ "$duration" -ge $((window + 5)) ] || { echo "measure.sh: --duration must be at least $((window + 5))s for a ${window} s steady window" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
chmod 755 "$work"  # nginx's worker runs as another user
head -c 100 /dev/zero | tr '\0' 'x' > "$work/file"
chmod 644 "$work/file"
mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$port; location = /file { alias $work/file; } }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -e "$work/logs/error.log" &
nginx_pid=$!
cleanup() { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
answer=""
for _ in $(seq 1 50); do
  answer="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/file" 2>/dev/null || true)"
  [ "$answer" = 200 ] && break
  sleep 0.1
done
[ "$answer" = 200 ] || { echo "measure.sh: nginx on 127.0.0.1:$port does not serve the file (HTTP $answer); see $work/logs/error.log" >&2; exit 1; }

ticks="$(getconf CLK_TCK)"
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the injector's event-loop threads (Netty names them multiThreadIoEventLoopGroup-N-M; comm keeps 15 characters)
loops_of() { grep -l '^multiThreadIoEv' /proc/"$1"/task/*/comm 2>/dev/null | cut -d/ -f5 | tr '\n' ' '; }
# summed over those threads: kernel ticks, all ticks, nanoseconds runnable but waiting for a CPU (schedstat's second
# field), and voluntary context switches (each one a sleep the thread was woken from)
loop_sample() {
  local k=0 a=0 w=0 v=0 t
  for t in $2; do
    read -r u s < <(awk '{print $14, $15}' "/proc/$1/task/$t/stat" 2>/dev/null || echo "0 0")
    k=$((k + s)); a=$((a + u + s))
    w=$((w + $(awk '{print $2}' "/proc/$1/task/$t/schedstat" 2>/dev/null || echo 0)))
    v=$((v + $(awk '/^voluntary_ctxt_switches/{print $2}' "/proc/$1/task/$t/status" 2>/dev/null || echo 0)))
  done
  echo "$k $a $w $v"
}
results="$work/results.tsv"
commit="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [ "$hyperfoil" = yes ]; then
  command -v mvn >/dev/null 2>&1 || { echo "measure.sh: --hyperfoil needs Maven (apt-get install maven)" >&2; exit 2; }
  mvn -q -B -f "$root/benchmarks/engine/hyperfoil/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/hyperfoil.cp" >"$work/mvn.log" 2>&1 \
    || { echo "measure.sh: could not fetch Hyperfoil from Maven Central; see $work/mvn.log" >&2; cat "$work/mvn.log" >&2; exit 1; }
fi
echo "engine precision: nginx 1 worker on 127.0.0.1:$port, 100-byte file; ${duration} s runs after a ${warmup} s warm-up; CPU over ${window} s of steady state; $(nproc) CPUs; commit $commit; $(date -u +%Y-%m-%dT%H:%MZ)"
[ ${#extra[@]} -gt 0 ] && echo "flags: ${extra[*]}"
# what decides wake-ups here: the hypervisor, the idle driver, and kernel settings a guest cannot change
echo "machine: $(grep -m1 -o 'Hypervisor detected: .*' <(dmesg 2>/dev/null) || echo 'hypervisor unknown'); Linux $(uname -r); idle driver $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo unknown); boot flags: $(tr ' ' '\n' < /proc/cmdline | grep -E 'halt_poll|haltpoll|vcpu_pack|nested|idle=' | tr '\n' ' ')"

# the floor: how late this machine wakes a parked thread, idle and while wrk keeps nginx busy
java "$root/benchmarks/engine/WakeUp.java" 100 | sed 's/^/wake-up floor, idle: /'
wrk -t1 -c16 -d8s "http://127.0.0.1:$port/file" >/dev/null 2>&1 &
wrk_pid=$!
sleep 1
java "$root/benchmarks/engine/WakeUp.java" 100 | sed 's/^/wake-up floor, nginx busy: /'
wait "$wrk_pid" || true

IFS=',' read -r -a rate_list <<< "$rates"
for rate in "${rate_list[@]}"; do
  for i in $(seq 1 "$runs"); do
    out="$work/runs-$rate-$i"
    "$root/bin/loadlab" run --target "http://127.0.0.1:$port/file" --rate "$rate/s" --duration "${duration}s" --warmup "${warmup}s" \
      --out "$out" --name "r$rate" ${extra[@]+"${extra[@]}"} > "$work/run.log" 2>&1 &
    cli=$!
    injector=""
    for _ in $(seq 1 600); do
      injector="$(pgrep -P "$cli" -f InjectorMain | head -n 1 || true)"
      [ -n "$injector" ] && break
      sleep 0.05
    done
    cpu="nan"; wall="nan"; kernel="nan"; waited="nan"; wakes="nan"  # a run whose injector never started measured nothing
    if [ -n "$injector" ]; then
      # the injector starts its clock about a second after it appears; steady state begins 2 s after the warm-up
      sleep $((warmup + 3))
      loops="$(loops_of "$injector")"
      read -r k0 a0 w0 v0 < <(loop_sample "$injector" "$loops")
      c0="$(cpu_of "$injector")"; t0="$(date +%s.%N)"
      sleep "$window"
      c1="$(cpu_of "$injector")"; t1="$(date +%s.%N)"
      read -r k1 a1 w1 v1 < <(loop_sample "$injector" "$loops")
      cpu="$(python3 -c "print(($c1 - $c0) / $ticks)")"
      wall="$(python3 -c "print($t1 - $t0)")"
      kernel="$(python3 -c "print(round(100 * ($k1 - $k0) / max(1, $a1 - $a0)))")"
      waited="$(python3 -c "print(round(($w1 - $w0) / 1e6 / $wall, 1))")"
      wakes="$(python3 -c "print(round(($v1 - $v0) / $wall))")"
    fi
    status=0; wait "$cli" || status=$?
    hf_line="nan\tnan\tnan\tnan\tnan\tnan"
    if [ "$hyperfoil" = yes ]; then
      hf_line="$(timeout $((duration + warmup + 60)) java -cp "$(cat "$work/hyperfoil.cp")" "$root/benchmarks/engine/hyperfoil/HyperfoilAtRate.java" \
        "$port" "$rate" "$duration" "$warmup" "$window" 2>"$work/hyperfoil.log" | tail -n 1)"
      [ -n "$hf_line" ] || hf_line="nan\tnan\tnan\tnan\tnan\tnan"
    fi
    wrk_line="$(wrk -t1 -c16 -d5s --latency "http://127.0.0.1:$port/file" 2>/dev/null | python3 -c '
import re, sys
t = sys.stdin.read()
def us(s):
    v, u = re.match(r"([\d.]+)(\w+)", s).groups(); return float(v) * {"us": 1, "ms": 1e3, "s": 1e6}[u]
p50 = re.search(r"50%\s+(\S+)", t); p99 = re.search(r"99%\s+(\S+)", t); rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
print("%d\t%d\t%d" % (us(p50.group(1)), us(p99.group(1)), float(rps.group(1))) if p50 and p99 and rps else "nan\tnan\tnan")')"
    python3 - "$out/latest/summary.json" "$rate" "$i" "$status" "$cpu" "${wall:-nan}" "$wrk_line" "${kernel:-nan}" "${waited:-nan}" "${wakes:-nan}" "$(printf "$hf_line")" >> "$results" <<'PY'
import json, sys
path, rate, i, status, cpu, wall, wrk, kernel, waited, wakes, hf = sys.argv[1:12]
try:
    s = json.load(open(path))
    inj, total = s["injector"], s["total"]
    rps_cpu = inj["achieved_rate"] * float(wall) / float(cpu) if cpu not in ("nan", "0.0") and float(cpu) > 0 else float("nan")
    verdict = inj["verdict"] if total["error_rate"] == 0 else "errors"  # a run with failed requests measured something else
    print("\t".join(map(str, [rate, i, status, verdict, inj["lag_p99_us"], total["latency_us"]["p99"], round(rps_cpu), wrk, kernel, waited, wakes, hf, total["service_time_us"]["p99"]])))
except Exception as e:
    print("\t".join([rate, i, status, "damaged", "nan", "nan", "nan", wrk, kernel, waited, wakes, hf, "nan"]))
PY
    tail -n 1 "$results" | awk -F'\t' '{printf "  %6s/s run %s: exit %s, verdict %s, lag p99 %s us, response p99 %s us (%s us from the send), %s requests per CPU-second, event loop %s%% in the kernel, woken %s times/s and runnable-but-waiting %s ms/s (wrk p99 %s us)%s\n", $1, $2, $3, $4, $5, $6, $20, $7, $11, $13, $12, $9, ($15 == "nan" ? "" : sprintf("; hyperfoil: %s requests, %s errors, response p99 %s us from the send, blocked %s ms, %s requests per CPU-second, woken %s times/s", $14, $15, $16, $17, $18, $19))}'
  done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
def fig(values, unit="", decimals=0):
    v = sorted(float(x) for x in values if x not in ("nan", ""))
    if not v: return "-"
    fmt = lambda x: ("%.*f" % (decimals, x))
    return "%s%s [%s–%s]" % (fmt(statistics.median(v)), unit, fmt(v[0]), fmt(v[-1]))
print()
print("| rate | runs | verdict ok | start lag p99 (µs) | response p99 (µs) | response p99 from the send (µs) | injector requests per CPU-second | event loop in kernel (%) | event loop woken (per s) | event loop waiting for a CPU (ms/s) | wrk -c16 p99 (µs) | wrk req/s |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for rate in dict.fromkeys(r[0] for r in rows):
    rs = [r for r in rows if r[0] == rate]
    ok = sum(1 for r in rs if r[3] == "ok" and r[2] == "0")
    print("| %s/s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (rate, len(rs), ok, fig(r[4] for r in rs), fig(r[5] for r in rs), fig(r[19] for r in rs),
          fig(r[6] for r in rs), fig(r[10] for r in rs), fig(r[12] for r in rs), fig([r[11] for r in rs], decimals=1), fig(r[8] for r in rs), fig(r[9] for r in rs)))
print("\nmedian [min–max] over the runs; verdict ok counts runs that exited 0 with the injector's verdict ok")
hf = [r for r in rows if len(r) > 18 and r[14] != "nan"]
if hf:
    print("\nHyperfoil 0.25.2 at the same rate after each run (1 event loop, 64 connections; response time from the send, start lag not measured):\n")
    print("| rate | runs | runs without errors | response p99 from the send (µs) | blocked waiting for a connection (ms) | requests per CPU-second | event loop woken (per s) |")
    print("|---|---|---|---|---|---|---|")
    for rate in dict.fromkeys(r[0] for r in hf):
        rs = [r for r in hf if r[0] == rate]
        clean = sum(1 for r in rs if r[14] == "0")
        print("| %s/s | %d | %d | %s | %s | %s | %s |" % (rate, len(rs), clean, fig(r[15] for r in rs), fig(r[16] for r in rs), fig(r[17] for r in rs), fig(r[18] for r in rs)))
PY
