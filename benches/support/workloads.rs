//! The workloads shared by the bench binaries (`benches/golden.rs` times
//! them, `benches/peer_allocs.rs` counts their heap allocations): inputs,
//! and W1 (peek), W2 (full decode), W3 (build the seed ACK) and W4 (relay
//! edit in place) for dhcpwire and the peer crates dhcproto (owned and
//! borrowed APIs), smoltcp (`DhcpPacket`/`DhcpRepr`) and dhcparse.
//!
//! Every function returns a value derived from what it read, so the caller
//! can `black_box` it and nothing is optimised away. A peer that rejects a
//! packet returns what it has folded so far: it still did the work up to
//! the failure, and that is what is timed.

use std::hint::black_box;
use std::net::Ipv4Addr;

use dhcpwire::{DhcpOption, Message, MessageBuilder, MessageMut, MessageType, Op, OptionCode};

#[path = "serve.rs"]
pub mod serve;

const DUMP: &str = include_str!("../../testdata/seed-dora.tcpdump.txt");

/// Linux SLL (16) + IPv4 (20) + UDP (8) in front of every BOOTP payload.
const FRAMING: usize = 16 + 20 + 8;

/// The four golden packets, in capture order.
pub const NAMES: [&str; 4] = ["discover", "offer", "request", "ack"];

/// The BOOTP payloads of the packets in a `tcpdump -XX` dump: the hex groups
/// of every `0xNNNN:` line (up to the two spaces before the ASCII column),
/// one packet per `0x0000:` line, without the link/IP/UDP framing.
pub fn golden_packets() -> Vec<Vec<u8>> {
    let mut packets: Vec<Vec<u8>> = Vec::new();
    for line in DUMP.lines() {
        let line = line.trim_start();
        let Some((offset, rest)) = line.split_once(':') else {
            continue;
        };
        let Some(offset) = offset.strip_prefix("0x") else {
            continue;
        };
        let Ok(offset) = usize::from_str_radix(offset, 16) else {
            continue;
        };
        if offset == 0 {
            packets.push(Vec::new());
        }
        let packet = packets.last_mut().expect("dump starts at 0x0000");
        assert_eq!(packet.len(), offset, "hex line out of sequence: {line}");
        let hex = rest.trim_start().split("  ").next().unwrap_or("");
        for group in hex.split_whitespace() {
            for pair in group.as_bytes().chunks(2) {
                let s = std::str::from_utf8(pair).expect("ascii");
                packet.push(u8::from_str_radix(s, 16).expect("hex byte"));
            }
        }
    }
    let payloads: Vec<Vec<u8>> = packets.into_iter().map(|p| p[FRAMING..].to_vec()).collect();
    let lens: Vec<usize> = payloads.iter().map(Vec::len).collect();
    assert_eq!(lens, [316, 300, 328, 300], "golden payload lengths");
    payloads
}

// ------------------------------------------------------------------ folding

/// Mixes `v` into the running checksum.
#[inline(always)]
pub fn mix(acc: u64, v: u64) -> u64 {
    acc.rotate_left(5) ^ v.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Folds every option's typed value into a number, so none of the decoding
/// can be optimised away.
#[inline]
pub fn fold(acc: u64, code: u8, opt: &DhcpOption<'_>) -> u64 {
    let acc = mix(acc, u64::from(code));
    match opt {
        DhcpOption::SubnetMask(a)
        | DhcpOption::BroadcastAddress(a)
        | DhcpOption::RequestedIpAddress(a)
        | DhcpOption::ServerIdentifier(a) => mix(acc, u64::from(u32::from(*a))),
        DhcpOption::Router(l) | DhcpOption::DomainNameServer(l) => l
            .iter()
            .fold(acc, |acc, a| mix(acc, u64::from(u32::from(a)))),
        DhcpOption::HostName(t)
        | DhcpOption::DomainName(t)
        | DhcpOption::VendorClassIdentifier(t) => mix(acc, t.as_bytes().len() as u64),
        DhcpOption::LeaseTime(v) | DhcpOption::RenewalTime(v) | DhcpOption::RebindingTime(v) => {
            mix(acc, u64::from(*v))
        }
        DhcpOption::Overload(o) => mix(acc, u64::from(o.to_u8())),
        DhcpOption::MessageType(t) => mix(acc, u64::from(u8::from(*t))),
        DhcpOption::ParameterRequestList(c) => {
            c.iter().fold(acc, |acc, c| mix(acc, u64::from(c.0)))
        }
        DhcpOption::MaxMessageSize(v) => mix(acc, u64::from(*v)),
        DhcpOption::ClientIdentifier(c) => mix(mix(acc, u64::from(c.kind)), c.id.len() as u64),
        DhcpOption::RelayAgentInformation(s) => s.clone().flatten().fold(acc, |acc, sub| {
            mix(mix(acc, u64::from(sub.code)), sub.data.len() as u64)
        }),
        DhcpOption::Unknown { data, .. } => mix(acc, data.len() as u64),
        _ => mix(acc, opt.value_len() as u64),
    }
}

/// A read workload over one packet.
pub type Read = fn(&[u8]) -> u64;
/// An in-place edit of one packet.
pub type Edit = fn(&mut [u8]) -> u64;

// ------------------------------------------------------------------ W1 peek

/// dhcpwire, the hot-path peek: parse (O(1) header view + cookie check),
/// `peek_message_type` (first option 53 wins, like smoltcp and dhcproto's
/// borrowed API; follows option 52 when 53 is not in the options field),
/// xid, chaddr.
#[inline]
pub fn w1_dhcpwire(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse(b) else { return 0 };
    let t = m.peek_message_type().map_or(0, |t| u64::from(u8::from(t)));
    let c = m.chaddr().map_or(0, |c| u64::from(c[0]));
    t + u64::from(m.xid()) + c
}

/// dhcpwire, strict: `message_type` walks the whole message, so a second
/// option 53 (an invalid two-byte value once RFC 3396 joins them), an
/// option 52 anywhere or a malformed option is noticed.
#[inline]
pub fn w1_dhcpwire_strict(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse(b) else { return 0 };
    let t = m
        .message_type()
        .ok()
        .flatten()
        .map_or(0, |t| u64::from(u8::from(t)));
    let c = m.chaddr().map_or(0, |c| u64::from(c[0]));
    t + u64::from(m.xid()) + c
}

/// Diagnostic: dhcpwire's W1 without the message type (parse, xid,
/// chaddr), isolating the cost of `message_type()`'s walk.
#[inline]
pub fn w1_dhcpwire_header_only(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse(b) else { return 0 };
    let c = m.chaddr().map_or(0, |c| u64::from(c[0]));
    u64::from(m.xid()) + c
}

/// dhcproto owned: decodes the whole message (every option, into a map)
/// before anything can be read: its peek is its full decode.
#[inline]
pub fn w1_dhcproto_owned(b: &[u8]) -> u64 {
    use dhcproto::{Decodable, Decoder};
    let Ok(m) = dhcproto::v4::Message::decode(&mut Decoder::new(b)) else {
        return 0;
    };
    let t = m.opts().msg_type().map_or(0, |t| u64::from(u8::from(t)));
    t + u64::from(m.xid()) + u64::from(m.chaddr()[0])
}

/// dhcproto borrowed: lazy option iterator, first option 53 wins (no
/// overload, no RFC 3396 join).
#[inline]
pub fn w1_dhcproto_borrowed(b: &[u8]) -> u64 {
    let Ok(m) = dhcproto::v4::borrowed::Message::new(b) else {
        return 0;
    };
    let t = m
        .opts()
        .find(|o| o.code() == dhcproto::v4::OptionCode::MessageType)
        .and_then(|o| o.data().first().copied())
        .map_or(0, u64::from);
    t + u64::from(m.xid()) + u64::from(m.chaddr()[0])
}

/// smoltcp `DhcpPacket`: raw option iterator, first option 53 wins (no
/// overload, no RFC 3396 join).
#[inline]
pub fn w1_smoltcp_packet(b: &[u8]) -> u64 {
    let Ok(p) = smoltcp::wire::DhcpPacket::new_checked(b) else {
        return 0;
    };
    let t = p
        .options()
        .find(|o| o.kind == 53)
        .and_then(|o| o.data.first().copied())
        .map_or(0, u64::from);
    t + u64::from(p.transaction_id()) + u64::from(p.client_hardware_address().0[0])
}

/// dhcparse: its `v4_options!` look-up (walks the typed option iterator).
#[inline]
pub fn w1_dhcparse(b: &[u8]) -> u64 {
    let Ok(m) = dhcparse::dhcpv4::Message::new(b) else {
        return 0;
    };
    let t = match dhcparse::v4_options!(m; MessageType required) {
        Ok(t) => u64::from(u8::from(t)),
        Err(_) => 0,
    };
    t + u64::from(m.xid()) + m.chaddr().map_or(0, |c| u64::from(c[0]))
}

// ------------------------------------------------------------------ W2 full decode

/// dhcpwire: parse, the overload-aware walk over every option instance,
/// typed decode of each, every value folded into the checksum. Lossless:
/// every option of every seed is decoded.
///
/// Its speed depends on LLVM inlining `DhcpOption::decode` (`#[inline]`, a
/// 148-arm match) here, which it does only while the bench binary has few
/// call sites of it: with one more (e.g. a second W2 variant calling
/// `decode`) it stays out of line and this workload takes about twice as
/// long. Keep `decode` call sites in the benches to this one and
/// `scaling_message`'s setup check.
#[inline]
pub fn w2_dhcpwire(b: &[u8]) -> u64 {
    let Ok(msg) = Message::parse(b) else { return 0 };
    let mut acc = u64::from(msg.xid());
    for opt in msg.options() {
        let Ok(opt) = opt else { break };
        match opt.decode() {
            Ok(v) => acc = fold(acc, opt.code.0, &v),
            Err(_) => acc = mix(acc, 0xdead),
        }
    }
    acc
}

/// Diagnostic: dhcpwire's overload-aware walk without typing, folding code
/// and length like the hand walk (isolates the iterator's cost).
#[inline]
pub fn w2_dhcpwire_untyped(b: &[u8]) -> u64 {
    let Ok(msg) = Message::parse(b) else { return 0 };
    let mut acc = u64::from(msg.xid());
    for opt in msg.options() {
        let Ok(opt) = opt else { break };
        acc = mix(mix(acc, u64::from(opt.code.0)), opt.len() as u64);
    }
    acc
}

/// The baseline: a hand-written TLV walk with no typing at all (cookie
/// check, PAD/END, option 52 overload into `file` then `sname`), folding
/// each option's code and length.
#[inline]
pub fn w2_hand_walk(b: &[u8]) -> u64 {
    fn area(bytes: &[u8], mut acc: u64, overload: &mut Option<u8>, main: bool) -> u64 {
        let mut i = 0;
        while let Some(&code) = bytes.get(i) {
            match code {
                0 => i += 1,
                255 => break,
                _ => {
                    let Some(&len) = bytes.get(i + 1) else { break };
                    let end = i + 2 + usize::from(len);
                    let Some(data) = bytes.get(i + 2..end) else {
                        break;
                    };
                    if main && code == 52 && data.len() == 1 {
                        *overload = Some(data[0]);
                    }
                    acc = mix(mix(acc, u64::from(code)), u64::from(len));
                    i = end;
                }
            }
        }
        acc
    }
    if b.len() < 240 || b[236..240] != [99, 130, 83, 99] {
        return 0;
    }
    let mut overload = None;
    let mut acc = u64::from(u32::from_be_bytes([b[4], b[5], b[6], b[7]]));
    acc = area(&b[240..], acc, &mut overload, true);
    if let Some(o) = overload {
        if o & 1 != 0 {
            acc = area(&b[108..236], acc, &mut None, false);
        }
        if o & 2 != 0 {
            acc = area(&b[44..108], acc, &mut None, false);
        }
    }
    acc
}

/// dhcproto owned: `Message::decode` types every option it knows into a
/// map (allocating); the fold walks the map's codes.
#[inline]
pub fn w2_dhcproto_owned(b: &[u8]) -> u64 {
    use dhcproto::{Decodable, Decoder};
    let Ok(m) = dhcproto::v4::Message::decode(&mut Decoder::new(b)) else {
        return 0;
    };
    let mut acc = u64::from(m.xid());
    for (code, opt) in m.opts().iter() {
        acc = mix(acc, u64::from(u8::from(*code)));
        black_box(opt);
    }
    acc
}

/// dhcproto borrowed: the lazy walk, `into_option()` (its typed decode,
/// into owned values) for each.
#[inline]
pub fn w2_dhcproto_borrowed(b: &[u8]) -> u64 {
    let Ok(m) = dhcproto::v4::borrowed::Message::new(b) else {
        return 0;
    };
    let mut acc = u64::from(m.xid());
    for o in m.opts() {
        acc = mix(acc, u64::from(u8::from(o.code())));
        match o.into_option() {
            Ok(d) => {
                black_box(&d);
            }
            Err(_) => acc = mix(acc, 0xdead),
        }
    }
    acc
}

/// smoltcp: `DhcpRepr::parse` (its fixed set of options, the rest dropped);
/// every field of the repr folded.
#[inline]
pub fn w2_smoltcp_repr(b: &[u8]) -> u64 {
    let Ok(p) = smoltcp::wire::DhcpPacket::new_checked(b) else {
        return 0;
    };
    let Ok(r) = smoltcp::wire::DhcpRepr::parse(&p) else {
        return 0;
    };
    let addr = |a: Option<Ipv4Addr>| a.map_or(0, |a| u64::from(u32::from(a)));
    let mut acc = u64::from(r.transaction_id);
    acc = mix(acc, u64::from(u8::from(r.message_type)));
    acc = mix(acc, u64::from(r.client_hardware_address.0[5]));
    acc = mix(acc, u64::from(u32::from(r.your_ip)));
    acc = mix(acc, addr(r.router));
    acc = mix(acc, addr(r.subnet_mask));
    acc = mix(acc, addr(r.requested_ip));
    acc = mix(acc, addr(r.server_identifier));
    acc = mix(acc, r.client_identifier.map_or(0, |c| u64::from(c.0[5])));
    acc = mix(acc, r.parameter_request_list.map_or(0, |l| l.len() as u64));
    acc = mix(acc, r.dns_servers.as_ref().map_or(0, |l| l.len() as u64));
    acc = mix(acc, r.max_size.map_or(0, u64::from));
    acc = mix(acc, r.lease_duration.map_or(0, u64::from));
    acc = mix(acc, r.renew_duration.map_or(0, u64::from));
    mix(acc, r.rebind_duration.map_or(0, u64::from))
}

/// dhcparse: its typed option iterator to the end or the first error (its
/// iterator repeats an error forever, so the documented use stops there).
#[inline]
pub fn w2_dhcparse(b: &[u8]) -> u64 {
    let Ok(m) = dhcparse::dhcpv4::Message::new(b) else {
        return 0;
    };
    let mut acc = u64::from(m.xid());
    let Ok(it) = m.options() else { return acc };
    for x in it {
        match x {
            Ok((o, _)) => {
                acc = mix(acc, u64::from(o.code()));
                black_box(&o);
            }
            Err(_) => return mix(acc, 0xdead),
        }
    }
    acc
}

/// How each W2 implementation fares on each seed: options exposed, and
/// whether it rejected the packet (printed once by the bench setup).
pub fn w2_coverage(packets: &[Vec<u8>]) -> Vec<String> {
    use dhcproto::{Decodable, Decoder};
    let mut out = Vec::new();
    for (name, b) in NAMES.iter().zip(packets) {
        let walked = Message::parse(b)
            .expect("parses")
            .options()
            .filter(Result::is_ok)
            .count();
        let proto = match dhcproto::v4::Message::decode(&mut Decoder::new(b)) {
            Ok(m) => format!("{} distinct", m.opts().iter().count()),
            Err(e) => format!("rejects ({e})"),
        };
        let smol = match smoltcp::wire::DhcpPacket::new_checked(&b[..])
            .and_then(|p| smoltcp::wire::DhcpRepr::parse(&p).map(|_| ()))
        {
            Ok(()) => "ok (fixed set of 12)".to_string(),
            Err(e) => format!("rejects ({e})"),
        };
        let dp = match dhcparse::dhcpv4::Message::new(&b[..]) {
            Ok(m) => match m.options() {
                Ok(it) => {
                    let mut n = 0;
                    let mut err = None;
                    for x in it {
                        match x {
                            Ok(_) => n += 1,
                            Err(e) => {
                                err = Some(format!("{e:?}"));
                                break;
                            }
                        }
                    }
                    match err {
                        None => format!("{n}"),
                        Some(e) => format!("fails after {n} ({e})"),
                    }
                }
                Err(e) => format!("rejects ({e:?})"),
            },
            Err(e) => format!("rejects ({e:?})"),
        };
        out.push(format!(
            "{name:9} dhcpwire {walked} instances | dhcproto {proto} | smoltcp DhcpRepr {smol} | dhcparse {dp}"
        ));
    }
    out
}

// ------------------------------------------------------------------ W3 build the seed ACK

/// The seed ACK's values.
pub const ACK_XID: u32 = 0x0a00_0002;
/// `chaddr` of the seed ACK.
pub const ACK_CHADDR: [u8; 6] = [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a];
/// `yiaddr`.
pub const YI: Ipv4Addr = Ipv4Addr::new(10, 198, 27, 8);
/// `siaddr`, and the server identifier (option 54).
pub const SI: Ipv4Addr = Ipv4Addr::new(10, 228, 18, 1);
/// `giaddr`.
pub const GI: Ipv4Addr = Ipv4Addr::new(10, 198, 27, 4);
/// Option 1.
pub const MASK: Ipv4Addr = Ipv4Addr::new(255, 255, 0, 0);

/// The values of the seed ACK. The W3 builders take them through
/// `black_box` (see the callers), so no builder is constant-folded: a
/// server builds from values it knows only at run time.
#[derive(Debug, Clone, Copy)]
pub struct AckInputs {
    pub xid: u32,
    pub chaddr: [u8; 6],
    pub yiaddr: Ipv4Addr,
    pub siaddr: Ipv4Addr,
    pub giaddr: Ipv4Addr,
    pub mask: Ipv4Addr,
    pub lease: u32,
    pub t1: u32,
    pub t2: u32,
}

/// The seed ACK's values.
pub const ACK: AckInputs = AckInputs {
    xid: ACK_XID,
    chaddr: ACK_CHADDR,
    yiaddr: YI,
    siaddr: SI,
    giaddr: GI,
    mask: MASK,
    lease: 300,
    t1: 150,
    t2: 262,
};

/// dhcpwire: the seed ACK (options 53, 54, 51, 58, 59, 1, padded to 300)
/// into `buf`; byte-identical.
#[inline]
pub fn w3_dhcpwire(a: &AckInputs, buf: &mut [u8]) -> usize {
    MessageBuilder::new(buf)
        .expect("buffer holds a header")
        .op(Op::BootReply)
        .htype(1)
        .hops(1)
        .xid(a.xid)
        .yiaddr(a.yiaddr)
        .siaddr(a.siaddr)
        .giaddr(a.giaddr)
        .chaddr(&a.chaddr)
        .message_type(MessageType::Ack)
        .server_identifier(a.siaddr)
        .lease_time(a.lease)
        .renewal_time(a.t1)
        .rebinding_time(a.t2)
        .subnet_mask(a.mask)
        .min_len(300)
        .finish()
        .expect("the ACK fits")
}

/// dhcproto owned: a `Message` with its option map, encoded into a reused
/// `Vec` and zero-padded to 300 bytes.
///
/// Not byte-identical: `DhcpOptions` is a `BTreeMap`, so options come out
/// in code order (1, 51, 53, 54, 58, 59), not the seed's 53, 54, 51, 58,
/// 59, 1; the API has no way to choose the order. Same header and same
/// option values otherwise (asserted).
#[inline]
pub fn w3_dhcproto_owned(a: &AckInputs, out: &mut Vec<u8>) -> usize {
    use dhcproto::v4::{DhcpOption, Message, MessageType, Opcode};
    use dhcproto::{Encodable, Encoder};
    let mut m = Message::new_with_id(
        a.xid,
        Ipv4Addr::UNSPECIFIED,
        a.yiaddr,
        a.siaddr,
        a.giaddr,
        &a.chaddr,
    );
    m.set_opcode(Opcode::BootReply).set_hops(1);
    let o = m.opts_mut();
    o.insert(DhcpOption::MessageType(MessageType::Ack));
    o.insert(DhcpOption::ServerIdentifier(a.siaddr));
    o.insert(DhcpOption::AddressLeaseTime(a.lease));
    o.insert(DhcpOption::Renewal(a.t1));
    o.insert(DhcpOption::Rebinding(a.t2));
    o.insert(DhcpOption::SubnetMask(a.mask));
    out.clear();
    m.encode(&mut Encoder::new(out)).expect("encodes");
    if out.len() < 300 {
        out.resize(300, 0);
    }
    out.len()
}

/// smoltcp `DhcpRepr::emit` with the seed's bytes. With typed fields only it
/// cannot produce the seed ACK: `emit` writes them in its own fixed order
/// (53, 54, 1, 51) and never writes `renew_duration`/`rebind_duration`
/// (58/59), which only `parse` fills. So only 53 and 54 are typed fields;
/// 51, 58, 59, 1 go through `additional_options` (raw code/bytes) in the
/// seed's order. `emit` has no hops parameter (it writes 0): set on the
/// packet afterwards. Byte-identical.
#[inline]
pub fn w3_smoltcp_emit(a: &AckInputs, buf: &mut [u8]) -> usize {
    use smoltcp::wire::{DhcpMessageType, DhcpOption, DhcpPacket, DhcpRepr, EthernetAddress};
    let lease = a.lease.to_be_bytes();
    let t1 = a.t1.to_be_bytes();
    let t2 = a.t2.to_be_bytes();
    let mask = a.mask.octets();
    let extra = [
        DhcpOption {
            kind: 51,
            data: &lease,
        },
        DhcpOption {
            kind: 58,
            data: &t1,
        },
        DhcpOption {
            kind: 59,
            data: &t2,
        },
        DhcpOption {
            kind: 1,
            data: &mask,
        },
    ];
    let r = DhcpRepr {
        message_type: DhcpMessageType::Ack,
        transaction_id: a.xid,
        secs: 0,
        client_hardware_address: EthernetAddress(a.chaddr),
        client_ip: Ipv4Addr::UNSPECIFIED,
        your_ip: a.yiaddr,
        server_ip: a.siaddr,
        router: None,
        subnet_mask: None,
        relay_agent_ip: a.giaddr,
        broadcast: false,
        requested_ip: None,
        client_identifier: None,
        server_identifier: Some(a.siaddr),
        parameter_request_list: None,
        dns_servers: None,
        max_size: None,
        lease_duration: None,
        renew_duration: None,
        rebind_duration: None,
        additional_options: &extra,
    };
    // emit writes the header, the options and END but not the padding.
    let buf = &mut buf[..300];
    buf.fill(0);
    let mut p = DhcpPacket::new_unchecked(&mut buf[..]);
    r.emit(&mut p).expect("emits");
    p.set_hops(1);
    300
}

/// dhcparse: `Encoder` with the six options appended (58 and 59 have no
/// variant: `Unknown`), then the header set on the encoded message (no
/// `htype` setter: raw byte). Byte-identical.
#[inline]
pub fn w3_dhcparse(a: &AckInputs, buf: &mut [u8]) -> usize {
    use dhcparse::dhcpv4::{Addr, DhcpOption, Encode, Encoder, Message, MessageType, OpCode};
    let si = Addr(a.siaddr.octets());
    let mask = Addr(a.mask.octets());
    let t1 = a.t1.to_be_bytes();
    let t2 = a.t2.to_be_bytes();
    let buf = &mut buf[..300];
    buf.fill(0);
    let mut m = Encoder
        .append_options([
            DhcpOption::MessageType(MessageType::ACK),
            DhcpOption::ServerIdentifier(&si),
            DhcpOption::AddressLeaseTime(a.lease),
            DhcpOption::Unknown(58, &t1),
            DhcpOption::Unknown(59, &t2),
            DhcpOption::SubnetMask(&mask),
        ])
        .encode(&Message::default(), buf)
        .expect("encodes");
    m.set_op(OpCode::BootReply);
    m.as_mut()[1] = 1;
    *m.hops_mut() = 1;
    m.set_xid(a.xid);
    *m.yiaddr_mut() = a.yiaddr.into();
    *m.siaddr_mut() = a.siaddr.into();
    *m.giaddr_mut() = a.giaddr.into();
    m.set_chaddr(&a.chaddr).expect("6-byte chaddr");
    300
}

/// The header bytes and the (code, value) pairs of a message, options
/// sorted by code: equal for two encodings of the same ACK that differ
/// only in option order.
pub fn ack_semantics(b: &[u8]) -> (Vec<u8>, Vec<(u8, Vec<u8>)>) {
    let m = Message::parse(b).expect("parses");
    let mut opts: Vec<(u8, Vec<u8>)> = m
        .options()
        .map(|o| {
            let o = o.expect("walks");
            (o.code.0, o.data.to_vec())
        })
        .collect();
    opts.sort();
    (b[..236].to_vec(), opts)
}

/// Asserts every W3 implementation's output against the seed ACK before
/// anything is timed: byte-identical for dhcpwire, smoltcp (only via
/// `additional_options`) and dhcparse; same header and option values in
/// another order for dhcproto, which cannot choose the order (see the
/// implementations' docs).
pub fn check_w3(ack: &[u8]) {
    let mut buf = [0u8; 576];
    let n = w3_dhcpwire(&ACK, &mut buf);
    assert_eq!(&buf[..n], ack, "dhcpwire W3 differs from the seed ACK");

    let mut buf = [0u8; 576];
    let n = w3_smoltcp_emit(&ACK, &mut buf);
    assert_eq!(&buf[..n], ack, "smoltcp W3 differs from the seed ACK");

    let mut buf = [0u8; 576];
    let n = w3_dhcparse(&ACK, &mut buf);
    assert_eq!(&buf[..n], ack, "dhcparse W3 differs from the seed ACK");

    let want = ack_semantics(ack);
    let mut v = Vec::with_capacity(576);
    let n = w3_dhcproto_owned(&ACK, &mut v);
    assert_eq!(n, ack.len());
    assert_ne!(v, ack, "dhcproto now matches the seed ACK: update the docs");
    assert_eq!(ack_semantics(&v), want, "dhcproto W3: other values");
}

// ------------------------------------------------------------------ W4 relay edit

/// The giaddr the relay writes.
pub const RELAY: Ipv4Addr = Ipv4Addr::new(10, 198, 27, 5);

/// dhcpwire: `MessageMut`, set giaddr, checked hops increment.
#[inline]
pub fn w4_dhcpwire(buf: &mut [u8]) -> u64 {
    let Ok(mut m) = MessageMut::parse(buf) else {
        return 0;
    };
    m.set_giaddr(RELAY);
    u64::from(m.increment_hops().is_ok())
}

/// smoltcp: `DhcpPacket` over the mutable buffer, its setters.
#[inline]
pub fn w4_smoltcp(buf: &mut [u8]) -> u64 {
    let Ok(mut p) = smoltcp::wire::DhcpPacket::new_checked(buf) else {
        return 0;
    };
    p.set_relay_agent_ip(RELAY);
    let hops = p.hops();
    if hops == u8::MAX {
        return 0;
    }
    p.set_hops(hops + 1);
    1
}

/// dhcparse: `Message` over the mutable buffer, its `_mut` accessors.
#[inline]
pub fn w4_dhcparse(buf: &mut [u8]) -> u64 {
    let Ok(mut m) = dhcparse::dhcpv4::Message::new(buf) else {
        return 0;
    };
    *m.giaddr_mut() = RELAY.into();
    let hops = m.hops_mut();
    if *hops == u8::MAX {
        return 0;
    }
    *hops += 1;
    1
}

// ------------------------------------------------------------------ W5 RFC 3396

/// The long option of W5 (vendor-specific information).
pub const LONG_CODE: OptionCode = OptionCode(43);
/// Its length: 16 fragments of 255 bytes and one of 16.
pub const LONG_LEN: usize = 4096;

/// A Discover carrying a 4 KiB option 43, which the builder splits into 17
/// RFC 3396 fragments, between other options.
pub fn rfc3396_message() -> Vec<u8> {
    let value: Vec<u8> = (0..LONG_LEN).map(|i| (i * 7 + 3) as u8).collect();
    let mut buf = vec![0u8; 8192];
    let n = MessageBuilder::new(&mut buf)
        .expect("header fits")
        .htype(1)
        .xid(0x0a00_0001)
        .chaddr(&ACK_CHADDR)
        .message_type(MessageType::Discover)
        .host_name(b"pxe-client-01")
        .option(LONG_CODE, &value)
        .parameter_request_list([OptionCode(1), OptionCode(3), OptionCode(6), LONG_CODE])
        .finish()
        .expect("fits");
    buf.truncate(n);
    let msg = Message::parse(&buf).expect("parses");
    let v = msg.option(LONG_CODE).expect("walks").expect("present");
    assert_eq!((v.fragment_count(), v.len()), (17, LONG_LEN));
    let mut joined = vec![0u8; LONG_LEN];
    assert_eq!(v.copy_to(&mut joined).expect("fits"), &value[..]);
    buf
}

/// Zero-copy: find the option (one walk) and iterate its fragments
/// (borrowed slices), summing their lengths and first bytes.
#[inline]
pub fn w5_fragments(b: &[u8]) -> u64 {
    let msg = Message::parse(b).expect("parses");
    let v = msg.option(LONG_CODE).expect("walks").expect("present");
    let mut acc = 0u64;
    for f in v.fragments() {
        acc += f.len() as u64 + u64::from(f.data.first().copied().unwrap_or(0));
    }
    acc
}

/// Copy: find the option and join its fragments into `out`.
#[inline]
pub fn w5_copy_to(b: &[u8], out: &mut [u8]) -> usize {
    let msg = Message::parse(b).expect("parses");
    let v = msg.option(LONG_CODE).expect("walks").expect("present");
    v.copy_to(out).expect("fits").len()
}

// ------------------------------------------------------------------ scaling

/// One round of the option mix that fills the scaling messages: the kinds
/// of options a server walks (addresses, lists, text, times, client id,
/// relay agent information with sub-options, an opaque private option),
/// each typed-decoded by the walk. 11 options, 123 bytes.
const MIX: [(u8, &[u8]); 11] = [
    (1, &[255, 255, 255, 0]),
    (3, &[10, 0, 0, 1, 10, 0, 0, 2]),
    (6, &[8, 8, 8, 8, 1, 1, 1, 1, 9, 9, 9, 9]),
    (12, b"host-0001"),
    (15, b"example.net"),
    (51, &[0, 0, 14, 16]),
    (55, &[1, 3, 6, 12, 15, 28, 42, 51]),
    (61, &[1, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]),
    (
        82,
        &[1, 4, 0, 0, 0, 7, 2, 6, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a],
    ),
    (60, b"MSFT 5.0"),
    (224, &[0x5a; 16]),
];

/// The sizes of the scaling messages.
pub const SCALING_SIZES: [usize; 4] = [300, 1500, 9000, 65536];

/// A message of exactly `size` bytes whose options area is full of options
/// (the [`MIX`] repeated, then one opaque option 224 filling the gap, END
/// as the last byte), built with the builder. Every option decodes.
pub fn scaling_message(size: usize) -> Vec<u8> {
    let mut buf = vec![0u8; size];
    let mut b = MessageBuilder::new(&mut buf).expect("header fits");
    b.htype(1)
        .xid(0x0a00_0001)
        .chaddr(&ACK_CHADDR)
        .min_len(0)
        .message_type(MessageType::Request);
    // Header, cookie, option 53; END is reserved.
    let mut used = 240 + 3;
    let budget = size - 1;
    'fill: loop {
        for (code, value) in MIX {
            if used + 2 + value.len() > budget {
                break 'fill;
            }
            b.option(OptionCode(code), value);
            used += 2 + value.len();
        }
    }
    let gap = budget - used;
    let filler = [0x5au8; 255];
    match gap {
        0 => {}
        1 => {
            b.pad(1);
        }
        _ => {
            b.option(OptionCode(224), &filler[..gap - 2]);
        }
    }
    let n = b.finish().expect("fits");
    assert_eq!(n, size, "scaling message size");
    buf.truncate(n);
    let msg = Message::parse(&buf).expect("parses");
    for opt in msg.options() {
        opt.expect("walks").decode().expect("decodes");
    }
    buf
}
