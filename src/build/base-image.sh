#!/usr/bin/env bash
# Builds a container base image as a tarball (docker-save format) from the local JDK, for building
# the Kimberlite image where no container registry is reachable:
#   src/build/base-image.sh target/base-image.tar
#   ./mvnw -B compile jib:buildTar -Dkimberlite.image.base=tar://$PWD/target/base-image.tar
# The base holds a Java runtime made by jlink from $JAVA_HOME at /opt/java/openjdk, the shared
# libraries it links to (copied from this machine), /tmp and a passwd entry for uid 10001.
set -euo pipefail
out="${1:?usage: base-image.sh OUTPUT.tar}"
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/data"
chmod 1777 "$root/tmp"
chmod 0777 "$root/data"
"$jdk/bin/jlink" --output "$root/opt/java/openjdk" --strip-debug --no-header-files \
  --no-man-pages --compress=zip-6 \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.localedata,jdk.net,jdk.naming.dns
# The shared libraries the runtime needs, from this machine, at the same paths.
find "$root/opt/java/openjdk" -name '*.so' -o -path '*/bin/*' -type f | while read -r f; do
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}'
done | sort -u | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
  # the dynamic loader is also looked up through /lib64
done
if [ -e /lib64/ld-linux-x86-64.so.2 ]; then
  mkdir -p "$root/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nkimberlite:x:10001:10001:Kimberlite:/data:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nkimberlite:x:10001:\n' > "$root/etc/group"
layer="$work/layer.tar"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01' -C "$root" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
mkdir -p "$work/image"
mv "$layer" "$work/image/layer.tar"
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created_by":"src/build/base-image.sh"}]}
JSON
cat > "$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["kimberlite-base:local"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1))"
