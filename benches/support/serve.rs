//! W6: serving a request, the workload that counts. One DHCP server
//! handler written three times, on dhcpwire, on smoltcp 0.14
//! (`DhcpPacket`/`DhcpRepr`) and on dhcproto 0.15, doing the same job:
//!
//! 1. parse the request; answer a DHCPDISCOVER with a DHCPOFFER and a
//!    DHCPREQUEST with a DHCPACK, ignore anything else;
//! 2. read options 53, 50, 54, 61, 55, 57 and the circuit id and remote id
//!    of option 82, and fold them into a lease key (what a server looks a
//!    lease up by);
//! 3. decide the address: option 50, else `ciaddr`, else one from the pool
//!    by the client's hardware address;
//! 4. build the reply with 53, 54, 51, 58, 59, 1, 3 and 6 (three DNS
//!    servers), the request's 61 and 82 echoed (82 last, RFC 3046 §2.2),
//!    `xid`, `flags` (broadcast bit), `giaddr` and `chaddr` copied, `ciaddr`
//!    kept in an ACK, padded to the 300-byte BOOTP minimum;
//! 5. work out where it goes (RFC 2131 §4.1: relay, broadcast, `ciaddr`, or
//!    `yiaddr` at `chaddr`).
//!
//! Each returns a number folded from what it read and built, so nothing is
//! optimised away; `check_w6` asserts before timing that the three replies
//! to every input carry the same header and the same option values (the
//! option order differs: dhcproto writes its map in code order, smoltcp
//! its fixed order) and go to the same place.
//!
//! Inputs: the golden DHCPDISCOVER and DHCPREQUEST, and the relayed ones of
//! `testdata/corpus` (ISC dhcrelay with option 82, dnsmasq as a relay, ISC
//! dhcpd's leasequery scenario): read at run time, so nothing about them is
//! known to the optimiser.

use std::net::Ipv4Addr;
use std::path::Path;

use dhcpwire::options::Joined;
use dhcpwire::protocol::{Destination, Leases, Reply, reply_destination};
use dhcpwire::{Message, MessageType};

use super::golden_packets;
use super::mix;

/// What the server hands out.
#[derive(Debug, Clone, Copy)]
pub struct ServerConfig {
    pub server_id: Ipv4Addr,
    pub mask: Ipv4Addr,
    pub router: Ipv4Addr,
    pub dns: [Ipv4Addr; 3],
    pub lease: u32,
    /// The pool's first three octets; the fourth is the client's last
    /// hardware address byte.
    pub pool: [u8; 3],
}

pub const SERVER: ServerConfig = ServerConfig {
    server_id: Ipv4Addr::new(10, 228, 18, 1),
    mask: Ipv4Addr::new(255, 255, 255, 0),
    router: Ipv4Addr::new(10, 198, 27, 1),
    dns: [
        Ipv4Addr::new(10, 0, 0, 53),
        Ipv4Addr::new(10, 0, 1, 53),
        Ipv4Addr::new(10, 0, 2, 53),
    ],
    lease: 3600,
    pool: [10, 198, 27],
};

/// The requests W6 serves: the golden DISCOVER and REQUEST and every relayed
/// DISCOVER and REQUEST of the corpus captures.
pub fn requests() -> Vec<Vec<u8>> {
    let golden = golden_packets();
    let mut out = vec![golden[0].clone(), golden[2].clone()];
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/corpus");
    for file in [
        "relay-dhcrelay-option82-serverside.pcap",
        "relay-dnsmasq-kea-udhcpc-serverside.pcap",
        "leasequery-iscdhcpd.pcap",
    ] {
        let bytes = std::fs::read(corpus.join(file)).expect("corpus capture");
        for frame in dhcpwire::capture::read(&bytes).expect("a capture") {
            let payload = frame.expect("a datagram").payload;
            let msg = Message::parse(&payload).expect("parses");
            let relayed = !msg.giaddr().is_unspecified();
            let asks = matches!(
                msg.message_type(),
                Ok(Some(MessageType::Discover | MessageType::Request))
            );
            if relayed && asks {
                out.push(payload);
            }
        }
    }
    assert_eq!(out.len(), 10, "W6 inputs");
    out
}

/// The pool address for a client with hardware address `chaddr`.
#[inline]
fn pool_address(cfg: &ServerConfig, chaddr: &[u8]) -> Ipv4Addr {
    let [a, b, c] = cfg.pool;
    Ipv4Addr::new(a, b, c, chaddr.last().copied().unwrap_or(1))
}

/// Folds bytes into the key.
#[inline]
fn fold_bytes(acc: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(acc, |acc, b| mix(acc, u64::from(b)))
}

/// Where a reply goes, as one number: the UDP destination address and port
/// and the link-layer destination, for comparing the three handlers.
#[inline]
fn fold_destination(acc: u64, ip: Ipv4Addr, port: u16, mac: Option<[u8; 6]>) -> u64 {
    let acc = mix(mix(acc, u64::from(u32::from(ip))), u64::from(port));
    fold_bytes(acc, mac.unwrap_or([0; 6]))
}

/// RFC 2131 §4.1 for the peers, which have no helper for it.
#[inline]
fn route(
    giaddr: Ipv4Addr,
    broadcast: bool,
    ciaddr: Ipv4Addr,
    yiaddr: Ipv4Addr,
    chaddr: [u8; 6],
) -> (Ipv4Addr, u16, Option<[u8; 6]>) {
    if !giaddr.is_unspecified() {
        (giaddr, 67, None)
    } else if !ciaddr.is_unspecified() {
        (ciaddr, 68, Some(chaddr))
    } else if broadcast {
        (Ipv4Addr::BROADCAST, 68, Some([0xff; 6]))
    } else {
        (yiaddr, 68, Some(chaddr))
    }
}

// ------------------------------------------------------------------ dhcpwire

/// The reply's lease and configuration, for either kind of lease reply.
#[inline]
fn configure<'q, 'r, 'b, K: Leases>(
    reply: &'q mut Reply<'r, 'b, K>,
    cfg: &ServerConfig,
    yiaddr: Ipv4Addr,
) -> &'q mut Reply<'r, 'b, K> {
    reply
        .yiaddr(yiaddr)
        .server_identifier(cfg.server_id)
        .lease_time(cfg.lease)
        .renewal_time(cfg.lease / 2)
        .rebinding_time(cfg.lease / 8 * 7)
        .subnet_mask(cfg.mask)
        .routers([cfg.router])
        .dns_servers(cfg.dns)
}

/// dhcpwire: one walk (the index), strict accessors, `Reply` (which
/// echoes 61 and 82 and copies what Table 3 says), `reply_destination`.
#[inline]
pub fn w6_dhcpwire(request: &[u8], cfg: &ServerConfig, out: &mut [u8]) -> u64 {
    let Ok(msg) = Message::parse(request) else {
        return 0;
    };
    let Ok(idx) = msg.index() else { return 0 };
    let Ok(Some(kind)) = idx.message_type() else {
        return 0;
    };
    let mut key = mix(0, u64::from(u8::from(kind)));
    let requested = idx.requested_ip().ok().flatten();
    let server = idx.server_identifier().ok().flatten();
    key = mix(key, server.map_or(0, |a| u64::from(u32::from(a))));
    key = match idx.client_identifier() {
        Ok(Some(id)) => id
            .bytes
            .chunks()
            .fold(key, |k, c| fold_bytes(k, c.iter().copied())),
        _ => fold_bytes(key, msg.chaddr_lossy().iter().copied()),
    };
    if let Ok(Some(prl)) = idx.parameter_request_list() {
        key = prl.iter().fold(key, |k, c| mix(k, u64::from(c.0)));
    }
    key = mix(
        key,
        u64::from(idx.max_message_size().ok().flatten().unwrap_or(0)),
    );
    if let Ok(Some(relay)) = idx.relay_agent_information() {
        // Each id is read where it is used, as the README's server reads
        // them. (Gathered first into an array of two `Option<Joined>`,
        // they cost 4-5 ns more per request: the array is copied through
        // the stack in 16-byte moves that the stores of its fields cannot
        // forward to.)
        let fold_id = |key, id: Joined<'_>| {
            id.chunks()
                .fold(key, |k, c| fold_bytes(k, c.iter().copied()))
        };
        if let Some(id) = relay.circuit_id() {
            key = fold_id(key, id);
        }
        if let Some(id) = relay.remote_id() {
            key = fold_id(key, id);
        }
    }
    let ciaddr = msg.ciaddr();
    let yiaddr = requested
        .or((!ciaddr.is_unspecified()).then_some(ciaddr))
        .unwrap_or_else(|| pool_address(cfg, msg.chaddr_lossy()));
    let built = match kind {
        MessageType::Discover => match Reply::offer(&idx, out) {
            Ok(mut r) => configure(&mut r, cfg, yiaddr).finish_message(),
            Err(e) => Err(e),
        },
        MessageType::Request => match Reply::ack(&idx, out) {
            Ok(mut r) => configure(&mut r, cfg, yiaddr).finish_message(),
            Err(e) => Err(e),
        },
        _ => return 0,
    };
    let Ok(reply) = built else { return 0 };
    let to = reply_destination(&msg, &reply);
    let socket = to.socket_addr();
    fold_destination(
        mix(key, reply.len() as u64),
        *socket.ip(),
        socket.port(),
        match to {
            Destination::Relay(_) => None,
            _ => to.mac(),
        },
    )
}

// ------------------------------------------------------------------ smoltcp

/// smoltcp: `DhcpRepr::parse` (one walk; it keeps 61 only as an Ethernet
/// address and drops 82), a second walk of `options()` for the raw 61 and
/// 82 to echo, 82's sub-options split by hand, `DhcpRepr::emit` with 58,
/// 59, 6 (three servers: its typed field holds at most three too, but in
/// a `heapless::Vec`) and the echoes as `additional_options`, the route
/// worked out by hand.
#[inline]
pub fn w6_smoltcp(request: &[u8], cfg: &ServerConfig, out: &mut [u8]) -> u64 {
    use smoltcp::wire::{DhcpMessageType, DhcpOption, DhcpPacket, DhcpRepr};
    let Ok(packet) = DhcpPacket::new_checked(request) else {
        return 0;
    };
    let Ok(repr) = DhcpRepr::parse(&packet) else {
        return 0;
    };
    let (reply_type, keep_ciaddr) = match repr.message_type {
        DhcpMessageType::Discover => (DhcpMessageType::Offer, false),
        DhcpMessageType::Request => (DhcpMessageType::Ack, true),
        _ => return 0,
    };
    let mut key = mix(0, u64::from(u8::from(repr.message_type)));
    key = mix(
        key,
        repr.server_identifier
            .map_or(0, |a| u64::from(u32::from(a))),
    );
    let (mut client_id, mut relay) = (None, None);
    for option in packet.options() {
        match option.kind {
            61 => client_id = Some(option.data),
            82 => relay = Some(option.data),
            _ => {}
        }
    }
    let chaddr = repr.client_hardware_address.0;
    key = match client_id {
        Some(id) => fold_bytes(key, id.iter().copied()),
        None => fold_bytes(key, chaddr),
    };
    if let Some(prl) = repr.parameter_request_list {
        key = prl.iter().fold(key, |k, &c| mix(k, u64::from(c)));
    }
    key = mix(key, u64::from(repr.max_size.unwrap_or(0)));
    if let Some(mut subs) = relay {
        while let [code, len, rest @ ..] = subs {
            let Some((value, next)) = rest.split_at_checked(usize::from(*len)) else {
                break;
            };
            if *code == 1 || *code == 2 {
                key = fold_bytes(key, value.iter().copied());
            }
            subs = next;
        }
    }
    let yiaddr = repr
        .requested_ip
        .or((!repr.client_ip.is_unspecified()).then_some(repr.client_ip))
        .unwrap_or_else(|| pool_address(cfg, &chaddr));
    let t1 = (cfg.lease / 2).to_be_bytes();
    let t2 = (cfg.lease / 8 * 7).to_be_bytes();
    let mut dns = [0u8; 12];
    for (d, a) in dns.chunks_exact_mut(4).zip(cfg.dns) {
        d.copy_from_slice(&a.octets());
    }
    let mut extra = [DhcpOption { kind: 0, data: &[] }; 5];
    let mut n = 0;
    for (kind, data) in [(58, &t1[..]), (59, &t2[..]), (6, &dns[..])] {
        extra[n] = DhcpOption { kind, data };
        n += 1;
    }
    for (kind, data) in [(61, client_id), (82, relay)] {
        if let Some(data) = data {
            extra[n] = DhcpOption { kind, data };
            n += 1;
        }
    }
    let reply = DhcpRepr {
        message_type: reply_type,
        transaction_id: repr.transaction_id,
        secs: 0,
        client_hardware_address: repr.client_hardware_address,
        client_ip: if keep_ciaddr {
            repr.client_ip
        } else {
            Ipv4Addr::UNSPECIFIED
        },
        your_ip: yiaddr,
        server_ip: Ipv4Addr::UNSPECIFIED,
        router: Some(cfg.router),
        subnet_mask: Some(cfg.mask),
        relay_agent_ip: repr.relay_agent_ip,
        broadcast: repr.broadcast,
        requested_ip: None,
        client_identifier: None,
        server_identifier: Some(cfg.server_id),
        parameter_request_list: None,
        dns_servers: None,
        max_size: None,
        lease_duration: Some(cfg.lease),
        renew_duration: None,
        rebind_duration: None,
        additional_options: &extra[..n],
    };
    let len = reply.buffer_len().max(300);
    let Some(buf) = out.get_mut(..len) else {
        return 0;
    };
    // emit writes the header, the options and END, not the padding.
    buf.fill(0);
    let mut p = DhcpPacket::new_unchecked(&mut buf[..]);
    if reply.emit(&mut p).is_err() {
        return 0;
    }
    let (ip, port, mac) = route(
        repr.relay_agent_ip,
        repr.broadcast,
        reply.client_ip,
        yiaddr,
        chaddr,
    );
    fold_destination(mix(key, len as u64), ip, port, mac)
}

// ------------------------------------------------------------------ dhcproto

/// dhcproto: `Message::decode` (every option into its map, allocating),
/// look-ups in the map, option 82 decoded into its sub-option map, a new
/// `Message` with its options inserted (82 is written last by dhcproto's
/// encoder), encoded into a reused `Vec` and padded, the route by hand.
#[inline]
pub fn w6_dhcproto(request: &[u8], cfg: &ServerConfig, out: &mut Vec<u8>) -> u64 {
    use dhcproto::v4::relay::{RelayCode, RelayInfo};
    use dhcproto::v4::{DhcpOption, Flags, Message as Msg, MessageType as Mt, Opcode, OptionCode};
    use dhcproto::{Decodable, Decoder, Encodable, Encoder};
    let Ok(m) = Msg::decode(&mut Decoder::new(request)) else {
        return 0;
    };
    let opts = m.opts();
    let (reply_type, keep_ciaddr) = match opts.msg_type() {
        Some(Mt::Discover) => (Mt::Offer, false),
        Some(Mt::Request) => (Mt::Ack, true),
        _ => return 0,
    };
    let kind = if keep_ciaddr { 3u8 } else { 1 };
    let mut key = mix(0, u64::from(kind));
    let requested = match opts.get(OptionCode::RequestedIpAddress) {
        Some(DhcpOption::RequestedIpAddress(a)) => Some(*a),
        _ => None,
    };
    let server = match opts.get(OptionCode::ServerIdentifier) {
        Some(DhcpOption::ServerIdentifier(a)) => Some(*a),
        _ => None,
    };
    key = mix(key, server.map_or(0, |a| u64::from(u32::from(a))));
    let client_id = match opts.get(OptionCode::ClientIdentifier) {
        Some(DhcpOption::ClientIdentifier(id)) => Some(id.clone()),
        _ => None,
    };
    let chaddr: [u8; 6] = m
        .chaddr()
        .get(..6)
        .and_then(|c| c.try_into().ok())
        .unwrap_or([0; 6]);
    key = match &client_id {
        Some(id) => fold_bytes(key, id.iter().copied()),
        None => fold_bytes(key, chaddr),
    };
    if let Some(DhcpOption::ParameterRequestList(prl)) = opts.get(OptionCode::ParameterRequestList)
    {
        key = prl.iter().fold(key, |k, &c| mix(k, u64::from(u8::from(c))));
    }
    let max = match opts.get(OptionCode::MaxMessageSize) {
        Some(DhcpOption::MaxMessageSize(v)) => *v,
        _ => 0,
    };
    key = mix(key, u64::from(max));
    let relay = match opts.get(OptionCode::RelayAgentInformation) {
        Some(DhcpOption::RelayAgentInformation(info)) => Some(info.clone()),
        _ => None,
    };
    if let Some(info) = &relay {
        for code in [RelayCode::AgentCircuitId, RelayCode::AgentRemoteId] {
            if let Some(RelayInfo::AgentCircuitId(v) | RelayInfo::AgentRemoteId(v)) = info.get(code)
            {
                key = fold_bytes(key, v.iter().copied());
            }
        }
    }
    let ciaddr = m.ciaddr();
    let yiaddr = requested
        .or((!ciaddr.is_unspecified()).then_some(ciaddr))
        .unwrap_or_else(|| pool_address(cfg, &chaddr));
    let reply_ciaddr = if keep_ciaddr {
        ciaddr
    } else {
        Ipv4Addr::UNSPECIFIED
    };
    let mut r = Msg::new_with_id(
        m.xid(),
        reply_ciaddr,
        yiaddr,
        Ipv4Addr::UNSPECIFIED,
        m.giaddr(),
        &chaddr,
    );
    r.set_opcode(Opcode::BootReply)
        .set_flags(Flags::new(if m.flags().broadcast() { 0x8000 } else { 0 }));
    let o = r.opts_mut();
    o.insert(DhcpOption::MessageType(reply_type));
    o.insert(DhcpOption::ServerIdentifier(cfg.server_id));
    o.insert(DhcpOption::AddressLeaseTime(cfg.lease));
    o.insert(DhcpOption::Renewal(cfg.lease / 2));
    o.insert(DhcpOption::Rebinding(cfg.lease / 8 * 7));
    o.insert(DhcpOption::SubnetMask(cfg.mask));
    o.insert(DhcpOption::Router(vec![cfg.router]));
    o.insert(DhcpOption::DomainNameServer(cfg.dns.to_vec()));
    if let Some(id) = client_id {
        o.insert(DhcpOption::ClientIdentifier(id));
    }
    if let Some(info) = relay {
        o.insert(DhcpOption::RelayAgentInformation(info));
    }
    out.clear();
    if r.encode(&mut Encoder::new(out)).is_err() {
        return 0;
    }
    if out.len() < 300 {
        out.resize(300, 0);
    }
    let (ip, port, mac) = route(
        m.giaddr(),
        m.flags().broadcast(),
        reply_ciaddr,
        yiaddr,
        chaddr,
    );
    fold_destination(mix(key, out.len() as u64), ip, port, mac)
}

// ------------------------------------------------------------------ checks

/// A reply's header (up to `file`) and its (code, value) pairs, sorted.
fn semantics(reply: &[u8]) -> (Vec<u8>, Vec<(u8, Vec<u8>)>) {
    let m = Message::parse(reply).expect("the reply parses");
    let mut opts: Vec<(u8, Vec<u8>)> = m
        .options()
        .map(|o| {
            let o = o.expect("the reply walks");
            (o.code.0, o.data.to_vec())
        })
        .collect();
    opts.sort();
    (reply[..236].to_vec(), opts)
}

/// The length of a reply built into `buf`: through its END, padded to 300.
fn built_len(buf: &[u8]) -> usize {
    let msg = Message::parse(buf).expect("a reply");
    let mut main = msg.main_options().expect("a cookie");
    main.finish().expect("the reply walks");
    main.end_offset()
        .expect("an END")
        .saturating_add(1)
        .max(300)
}

/// Asserts before anything is timed that the three handlers answer every
/// input the same way: the same header, the same option values (in their
/// own orders), the same destination (through the folded number), 82
/// last, and every dhcpwire reply passes `validate_reply`.
pub fn check_w6(requests: &[Vec<u8>]) {
    for (i, q) in requests.iter().enumerate() {
        let mut a = [0u8; 1500];
        let mut b = [0u8; 1500];
        let mut c = Vec::new();
        let (ka, kb, kc) = (
            w6_dhcpwire(q, &SERVER, &mut a),
            w6_smoltcp(q, &SERVER, &mut b),
            w6_dhcproto(q, &SERVER, &mut c),
        );
        assert!(ka != 0, "input {i}: dhcpwire gave no reply");
        let request = Message::parse(q).unwrap();
        let empty_82 = request
            .option(dhcpwire::OptionCode::RELAY_AGENT_INFORMATION)
            .unwrap()
            .is_some_and(|v| v.is_empty());
        // The keys fold the lease key, the reply's length and its route.
        assert_eq!(ka, kb, "input {i}: smoltcp's key, length or route differs");
        let n = built_len(&a);
        assert_eq!(n, built_len(&b), "input {i}: smoltcp's length differs");
        if empty_82 {
            // dhcproto drops an empty option 82 instead of echoing it
            // (RFC 3046 §2.2): nothing else differs.
            let mut want = semantics(&a[..n]);
            want.1.retain(|(code, data)| (*code, data.len()) != (82, 0));
            assert_eq!(semantics(&c), want, "input {i}: dhcproto differs");
        } else {
            assert_eq!(ka, kc, "input {i}: dhcproto's key, length or route differs");
            assert_eq!(n, c.len(), "input {i}: dhcproto's length differs");
            assert_eq!(
                semantics(&a[..n]),
                semantics(&c),
                "input {i}: dhcproto differs"
            );
        }
        assert_eq!(
            semantics(&a[..n]),
            semantics(&b[..n]),
            "input {i}: smoltcp differs"
        );
        let reply = Message::parse(&a[..n]).unwrap();
        let last = reply.options().last().unwrap().unwrap().code.0;
        if request
            .option(dhcpwire::OptionCode::RELAY_AGENT_INFORMATION)
            .unwrap()
            .is_some()
        {
            assert_eq!(last, 82, "input {i}: 82 is not last");
        }
        let violations = dhcpwire::protocol::validate_reply(&request, &reply);
        assert!(violations.is_empty(), "input {i}: {violations:?}");
    }
}
