#!/usr/bin/env bash
# Builds the container image offline and checks that it starts the demo: a base image from the
# local JDK (src/build/base-image.sh), the application layers with Jib (jib:buildTar, no Docker
# daemon), then the image's file system unpacked and run under chroot as its user (uid 10001, no
# shell, no network) until /readyz answers UP and /metrics has the domain counters.
# Needs root (chroot, mount /proc). Bounded: gives up after 240 s of start-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
root="$work/root"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)
src/build/base-image.sh target/base-image.tar
./mvnw -B -q -DskipTests -Dspotless.check.skip=true compile jib:buildTar \
  -Dkimberlite.image.base="tar://$PWD/target/base-image.tar"
built=$(date +%s)
echo "image-check: image built in $((built - start)) s: target/kimberlite-image.tar ($(du -h target/kimberlite-image.tar | cut -f1))"
mkdir -p "$work/image" "$root"
tar -C "$work/image" -xf target/kimberlite-image.tar
python3 - "$work/image" "$root" <<'PY'
import json, subprocess, sys
image, root = sys.argv[1], sys.argv[2]
m = json.load(open(image + "/manifest.json"))[0]
for layer in m["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-C", root, "-xf", image + "/" + layer], check=True)
c = json.load(open(image + "/" + m["Config"]))["config"]
assert c["User"] == "10001:10001", c["User"]
assert "/data" in c["Volumes"], c
open(root + "/.entrypoint", "w").write("\n".join(c["Entrypoint"] + c.get("Cmd", [])))
open(root + "/.env", "w").write("\n".join(c["Env"]))
PY
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mapfile -t entry < "$root/.entrypoint"
mapfile -t envs < "$root/.env"
entry[-1]=demo
env -i "${envs[@]}" KIMBERLITE_HOST=127.0.0.1 KIMBERLITE_PORT="$port" \
  KIMBERLITE_MANAGEMENT_HOST=127.0.0.1 KIMBERLITE_MANAGEMENT_PORT="$mport" \
  /usr/sbin/chroot --userspec=10001:10001 "$root" "${entry[@]}" > "$work/run.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 240))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "image-check: the image did not become ready" >&2; tail -40 "$work/run.log" >&2; exit 1
  fi
  sleep 2
done
# Read whole before searching: grep -q stops at the first match, and under pipefail a curl cut off
# by that early exit would fail the check. A few tries, as the gauges appear with the first reads.
metrics_ok=""
for _ in 1 2 3 4 5; do
  metrics="$(curl -s "http://127.0.0.1:$mport/metrics" || true)"
  if grep -q '^kimberlite_log_size_entries' <<<"$metrics"; then metrics_ok=1; break; fi
  sleep 2
done
[ -n "$metrics_ok" ] || { echo "image-check: no domain metrics" >&2; tail -20 "$work/run.log" >&2; exit 1; }
[ "$(stat -c %u "$root/data/master.key")" = 10001 ] \
  || { echo "image-check: /data not written by uid 10001" >&2; exit 1; }
echo "image-check: the image started the demo as uid 10001 in $(( $(date +%s) - built )) s; readiness UP, metrics served"
