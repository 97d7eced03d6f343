//! Benchmarks on the four golden packets of `testdata/seed-dora.tcpdump.txt`
//! (a relayed Discover, Offer, Request, ACK):
//!
//! - `w1_peek`: what a server does first with every datagram: parse, message
//!   type, xid, chaddr.
//! - `w2_full_decode`: parse, walk every option, typed-decode each, fold the
//!   values into a checksum.
//! - `w3_build_ack`: build the golden ACK into a reused buffer.
//! - `w4_relay_edit`: a relay's in-place edit of the Discover: set giaddr,
//!   increment hops.
//! - `rebuild`: `builder::rebuild` of each packet into a reused buffer.
//!
//! The packets are read from the tcpdump text with a small hex helper, so
//! the bench needs no optional feature.

use std::hint::black_box;
use std::net::Ipv4Addr;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dhcpwire::builder::rebuild;
use dhcpwire::{DhcpOption, Message, MessageBuilder, MessageMut, MessageType, Op};

const DUMP: &str = include_str!("../testdata/seed-dora.tcpdump.txt");

/// Linux SLL (16) + IPv4 (20) + UDP (8) in front of every BOOTP payload.
const FRAMING: usize = 16 + 20 + 8;

const NAMES: [&str; 4] = ["discover", "offer", "request", "ack"];

/// The BOOTP payloads of the packets in a `tcpdump -XX` dump: the hex groups
/// of every `0xNNNN:` line (up to the two spaces before the ASCII column),
/// one packet per `0x0000:` line, without the link/IP/UDP framing.
fn golden_packets() -> Vec<Vec<u8>> {
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

/// Folds every option's typed value into a number, so none of the decoding
/// can be optimised away.
fn fold(acc: u64, code: u8, opt: &DhcpOption<'_>) -> u64 {
    let mix = |acc: u64, v: u64| acc.rotate_left(5) ^ v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
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

fn full_decode(bytes: &[u8]) -> u64 {
    let msg = Message::parse(bytes).expect("golden packet parses");
    let mut acc = u64::from(msg.xid());
    for opt in msg.options() {
        let opt = opt.expect("golden packet walks");
        acc = fold(
            acc,
            opt.code.0,
            &opt.decode().expect("golden option decodes"),
        );
    }
    acc
}

/// Builds the golden ACK (the fourth packet) into `buf`.
fn build_ack(buf: &mut [u8]) -> usize {
    MessageBuilder::new(buf)
        .expect("buffer holds a header")
        .op(Op::BootReply)
        .htype(1)
        .hops(1)
        .xid(0x0a00_0002)
        .yiaddr(Ipv4Addr::new(10, 198, 27, 8))
        .siaddr(Ipv4Addr::new(10, 228, 18, 1))
        .giaddr(Ipv4Addr::new(10, 198, 27, 4))
        .chaddr(&[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a])
        .message_type(MessageType::Ack)
        .server_identifier(Ipv4Addr::new(10, 228, 18, 1))
        .lease_time(300)
        .renewal_time(150)
        .rebinding_time(262)
        .subnet_mask(Ipv4Addr::new(255, 255, 0, 0))
        .min_len(300)
        .finish()
        .expect("the ACK fits")
}

fn benches(c: &mut Criterion) {
    let packets = golden_packets();

    let mut g = c.benchmark_group("w1_peek");
    for (name, p) in NAMES.iter().zip(&packets) {
        g.throughput(Throughput::Bytes(p.len() as u64));
        g.bench_with_input(*name, p.as_slice(), |b, p| {
            b.iter(|| {
                let msg = Message::parse(black_box(p)).expect("parses");
                let t = msg.message_type().expect("walks");
                black_box((t, msg.xid(), msg.header().chaddr().expect("hlen <= 16")))
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("w2_full_decode");
    for (name, p) in NAMES.iter().zip(&packets) {
        g.throughput(Throughput::Bytes(p.len() as u64));
        g.bench_with_input(*name, p.as_slice(), |b, p| {
            b.iter(|| full_decode(black_box(p)))
        });
    }
    g.finish();

    let ack = &packets[3];
    let mut buf = [0u8; 576];
    let n = build_ack(&mut buf);
    assert_eq!(
        &buf[..n],
        ack.as_slice(),
        "built ACK differs from the golden ACK"
    );
    let mut g = c.benchmark_group("w3_build_ack");
    g.throughput(Throughput::Bytes(n as u64));
    g.bench_function("ack", |b| {
        b.iter(|| black_box(build_ack(black_box(&mut buf))))
    });
    g.finish();

    let discover = &packets[0];
    let mut g = c.benchmark_group("w4_relay_edit");
    g.throughput(Throughput::Bytes(discover.len() as u64));
    g.bench_function("discover", |b| {
        b.iter_batched_ref(
            || discover.clone(),
            |copy| {
                MessageMut::parse(black_box(copy.as_mut_slice()))
                    .expect("parses")
                    .set_giaddr(Ipv4Addr::new(10, 198, 27, 5))
                    .increment_hops()
                    .expect("hops < 255");
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
    let mut edited = discover.clone();
    MessageMut::parse(&mut edited)
        .expect("parses")
        .set_giaddr(Ipv4Addr::new(10, 198, 27, 5))
        .increment_hops()
        .expect("hops < 255");
    let msg = Message::parse(&edited).expect("parses");
    assert_eq!((msg.giaddr(), msg.hops), (Ipv4Addr::new(10, 198, 27, 5), 2));

    let mut g = c.benchmark_group("rebuild");
    let mut out = [0u8; 576];
    for (name, p) in NAMES.iter().zip(&packets) {
        let msg = Message::parse(p).expect("parses");
        let n = rebuild(&msg, &mut out).expect("rebuilds");
        assert_eq!(&out[..n], p.as_slice(), "rebuild of {name} differs");
        g.throughput(Throughput::Bytes(p.len() as u64));
        g.bench_with_input(*name, p.as_slice(), |b, p| {
            b.iter(|| {
                let msg = Message::parse(black_box(p)).expect("parses");
                black_box(rebuild(&msg, black_box(&mut out)).expect("rebuilds"))
            })
        });
    }
    g.finish();
}

criterion_group!(golden, benches);
criterion_main!(golden);
