# shellcheck shell=bash
# Helpers for make-corpus.sh: network namespaces, veth pairs, bounded waits,
# background daemons and tcpdump captures.  Sourced, not executed.
#
# Safety rules enforced here:
#  * every veth is created directly inside namespaces we create (never in the
#    root namespace), and only 10.99.x.x addresses are ever configured;
#  * every background process is started under `timeout`, so nothing can run
#    forever even if cleanup were skipped;
#  * cleanup kills only the processes we started (by pid) plus whatever is
#    still running inside the namespaces we created, then deletes them.

DW_PIDS=()      # background pids (timeout wrappers) of the current scenario
DW_NS=()        # namespaces of the current scenario
DW_CAP_PIDS=()  # tcpdump pids (stopped gracefully first)
DW_MAXLIFE=${DW_MAXLIFE:-240}   # hard limit (s) for any background process

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }

# wait_for TIMEOUT_SECONDS CMD...  -- poll CMD every 0.2 s; 0 if it succeeded.
wait_for() {
	local t=$1; shift
	local end=$((SECONDS + t))
	while ((SECONDS < end)); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.2
	done
	"$@" >/dev/null 2>&1
}

# mkns NAME -- create a namespace with loopback up.
mkns() {
	ip netns add "$1"
	DW_NS+=("$1")
	ip netns exec "$1" ip link set lo up
}

# veth NS1 IF1 MAC1 NS2 IF2 MAC2 -- veth pair living only in those namespaces.
veth() {
	ip link add "$2" netns "$1" address "$3" type veth peer name "$5" netns "$4" address "$6"
	# veth TX checksum offload leaves partial UDP checksums in captures; turn
	# it off so every captured checksum is valid (DW_OFFLOAD=1 keeps it).
	if [[ ${DW_OFFLOAD:-0} != 1 ]]; then
		ip netns exec "$1" ethtool -K "$2" tx off >/dev/null
		ip netns exec "$4" ethtool -K "$5" tx off >/dev/null
	fi
	ip netns exec "$1" ip link set "$2" up
	ip netns exec "$4" ip link set "$5" up
}

# nsaddr NS IF CIDR -- add an address (must be 10.99.x.x).
nsaddr() {
	[[ $3 == 10.99.* ]] || die "refusing non-10.99 address $3"
	ip netns exec "$1" ip addr add "$3" dev "$2"
}

# bgrun NS NAME CMD... -- run CMD in NS in the background, bounded by timeout,
# stdout+stderr to $WORK/NAME.log.  Sets BG_PID.
bgrun() {
	local ns=$1 name=$2; shift 2
	ip netns exec "$ns" timeout -k 5 "$DW_MAXLIFE" "$@" >"$WORK/$name.log" 2>&1 &
	BG_PID=$!
	DW_PIDS+=("$BG_PID")
}

# stop_pid PID [TIMEOUT] -- SIGTERM a background process and wait (bounded).
stop_pid() {
	local pid=$1 t=${2:-5}
	kill -TERM "$pid" 2>/dev/null || return 0
	wait_for "$t" bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# cap_start NS IFACE OUTFILE [tcpdump args...] -- start a capture; waits until
# tcpdump says it is listening.  Sets CAP_PID.
cap_start() {
	local ns=$1 ifc=$2 out=$3; shift 3
	local err
	err="$WORK/tcpdump.$(basename "$out").err"
	rm -f "$out"
	ip netns exec "$ns" timeout -k 5 "$DW_MAXLIFE" \
		tcpdump -i "$ifc" -n -U -Z root -w "$out" "$@" \
		"${DW_FILTER:-udp port 67 or udp port 68}" 2>"$err" &
	CAP_PID=$!
	DW_CAP_PIDS+=("$CAP_PID")
	wait_for 10 grep -q 'listening on' "$err" || die "tcpdump did not start: $(cat "$err")"
}

# cap_stop_all -- stop all captures of the scenario gracefully.
cap_stop_all() {
	local p
	sleep 0.5
	for p in "${DW_CAP_PIDS[@]}"; do
		# timeout forwards SIGINT? no: signal the tcpdump child directly.
		pkill -INT -P "$p" 2>/dev/null || true
	done
	for p in "${DW_CAP_PIDS[@]}"; do
		wait_for 5 bash -c "! kill -0 $p 2>/dev/null" || kill -KILL "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	DW_CAP_PIDS=()
}

# count_msg PCAP REGEX -- number of packets whose verbose tcpdump decode
# matches REGEX (e.g. 'DHCP-Message.*: ACK').
count_msg() {
	tcpdump -r "$1" -n -vv 2>/dev/null | grep -c -E "$2" || true
}

# wait_msg PCAP REGEX N TIMEOUT -- wait until at least N matching packets.
wait_msg() {
	local f=$1 re=$2 n=$3 t=$4
	wait_for "$t" bash -c "[ \$(tcpdump -r '$f' -n -vv 2>/dev/null | grep -c -E '$re') -ge $n ]"
}

# scenario_cleanup -- stop captures, kill our processes, delete namespaces.
scenario_cleanup() {
	local p ns
	cap_stop_all || true
	for p in "${DW_PIDS[@]}"; do
		kill -TERM "$p" 2>/dev/null || true
	done
	for p in "${DW_PIDS[@]}"; do
		wait_for 5 bash -c "! kill -0 $p 2>/dev/null" || kill -KILL "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	DW_PIDS=()
	for ns in "${DW_NS[@]}"; do
		# anything still alive inside a namespace we created is ours
		for p in $(ip netns pids "$ns" 2>/dev/null); do
			kill -KILL "$p" 2>/dev/null || true
		done
		ip netns del "$ns" 2>/dev/null || true
	done
	DW_NS=()
	# forget client state between scenarios (these are private tmpfs mounts)
	local d
	for d in /var/lib/dhcpcd /var/lib/dhcp /run/dhcpcd; do
		if [[ ${DW_INNER:-} == 1 ]] && [[ $(findmnt -n -o FSTYPE --target "$d") == tmpfs ]] \
			&& [[ $(findmnt -n -o TARGET --target "$d") == "$d" ]]; then
			find "$d" -mindepth 1 -delete 2>/dev/null || true
		fi
	done
}
