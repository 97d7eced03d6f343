//! Runs one W1, W2 or W3 workload a given number of times over the four golden
//! packets, for `benches/instructions.sh`, which counts the instructions
//! under valgrind (cachegrind). Instruction counts do not drift with the
//! load of a shared machine the way times do, so two builds or two crates
//! can be compared exactly.
//!
//! `instructions WORKLOAD ITERATIONS`; `cargo bench` runs it without
//! arguments, and then it only checks that every workload runs.

use std::hint::black_box;

#[path = "support/workloads.rs"]
#[allow(dead_code)]
mod workloads;

use workloads::*;

/// The workloads, by the name the script passes.
const WORKLOADS: [(&str, Read); 17] = [
    ("none", |_| 0),
    ("w1_dhcpwire", w1_dhcpwire),
    ("w1_dhcpwire_strict", w1_dhcpwire_strict),
    ("w1_smoltcp_packet", w1_smoltcp_packet),
    ("w1_dhcparse", w1_dhcparse),
    ("w1_dhcproto_borrowed", w1_dhcproto_borrowed),
    ("w1_dhcproto_owned", w1_dhcproto_owned),
    ("w2_dhcpwire", w2_dhcpwire),
    ("w2_dhcpwire_untyped", w2_dhcpwire_untyped),
    ("w2_hand_tlv_walk", w2_hand_walk),
    ("w2_smoltcp_repr", w2_smoltcp_repr),
    ("w2_dhcparse", w2_dhcparse),
    ("w2_dhcproto_borrowed", w2_dhcproto_borrowed),
    ("w2_dhcproto_owned", w2_dhcproto_owned),
    // W3 builds once per call (the packet is ignored); the fresh 576-byte
    // buffer costs every builder the same.
    ("w3_dhcpwire", |_| w3_dhcpwire(&mut [0u8; 576]) as u64),
    ("w3_smoltcp_emit", |_| {
        w3_smoltcp_emit(&mut [0u8; 576]) as u64
    }),
    ("w3_dhcparse", |_| w3_dhcparse(&mut [0u8; 576]) as u64),
];

fn run(f: Read, packets: &[Vec<u8>], iterations: u64) -> u64 {
    let mut acc = 0u64;
    for _ in 0..iterations {
        for p in packets {
            acc = acc.wrapping_add(f(black_box(p.as_slice())));
        }
    }
    acc
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let packets = golden_packets();
    // `cargo bench [FILTER]` runs every bench binary with `--bench`: then
    // only check that each workload runs.
    let by_script = !args.iter().any(|a| a == "--bench");
    match args.as_slice() {
        [name, iterations] if by_script => {
            let Some((_, f)) = WORKLOADS.iter().find(|(n, _)| n == name) else {
                eprintln!("unknown workload {name}");
                std::process::exit(2);
            };
            let Ok(iterations) = iterations.parse::<u64>() else {
                eprintln!("iterations: a number, got {iterations}");
                std::process::exit(2);
            };
            println!("{}", run(*f, &packets, iterations));
        }
        _ => {
            for (name, f) in WORKLOADS {
                black_box(run(f, &packets, 1));
                eprintln!("instructions: {name} runs");
            }
        }
    }
}
