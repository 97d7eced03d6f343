#!/bin/bash
# Regenerate the DHCPv4 pcap corpus from real DHCP software running inside
# throw-away network namespaces connected by veth pairs.
#
# Usage (as root):  ./make-corpus.sh [scenario...]     (default: all)
#                   ./make-corpus.sh --list
#                   ./make-corpus.sh --install   (apt-get the needed packages)
#
# Nothing touches a real interface: every interface is a veth created inside
# a namespace named dwc-*/dws-*/dwr-* (client/server/relay), and only
# 10.99.0.0/16 addresses are used.  The whole run happens in a private mount
# namespace with tmpfs over the state directories of the DHCP daemons
# (/var/lib/dhcpcd, /run/dhcpcd, /var/lib/dhcp, /var/lib/kea, /run/kea, ...)
# so the host's lease databases are never read or written.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-$HERE}

PKGS=(tcpdump iproute2 ethtool dnsmasq-base isc-dhcp-server isc-dhcp-client isc-dhcp-relay
	busybox udhcpc udhcpd dhcpcd-base kea-dhcp4-server dhcping tshark python3-scapy systemd)

if [[ ${1:-} == --install ]]; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PKGS[@]}"
	exit 0
fi

[[ $EUID -eq 0 ]] || { echo "must run as root" >&2; exit 1; }

if [[ ${DW_INNER:-} != 1 ]]; then
	# Re-exec inside a private mount namespace (state dirs get tmpfs below).
	export DW_INNER=1
	exec unshare --mount --propagation private -- "$0" "$@"
fi

# shellcheck source=lib.sh
source "$HERE/lib.sh"
# shellcheck source=scenarios.sh
source "$HERE/scenarios.sh"

if [[ ${1:-} == --list ]]; then
	printf '%s\n' "${SCENARIOS[@]}"
	exit 0
fi

WORK=$(mktemp -d /tmp/dhcp-corpus.XXXXXX)
export WORK

for d in /var/lib/dhcpcd /run/dhcpcd /var/lib/dhcp /var/lib/kea /run/kea /var/lib/misc /run/systemd/network /run/systemd/netif; do
	mkdir -p "$d"
	mount -t tmpfs -o mode=0755 tmpfs "$d"
done
chown dhcpcd /var/lib/dhcpcd 2>/dev/null || true

final_cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	scenario_cleanup || true
	if [[ ${DW_KEEP_WORK:-0} != 1 ]]; then rm -rf "$WORK"; else log "work dir kept: $WORK"; fi
	exit "$rc"
}
trap final_cleanup EXIT
trap 'exit 130' INT TERM

want=("$@")
[[ ${#want[@]} -gt 0 ]] || want=("${SCENARIOS[@]}")
failed=()
for s in "${want[@]}"; do
	log "=== scenario $s"
	if ( set -euo pipefail; trap scenario_cleanup EXIT; "scn_$s" ); then
		log "=== ok $s"
	else
		log "=== FAILED $s"
		failed+=("$s")
	fi
done
chmod 0644 "$OUT"/*.pcap "$OUT"/*.pcapng 2>/dev/null || true
if ((${#failed[@]})); then
	log "failed scenarios: ${failed[*]}"
	exit 1
fi
log "all done"
