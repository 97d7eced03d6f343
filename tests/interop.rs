//! dhcpwire against real DHCP software, over a veth pair between two
//! network namespaces that each test creates and removes (addresses in
//! 10.99.0.0/16, only inside the namespaces; no real interface is touched):
//!
//! - (a) dnsmasq serves a lease to a client built on dhcpwire: its
//!   DISCOVER/REQUEST and dnsmasq's OFFER/ACK are decoded and validated,
//!   the lease appears in dnsmasq's lease file, and disappears after the
//!   client's DHCPRELEASE.
//! - (b) busybox udhcpc obtains, renews (SIGUSR1) and releases (SIGUSR2) a
//!   lease from the server of `examples/dora.rs`.
//!
//! Each half that must run inside a namespace is this test binary run
//! again through `ip netns exec`, selecting [`child_process_entry`] with
//! the environment variable `DHCPWIRE_INTEROP_CHILD`.
//!
//! ```text
//! cargo test --all-features --test interop -- --ignored --test-threads=1
//! ```
//!
//! Needs root, iproute2 (`ip netns`), dnsmasq and busybox; `.ci/run`
//! installs them. When they are missing the tests fail and say why.

#[path = "../examples/dora.rs"]
#[allow(dead_code, unused_imports)]
mod dora;

use std::fs;
use std::io::Write as _;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dhcpwire::protocol::{
    ClientMessage, Destination, LeaseTimers, Policy, RequestKind, request_kind, validate,
    validate_reply_with, validate_with,
};
use dhcpwire::{Message, MessageType, OptionCode};

const CHILD_ENV: &str = "DHCPWIRE_INTEROP_CHILD";

// ---------------------------------------------------------------------------
// Guards: everything the tests create is removed, also when they fail.
// ---------------------------------------------------------------------------

fn ip(args: &[&str]) -> Result<(), String> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run `ip`: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`ip {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Two namespaces joined by a veth pair; deleted on drop (which also
/// deletes the veth pair).
struct NetnsPair {
    server_ns: String,
    client_ns: String,
    server_if: String,
    client_if: String,
}

impl NetnsPair {
    /// `tag` keeps the names of concurrent tests apart; `subnet` is the
    /// third octet of 10.99.x.0/24. The server side gets 10.99.x.1/24, the
    /// client side no address. Both get a route for 255.255.255.255 so
    /// that a UDP socket can broadcast without an address (what DHCP
    /// clients do with raw sockets or SO_BINDTODEVICE).
    fn new(tag: &str, subnet: u8) -> Result<Self, String> {
        let id = std::process::id() % 100_000;
        let pair = NetnsPair {
            server_ns: format!("dwire{id}{tag}s"),
            client_ns: format!("dwire{id}{tag}c"),
            server_if: format!("dw{id}{tag}s"),
            client_if: format!("dw{id}{tag}c"),
        };
        let (s, c, si, ci) = (
            pair.server_ns.as_str(),
            pair.client_ns.as_str(),
            pair.server_if.as_str(),
            pair.client_if.as_str(),
        );
        ip(&["netns", "add", s]).map_err(|e| format!("cannot create a network namespace: {e}"))?;
        ip(&["netns", "add", c])?;
        ip(&[
            "-n", s, "link", "add", si, "type", "veth", "peer", "name", ci, "netns", c,
        ])?;
        let addr = format!("10.99.{subnet}.1/24");
        ip(&["-n", s, "addr", "add", &addr, "dev", si])?;
        for (ns, dev) in [(s, si), (c, ci)] {
            ip(&["-n", ns, "link", "set", "lo", "up"])?;
            ip(&["-n", ns, "link", "set", dev, "up"])?;
            ip(&["-n", ns, "route", "add", "255.255.255.255/32", "dev", dev])?;
        }
        Ok(pair)
    }
}

impl Drop for NetnsPair {
    fn drop(&mut self) {
        let _ = ip(&["netns", "del", &self.server_ns]);
        let _ = ip(&["netns", "del", &self.client_ns]);
    }
}

/// A child process killed on drop.
struct Proc {
    name: &'static str,
    child: Child,
}

impl Proc {
    fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Waits for the exit; `None` on timeout.
    fn wait_for(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    fn signal(&self, sig: &str) {
        let _ = Command::new("kill").args([sig, &self.pid()]).status();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        let _ = self.name;
    }
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let p = std::env::temp_dir().join(format!("dhcpwire-interop-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Fails (never skips) when the environment cannot run the test.
fn preflight(tools: &[&str]) {
    let mut missing = Vec::new();
    for tool in tools {
        let found = std::env::var_os("PATH")
            .map(|paths| std::env::split_paths(&paths).any(|d| d.join(tool).is_file()))
            .unwrap_or(false)
            || Path::new("/usr/sbin").join(tool).is_file()
            || Path::new("/sbin").join(tool).is_file();
        if !found {
            missing.push(*tool);
        }
    }
    assert!(
        missing.is_empty(),
        "interop test cannot run: missing {missing:?} (needs root, ip netns, dnsmasq and busybox; \
         .ci/run installs them with apt-get install dnsmasq-base busybox iproute2)"
    );
}

fn wait_until(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// Runs this test binary again inside `ns` as the child `role`.
fn spawn_child(ns: &str, role: &str, env: &[(&str, String)], out: &Path) -> Proc {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", ns])
        .arg(exe)
        .args([
            "child_process_entry",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, role)
        .stdin(Stdio::null())
        .stdout(fs::File::create(out).unwrap())
        .stderr(fs::File::create(out.with_extension("err")).unwrap());
    for (k, v) in env {
        cmd.env(k, v);
    }
    Proc {
        name: "child",
        child: cmd.spawn().unwrap(),
    }
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The halves that run inside a namespace
// ---------------------------------------------------------------------------

/// Not a test of its own: the entry point of the child processes the two
/// interop tests start inside their namespaces (does nothing unless
/// `DHCPWIRE_INTEROP_CHILD` is set).
#[test]
#[ignore = "needs root, ip netns, dnsmasq and busybox (installed by .ci/run); run with --ignored"]
fn child_process_entry() {
    match std::env::var(CHILD_ENV).as_deref() {
        Ok("client") => dhcpwire_client(),
        Ok("server") => dhcpwire_server(),
        _ => {}
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} not set"))
}

fn parse_mac(s: &str) -> Vec<u8> {
    s.split(':')
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn show(what: &str, bytes: &[u8]) {
    let msg = Message::parse(bytes).unwrap();
    println!("── {what}\n{msg}");
    for v in &validate(&msg) {
        println!("\t  [{v}]");
    }
}

/// Sends `bytes` to `to` and waits for a reply of `xid` and `want` type,
/// retransmitting every second (RFC 2131 §4.1), five times at most.
fn transact(
    sock: &UdpSocket,
    bytes: &[u8],
    to: SocketAddrV4,
    xid: u32,
    want: MessageType,
    buf: &mut [u8],
) -> usize {
    for attempt in 0..5 {
        sock.send_to(bytes, to).unwrap();
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline {
            let Ok((n, from)) = sock.recv_from(buf) else {
                continue;
            };
            let Ok(m) = Message::parse(&buf[..n]) else {
                continue;
            };
            if m.xid() == xid && m.message_type().ok().flatten() == Some(want) {
                println!("   (from {from}, attempt {})", attempt + 1);
                return n;
            }
        }
    }
    panic!("no {want:?} for xid {xid:#x} after 5 attempts");
}

/// (a) client half: DORA with dnsmasq, then RELEASE.
fn dhcpwire_client() {
    let iface = env("DW_IFACE");
    let chaddr = parse_mac(&env("DW_CHADDR"));
    let dir = PathBuf::from(env("DW_DIR"));
    let sock = UdpSocket::bind("0.0.0.0:68").unwrap();
    sock.set_broadcast(true).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let xid = 0x5d00_0000 | (std::process::id() & 0xffff);
    let mut strict_violations = 0;

    let mut q = [0u8; 576];
    let mut d = ClientMessage::discover(&mut q, xid, &chaddr).unwrap();
    d.broadcast(true) // no address yet: replies must be broadcast (§4.1)
        .client_identifier(1, &chaddr)
        .host_name(b"dhcpwire-probe")
        .parameter_request_list([
            OptionCode::SUBNET_MASK,
            OptionCode::ROUTER,
            OptionCode::DOMAIN_NAME_SERVER,
        ])
        .max_message_size(1500);
    let to = d.destination();
    let n = d.finish().unwrap();
    let discover = Message::parse(&q[..n]).unwrap();
    show("dhcpwire → DISCOVER", &q[..n]);
    assert!(validate(&discover).is_empty());

    let mut o = [0u8; 1500];
    let n = transact(
        &sock,
        &q[..discover.len()],
        to,
        xid,
        MessageType::Offer,
        &mut o,
    );
    let offer_bytes = o[..n].to_vec();
    let offer = Message::parse(&offer_bytes).unwrap();
    show("dnsmasq → OFFER", &offer_bytes);
    let v = validate_reply_with(&discover, &offer, &Policy::REAL_WORLD);
    assert!(
        v.is_empty(),
        "OFFER: {:?}",
        v.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
    strict_violations += validate(&offer).len();
    println!(
        "RESULT offer {} from {:?}",
        offer.yiaddr(),
        offer.server_identifier()
    );

    let mut r = [0u8; 576];
    let mut req = ClientMessage::select(&mut r, &offer).unwrap();
    req.broadcast(true)
        .client_identifier(1, &chaddr)
        .host_name(b"dhcpwire-probe");
    let to = req.destination();
    let n = req.finish().unwrap();
    let request = Message::parse(&r[..n]).unwrap();
    show("dhcpwire → REQUEST (selecting)", &r[..n]);
    assert!(validate(&request).is_empty());
    assert_eq!(request_kind(&request), Some(RequestKind::Selecting));

    let mut a = [0u8; 1500];
    let n = transact(
        &sock,
        &r[..request.len()],
        to,
        xid,
        MessageType::Ack,
        &mut a,
    );
    let ack = Message::parse(&a[..n]).unwrap();
    show("dnsmasq → ACK", &a[..n]);
    let v = validate_reply_with(&request, &ack, &Policy::REAL_WORLD);
    assert!(
        v.is_empty(),
        "ACK: {:?}",
        v.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
    strict_violations += validate(&ack).len();
    let timers = LeaseTimers::from_message(&ack).unwrap();
    let server = ack.server_identifier().unwrap();
    assert_eq!(ack.yiaddr(), offer.yiaddr());
    println!(
        "RESULT lease {} server {} lease {} t1 {} t2 {} strict_violations {}",
        ack.yiaddr(),
        server,
        timers.lease,
        timers.t1,
        timers.t2,
        strict_violations
    );
    fs::write(dir.join("bound"), ack.yiaddr().to_string()).unwrap();

    // The parent checks the lease file, then lets us release.
    assert!(
        wait_until(Duration::from_secs(15), || dir.join("release").exists()),
        "parent never said release"
    );
    let prefix = u32::from(ack.typed(OptionCode::SUBNET_MASK).ok().flatten().map_or(
        Ipv4Addr::new(255, 255, 255, 0),
        |o| match o {
            dhcpwire::DhcpOption::SubnetMask(m) => m,
            _ => Ipv4Addr::new(255, 255, 255, 0),
        },
    ))
    .count_ones();
    ip(&[
        "addr",
        "add",
        &format!("{}/{prefix}", ack.yiaddr()),
        "dev",
        &iface,
    ])
    .unwrap();
    let mut rel = [0u8; 576];
    let mut m = ClientMessage::release(&mut rel, xid + 1, &chaddr, ack.yiaddr(), server).unwrap();
    m.client_identifier(1, &chaddr);
    let to = m.destination();
    assert_eq!(to, SocketAddrV4::new(server, 67));
    let n = m.finish().unwrap();
    show("dhcpwire → RELEASE (unicast to the server)", &rel[..n]);
    assert!(validate(&Message::parse(&rel[..n]).unwrap()).is_empty());
    sock.send_to(&rel[..n], to).unwrap();
    println!("RESULT released");
}

/// (b) server half: the dora example's server on 0.0.0.0:67.
fn dhcpwire_server() {
    let iface = env("DW_IFACE");
    let subnet: u8 = env("DW_SUBNET").parse().unwrap();
    let sid = Ipv4Addr::new(10, 99, subnet, 1);
    let mut srv = dora::server::Server::new(dora::server::Config {
        server_id: sid,
        pool: (
            Ipv4Addr::new(10, 99, subnet, 100),
            Ipv4Addr::new(10, 99, subnet, 120),
        ),
        subnet_mask: Ipv4Addr::new(255, 255, 255, 0),
        router: Some(sid),
        dns: vec![sid],
        lease_secs: 120,
        offer_hold: Duration::from_secs(30),
    });
    let sock = UdpSocket::bind("0.0.0.0:67").unwrap();
    sock.set_broadcast(true).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 1500];
    let mut out = [0u8; 1500];
    let mut released_at = None;
    while start.elapsed() < Duration::from_secs(45) {
        if released_at.is_some_and(|t: Instant| t.elapsed() > Duration::from_millis(500)) {
            break;
        }
        let Ok((n, from)) = sock.recv_from(&mut buf) else {
            continue;
        };
        let Ok(req) = Message::parse(&buf[..n]) else {
            continue;
        };
        if req.op() != dhcpwire::Op::BootRequest {
            continue;
        }
        show(&format!("udhcpc ({from}) →"), &buf[..n]);
        for v in &validate_with(&req, &Policy::REAL_WORLD) {
            println!("VIOLATION {v}");
        }
        let t = req.message_type().ok().flatten();
        let kind = request_kind(&req).map_or(String::new(), |k| format!("{k:?}"));
        let unicast = if from.ip().is_unspecified() {
            "from-unconfigured"
        } else {
            "from-configured"
        };
        println!("EVENT {t:?} {kind} ciaddr={} {unicast}", req.ciaddr());
        let handled = srv.handle(&req, start.elapsed(), &mut out).unwrap();
        println!("   server {}", handled.note);
        if t == Some(MessageType::Release) {
            released_at = Some(Instant::now());
        }
        let Some((len, dest)) = handled.reply else {
            continue;
        };
        let reply = Message::parse(&out[..len]).unwrap();
        show(&format!("server → {dest}"), &out[..len]);
        for v in &validate_reply_with(&req, &reply, &Policy::REAL_WORLD) {
            println!("VIOLATION {v}");
        }
        println!(
            "EVENT reply {:?} to {dest}",
            reply.message_type().ok().flatten()
        );
        if let Destination::Hardware { ip: yi, chaddr, .. } = dest {
            // §4.1: unicast to yiaddr at chaddr: the client does not answer
            // ARP yet, so write the neighbour entry ourselves.
            ip(&[
                "neigh",
                "replace",
                &yi.to_string(),
                "lladdr",
                &chaddr.to_string(),
                "dev",
                &iface,
                "nud",
                "reachable",
            ])
            .unwrap();
        }
        sock.send_to(&out[..len], dest.socket_addr()).unwrap();
    }
    println!("POOL\n{}", srv.pool_report(start.elapsed()));
    assert!(released_at.is_some(), "no DHCPRELEASE within 45 s");
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

/// (a) dnsmasq serves a dhcpwire client.
#[test]
#[ignore = "needs root, ip netns, dnsmasq and busybox (installed by .ci/run); run with --ignored"]
fn dnsmasq_serves_a_dhcpwire_client() {
    preflight(&["ip", "dnsmasq"]);
    let tmp = TempDir::new("dnsmasq");
    let pair = NetnsPair::new("a", 101).unwrap_or_else(|e| panic!("interop test cannot run: {e}"));
    let leases = tmp.path("leases");
    let dnsmasq = Command::new("ip")
        .args([
            "netns",
            "exec",
            &pair.server_ns,
            "dnsmasq",
            "--no-daemon",
            "--conf-file=/dev/null",
        ])
        .arg("--port=0")
        .arg(format!("--interface={}", pair.server_if))
        .arg("--bind-interfaces")
        .arg("--dhcp-range=10.99.101.100,10.99.101.150,255.255.255.0,600")
        .arg(format!("--dhcp-leasefile={}", leases.display()))
        .arg(format!("--pid-file={}", tmp.path("dnsmasq.pid").display()))
        .arg("--dhcp-authoritative")
        .arg("--user=root")
        .arg("--log-dhcp")
        .arg("--log-facility=-")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(fs::File::create(tmp.path("dnsmasq.log")).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("interop test cannot run: cannot start dnsmasq: {e}"));
    let mut dnsmasq = Proc {
        name: "dnsmasq",
        child: dnsmasq,
    };
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        dnsmasq.wait_for(Duration::ZERO).is_none(),
        "dnsmasq exited: {}",
        read(&tmp.path("dnsmasq.log"))
    );

    let chaddr = "02:99:65:00:00:0a";
    let out = tmp.path("client.out");
    let mut client = spawn_child(
        &pair.client_ns,
        "client",
        &[
            ("DW_IFACE", pair.client_if.clone()),
            ("DW_CHADDR", chaddr.to_string()),
            ("DW_DIR", tmp.0.display().to_string()),
        ],
        &out,
    );
    let bound = wait_until(Duration::from_secs(20), || tmp.path("bound").exists());
    let dump = || {
        format!(
            "client:\n{}\n{}\ndnsmasq:\n{}",
            read(&out),
            read(&out.with_extension("err")),
            read(&tmp.path("dnsmasq.log"))
        )
    };
    assert!(bound, "no lease from dnsmasq\n{}", dump());
    let ip = read(&tmp.path("bound"));
    // The lease file: "<expiry> <mac> <ip> <hostname> <client-id>".
    assert!(
        wait_until(Duration::from_secs(5), || read(&leases).lines().any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.get(1) == Some(&chaddr)
                && f.get(2) == Some(&ip.as_str())
                && f.get(3) == Some(&"dhcpwire-probe")
        })),
        "lease {ip} for {chaddr} not in dnsmasq's lease file: {:?}\n{}",
        read(&leases),
        dump()
    );
    println!("dnsmasq lease file: {}", read(&leases).trim());
    fs::write(tmp.path("release"), "go").unwrap();
    let status = client
        .wait_for(Duration::from_secs(20))
        .expect("client child hung");
    assert!(status.success(), "client child failed\n{}", dump());
    assert!(
        wait_until(Duration::from_secs(5), || !read(&leases).contains(chaddr)),
        "lease still in the file after DHCPRELEASE: {:?}",
        read(&leases)
    );
    let text = read(&out);
    let result: Vec<&str> = text.lines().filter(|l| l.starts_with("RESULT")).collect();
    println!("{}", result.join("\n"));
    assert_eq!(result.len(), 3, "{text}");
    assert!(
        result[1].starts_with(&format!(
            "RESULT lease {ip} server 10.99.101.1 lease 600 t1 300 t2 525"
        )),
        "{}",
        result[1]
    );
    assert_eq!(result[2], "RESULT released");
    dnsmasq.signal("-TERM");
}

/// (b) busybox udhcpc against the dora example's server.
#[test]
#[ignore = "needs root, ip netns, dnsmasq and busybox (installed by .ci/run); run with --ignored"]
fn udhcpc_leases_renews_and_releases_from_the_dora_server() {
    preflight(&["ip", "busybox"]);
    let tmp = TempDir::new("udhcpc");
    let pair = NetnsPair::new("b", 102).unwrap_or_else(|e| panic!("interop test cannot run: {e}"));
    let events = tmp.path("events");
    let script = tmp.path("udhcpc.sh");
    {
        let mut f = fs::File::create(&script).unwrap();
        write!(
            f,
            "#!/bin/sh\n\
             echo \"$1 ${{ip:-}} ${{serverid:-}}\" >> {events}\n\
             case \"$1\" in\n\
             bound|renew) ip addr replace \"$ip/${{mask:-24}}\" dev \"$interface\" ;;\n\
             deconfig) ip addr flush dev \"$interface\" ;;\n\
             esac\n\
             exit 0\n",
            events = events.display()
        )
        .unwrap();
    }
    Command::new("chmod")
        .args(["755"])
        .arg(&script)
        .status()
        .unwrap();

    let out = tmp.path("server.out");
    let mut server = spawn_child(
        &pair.server_ns,
        "server",
        &[
            ("DW_IFACE", pair.server_if.clone()),
            ("DW_SUBNET", "102".into()),
        ],
        &out,
    );
    std::thread::sleep(Duration::from_millis(500));
    let udhcpc = Command::new("ip")
        .args([
            "netns",
            "exec",
            &pair.client_ns,
            "busybox",
            "udhcpc",
            "-f",
            "-n",
            "-i",
            &pair.client_if,
            "-s",
        ])
        .arg(&script)
        .args(["-t", "3", "-T", "1"])
        .stdin(Stdio::null())
        .stdout(fs::File::create(tmp.path("udhcpc.log")).unwrap())
        .stderr(Stdio::from(
            fs::File::create(tmp.path("udhcpc.err")).unwrap(),
        ))
        .spawn()
        .unwrap_or_else(|e| panic!("interop test cannot run: cannot start busybox udhcpc: {e}"));
    let mut udhcpc = Proc {
        name: "udhcpc",
        child: udhcpc,
    };
    let dump = || {
        format!(
            "events:\n{}\nudhcpc:\n{}{}\nserver:\n{}{}",
            read(&events),
            read(&tmp.path("udhcpc.log")),
            read(&tmp.path("udhcpc.err")),
            read(&out),
            read(&out.with_extension("err"))
        )
    };
    let has = |what: &str| read(&events).lines().any(|l| l.starts_with(what));
    assert!(
        wait_until(Duration::from_secs(20), || has("bound ")),
        "udhcpc never bound\n{}",
        dump()
    );
    udhcpc.signal("-USR1"); // renew
    assert!(
        wait_until(Duration::from_secs(15), || has("renew ")),
        "udhcpc never renewed\n{}",
        dump()
    );
    udhcpc.signal("-USR2"); // release
    let status = server
        .wait_for(Duration::from_secs(20))
        .expect("server child hung");
    udhcpc.signal("-TERM");
    let _ = udhcpc.wait_for(Duration::from_secs(5));
    let text = read(&out);
    assert!(status.success(), "server child failed\n{}", dump());
    assert!(!text.contains("VIOLATION"), "{}", dump());
    let events_seen: Vec<&str> = text.lines().filter(|l| l.starts_with("EVENT")).collect();
    println!("{}", events_seen.join("\n"));
    println!("udhcpc script calls:\n{}", read(&events));
    let pos = |pat: &str, from: usize| {
        events_seen
            .iter()
            .skip(from)
            .position(|l| l.contains(pat))
            .map(|p| p + from)
    };
    let d = pos("EVENT Some(Discover)", 0).unwrap_or_else(|| panic!("no DISCOVER\n{}", dump()));
    let o = pos("EVENT reply Some(Offer)", d).expect("no OFFER");
    let r = pos("EVENT Some(Request) Selecting ciaddr=0.0.0.0", o).expect("no selecting REQUEST");
    let a = pos("EVENT reply Some(Ack) to unicast 10.99.102.100:68 at", r)
        .expect("no ACK to yiaddr/chaddr");
    let rn = pos(
        "EVENT Some(Request) RenewingOrRebinding ciaddr=10.99.102.100 from-configured",
        a,
    )
    .expect("no RENEWING request");
    let ra = pos("EVENT reply Some(Ack) to unicast 10.99.102.100:68", rn)
        .expect("no ACK to the renewal");
    pos("EVENT Some(Release) ", ra).expect("no RELEASE");
    assert!(
        text.contains("21 of 21 addresses free"),
        "address not back in the pool\n{text}"
    );
}
