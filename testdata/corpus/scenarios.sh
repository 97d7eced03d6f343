# shellcheck shell=bash
# Scenario definitions for make-corpus.sh.  Each scn_NAME function builds its
# namespaces, starts daemons and captures, drives the exchange with bounded
# waits, and leaves cleanup to scenario_cleanup (run on subshell exit).
#
# Address plan: scenario N uses 10.99.N.0/24; server 10.99.N.1, pool .100-.150.
# Client MAC 02:00:00:99:NN:10, server MAC 02:00:00:99:NN:01 (NN = hex of N).

SCENARIOS=()
PY=/usr/bin/python3

ACK_RE='DHCP-Message.*: ACK'
OFFER_RE='DHCP-Message.*: Offer'
NAK_RE='DHCP-Message.*: NACK'
REL_RE='DHCP-Message.*: Release'
DECL_RE='DHCP-Message.*: Decline'
DISC_RE='DHCP-Message.*: Discover'
REQ_RE='DHCP-Message.*: Request'
INF_RE='DHCP-Message.*: Inform'

mac() { printf '02:00:00:99:%02x:%s' "$1" "$2"; }

# pair N -- namespaces dwc-N (client, veth c0) and dws-N (server, veth s0).
pair() {
	local n=$1
	mkns "dwc-$n"
	mkns "dws-$n"
	veth "dwc-$n" c0 "$(mac "$n" 10)" "dws-$n" s0 "$(mac "$n" 01)"
	nsaddr "dws-$n" s0 "10.99.$n.1/24"
}

# Client hook scripts: configure the leased address inside the namespace only.
client_scripts() {
	cat >"$WORK/udhcpc.sh" <<'EOF'
#!/bin/sh
case "$1" in
deconfig) ip -4 addr flush dev "$interface" ;;
bound|renew)
	ip -4 addr flush dev "$interface"; ip addr add "$ip/$subnet" dev "$interface"
	set -- $router
	case "$1" in 10.99.*) ip route replace 10.99.0.0/16 via "$1" dev "$interface" ;; esac ;;
esac
exit 0
EOF
	cat >"$WORK/dhclient.sh" <<'EOF'
#!/bin/sh
case "$reason" in
PREINIT) ip link set "$interface" up ;;
BOUND|RENEW|REBIND|REBOOT)
	if [ -n "$old_ip_address" ] && [ "$old_ip_address" != "$new_ip_address" ]; then
		ip -4 addr flush dev "$interface"
	fi
	ip addr replace "$new_ip_address/$new_subnet_mask" dev "$interface"
	set -- $new_routers
	case "$1" in 10.99.*) ip route replace 10.99.0.0/16 via "$1" dev "$interface" ;; esac ;;
EXPIRE|FAIL|RELEASE|STOP) ip -4 addr flush dev "$interface" ;;
esac
exit 0
EOF
	cat >"$WORK/dhcpcd.sh" <<'EOF'
#!/bin/sh
exit 0
EOF
	chmod +x "$WORK/udhcpc.sh" "$WORK/dhclient.sh" "$WORK/dhcpcd.sh"
}

# pidof_file FILE -- pid from a pid file (waits up to 10 s for it).
pidof_file() {
	wait_for 10 test -s "$1" || die "no pid file $1"
	tr -dc '0-9' <"$1"
}

# ---------------------------------------------------------------- servers --

# dnsmasq_start NS IFACE CONFFILE
dnsmasq_start() {
	bgrun "$1" "dnsmasq-$1" dnsmasq -k -C "$3" --port=0 -u root -g root \
		--interface="$2" --bind-interfaces --log-dhcp --log-facility=- \
		--pid-file="$WORK/dnsmasq-$1.pid" --dhcp-leasefile="$WORK/dnsmasq-$1.leases"
	wait_for 10 grep -q 'DHCP, IP range\|DHCP, proxy\|DHCP relay' "$WORK/dnsmasq-$1.log" || die "dnsmasq failed: $(cat "$WORK/dnsmasq-$1.log")"
}

# dhcpd_start NS IFACE CONFFILE -- ISC dhcpd in the foreground.
dhcpd_start() {
	local lf="$WORK/dhcpd-$1.leases"
	[[ -e $lf ]] || : >"$lf"
	bgrun "$1" "dhcpd-$1" dhcpd -4 -f -d -cf "$3" -lf "$lf" -pf "$WORK/dhcpd-$1.pid" "$2"
	DHCPD_PID=$BG_PID
	wait_for 10 grep -q 'Sending on' "$WORK/dhcpd-$1.log" || die "dhcpd failed: $(cat "$WORK/dhcpd-$1.log")"
}

# kea_start NS CONFFILE
kea_start() {
	mkdir -p "$WORK/kea-$1"
	bgrun "$1" "kea-$1" env KEA_LOCKFILE_DIR="$WORK/kea-$1" KEA_PIDFILE_DIR="$WORK/kea-$1" \
		kea-dhcp4 -c "$2"
	wait_for 15 grep -q 'DHCP4_STARTED' "$WORK/kea-$1.log" || die "kea failed: $(cat "$WORK/kea-$1.log")"
	sleep 1
}

# udhcpd_start NS CONFFILE
udhcpd_start() {
	bgrun "$1" "udhcpd-$1" busybox udhcpd -f "$2"
	sleep 1
	kill -0 "$BG_PID" || die "udhcpd failed: $(cat "$WORK/udhcpd-$1.log")"
}

# ------------------------------------------------------------- scenarios --

# 1: dnsmasq server, busybox udhcpc client: DORA, SIGUSR1 renew (unicast),
#    SIGUSR2 release.  Captured on the veth (Ethernet), on "any" twice
#    (LINUX_SLL2 and LINUX_SLL) and with dumpcap as native pcapng.
SCENARIOS+=(dnsmasq_udhcpc)
scn_dnsmasq_udhcpc() {
	local n=1 c=dwc-1 s=dws-1
	pair $n
	client_scripts
	cat >"$WORK/dnsmasq1.conf" <<EOF
dhcp-range=10.99.1.100,10.99.1.150,255.255.255.0,2m
dhcp-authoritative
dhcp-option=option:router,10.99.1.1
dhcp-option=option:dns-server,10.99.1.1,10.99.1.2
dhcp-option=option:domain-name,corpus.example
dhcp-option=option:domain-search,corpus.example,lab.corpus.example
dhcp-option=option:classless-static-route,10.99.200.0/24,10.99.1.254,0.0.0.0/0,10.99.1.1
dhcp-option=249,10.99.200.0/24,10.99.1.254
dhcp-option=option:ntp-server,10.99.1.1
dhcp-option=option:sip-server,10.99.1.5
dhcp-option=option:mtu,1400
dhcp-option=vendor:udhcp-corpus,1,0a:0b:0c:0d
dhcp-option=vendor:udhcp-corpus,2,"vendor-text"
dhcp-option=vi-encap:4491,1,"cablelabs-like"
dhcp-option=vi-encap:4491,2,01:02:03
EOF
	dnsmasq_start $s s0 "$WORK/dnsmasq1.conf"
	local base="$OUT/dnsmasq-udhcpc-dora-renew-release"
	cap_start $c c0 "$base.pcap"
	cap_start $c any "$base-any-sll2.pcap"
	cap_start $c any "$base-any-sll.pcap" -y LINUX_SLL
	ip netns exec $c timeout -k 5 "$DW_MAXLIFE" dumpcap -q -i c0 -f 'udp port 67 or udp port 68' \
		-w "$base.pcapng" >"$WORK/dumpcap1.log" 2>&1 &
	DW_CAP_PIDS+=($!)
	sleep 2
	bgrun $c udhcpc1 busybox udhcpc -f -i c0 -s "$WORK/udhcpc.sh" -p "$WORK/udhcpc1.pid" \
		-t 5 -T 2 -A 5 -V udhcp-corpus -x hostname:corpus-udhcpc \
		-O 119 -O 121 -O 249 -O 42 -O 120 -O 125 -O 43 -O 26
	wait_msg "$base.pcap" "$ACK_RE" 1 20 || die "no ACK"
	local pid
	pid=$(pidof_file "$WORK/udhcpc1.pid")
	sleep 1
	kill -USR1 "$pid"
	wait_msg "$base.pcap" "$ACK_RE" 2 15 || die "no renew ACK"
	sleep 1
	kill -USR2 "$pid"
	wait_msg "$base.pcap" "$REL_RE" 1 10 || die "no release"
	cap_stop_all
}

# Common ISC dhcpd option declarations (non-builtin codes).
dhcpd_common() {
	cat <<'EOF'
ddns-update-style none;
log-facility local7;
option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
option ms-classless-static-routes code 249 = array of unsigned integer 8;
option sip-servers-raw code 120 = string;
option space corpusvend;
option corpusvend.name code 1 = text;
option corpusvend.addr code 2 = ip-address;
EOF
}

# dhclient configuration with FQDN, user class, client id and a long PRL.
dhclient_conf() { # FILE HOSTNAME [extra lines]
	cat >"$1" <<EOF
option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;
option ms-classless-static-routes code 249 = array of unsigned integer 8;
option sip-servers-raw code 120 = string;
send host-name "$2";
send fqdn.fqdn "$2.corpus.example.";
send fqdn.encoded on;
send fqdn.server-update on;
send user-class "corpus-user-class";
send vendor-class-identifier "isc-dhclient-corpus";
request subnet-mask, broadcast-address, time-offset, routers,
	domain-name, domain-name-servers, domain-search, host-name,
	ntp-servers, interface-mtu, rfc3442-classless-static-routes,
	ms-classless-static-routes, sip-servers-raw, vendor-encapsulated-options,
	tftp-server-name, bootfile-name, vivso, netbios-name-servers;
timeout 20;
retry 5;
initial-interval 1;
${3:-}
EOF
}

# dhclient_run NS NAME IFACE CONF  (foreground dhclient in background job)
dhclient_run() {
	bgrun "$1" "$2" dhclient -4 -d -v -cf "$4" -lf "$WORK/$2.leases" -pf "$WORK/$2.pid" \
		-sf "$WORK/dhclient.sh" "$3"
}
dhclient_release() { # NS NAME IFACE CONF
	ip netns exec "$1" timeout 20 dhclient -4 -r -v -cf "$4" -lf "$WORK/$2.leases" -pf "$WORK/$2.pid" \
		-sf "$WORK/dhclient.sh" "$3" >>"$WORK/$2-release.log" 2>&1 || true
}

# 2: ISC dhcpd + ISC dhclient: DORA, renewal at T1 (unicast), dhcpd stopped so
#    the next renewal goes unanswered and the client rebinds (broadcast
#    REQUEST with ciaddr) after T2 to a restarted dhcpd; then RELEASE.
#    40 s leases.  Options 81/77/60/61 from the client, 119/121/249/43/125/
#    120/66/67/42 from the server.
SCENARIOS+=(iscdhcpd_dhclient)
scn_iscdhcpd_dhclient() {
	local n=2 c=dwc-2 s=dws-2
	pair $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
default-lease-time 40; max-lease-time 40; min-lease-time 40;
subnet 10.99.2.0 netmask 255.255.255.0 {
	range 10.99.2.100 10.99.2.150;
	option routers 10.99.2.1;
	option domain-name-servers 10.99.2.1, 10.99.2.2;
	option domain-name "corpus.example";
	option domain-search "corpus.example", "lab.corpus.example", "corpus.test";
	option ntp-servers 10.99.2.1;
	option time-offset 3600;
	option interface-mtu 1400;
	option tftp-server-name "tftp.corpus.example";
	option bootfile-name "boot/pxelinux.0";
	option netbios-name-servers 10.99.2.3;
	option rfc3442-classless-static-routes 24, 10,99,200, 10,99,2,254, 0, 10,99,2,1;
	option ms-classless-static-routes 24, 10,99,200, 10,99,2,254;
	option sip-servers-raw 01:0a:63:02:05;
	option vendor-encapsulated-options 01:04:0a:0b:0c:0d:02:05:68:65:6c:6c:6f;
	option vivso 00:00:11:8b:0b:01:04:0a:63:02:01:02:03:61:62:63;
}
EOF
	} >"$WORK/dhcpd2.conf"
	dhcpd_start $s s0 "$WORK/dhcpd2.conf"
	dhclient_conf "$WORK/dhclient2.conf" corpus-dhclient 'send dhcp-client-identifier 1:02:00:00:99:02:10; backoff-cutoff 2;'
	local f="$OUT/iscdhcpd-dhclient-renew-rebind-release.pcap"
	cap_start $c c0 "$f"
	dhclient_run $c dhclient2 c0 "$WORK/dhclient2.conf"
	wait_msg "$f" "$ACK_RE" 1 20 || die "no ACK"
	wait_msg "$f" "$ACK_RE" 2 30 || die "no renew ACK"
	stop_pid "$DHCPD_PID"
	# renewals (unicast) now go unanswered; at T2 the client broadcasts a
	# REQUEST with ciaddr set (REBINDING); only then bring the server back.
	wait_for 45 bash -c "tcpdump -r '$f' -n 2>/dev/null | grep -q '10.99.2.1[0-9][0-9].68 > 255.255.255.255.67'" || die "no rebind broadcast"
	dhcpd_start $s s0 "$WORK/dhcpd2.conf"
	wait_msg "$f" "$ACK_RE" 3 15 || die "no rebind ACK"
	sleep 1
	dhclient_release $c dhclient2 c0 "$WORK/dhclient2.conf"
	wait_msg "$f" "$REL_RE" 1 10 || die "no release"
}

# 3: Kea + dhcpcd: DORA with DUID client id (type 255), FQDN, user class,
#    vendor class 60 and 124, then renewal at T1 and RELEASE (dhcpcd -k).
SCENARIOS+=(kea_dhcpcd)
kea_conf() { # N FILE [extra subnet json] [extra global json]
	local n=$1
	cat >"$2" <<EOF
{ "Dhcp4": {
  "interfaces-config": { "interfaces": [ "s0" ], "dhcp-socket-type": "raw" },
  "lease-database": { "type": "memfile", "persist": true, "name": "$WORK/kea-leases-$n.csv", "lfc-interval": 0 },
  "valid-lifetime": 30, "renew-timer": 10, "rebind-timer": 20,
  "authoritative": true,
  "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ],
  "option-data": [
    { "name": "domain-name-servers", "data": "10.99.$n.1, 10.99.$n.2" },
    { "name": "domain-name", "data": "corpus.example" },
    { "name": "domain-search", "data": "corpus.example, kea.corpus.example" },
    { "name": "ntp-servers", "data": "10.99.$n.1" },
    { "name": "interface-mtu", "data": "1400" },
    { "code": 121, "csv-format": false, "data": "180a63c80a63$(printf %02x "$n")fe000a63$(printf %02x "$n")01" },
    { "name": "vivso-suboptions", "data": "4491" },
    { "name": "tftp-servers", "space": "vendor-4491", "data": "10.99.$n.1" }
    ${4:-}
  ],
  "subnet4": [ {
    "subnet": "10.99.$n.0/24", "id": $n,
    "pools": [ { "pool": "10.99.$n.100 - 10.99.$n.150" } ],
    "option-data": [ { "name": "routers", "data": "10.99.$n.1" } ]
    ${3:-}
  } ]
} }
EOF
}
scn_kea_dhcpcd() {
	local n=3 c=dwc-3 s=dws-3
	pair $n
	client_scripts
	kea_conf $n "$WORK/kea3.json" ', "boot-file-name": "kea/boot.efi", "next-server": "10.99.3.1", "server-hostname": "kea-boot"'
	kea_start $s "$WORK/kea3.json"
	cat >"$WORK/dhcpcd3.conf" <<EOF
duid
hostname corpus-dhcpcd
fqdn both
userclass corpus-dhcpcd-class
vendorclassid dhcpcd-corpus
vendclass 4491 docsis3.0
option domain_name_servers, domain_name, domain_search, host_name
option classless_static_routes, ntp_servers, interface_mtu
option rapid_commit
require dhcp_server_identifier
noipv4ll
noarp
ipv4only
EOF
	local f="$OUT/kea-dhcpcd-dora-renew-release.pcap"
	cap_start $c c0 "$f"
	bgrun $c dhcpcd3 dhcpcd -f "$WORK/dhcpcd3.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	wait_msg "$f" "$ACK_RE" 2 25 || die "no renew ACK"
	sleep 1
	ip netns exec $c timeout 10 dhcpcd -f "$WORK/dhcpcd3.conf" -4 -k c0 >>"$WORK/dhcpcd3.log" 2>&1 || true
	wait_msg "$f" "$REL_RE" 1 10 || die "no release"
}

# 4: busybox udhcpd + busybox udhcpc: DORA with broadcast flag, client-id
#    type 0, FQDN (81), renewal at T1 (natural, 30 s lease), RELEASE.
SCENARIOS+=(udhcpd_udhcpc)
scn_udhcpd_udhcpc() {
	local n=4 c=dwc-4 s=dws-4
	pair $n
	client_scripts
	cat >"$WORK/udhcpd4.conf" <<EOF
start 10.99.4.100
end 10.99.4.150
interface s0
lease_file $WORK/udhcpd4.leases
pidfile $WORK/udhcpd4.pid
min_lease 20
opt subnet 255.255.255.0
opt router 10.99.4.1
opt dns 10.99.4.1 10.99.4.2
opt domain corpus.example
opt search corpus.example busybox.corpus.example
opt lease 24
opt ntpsrv 10.99.4.1
opt staticroutes 10.99.200.0/24 10.99.4.254 0.0.0.0/0 10.99.4.1
opt msstaticroutes 10.99.200.0/24 10.99.4.254
opt sipsrv 10.99.4.5
opt tftp tftp.corpus.example
opt bootfile pxelinux.0
opt wpad http://wpad.corpus.example/wpad.dat
siaddr 10.99.4.1
sname udhcpd-corpus
boot_file corpus.bin
EOF
	: >"$WORK/udhcpd4.leases"
	udhcpd_start $s "$WORK/udhcpd4.conf"
	local f="$OUT/udhcpd-udhcpc-dora-renew-release.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc4 busybox udhcpc -f -B -C -i c0 -s "$WORK/udhcpc.sh" -p "$WORK/udhcpc4.pid" \
		-t 5 -T 2 -A 5 -x 0x3d:00636f727075732d6964 -F corpus-udhcpc.corpus.example \
		-x lease:24 -O 119 -O 121 -O 249 -O 120 -O 66 -O 67 -O 252 -O 42
	wait_msg "$f" "$ACK_RE" 1 20 || die "no ACK"
	wait_msg "$f" "$ACK_RE" 2 20 || die "no renew ACK"
	local pid
	pid=$(pidof_file "$WORK/udhcpc4.pid")
	kill -USR2 "$pid"
	wait_msg "$f" "$REL_RE" 1 10 || die "no release"
}

# 5: busybox udhcpd + udhcpc -a: the static lease given to the client is
#    already in use (the server namespace answers ARP for it), so udhcpc
#    sends DHCPDECLINE and restarts discovery.
SCENARIOS+=(udhcpd_udhcpc_decline)
scn_udhcpd_udhcpc_decline() {
	local n=5 c=dwc-5 s=dws-5
	pair $n
	client_scripts
	nsaddr $s s0 10.99.5.120/24
	cat >"$WORK/udhcpd5.conf" <<EOF
start 10.99.5.100
end 10.99.5.150
interface s0
lease_file $WORK/udhcpd5.leases
pidfile $WORK/udhcpd5.pid
opt subnet 255.255.255.0
opt router 10.99.5.1
opt lease 60
static_lease $(mac 5 10) 10.99.5.120
EOF
	: >"$WORK/udhcpd5.leases"
	udhcpd_start $s "$WORK/udhcpd5.conf"
	local f="$OUT/udhcpd-udhcpc-decline.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc5 busybox udhcpc -f -a -i c0 -s "$WORK/udhcpc.sh" -t 3 -T 2 -A 3
	wait_msg "$f" "$DECL_RE" 1 30 || die "no DECLINE"
	wait_msg "$f" "$DISC_RE" 2 20 || true
	sleep 1
}

# 6: Kea + dhcpcd with ARP checking: the reserved address is in use, dhcpcd
#    detects it with ARP probes and sends DHCPDECLINE.
SCENARIOS+=(kea_dhcpcd_decline)
scn_kea_dhcpcd_decline() {
	local n=6 c=dwc-6 s=dws-6
	pair $n
	client_scripts
	nsaddr $s s0 10.99.6.77/24
	kea_conf $n "$WORK/kea6.json" ', "reservations": [ { "hw-address": "'"$(mac 6 10)"'", "ip-address": "10.99.6.77", "hostname": "reserved-host" } ]'
	kea_start $s "$WORK/kea6.json"
	cat >"$WORK/dhcpcd6.conf" <<EOF
clientid
option domain_name_servers, domain_name, host_name
noipv4ll
ipv4only
EOF
	local f="$OUT/kea-dhcpcd-arp-decline.pcap"
	cap_start $c c0 "$f"
	bgrun $c dhcpcd6 dhcpcd -f "$WORK/dhcpcd6.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
	wait_msg "$f" "$DECL_RE" 1 30 || die "no DECLINE"
	sleep 2
}

# 7: ISC dhcpd (authoritative) + dhclient that remembers a lease from another
#    network: INIT-REBOOT REQUEST for 10.99.250.77 -> DHCPNAK, then DORA.
SCENARIOS+=(iscdhcpd_dhclient_nak)
scn_iscdhcpd_dhclient_nak() {
	local n=7 c=dwc-7 s=dws-7
	pair $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
default-lease-time 600; max-lease-time 600;
subnet 10.99.7.0 netmask 255.255.255.0 {
	range 10.99.7.100 10.99.7.150;
	option routers 10.99.7.1;
	option domain-name-servers 10.99.7.1;
}
EOF
	} >"$WORK/dhcpd7.conf"
	dhcpd_start $s s0 "$WORK/dhcpd7.conf"
	dhclient_conf "$WORK/dhclient7.conf" corpus-roamer
	cat >"$WORK/dhclient7.leases" <<'EOF'
lease {
  interface "c0";
  fixed-address 10.99.250.77;
  option subnet-mask 255.255.255.0;
  option routers 10.99.250.1;
  option dhcp-lease-time 3600;
  option dhcp-message-type 5;
  option dhcp-server-identifier 10.99.250.1;
  renew 4 2037/01/01 00:00:00;
  rebind 4 2037/01/01 00:00:00;
  expire 4 2037/01/01 00:00:00;
}
EOF
	local f="$OUT/iscdhcpd-dhclient-initreboot-nak.pcap"
	cap_start $c c0 "$f"
	dhclient_run $c dhclient7 c0 "$WORK/dhclient7.conf"
	wait_msg "$f" "$NAK_RE" 1 20 || die "no NAK"
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK after NAK"
	sleep 1
}

# 8: dnsmasq + dhcpcd: the client gets a lease on 10.99.8.0/24 and exits
#    without releasing; the network is renumbered to 10.99.9.0/24 and dnsmasq
#    (dhcp-authoritative) NAKs the INIT-REBOOT request; then DORA.
SCENARIOS+=(dnsmasq_dhcpcd_reboot_nak)
scn_dnsmasq_dhcpcd_reboot_nak() {
	local n=8 c=dwc-8 s=dws-8
	pair $n
	client_scripts
	cat >"$WORK/dnsmasq8.conf" <<'EOF'
dhcp-range=10.99.8.100,10.99.8.150,255.255.255.0,10m
dhcp-authoritative
EOF
	cat >"$WORK/dnsmasq9.conf" <<'EOF'
dhcp-range=10.99.9.100,10.99.9.150,255.255.255.0,10m
dhcp-authoritative
dhcp-option=option:domain-name,renumbered.example
EOF
	cat >"$WORK/dhcpcd8.conf" <<EOF
clientid
hostname corpus-dhcpcd-nak
persistent
noipv4ll
noarp
ipv4only
EOF
	dnsmasq_start $s s0 "$WORK/dnsmasq8.conf"
	local dpid=$BG_PID
	local f0="$WORK/first-lease.pcap" f="$OUT/dnsmasq-dhcpcd-initreboot-nak.pcap"
	cap_start $c c0 "$f0"
	bgrun $c dhcpcd8 dhcpcd -f "$WORK/dhcpcd8.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
	local cpid=$BG_PID
	wait_msg "$f0" "$ACK_RE" 1 25 || die "no first ACK"
	sleep 1
	stop_pid "$cpid"
	stop_pid "$dpid"
	cap_stop_all
	ip netns exec $s ip addr flush dev s0
	nsaddr $s s0 10.99.9.1/24
	rm -f "$WORK/dnsmasq-$s.leases"
	dnsmasq_start $s s0 "$WORK/dnsmasq9.conf"
	cap_start $c c0 "$f"
	bgrun $c dhcpcd8b dhcpcd -f "$WORK/dhcpcd8.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
	wait_msg "$f" "$NAK_RE" 1 25 || die "no NAK"
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK after NAK"
	sleep 1
}

# 10: dnsmasq with dhcp-rapid-commit + dhcpcd requesting rapid commit (80):
#     two-message exchange DISCOVER -> ACK, then RELEASE.
SCENARIOS+=(dnsmasq_dhcpcd_rapid_commit)
scn_dnsmasq_dhcpcd_rapid_commit() {
	local n=10 c=dwc-10 s=dws-10
	pair $n
	client_scripts
	cat >"$WORK/dnsmasq10.conf" <<'EOF'
dhcp-range=10.99.10.100,10.99.10.150,255.255.255.0,10m
dhcp-rapid-commit
dhcp-option=option:domain-search,corpus.example
EOF
	cat >"$WORK/dhcpcd10.conf" <<EOF
clientid
hostname corpus-rapid
option rapid_commit
option domain_name_servers, domain_search
noipv4ll
noarp
ipv4only
EOF
	dnsmasq_start $s s0 "$WORK/dnsmasq10.conf"
	local f="$OUT/dnsmasq-dhcpcd-rapid-commit.pcap"
	cap_start $c c0 "$f"
	bgrun $c dhcpcd10 dhcpcd -f "$WORK/dhcpcd10.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
	ip netns exec $c timeout 10 dhcpcd -f "$WORK/dhcpcd10.conf" -4 -k c0 >>"$WORK/dhcpcd10.log" 2>&1 || true
	wait_msg "$f" "$REL_RE" 1 10 || die "no release"
}

# relay_topology N -- client dwc-N (c0) -- relay dwr-N (r0 10.99.N.1, r1
# 10.99.N+1.2) -- server dws-N (s0 10.99.N+1.1).
relay_topology() {
	local n=$1 m=$(($1 + 1))
	mkns "dwc-$n"; mkns "dwr-$n"; mkns "dws-$n"
	veth "dwc-$n" c0 "$(mac "$n" 10)" "dwr-$n" r0 "$(mac "$n" 20)"
	veth "dwr-$n" r1 "$(mac "$m" 21)" "dws-$n" s0 "$(mac "$m" 01)"
	nsaddr "dwr-$n" r0 "10.99.$n.1/24"
	nsaddr "dwr-$n" r1 "10.99.$m.2/24"
	nsaddr "dws-$n" s0 "10.99.$m.1/24"
	ip netns exec "dws-$n" ip route add "10.99.$n.0/24" via "10.99.$m.2"
	ip netns exec "dwr-$n" sysctl -qw net.ipv4.ip_forward=1
}

# 11: ISC dhcrelay -a (option 82 circuit-id) between dhclient and ISC dhcpd.
#     Captured on the client link and on the server link (giaddr, hops=1,
#     82 added/echoed/stripped); renewals go unicast to the server directly.
SCENARIOS+=(relay_dhcrelay_iscdhcpd)
scn_relay_dhcrelay_iscdhcpd() {
	local n=11 c=dwc-11 r=dwr-11 s=dws-11
	relay_topology $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
default-lease-time 20; max-lease-time 20;
subnet 10.99.12.0 netmask 255.255.255.0 { }
subnet 10.99.11.0 netmask 255.255.255.0 {
	range 10.99.11.100 10.99.11.150;
	option routers 10.99.11.1;
	option domain-name-servers 10.99.12.1;
	option domain-name "relayed.corpus.example";
}
EOF
	} >"$WORK/dhcpd11.conf"
	dhcpd_start $s s0 "$WORK/dhcpd11.conf"
	bgrun $r dhcrelay11 dhcrelay -4 -d -a -m replace --no-pid -id r0 -iu r1 10.99.12.1
	sleep 1
	dhclient_conf "$WORK/dhclient11.conf" corpus-relayed
	local fc="$OUT/relay-dhcrelay-option82-clientside.pcap" fs="$OUT/relay-dhcrelay-option82-serverside.pcap"
	cap_start $c c0 "$fc"
	cap_start $s s0 "$fs"
	dhclient_run $c dhclient11 c0 "$WORK/dhclient11.conf"
	wait_msg "$fc" "$ACK_RE" 1 20 || die "no ACK"
	wait_msg "$fc" "$ACK_RE" 2 20 || die "no renew ACK"
	dhclient_release $c dhclient11 c0 "$WORK/dhclient11.conf"
	wait_msg "$fs" "$REL_RE" 1 10 || die "no release"
}

# 13: dnsmasq as relay (dhcp-relay) in front of Kea; udhcpc client.
SCENARIOS+=(relay_dnsmasq_kea)
scn_relay_dnsmasq_kea() {
	local n=13 c=dwc-13 r=dwr-13 s=dws-13
	relay_topology $n
	client_scripts
	cat >"$WORK/kea13.json" <<EOF
{ "Dhcp4": {
  "interfaces-config": { "interfaces": [ "s0" ], "dhcp-socket-type": "udp" },
  "lease-database": { "type": "memfile", "persist": true, "name": "$WORK/kea-leases-13.csv", "lfc-interval": 0 },
  "valid-lifetime": 60, "renew-timer": 30, "rebind-timer": 50,
  "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ],
  "subnet4": [
    { "subnet": "10.99.14.0/24", "id": 14 },
    { "subnet": "10.99.13.0/24", "id": 13,
      "pools": [ { "pool": "10.99.13.100 - 10.99.13.150" } ],
      "option-data": [ { "name": "routers", "data": "10.99.13.1" },
                       { "name": "domain-name-servers", "data": "10.99.14.1" },
                       { "name": "domain-name", "data": "kea-relayed.corpus.example" } ] } ]
} }
EOF
	kea_start $s "$WORK/kea13.json"
	cat >"$WORK/dnsmasq13.conf" <<'EOF'
dhcp-relay=10.99.13.1,10.99.14.1
EOF
	bgrun $r dnsmasq-relay13 dnsmasq -k -C "$WORK/dnsmasq13.conf" --port=0 -u root -g root \
		--interface=r0 --interface=r1 --bind-interfaces --log-dhcp --log-facility=- --pid-file="$WORK/dnsmasq13.pid"
	wait_for 10 grep -q 'relay' "$WORK/dnsmasq-relay13.log" || die "dnsmasq relay failed: $(cat "$WORK/dnsmasq-relay13.log")"
	local fc="$OUT/relay-dnsmasq-kea-udhcpc-clientside.pcap" fs="$OUT/relay-dnsmasq-kea-udhcpc-serverside.pcap"
	cap_start $c c0 "$fc"
	cap_start $s s0 "$fs"
	bgrun $c udhcpc13 busybox udhcpc -f -i c0 -s "$WORK/udhcpc.sh" -p "$WORK/udhcpc13.pid" -t 5 -T 2 -A 5 \
		-x hostname:corpus-kea-relayed
	wait_msg "$fc" "$ACK_RE" 1 25 || die "no ACK"
	local pid
	pid=$(pidof_file "$WORK/udhcpc13.pid")
	sleep 1
	kill -USR1 "$pid"
	wait_msg "$fc" "$ACK_RE" 2 15 || die "no renew ACK"
	kill -USR2 "$pid"
	wait_msg "$fs" "$REL_RE" 1 10 || die "no release"
}

# PXE client options for busybox udhcpc (option 60 PXEClient, 93 arch,
# 94 UNDI version, 97 UUID/GUID).
PXE_UDHCPC_ARGS=(-V PXEClient:Arch:00000:UNDI:002001 -x 0x5d:0000 -x 0x5e:010201
	-x 0x61:00a1b2c3d4e5f60718293a4b5c6d7e8f90 -O 43 -O 66 -O 67 -O 60 -O 128 -O 129 -O 130
	-O 131 -O 132 -O 133 -O 134 -O 135)

# 15: dnsmasq PXE server (pxe-service/pxe-prompt: PXE option 43 with
#     suboptions 6/8/9/10, 60 "PXEClient", 97 echoed, file/sname fields) for a
#     udhcpc client sending PXE options 60/93/94/97.
SCENARIOS+=(pxe_dnsmasq)
scn_pxe_dnsmasq() {
	local n=15 c=dwc-15 s=dws-15
	pair $n
	client_scripts
	cat >"$WORK/dnsmasq15.conf" <<'EOF'
dhcp-range=10.99.15.100,10.99.15.150,255.255.255.0,10m
dhcp-boot=pxelinux.0,bootserver,10.99.15.1
pxe-prompt="Press F8 for boot menu",5
pxe-service=x86PC,"Boot from local disk"
pxe-service=x86PC,"Install via network",pxelinux
pxe-service=x86-64_EFI,"UEFI network boot",bootx64.efi
dhcp-option=option:tftp-server,10.99.15.1
EOF
	dnsmasq_start $s s0 "$WORK/dnsmasq15.conf"
	local f="$OUT/pxe-dnsmasq-udhcpc.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc15 busybox udhcpc -f -q -i c0 -s "$WORK/udhcpc.sh" -t 5 -T 2 -A 5 "${PXE_UDHCPC_ARGS[@]}"
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
}

# 16: ISC dhcpd PXE class (next-server, filename, server-name, option 60
#     "PXEClient", PXE vendor space option 43 encapsulation) for udhcpc.
SCENARIOS+=(pxe_iscdhcpd)
scn_pxe_iscdhcpd() {
	local n=16 c=dwc-16 s=dws-16
	pair $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
option space PXE;
option PXE.mtftp-ip code 1 = ip-address;
option PXE.mtftp-cport code 2 = unsigned integer 16;
option PXE.mtftp-sport code 3 = unsigned integer 16;
option PXE.mtftp-tmout code 4 = unsigned integer 8;
option PXE.mtftp-delay code 5 = unsigned integer 8;
option PXE.discovery-control code 6 = unsigned integer 8;
option PXE.discovery-mcast-addr code 7 = ip-address;
option client-arch code 93 = unsigned integer 16;
option pxe-uuid code 97 = string;
subnet 10.99.16.0 netmask 255.255.255.0 {
	range 10.99.16.100 10.99.16.150;
	option routers 10.99.16.1;
	class "pxeclients" {
		match if substring (option vendor-class-identifier, 0, 9) = "PXEClient";
		next-server 10.99.16.1;
		server-name "pxe-boot-server";
		filename "pxelinux.0";
		option vendor-class-identifier "PXEClient";
		vendor-option-space PXE;
		option PXE.mtftp-ip 0.0.0.0;
		option PXE.discovery-control 8;
	}
}
EOF
	} >"$WORK/dhcpd16.conf"
	dhcpd_start $s s0 "$WORK/dhcpd16.conf"
	local f="$OUT/pxe-iscdhcpd-udhcpc.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc16 busybox udhcpc -f -q -i c0 -s "$WORK/udhcpc.sh" -t 5 -T 2 -A 5 "${PXE_UDHCPC_ARGS[@]}"
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
}

# hexbytes N SEED -- N bytes of deterministic hex (colon separated).
hexbytes() {
	local i out=()
	for ((i = 0; i < $1; i++)); do out+=("$(printf %02x $(((i * 7 + $2) % 256)))"); done
	local IFS=:
	echo "${out[*]}"
}
# long_search N PREFIX -- quoted, comma separated list of N search domains.
long_search() {
	local i out=()
	for ((i = 1; i <= $1; i++)); do out+=("\"$2$i.search-domain-$i.corpus$i.example$i\""); done
	local IFS=,
	echo "${out[*]}"
}

# 17: ISC dhcpd sends options longer than 255 bytes (43 of 400 bytes, 119
#     domain search of ~330 bytes) split into several instances (RFC 3396);
#     dhclient announces max message size 1500.
SCENARIOS+=(long_options_iscdhcpd)
scn_long_options_iscdhcpd() {
	local n=17 c=dwc-17 s=dws-17
	pair $n
	client_scripts
	{ dhcpd_common; cat <<EOF
authoritative;
subnet 10.99.17.0 netmask 255.255.255.0 {
	range 10.99.17.100 10.99.17.150;
	option routers 10.99.17.1;
	option domain-search $(long_search 10 s);
	option vendor-encapsulated-options $(hexbytes 400 3);
}
EOF
	} >"$WORK/dhcpd17.conf"
	dhcpd_start $s s0 "$WORK/dhcpd17.conf"
	dhclient_conf "$WORK/dhclient17.conf" corpus-long 'send dhcp-max-message-size 1500;'
	local f="$OUT/long-options-rfc3396-iscdhcpd-dhclient.pcap"
	cap_start $c c0 "$f"
	dhclient_run $c dhclient17 c0 "$WORK/dhclient17.conf"
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
}

# 18: option overload (52): udhcpc announces max message size 576 and asks
#     for many options; ISC dhcpd moves options into the file and sname
#     fields.
SCENARIOS+=(overload_iscdhcpd)
scn_overload_iscdhcpd() {
	local n=18 c=dwc-18 s=dws-18
	pair $n
	client_scripts
	{ dhcpd_common; cat <<EOF
authoritative;
subnet 10.99.18.0 netmask 255.255.255.0 {
	range 10.99.18.100 10.99.18.150;
	option routers 10.99.18.1;
	option domain-name-servers 10.99.18.1, 10.99.18.2, 10.99.18.3, 10.99.18.4;
	option domain-name "overload.corpus.example";
	option domain-search $(long_search 3 o);
	option ntp-servers 10.99.18.1, 10.99.18.2, 10.99.18.3;
	option netbios-name-servers 10.99.18.5, 10.99.18.6;
	option log-servers 10.99.18.7;
	option rfc3442-classless-static-routes 24, 10,99,200, 10,99,18,254, 24, 10,99,201, 10,99,18,254, 0, 10,99,18,1;
	option vendor-encapsulated-options $(hexbytes 60 1);
	option root-path "/export/root/overload-corpus-host-with-a-rather-long-root-path";
	option nis-domain "nis.overload.corpus.example";
	option nis-servers 10.99.18.8;
}
EOF
	} >"$WORK/dhcpd18.conf"
	dhcpd_start $s s0 "$WORK/dhcpd18.conf"
	local f="$OUT/overload-iscdhcpd-udhcpc.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc18 busybox udhcpc -f -q -i c0 -s "$WORK/udhcpc.sh" -t 5 -T 2 -A 5 \
		-O 119 -O 121 -O 43 -O 42 -O 44 -O 7 -O 17 -O 40 -O 41 -O 15 -O 6
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
}

# 19: the same overload situation with dnsmasq as the server.
SCENARIOS+=(overload_dnsmasq)
scn_overload_dnsmasq() {
	local n=19 c=dwc-19 s=dws-19
	pair $n
	client_scripts
	{ cat <<EOF
dhcp-range=10.99.19.100,10.99.19.150,255.255.255.0,10m
dhcp-option=option:dns-server,10.99.19.1,10.99.19.2,10.99.19.3,10.99.19.4
dhcp-option=option:domain-name,overload.corpus.example
dhcp-option=option:domain-search,$(long_search 3 o | tr -d '"')
dhcp-option=option:ntp-server,10.99.19.1,10.99.19.2,10.99.19.3
dhcp-option=option:netbios-ns,10.99.19.5,10.99.19.6
dhcp-option=7,10.99.19.7
dhcp-option=option:classless-static-route,10.99.200.0/24,10.99.19.254,10.99.201.0/24,10.99.19.254,0.0.0.0/0,10.99.19.1
dhcp-option=43,$(hexbytes 60 1)
dhcp-option=option:root-path,/export/root/overload-corpus-host-with-a-rather-long-root-path
dhcp-option=40,nis.overload.corpus.example
dhcp-option=41,10.99.19.8
EOF
	} >"$WORK/dnsmasq19.conf"
	dnsmasq_start $s s0 "$WORK/dnsmasq19.conf"
	local f="$OUT/overload-dnsmasq-udhcpc.pcap"
	cap_start $c c0 "$f"
	bgrun $c udhcpc19 busybox udhcpc -f -q -i c0 -s "$WORK/udhcpc.sh" -t 5 -T 2 -A 5 \
		-O 119 -O 121 -O 43 -O 42 -O 44 -O 7 -O 17 -O 40 -O 41 -O 15 -O 6
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	sleep 1
}

# 20: plain BOOTP (no option 53, 64-byte vendor area, sent with scapy) to
#     ISC dhcpd with dynamic-bootp: BOOTREPLY.
SCENARIOS+=(bootp_iscdhcpd)
scn_bootp_iscdhcpd() {
	local n=20 c=dwc-20 s=dws-20
	pair $n
	{ dhcpd_common; cat <<'EOF'
authoritative;
subnet 10.99.20.0 netmask 255.255.255.0 {
	range dynamic-bootp 10.99.20.100 10.99.20.150;
	option routers 10.99.20.1;
	option domain-name-servers 10.99.20.1;
	option domain-name "bootp.corpus.example";
	next-server 10.99.20.1;
	filename "bootp-image.bin";
	server-name "bootp-server";
}
EOF
	} >"$WORK/dhcpd20.conf"
	dhcpd_start $s s0 "$WORK/dhcpd20.conf"
	local f="$OUT/bootp-iscdhcpd.pcap"
	cap_start $c c0 "$f"
	ip netns exec $c timeout 30 $PY "$HERE/send-raw.py" bootp c0 "$(mac 20 10)"
	wait_for 10 bash -c "[ \$(tcpdump -r '$f' -n 2>/dev/null | grep -c 'BOOTP/DHCP, Reply') -ge 1 ]" || die "no BOOTREPLY"
	sleep 1
}

# 21: same BOOTP request to dnsmasq (bootp-dynamic).
SCENARIOS+=(bootp_dnsmasq)
scn_bootp_dnsmasq() {
	local n=21 c=dwc-21 s=dws-21
	pair $n
	cat >"$WORK/dnsmasq21.conf" <<'EOF'
dhcp-range=10.99.21.100,10.99.21.150,255.255.255.0,10m
bootp-dynamic
dhcp-boot=bootp-image.bin,bootp-server,10.99.21.1
EOF
	dnsmasq_start $s s0 "$WORK/dnsmasq21.conf"
	local f="$OUT/bootp-dnsmasq.pcap"
	cap_start $c c0 "$f"
	ip netns exec $c timeout 30 $PY "$HERE/send-raw.py" bootp c0 "$(mac 21 10)"
	wait_for 10 bash -c "[ \$(tcpdump -r '$f' -n 2>/dev/null | grep -c 'BOOTP/DHCP, Reply') -ge 1 ]" || die "no BOOTREPLY"
	sleep 1
}

# 22: DHCPINFORM from dhcpcd (--inform with a static address) to ISC dhcpd.
SCENARIOS+=(inform_dhcpcd_iscdhcpd)
scn_inform_dhcpcd_iscdhcpd() {
	local n=22 c=dwc-22 s=dws-22
	pair $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
subnet 10.99.22.0 netmask 255.255.255.0 {
	range 10.99.22.100 10.99.22.150;
	option routers 10.99.22.1;
	option domain-name-servers 10.99.22.1;
	option domain-name "inform.corpus.example";
	option ntp-servers 10.99.22.1;
	option domain-search "inform.corpus.example";
}
EOF
	} >"$WORK/dhcpd22.conf"
	dhcpd_start $s s0 "$WORK/dhcpd22.conf"
	cat >"$WORK/dhcpcd22.conf" <<EOF
clientid
hostname corpus-inform
option domain_name_servers, domain_name, domain_search, ntp_servers
noipv4ll
noarp
ipv4only
EOF
	nsaddr $c c0 10.99.22.50/24
	local f="$OUT/inform-dhcpcd-iscdhcpd.pcap"
	cap_start $c c0 "$f"
	bgrun $c dhcpcd22 dhcpcd -f "$WORK/dhcpcd22.conf" -c "$WORK/dhcpcd.sh" -B -d -4 -s 10.99.22.50/24 c0
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK to INFORM"
	sleep 1
}

# 23: dhcping against ISC dhcpd with a fixed-address host: REQUEST (ciaddr
#     set, unicast from port 68) -> ACK, then INFORM -> ACK.
SCENARIOS+=(dhcping_iscdhcpd)
scn_dhcping_iscdhcpd() {
	local n=23 c=dwc-23 s=dws-23
	pair $n
	{ dhcpd_common; cat <<EOF
authoritative;
subnet 10.99.23.0 netmask 255.255.255.0 {
	range 10.99.23.100 10.99.23.150;
	option routers 10.99.23.1;
	option domain-name-servers 10.99.23.1;
	host monitor { hardware ethernet $(mac 23 10); fixed-address 10.99.23.60; }
}
EOF
	} >"$WORK/dhcpd23.conf"
	dhcpd_start $s s0 "$WORK/dhcpd23.conf"
	nsaddr $c c0 10.99.23.60/24
	local f="$OUT/dhcping-iscdhcpd-request-inform.pcap"
	cap_start $c c0 "$f"
	ip netns exec $c timeout 15 dhcping -v -t 5 -c 10.99.23.60 -s 10.99.23.1 -h "$(mac 23 10)" >"$WORK/dhcping23.log" 2>&1 || true
	ip netns exec $c timeout 15 dhcping -v -i -t 5 -c 10.99.23.60 -s 10.99.23.1 -h "$(mac 23 10)" >>"$WORK/dhcping23.log" 2>&1 || true
	wait_msg "$f" "$ACK_RE" 2 10 || die "dhcping: fewer than 2 ACKs: $(cat "$WORK/dhcping23.log")"
}

# 24: dhcping INFORM and REQUEST against Kea.
SCENARIOS+=(dhcping_kea)
scn_dhcping_kea() {
	local n=24 c=dwc-24 s=dws-24
	pair $n
	kea_conf $n "$WORK/kea24.json"
	kea_start $s "$WORK/kea24.json"
	nsaddr $c c0 10.99.24.60/24
	local f="$OUT/dhcping-kea-inform-request.pcap"
	cap_start $c c0 "$f"
	ip netns exec $c timeout 15 dhcping -v -i -t 4 -c 10.99.24.60 -s 10.99.24.1 -h "$(mac 24 10)" >"$WORK/dhcping24.log" 2>&1 || true
	ip netns exec $c timeout 15 dhcping -v -t 4 -c 10.99.24.60 -s 10.99.24.1 -h "$(mac 24 10)" >>"$WORK/dhcping24.log" 2>&1 || true
	wait_msg "$f" "DHCP-Message" 3 10 || die "dhcping/kea: $(cat "$WORK/dhcping24.log")"
}

# 25: DHCPLEASEQUERY (RFC 4388, sent with scapy from the relay address) to
#     ISC dhcpd after a udhcpc client got a lease through dhcrelay:
#     LEASEACTIVE / LEASEUNKNOWN / LEASEUNASSIGNED replies.
SCENARIOS+=(leasequery_iscdhcpd)
scn_leasequery_iscdhcpd() {
	local n=25 c=dwc-25 r=dwr-25 s=dws-25
	relay_topology $n
	client_scripts
	{ dhcpd_common; cat <<'EOF'
authoritative;
allow leasequery;
default-lease-time 600; max-lease-time 600;
subnet 10.99.26.0 netmask 255.255.255.0 { }
subnet 10.99.25.0 netmask 255.255.255.0 {
	range 10.99.25.100 10.99.25.150;
	option routers 10.99.25.1;
}
EOF
	} >"$WORK/dhcpd25.conf"
	dhcpd_start $s s0 "$WORK/dhcpd25.conf"
	bgrun $r dhcrelay25 dhcrelay -4 -d -a --no-pid -id r0 -iu r1 10.99.26.1
	sleep 1
	local f="$OUT/leasequery-iscdhcpd.pcap"
	cap_start $s s0 "$f"
	bgrun $c udhcpc25 busybox udhcpc -f -q -i c0 -s "$WORK/udhcpc.sh" -t 5 -T 2 -A 5
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
	local ip
	ip=$(grep -o 'lease 10\.99\.25\.[0-9]*' "$WORK/dhcpd-$s.leases" | head -1 | cut -d' ' -f2)
	[[ -n $ip ]] || die "no lease in dhcpd lease file"
	ip netns exec $r timeout 30 $PY "$HERE/send-raw.py" leasequery r1 10.99.26.2 10.99.26.1 "$ip" "$(mac 25 10)"
	wait_for 10 bash -c "[ \$(tcpdump -r '$f' -n -vv 2>/dev/null | grep -c 'DHCP-Message.*Lease') -ge 6 ]" || log "leasequery: fewer replies than expected"
	sleep 1
}

# ------------------------------------------------- cross combinations --
# Generic servers/clients so every client talks to every server at least once.

server_generic() { # TYPE N NS
	local t=$1 n=$2 s=$3
	case $t in
	dnsmasq)
		cat >"$WORK/dnsmasq$n.conf" <<EOF
dhcp-range=10.99.$n.100,10.99.$n.150,255.255.255.0,10m
dhcp-option=option:domain-name,dnsmasq.corpus.example
dhcp-option=option:domain-search,dnsmasq.corpus.example
dhcp-option=option:ntp-server,10.99.$n.1
dhcp-option=option:classless-static-route,10.99.200.0/24,10.99.$n.254,0.0.0.0/0,10.99.$n.1
dhcp-host=$(mac "$n" 10),set:known,corpus-known-host
EOF
		dnsmasq_start "$s" s0 "$WORK/dnsmasq$n.conf" ;;
	dhcpd)
		{ dhcpd_common; cat <<EOF
authoritative;
default-lease-time 600; max-lease-time 600;
subnet 10.99.$n.0 netmask 255.255.255.0 {
	range 10.99.$n.100 10.99.$n.150;
	option routers 10.99.$n.1;
	option domain-name-servers 10.99.$n.1;
	option domain-name "iscdhcpd.corpus.example";
	option domain-search "iscdhcpd.corpus.example";
	option ntp-servers 10.99.$n.1;
	option rfc3442-classless-static-routes 24, 10,99,200, 10,99,$n,254, 0, 10,99,$n,1;
}
EOF
		} >"$WORK/dhcpd$n.conf"
		dhcpd_start "$s" s0 "$WORK/dhcpd$n.conf" ;;
	kea)
		kea_conf "$n" "$WORK/kea$n.json"
		kea_start "$s" "$WORK/kea$n.json" ;;
	udhcpd)
		cat >"$WORK/udhcpd$n.conf" <<EOF
start 10.99.$n.100
end 10.99.$n.150
interface s0
lease_file $WORK/udhcpd$n.leases
pidfile $WORK/udhcpd$n.pid
opt subnet 255.255.255.0
opt router 10.99.$n.1
opt dns 10.99.$n.1
opt domain udhcpd.corpus.example
opt lease 600
EOF
		: >"$WORK/udhcpd$n.leases"
		udhcpd_start "$s" "$WORK/udhcpd$n.conf" ;;
	esac
}

# client_generic TYPE N NS PCAP -- obtain a lease, then release it.
client_generic() {
	local t=$1 n=$2 c=$3 f=$4
	case $t in
	dhclient)
		dhclient_conf "$WORK/dhclient$n.conf" "corpus-dhclient-$n"
		dhclient_run "$c" "dhclient$n" c0 "$WORK/dhclient$n.conf"
		wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
		sleep 1
		dhclient_release "$c" "dhclient$n" c0 "$WORK/dhclient$n.conf" ;;
	dhcpcd)
		cat >"$WORK/dhcpcd$n.conf" <<EOF
duid
hostname corpus-dhcpcd-$n
fqdn both
vendorclassid dhcpcd-corpus
option domain_name_servers, domain_name, domain_search, host_name
option classless_static_routes, ntp_servers, interface_mtu
noipv4ll
noarp
ipv4only
EOF
		bgrun "$c" "dhcpcd$n" dhcpcd -f "$WORK/dhcpcd$n.conf" -c "$WORK/dhcpcd.sh" -B -d -4 c0
		wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
		sleep 1
		ip netns exec "$c" timeout 10 dhcpcd -f "$WORK/dhcpcd$n.conf" -4 -k c0 >>"$WORK/dhcpcd$n.log" 2>&1 || true ;;
	udhcpc)
		bgrun "$c" "udhcpc$n" busybox udhcpc -f -i c0 -s "$WORK/udhcpc.sh" -p "$WORK/udhcpc$n.pid" \
			-t 5 -T 2 -A 5 -x hostname:corpus-udhcpc-$n -O 119 -O 121 -O 42
		wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK"
		sleep 1
		kill -USR2 "$(pidof_file "$WORK/udhcpc$n.pid")" ;;
	esac
	wait_msg "$f" "$REL_RE" 1 10 || die "no release"
}

combo() { # N SERVER CLIENT
	local n=$1 c=dwc-$1 s=dws-$1
	pair "$n"
	client_scripts
	server_generic "$2" "$n" "$s"
	local sname=$2
	[[ $sname == dhcpd ]] && sname=iscdhcpd
	local f="$OUT/$sname-$3-dora-release.pcap"
	cap_start "$c" c0 "$f"
	client_generic "$3" "$n" "$c" "$f"
}

SCENARIOS+=(kea_dhclient iscdhcpd_dhcpcd dnsmasq_dhclient udhcpd_dhcpcd kea_udhcpc iscdhcpd_udhcpc udhcpd_dhclient dnsmasq_dhcpcd)
scn_kea_dhclient() { combo 27 kea dhclient; }
scn_iscdhcpd_dhcpcd() { combo 28 dhcpd dhcpcd; }
scn_dnsmasq_dhclient() { combo 29 dnsmasq dhclient; }
scn_udhcpd_dhcpcd() { combo 30 udhcpd dhcpcd; }
scn_kea_udhcpc() { combo 31 kea udhcpc; }
scn_iscdhcpd_udhcpc() { combo 32 dhcpd udhcpc; }
scn_udhcpd_dhclient() { combo 33 udhcpd dhclient; }
scn_dnsmasq_dhcpcd() { combo 34 dnsmasq dhcpcd; }

# 35: systemd-networkd's DHCPv4 client (sd-dhcp-client) against Kea.
#     networkd runs in the client namespace with a private /run/systemd and
#     a read-only /sys (so it does not wait for udev).
SCENARIOS+=(kea_networkd)
scn_kea_networkd() {
	local n=35 c=dwc-35 s=dws-35
	pair $n
	kea_conf $n "$WORK/kea35.json"
	kea_start $s "$WORK/kea35.json"
	mkdir -p "$WORK/networkd/conf" "$WORK/networkd/run"
	cat >"$WORK/networkd/conf/50-c0.network" <<'EOF'
[Match]
Name=c0

[Network]
DHCP=ipv4
LinkLocalAddressing=no
IPv6AcceptRA=no

[DHCPv4]
ClientIdentifier=mac
Hostname=corpus-networkd
SendHostname=yes
VendorClassIdentifier=systemd-networkd-corpus
UserClass=corpus-uc1 corpus-uc2
RequestOptions=42 119 121
SendRelease=yes
EOF
	chmod -R a+rX "$WORK/networkd"
	chown -R systemd-network "$WORK/networkd/run"
	local f="$OUT/kea-systemd-networkd-dora-release.pcap"
	cap_start $c c0 "$f"
	bgrun $c networkd35 sh -c "mount --bind '$WORK/networkd/conf' /run/systemd/network && \
		mount --bind '$WORK/networkd/run' /run/systemd/netif && mount -o remount,ro /sys && \
		SYSTEMD_LOG_LEVEL=debug exec /lib/systemd/systemd-networkd"
	local npid=$BG_PID
	wait_msg "$f" "$ACK_RE" 1 25 || die "no ACK: $(tail -20 "$WORK/networkd35.log")"
	sleep 1
	stop_pid "$npid" 10
	wait_msg "$f" "$REL_RE" 1 5 || log "networkd sent no RELEASE"
}

# 36: like a capture taken on the sending host: veth TX checksum offload left
#     ON, so packets captured on the server side carry partial (invalid) UDP
#     checksums.  dnsmasq + udhcpc, captured on the server's veth.
SCENARIOS+=(offload_bad_udp_checksum)
scn_offload_bad_udp_checksum() {
	local n=36 c=dwc-36 s=dws-36
	DW_OFFLOAD=1 pair $n
	client_scripts
	server_generic dnsmasq $n $s
	local f="$OUT/dnsmasq-udhcpc-serverside-csum-offload.pcap"
	cap_start $s s0 "$f"
	client_generic udhcpc $n $c "$f"
}
