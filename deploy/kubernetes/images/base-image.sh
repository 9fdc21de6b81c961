#!/usr/bin/env bash
# Builds the services' base image (Debian bookworm minbase + OpenJDK 17 JRE headless + CA certificates, user 185) as a
# Docker-format image tarball from Debian's packages only: no Docker engine and no Docker Hub, which a 政务云 often
# lacks. Jib then reads it as `tar://…` (root pom, profile `images`). Needs root (debootstrap chroots).
#   deploy/kubernetes/images/base-image.sh [OUT.tar]      (default target/images/shouwang-jre17-base.tar)
# DEBIAN_MIRROR overrides the mirror (e.g. the district's own Debian mirror).
set -euo pipefail
cd "$(dirname "$0")/../../.."
out="${1:-target/images/shouwang-jre17-base.tar}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")" "$work/rootfs" "$work/image"

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,ca-certificates-java,tzdata \
  "$suite" "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log" >&2; exit 1; }

rootfs="$work/rootfs"
# The runtime user: uid 185 (the usual Java image convention), group 0 so OpenShift's random uids can write too.
echo 'shouwang:x:185:0:Shouwang service:/deployments:/usr/sbin/nologin' >> "$rootfs/etc/passwd"
echo 'shouwang:!:19000::::::' >> "$rootfs/etc/shadow"
mkdir -p "$rootfs/deployments" && chown 185:0 "$rootfs/deployments" && chmod 0775 "$rootfs/deployments"
# What a running JVM never needs: package caches, docs, man pages, apt lists.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
       "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/dev/*
test -x "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java"
test -s "$rootfs/etc/ssl/certs/java/cacerts"

# Reproducible layer: fixed mtimes, sorted names, numeric owners.
tar --sort=name --mtime='2026-01-01 00:00:00Z' --numeric-owner -C "$rootfs" -cf "$work/image/layer.tar" .
diff_id="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"185","WorkingDir":"/deployments",
   "Env":["PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],
   "Labels":{"org.opencontainers.image.title":"shouwang-jre17-base",
             "org.opencontainers.image.description":"Debian ${suite} minbase with OpenJDK 17 JRE headless, built from Debian packages",
             "org.opencontainers.image.base.name":"debian:${suite}"}},
 "rootfs":{"type":"layers","diff_ids":["${diff_id}"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"deploy/kubernetes/images/base-image.sh (debootstrap ${suite})"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["shouwang/jre17-base:bookworm"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1), layer $diff_id)"
