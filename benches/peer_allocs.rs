//! Heap allocations per message of every W1–W5 implementation of
//! `benches/golden.rs`, printed to stderr once (not timed). A separate bench
//! binary because linking allocation-counter installs its counting global
//! allocator, which would slow the allocating peers down in the timed
//! binary. dhcpwire's zero is also proved by `tests/alloc.rs`.
//!
//! `cargo bench --bench peer_allocs`; it ignores criterion's arguments.

use std::hint::black_box;

#[path = "support/workloads.rs"]
#[allow(dead_code)]
mod workloads;

use workloads::*;

/// Allocations (count, bytes) made by `f`.
fn count(f: impl FnOnce()) -> (u64, u64) {
    let info = allocation_counter::measure(f);
    (info.count_total, info.bytes_total)
}

fn per_message(name: &str, packets: &[Vec<u8>], f: fn(&[u8]) -> u64) {
    // Once outside the measurement, for lazily initialised statics.
    for p in packets {
        black_box(f(p));
    }
    let per: Vec<String> = packets
        .iter()
        .map(|p| {
            let (n, bytes) = count(|| {
                black_box(f(black_box(p)));
            });
            format!("{n} ({bytes} B)")
        })
        .collect();
    let (total, _) = count(|| {
        for p in packets {
            black_box(f(black_box(p)));
        }
    });
    eprintln!(
        "{name:28} {:5.2} per message; per seed (discover, offer, request, ack): {}",
        total as f64 / packets.len() as f64,
        per.join(", ")
    );
}

fn one(name: &str, f: impl FnMut()) {
    let mut f = f;
    f();
    let (n, bytes) = count(f);
    eprintln!("{name:28} {n:5} ({bytes} B)");
}

fn main() {
    let packets = golden_packets();
    eprintln!("== heap allocations (allocation-counter), not timed");
    let w1: [(&str, Read); 6] = [
        ("w1 dhcpwire", w1_dhcpwire),
        ("w1 dhcpwire_strict", w1_dhcpwire_strict),
        ("w1 dhcproto_owned", w1_dhcproto_owned),
        ("w1 dhcproto_borrowed", w1_dhcproto_borrowed),
        ("w1 smoltcp_packet", w1_smoltcp_packet),
        ("w1 dhcparse", w1_dhcparse),
    ];
    let w2: [(&str, Read); 6] = [
        ("w2 dhcpwire", w2_dhcpwire),
        ("w2 hand_tlv_walk", w2_hand_walk),
        ("w2 dhcproto_owned", w2_dhcproto_owned),
        ("w2 dhcproto_borrowed", w2_dhcproto_borrowed),
        ("w2 smoltcp_repr", w2_smoltcp_repr),
        ("w2 dhcparse", w2_dhcparse),
    ];
    for (name, f) in w1.into_iter().chain(w2) {
        per_message(name, &packets, f);
    }
    let mut buf = [0u8; 576];
    let mut v = Vec::with_capacity(576);
    one("w3 dhcpwire", || {
        black_box(w3_dhcpwire(black_box(&ACK), black_box(&mut buf)));
    });
    one("w3 dhcproto_owned", || {
        black_box(w3_dhcproto_owned(black_box(&ACK), black_box(&mut v)));
    });
    one("w3 smoltcp_emit", || {
        black_box(w3_smoltcp_emit(black_box(&ACK), black_box(&mut buf)));
    });
    one("w3 dhcparse", || {
        black_box(w3_dhcparse(black_box(&ACK), black_box(&mut buf)));
    });
    let requests = serve::requests();
    let mut out = [0u8; 1500];
    let mut v = Vec::with_capacity(1500);
    one("w6 dhcpwire (10 requests)", || {
        for q in &requests {
            black_box(serve::w6_dhcpwire(black_box(q), &serve::SERVER, &mut out));
        }
    });
    one("w6 smoltcp (10 requests)", || {
        for q in &requests {
            black_box(serve::w6_smoltcp(black_box(q), &serve::SERVER, &mut out));
        }
    });
    one("w6 dhcproto (10 requests)", || {
        for q in &requests {
            black_box(serve::w6_dhcproto(black_box(q), &serve::SERVER, &mut v));
        }
    });
    let edits: [(&str, Edit); 3] = [
        ("w4 dhcpwire", w4_dhcpwire),
        ("w4 smoltcp_packet", w4_smoltcp),
        ("w4 dhcparse", w4_dhcparse),
    ];
    for (name, f) in edits {
        let mut copy = packets[0].clone();
        let hops = copy[3];
        one(name, || {
            // Restore hops, which the edit increments.
            copy[3] = hops;
            black_box(f(black_box(&mut copy)));
        });
    }
    let long = rfc3396_message();
    let mut joined = vec![0u8; LONG_LEN];
    one("w5 dhcpwire fragments", || {
        black_box(w5_fragments(black_box(&long)));
    });
    one("w5 dhcpwire copy_to", || {
        black_box(w5_copy_to(black_box(&long), &mut joined));
    });
    for size in SCALING_SIZES {
        let msg = scaling_message(size);
        one(&format!("scaling dhcpwire {size}"), || {
            black_box(w2_dhcpwire(black_box(&msg)));
        });
    }
}
