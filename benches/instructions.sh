#!/usr/bin/env bash
# Instructions per message of each W1-W3 and W6 workload (dhcpwire and the
# peers), counted by valgrind's cachegrind over the four golden packets (W6:
# the ten requests it serves): exact and repeatable where times drift with a
# shared machine's load.
#   bash benches/instructions.sh [workload ...]
# Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=20000
bin=$(cargo bench -p dhcpwire-benches --bench instructions --no-run --message-format=json |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "instructions" and m.get("executable"):
        print(m["executable"])')
count() {
    local log
    log=$(mktemp)
    if ! valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        --log-file="$log" "$bin" "$1" "$iterations" >/dev/null; then
        echo "workload $1 failed" >&2
        rm -f "$log"
        return 1
    fi
    awk '/I *refs/ { gsub(",", "", $4); print $4 }' "$log"
    rm -f "$log"
}
if [ $# -eq 0 ]; then
    set -- w1_dhcpwire w1_dhcpwire_strict w1_smoltcp_packet w1_dhcparse w1_dhcproto_borrowed w1_dhcproto_owned \
        w2_dhcpwire w2_dhcpwire_untyped w2_hand_tlv_walk w2_smoltcp_repr w2_dhcparse \
        w2_dhcproto_borrowed w2_dhcproto_owned w3_dhcpwire w3_smoltcp_emit w3_dhcparse \
        w6_dhcpwire w6_smoltcp w6_dhcproto
fi
base=$(count none)
base6=$(count w6_none)
packets6=$("$bin" packets w6_none)
printf '%-22s %s\n' workload instructions/message
for w in "$@"; do
    n=$(count "$w")
    case "$w" in
        w6*) printf '%-22s %d\n' "$w" $(((n - base6) / (iterations * packets6))) ;;
        *) printf '%-22s %d\n' "$w" $(((n - base) / (iterations * 4))) ;;
    esac
done
