//! `dora`: a DHCP server, three clients and a relay agent, all in this
//! process, exchanging real UDP datagrams over loopback (127.0.0.1, ports
//! chosen by the kernel).
//!
//! ```text
//! cargo run --example dora
//! ```
//!
//! The server hands out 192.168.1.100–192.168.1.200. Laptop A and
//! Smartphone B sit on the server's link; Laptop C sits behind a relay
//! agent (giaddr 192.168.1.254) that counts the hop and adds option 82
//! (circuit id, remote id), and strips it on the way back. The run shows:
//! DORA for each client, a renewal at T1 (unicast DHCPREQUEST, DHCPACK), a
//! rebind at T2, an INIT-REBOOT DHCPREQUEST for an address from another
//! network answered by a DHCPNAK and a restart, a DHCPDECLINE, a DHCPINFORM
//! and a DHCPRELEASE that returns the address to the pool. Every message is
//! printed in the tcpdump -v-like format with where it goes and its
//! validation; the run ends by itself (every receive has a timeout) and
//! prints the final pool.
//!
//! Loopback has no link layer, so this program plays the link: a reply the
//! server would send to 255.255.255.255, to `ciaddr` or to `yiaddr` at
//! `chaddr` is delivered to the socket of the client with that `chaddr`,
//! and one for a relay (`giaddr`) to the relay's socket. The
//! [`server`] module has no such knowledge: it takes a message and returns
//! the reply and its [`Destination`]; `tests/interop.rs` runs the same
//! module on a real link against busybox udhcpc.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use dhcpwire::protocol::{
    ClientMessage, Destination, LeaseTimers, Policy, RequestState, validate_with,
};
use dhcpwire::{Message, MessageBuilder, MessageMut, MessageType, OptionCode};

#[path = "dora/server.rs"]
pub mod server;

const SERVER_ID: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const RELAY_ADDR: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 254);
const TIMEOUT: Duration = Duration::from_secs(2);

fn hw(chaddr: &[u8]) -> String {
    chaddr
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Prints a message with a heading and its validation result.
fn show(heading: &str, bytes: &[u8]) {
    println!("── {heading}");
    match Message::parse(bytes) {
        Ok(msg) => {
            print!("{msg}");
            let v = validate_with(&msg, &Policy::REAL_WORLD);
            if v.is_empty() {
                println!("\t  [RFC 2131/2132: no violation]");
            }
            for v in &v {
                println!("\t  [{v}]");
            }
        }
        Err(e) => println!("\t  unparseable: {e}"),
    }
}

/// Who is where on the simulated link: the loopback socket of each client
/// (by hardware address) and of the relay.
#[derive(Default)]
struct Link {
    clients: HashMap<Vec<u8>, (String, SocketAddr)>,
    relay: Option<SocketAddr>,
}

fn chaddr_of(bytes: &[u8]) -> Vec<u8> {
    Message::parse(bytes)
        .ok()
        .and_then(|m| m.chaddr().ok().map(<[u8]>::to_vec))
        .unwrap_or_default()
}

/// The server thread: receive, handle, send where §4.1 says.
fn run_server(
    socket: UdpSocket,
    server: Arc<Mutex<server::Server>>,
    link: Arc<Mutex<Link>>,
    stop: Arc<AtomicBool>,
    start: Instant,
) {
    let mut buf = [0u8; 1500];
    let mut out = [0u8; 1500];
    while !stop.load(Ordering::Relaxed) {
        let Ok((n, _from)) = socket.recv_from(&mut buf) else {
            continue; // read timeout: check the stop flag
        };
        let Ok(req) = Message::parse(&buf[..n]) else {
            println!("   server: not a BOOTP message, dropped");
            continue;
        };
        let handled = {
            let Ok(mut s) = server.lock() else { return };
            s.handle(&req, start.elapsed(), &mut out)
        };
        match handled {
            Err(e) => println!("   server: cannot answer: {e}"),
            Ok(h) => {
                println!("   server {}", h.note);
                if let Some((len, dest)) = h.reply {
                    let to = {
                        let Ok(link) = link.lock() else { return };
                        match dest {
                            Destination::Relay(_) => link.relay,
                            _ => link.clients.get(&chaddr_of(&out[..len])).map(|c| c.1),
                        }
                    };
                    show(&format!("server → {dest}"), &out[..len]);
                    if let Some(to) = to {
                        let _ = socket.send_to(&out[..len], to);
                    }
                }
            }
        }
    }
}

/// The relay thread: client → server adds giaddr, hops and option 82
/// (RFC 1542 §4.1.1, RFC 3046 §2.1); server → client strips option 82
/// (RFC 3046 §2.2) and delivers on the client link.
fn run_relay(
    socket: UdpSocket,
    server_addr: SocketAddr,
    link: Arc<Mutex<Link>>,
    stop: Arc<AtomicBool>,
) {
    let mut buf = [0u8; 1500];
    let mut out = [0u8; 1500];
    while !stop.load(Ordering::Relaxed) {
        let Ok((n, _)) = socket.recv_from(&mut buf) else {
            continue;
        };
        let Ok(msg) = Message::parse(&buf[..n]) else {
            continue;
        };
        if msg.op() == dhcpwire::Op::BootRequest {
            if msg.hops >= 16 {
                println!(
                    "   relay: hops {} ≥ 16, dropped (RFC 1542 §4.1.1)",
                    msg.hops
                );
                continue;
            }
            // A copy without any option 82 the client put there, ours last.
            let built =
                MessageBuilder::relay(&msg, Some(OptionCode::RELAY_AGENT_INFORMATION), &mut out)
                    .and_then(|mut b| {
                        b.relay_agent_information(&[
                            (1, b"eth0/3:vlan17"),
                            (2, b"relay-192.168.1.254"),
                        ])
                        .finish()
                    });
            let Ok(len) = built else { continue };
            let Ok(mut m) = MessageMut::parse(&mut out[..len]) else {
                continue;
            };
            if m.header().giaddr().is_unspecified() {
                m.set_giaddr(RELAY_ADDR);
            }
            if m.increment_hops().is_err() {
                continue;
            }
            show(
                "relay → server 192.168.1.1:67 (giaddr set, hops +1, option 82 added)",
                &out[..len],
            );
            let _ = socket.send_to(&out[..len], server_addr);
        } else {
            let built =
                MessageBuilder::relay(&msg, Some(OptionCode::RELAY_AGENT_INFORMATION), &mut out)
                    .and_then(|mut b| b.finish());
            let Ok(len) = built else { continue };
            let how = if msg.flags().broadcast() {
                "broadcast 255.255.255.255:68".to_string()
            } else {
                format!("unicast {}:68 at {}", msg.yiaddr(), hw(msg.chaddr_lossy()))
            };
            show(
                &format!("relay → client link, {how} (option 82 stripped)"),
                &out[..len],
            );
            let to = link
                .lock()
                .ok()
                .and_then(|l| l.clients.get(&chaddr_of(&out[..len])).map(|c| c.1));
            if let Some(to) = to {
                let _ = socket.send_to(&out[..len], to);
            }
        }
    }
}

/// What a client knows about its lease.
#[derive(Debug, Clone, Copy)]
struct Bound {
    ip: Ipv4Addr,
    server: Ipv4Addr,
    timers: LeaseTimers,
}

/// A client: a socket, a hardware address and where "broadcast" goes on
/// its link (the server, or the relay).
struct Client {
    name: &'static str,
    chaddr: [u8; 6],
    socket: UdpSocket,
    broadcast_to: SocketAddr,
    server_addr: SocketAddr,
    broadcast_flag: bool,
    next_xid: u32,
    lease: Option<Bound>,
}

impl Client {
    fn xid(&mut self) -> u32 {
        self.next_xid += 1;
        self.next_xid
    }

    /// Sends `bytes` to `to` (a SocketAddrV4 in DHCP terms), mapped to
    /// loopback.
    fn send(&self, bytes: &[u8], to: std::net::SocketAddrV4) -> Result<(), String> {
        let via = if *to.ip() == Ipv4Addr::BROADCAST {
            self.broadcast_to
        } else {
            self.server_addr
        };
        show(&format!("{} → {to}", self.name), bytes);
        self.socket
            .send_to(bytes, via)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Waits for a reply with `xid`; `None` on timeout.
    fn receive(&self, xid: u32, buf: &mut [u8]) -> Option<usize> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            let Ok((n, _)) = self.socket.recv_from(buf) else {
                continue;
            };
            match Message::parse(&buf[..n]) {
                Ok(m) if m.xid() == xid && m.chaddr().ok() == Some(&self.chaddr[..]) => {
                    return Some(n);
                }
                _ => {}
            }
        }
        println!("   {}: no answer within {TIMEOUT:?}", self.name);
        None
    }

    fn exchange(
        &self,
        bytes: &[u8],
        to: std::net::SocketAddrV4,
        xid: u32,
        buf: &mut [u8],
    ) -> Result<(Option<MessageType>, usize), String> {
        // The reply's type and length (0 when none came): parse only
        // `buf[..len]`, never what an earlier, longer datagram left after it.
        self.send(bytes, to)?;
        let Some(n) = self.receive(xid, buf) else {
            return Ok((None, 0));
        };
        let m = Message::parse(&buf[..n]).map_err(|e| e.to_string())?;
        Ok((m.message_type().map_err(|e| e.to_string())?, n))
    }

    /// DISCOVER → OFFER → REQUEST → ACK. Returns the lease.
    fn dora(&mut self) -> Result<Bound, String> {
        let xid = self.xid();
        let mut out = [0u8; 576];
        let mut reply = [0u8; 1500];
        let mut d =
            ClientMessage::discover(&mut out, xid, &self.chaddr).map_err(|e| e.to_string())?;
        d.broadcast(self.broadcast_flag)
            .host_name(self.name.replace(' ', "-").to_lowercase().as_bytes())
            .parameter_request_list([
                OptionCode::SUBNET_MASK,
                OptionCode::ROUTER,
                OptionCode::DOMAIN_NAME_SERVER,
            ])
            .max_message_size(1500);
        let to = d.destination();
        let n = d.finish().map_err(|e| e.to_string())?;
        let (kind, len) = self.exchange(&out[..n], to, xid, &mut reply)?;
        if kind != Some(MessageType::Offer) {
            return Err(format!("{}: no DHCPOFFER", self.name));
        }
        let offer = Message::parse(&reply[..len]).map_err(|e| e.to_string())?;
        let mut q = [0u8; 576];
        let mut r = ClientMessage::select(&mut q, &offer).map_err(|e| e.to_string())?;
        r.broadcast(self.broadcast_flag)
            .host_name(self.name.replace(' ', "-").to_lowercase().as_bytes());
        let to = r.destination();
        let n = r.finish().map_err(|e| e.to_string())?;
        let mut ack = [0u8; 1500];
        let (kind, len) = self.exchange(&q[..n], to, xid, &mut ack)?;
        match kind {
            Some(MessageType::Ack) => {
                let m = Message::parse(&ack[..len]).map_err(|e| e.to_string())?;
                let bound = Bound {
                    ip: m.yiaddr(),
                    server: m.server_identifier().unwrap_or(SERVER_ID),
                    timers: LeaseTimers::from_message(&m).ok_or("DHCPACK without lease time")?,
                };
                println!(
                    "   {} is bound to {}: T1 {} s, T2 {} s, lease {} s",
                    self.name, bound.ip, bound.timers.t1, bound.timers.t2, bound.timers.lease
                );
                self.lease = Some(bound);
                Ok(bound)
            }
            other => Err(format!("{}: expected DHCPACK, got {other:?}", self.name)),
        }
    }

    /// A DHCPREQUEST in `state`; returns the answer's type.
    fn request(&mut self, state: RequestState) -> Result<Option<MessageType>, String> {
        let xid = self.xid();
        let mut out = [0u8; 576];
        let mut m = ClientMessage::request(&mut out, xid, &self.chaddr, state)
            .map_err(|e| e.to_string())?;
        if matches!(state, RequestState::InitReboot { .. }) {
            m.broadcast(self.broadcast_flag);
        }
        let to = m.destination();
        let n = m.finish().map_err(|e| e.to_string())?;
        let mut reply = [0u8; 1500];
        self.exchange(&out[..n], to, xid, &mut reply)
            .map(|(kind, _)| kind)
    }
}

fn client(
    name: &'static str,
    chaddr: [u8; 6],
    broadcast_to: SocketAddr,
    server_addr: SocketAddr,
    broadcast_flag: bool,
    link: &Mutex<Link>,
) -> Result<Client, String> {
    let socket = UdpSocket::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .map_err(|e| e.to_string())?;
    let addr = socket.local_addr().map_err(|e| e.to_string())?;
    link.lock()
        .map_err(|e| e.to_string())?
        .clients
        .insert(chaddr.to_vec(), (name.to_string(), addr));
    println!("   {name} ({}) on 127.0.0.1:{}", hw(&chaddr), addr.port());
    Ok(Client {
        name,
        chaddr,
        socket,
        broadcast_to,
        server_addr,
        broadcast_flag,
        next_xid: u32::from_be_bytes([chaddr[2], chaddr[3], chaddr[4], chaddr[5]]) << 4,
        lease: None,
    })
}

fn step(title: &str) {
    println!("\n=== {title}");
}

fn scenario(
    server_addr: SocketAddr,
    relay_addr: SocketAddr,
    link: &Mutex<Link>,
) -> Result<(), String> {
    let mut a = client(
        "Laptop A",
        [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a],
        server_addr,
        server_addr,
        false,
        link,
    )?;
    let mut b = client(
        "Smartphone B",
        [0x5e, 0x1c, 0x0b, 0x00, 0x00, 0x0b],
        server_addr,
        server_addr,
        true,
        link,
    )?;
    let mut c = client(
        "Laptop C",
        [0x3c, 0x22, 0xfb, 0x00, 0x00, 0x0c],
        relay_addr,
        server_addr,
        false,
        link,
    )?;

    step(
        "1. Laptop A: DISCOVER, OFFER, REQUEST, ACK (no broadcast bit: replies go to yiaddr at chaddr)",
    );
    let la = a.dora()?;
    step("2. Smartphone B: DORA with the broadcast bit (replies broadcast)");
    let lb = b.dora()?;
    step(
        "3. Laptop C, behind the relay 192.168.1.254: DORA through the relay (giaddr, hops, option 82)",
    );
    c.dora()?;

    step("4. Laptop A at T1: RENEWING, unicast DHCPREQUEST with ciaddr, no 50/54");
    println!(
        "   lease granted at t=0 s: renew at {:?}, rebind at {:?}, expires at {:?}",
        la.timers.renew_at(Duration::ZERO),
        la.timers.rebind_at(Duration::ZERO),
        la.timers.expires_at(Duration::ZERO)
    );
    let t = a.request(RequestState::Renewing {
        ciaddr: la.ip,
        server: la.server,
    })?;
    if t != Some(MessageType::Ack) {
        return Err(format!("renewal answered by {t:?}"));
    }

    step(
        "5. Smartphone B at T2 (the server did not answer its renewals): REBINDING, broadcast DHCPREQUEST with ciaddr",
    );
    let t = b.request(RequestState::Rebinding { ciaddr: lb.ip })?;
    if t != Some(MessageType::Ack) {
        return Err(format!("rebind answered by {t:?}"));
    }

    step(
        "6. Smartphone B reboots remembering 10.0.0.42 from another network: INIT-REBOOT → NAK → restart",
    );
    let t = b.request(RequestState::InitReboot {
        requested: Ipv4Addr::new(10, 0, 0, 42),
    })?;
    if t != Some(MessageType::Nak) {
        return Err(format!("wrong-network request answered by {t:?}"));
    }
    println!("   Smartphone B got a DHCPNAK: back to INIT");
    b.dora()?;

    step("7. Laptop C's ARP probe finds its address in use: DECLINE, then DORA again");
    let lc = c.lease.ok_or("Laptop C has no lease")?;
    let xid = c.xid();
    let mut out = [0u8; 576];
    let mut m = ClientMessage::decline(&mut out, xid, &c.chaddr, lc.ip, lc.server)
        .map_err(|e| e.to_string())?;
    m.message(b"address in use (ARP reply from 02:00:00:00:00:99)");
    let to = m.destination();
    let n = m.finish().map_err(|e| e.to_string())?;
    c.send(&out[..n], to)?;
    thread::sleep(Duration::from_millis(300));
    let lc2 = c.dora()?;
    if lc2.ip == lc.ip {
        return Err("the declined address was offered again".into());
    }

    step("8. Laptop A, configured, asks for parameters only: INFORM → ACK without lease");
    let xid = a.xid();
    let mut m =
        ClientMessage::inform(&mut out, xid, &a.chaddr, la.ip).map_err(|e| e.to_string())?;
    m.parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER]);
    let to = m.destination();
    let n = m.finish().map_err(|e| e.to_string())?;
    let mut reply = [0u8; 1500];
    if a.exchange(&out[..n], to, xid, &mut reply)?.0 != Some(MessageType::Ack) {
        return Err("DHCPINFORM not answered".into());
    }

    step("9. Laptop C leaves: RELEASE (unicast to the server) returns its address to the pool");
    let xid = c.xid();
    let mut m = ClientMessage::release(&mut out, xid, &c.chaddr, lc2.ip, lc2.server)
        .map_err(|e| e.to_string())?;
    m.message(b"shutting down");
    let to = m.destination();
    let n = m.finish().map_err(|e| e.to_string())?;
    c.send(&out[..n], to)?;
    thread::sleep(Duration::from_millis(300));
    Ok(())
}

fn main() -> std::process::ExitCode {
    let start = Instant::now();
    let config = server::Config {
        server_id: SERVER_ID,
        pool: (
            Ipv4Addr::new(192, 168, 1, 100),
            Ipv4Addr::new(192, 168, 1, 200),
        ),
        subnet_mask: Ipv4Addr::new(255, 255, 255, 0),
        router: Some(SERVER_ID),
        dns: vec![SERVER_ID],
        lease_secs: 3600,
        offer_hold: Duration::from_secs(30),
    };
    let srv = Arc::new(Mutex::new(server::Server::new(config)));
    let link = Arc::new(Mutex::new(Link::default()));
    let stop = Arc::new(AtomicBool::new(false));

    let setup = || -> Result<(UdpSocket, UdpSocket), String> {
        let s = UdpSocket::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        let r = UdpSocket::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        for sock in [&s, &r] {
            sock.set_read_timeout(Some(Duration::from_millis(200)))
                .map_err(|e| e.to_string())?;
        }
        Ok((s, r))
    };
    let (server_sock, relay_sock) = match setup() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("dora: cannot open loopback sockets: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let (Ok(server_addr), Ok(relay_addr)) = (server_sock.local_addr(), relay_sock.local_addr())
    else {
        return std::process::ExitCode::FAILURE;
    };
    if let Ok(mut l) = link.lock() {
        l.relay = Some(relay_addr);
    }
    println!(
        "DHCP over loopback: server 192.168.1.1 on 127.0.0.1:{}, relay 192.168.1.254 on 127.0.0.1:{}",
        server_addr.port(),
        relay_addr.port()
    );

    let server_thread = {
        let (srv, link, stop) = (srv.clone(), link.clone(), stop.clone());
        thread::spawn(move || run_server(server_sock, srv, link, stop, start))
    };
    let relay_thread = {
        let (link, stop) = (link.clone(), stop.clone());
        thread::spawn(move || run_relay(relay_sock, server_addr, link, stop))
    };

    let result = scenario(server_addr, relay_addr, &link);
    stop.store(true, Ordering::Relaxed);
    let _ = server_thread.join();
    let _ = relay_thread.join();

    println!("\n=== Final pool");
    if let Ok(s) = srv.lock() {
        println!("{}", s.pool_report(start.elapsed()));
    }
    match result {
        Ok(()) => {
            println!(
                "\nAll steps done in {:.1} s.",
                start.elapsed().as_secs_f64()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dora: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
