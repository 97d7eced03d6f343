//! Benchmarks on the four golden packets of `testdata/seed-dora.tcpdump.txt`
//! (a relayed Discover, Offer, Request, ACK), dhcpwire side by side with the
//! peer crates (dev-dependencies): dhcproto 0.15 (owned and borrowed APIs),
//! smoltcp 0.14 (`DhcpPacket`/`DhcpRepr`) and dhcparse 1.
//!
//! - `w1_peek`: what a server does first with every datagram: parse,
//!   message type, xid, chaddr. One iteration = the four seeds.
//! - `w2_full_decode`: parse, walk every option (with overload), decode
//!   each as typed, fold the values into a checksum. One iteration = the
//!   four seeds. `hand_tlv_walk` is the untyped baseline.
//! - `w3_build_ack`: build the seed ACK into a reused buffer. Every output
//!   is asserted before timing (see `check_w3`): dhcpwire, smoltcp and
//!   dhcparse are byte-identical; dhcproto cannot be (its option map is a
//!   `BTreeMap`: options come out in code order) and is asserted to hold the
//!   same header and option values in another order. smoltcp gets there
//!   only by passing 51, 58, 59, 1 as raw `additional_options`: its typed
//!   `emit` has a fixed order and never writes 58/59.
//! - `w4_relay_edit`: a relay's in-place edit of the Discover: set giaddr,
//!   increment hops. dhcproto has no in-place edit (its borrowed `Message`
//!   is read-only; the owned one is decode + re-encode), so it is absent.
//! - `w5_rfc3396`: a 4 KiB option split over 17 fragments: find it and
//!   iterate the borrowed fragments, or join them into a buffer.
//! - `scaling`: the W2 walk + typed decode of messages of 300 B to 64 KiB
//!   full of options; `Throughput::Bytes` gives the time per byte.
//! - `rebuild`: `builder::rebuild` of each seed into a reused buffer.
//! - `w6_serve`: a server's whole job per request (see
//!   `support/serve.rs`): parse, read what a server reads, build the
//!   OFFER/ACK with the echoes, route it; dhcpwire, smoltcp and dhcproto
//!   side by side. One iteration = ten requests.
//!
//! Times per message: W1/W2 report the four seeds per iteration, so divide
//! by 4 (criterion's `thrpt` in elem/s is per message). Peer allocation
//! counts come from `benches/peer_allocs.rs` (a separate binary, so its
//! counting allocator does not slow the allocating peers down here).
//!
//! The packets are read from the tcpdump text with a small hex helper, so
//! the bench needs no optional feature.

use std::hint::black_box;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use dhcpwire::Message;
use dhcpwire::builder::rebuild;

#[path = "support/workloads.rs"]
#[allow(dead_code)]
mod workloads;

use workloads::*;

/// Benches `f` over the four seeds per iteration.
fn seeds_bench(
    g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    id: &str,
    packets: &[Vec<u8>],
    f: impl Fn(&[u8]) -> u64,
) {
    g.bench_function(id, |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for p in packets {
                acc = acc.wrapping_add(f(black_box(p.as_slice())));
            }
            acc
        })
    });
}

fn benches(c: &mut Criterion) {
    let packets = golden_packets();
    for line in w2_coverage(&packets) {
        eprintln!("coverage: {line}");
    }
    eprintln!(
        "sizes: Message {} B, RawOption {} B, DhcpOption {} B, Result<DhcpOption, Error> {} B",
        size_of::<Message<'_>>(),
        size_of::<dhcpwire::RawOption<'_>>(),
        size_of::<dhcpwire::DhcpOption<'_>>(),
        size_of::<Result<dhcpwire::DhcpOption<'_>, dhcpwire::Error>>(),
    );

    let mut g = c.benchmark_group("w1_peek");
    g.throughput(Throughput::Elements(packets.len() as u64));
    seeds_bench(&mut g, "dhcpwire", &packets, w1_dhcpwire);
    seeds_bench(&mut g, "dhcpwire_strict", &packets, w1_dhcpwire_strict);
    seeds_bench(
        &mut g,
        "dhcpwire_header_only",
        &packets,
        w1_dhcpwire_header_only,
    );
    seeds_bench(&mut g, "dhcproto_owned", &packets, w1_dhcproto_owned);
    seeds_bench(&mut g, "dhcproto_borrowed", &packets, w1_dhcproto_borrowed);
    seeds_bench(&mut g, "smoltcp_packet", &packets, w1_smoltcp_packet);
    seeds_bench(&mut g, "dhcparse", &packets, w1_dhcparse);
    g.finish();

    let mut g = c.benchmark_group("w2_full_decode");
    g.throughput(Throughput::Elements(packets.len() as u64));
    seeds_bench(&mut g, "dhcpwire", &packets, w2_dhcpwire);
    seeds_bench(&mut g, "dhcpwire_untyped", &packets, w2_dhcpwire_untyped);
    seeds_bench(&mut g, "hand_tlv_walk", &packets, w2_hand_walk);
    seeds_bench(&mut g, "dhcproto_owned", &packets, w2_dhcproto_owned);
    seeds_bench(&mut g, "dhcproto_borrowed", &packets, w2_dhcproto_borrowed);
    seeds_bench(&mut g, "smoltcp_repr", &packets, w2_smoltcp_repr);
    seeds_bench(&mut g, "dhcparse", &packets, w2_dhcparse);
    g.finish();

    let ack = &packets[3];
    check_w3(ack);
    let mut g = c.benchmark_group("w3_build_ack");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 576];
    g.bench_function("dhcpwire", |b| {
        b.iter(|| w3_dhcpwire(black_box(&ACK), black_box(&mut buf[..])))
    });
    let mut v = Vec::with_capacity(576);
    g.bench_function("dhcproto_owned", |b| {
        b.iter(|| w3_dhcproto_owned(black_box(&ACK), black_box(&mut v)))
    });
    g.bench_function("smoltcp_emit", |b| {
        b.iter(|| w3_smoltcp_emit(black_box(&ACK), black_box(&mut buf[..])))
    });
    g.bench_function("dhcparse", |b| {
        b.iter(|| w3_dhcparse(black_box(&ACK), black_box(&mut buf[..])))
    });
    g.finish();

    // W6: one iteration serves the ten requests of `serve::requests()`
    // (the golden DISCOVER and REQUEST, eight relayed ones of the corpus)
    // into a reused buffer; the three handlers are checked to answer alike
    // first.
    let requests = serve::requests();
    serve::check_w6(&requests);
    let mut g = c.benchmark_group("w6_serve");
    g.throughput(Throughput::Elements(requests.len() as u64));
    let mut out = [0u8; 1500];
    g.bench_function("dhcpwire", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for q in &requests {
                acc ^= serve::w6_dhcpwire(
                    black_box(q),
                    black_box(&serve::SERVER),
                    black_box(&mut out[..]),
                );
            }
            acc
        })
    });
    g.bench_function("smoltcp", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for q in &requests {
                acc ^= serve::w6_smoltcp(
                    black_box(q),
                    black_box(&serve::SERVER),
                    black_box(&mut out[..]),
                );
            }
            acc
        })
    });
    let mut v = Vec::with_capacity(1500);
    g.bench_function("dhcproto", |b| {
        b.iter(|| {
            let mut acc = 0u64;
            for q in &requests {
                acc ^=
                    serve::w6_dhcproto(black_box(q), black_box(&serve::SERVER), black_box(&mut v));
            }
            acc
        })
    });
    g.finish();

    // W4: each iteration restores the seed's hops byte (one store, so the
    // increment never saturates) and edits the same buffer in place.
    let discover = &packets[0];
    let hops = discover[3];
    let edits: [(&str, Edit); 3] = [
        ("dhcpwire", w4_dhcpwire),
        ("smoltcp_packet", w4_smoltcp),
        ("dhcparse", w4_dhcparse),
    ];
    let mut expected = discover.clone();
    w4_dhcpwire(&mut expected);
    let msg = Message::parse(&expected).expect("parses");
    assert_eq!((msg.giaddr(), msg.hops), (RELAY, hops + 1));
    for (name, f) in edits {
        let mut copy = discover.clone();
        assert_eq!(f(&mut copy), 1);
        assert_eq!(copy, expected, "{name} relay edit differs");
    }
    let mut g = c.benchmark_group("w4_relay_edit");
    g.throughput(Throughput::Elements(1));
    for (name, f) in edits {
        let mut copy = discover.clone();
        g.bench_function(name, |b| {
            b.iter(|| {
                copy[3] = hops;
                f(black_box(copy.as_mut_slice()))
            })
        });
    }
    g.finish();

    let long = rfc3396_message();
    let mut g = c.benchmark_group("w5_rfc3396");
    g.throughput(Throughput::Bytes(LONG_LEN as u64));
    g.bench_function("fragments", |b| b.iter(|| w5_fragments(black_box(&long))));
    let mut joined = vec![0u8; LONG_LEN];
    g.bench_function("copy_to", |b| {
        b.iter(|| w5_copy_to(black_box(&long), black_box(&mut joined)))
    });
    g.finish();

    let mut g = c.benchmark_group("scaling");
    for size in SCALING_SIZES {
        let msg = scaling_message(size);
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function(format!("dhcpwire/{size}"), |b| {
            b.iter(|| w2_dhcpwire(black_box(&msg)))
        });
        g.bench_function(format!("hand_tlv_walk/{size}"), |b| {
            b.iter(|| w2_hand_walk(black_box(&msg)))
        });
    }
    g.finish();

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
