//! Runs one W1, W2, W3 or W6 workload a given number of times over its
//! packets (the four golden packets; W6: the requests it serves), for `benches/instructions.sh`, which counts the instructions
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
const WORKLOADS: [(&str, Read); 21] = [
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
    // W3 builds once per call (the packet is ignored) from the seed ACK's
    // values behind black_box, into a fresh 576-byte buffer (black_box too,
    // so that what is written counts); the buffer costs every builder the
    // same.
    ("w3_dhcpwire", |_| {
        w3_dhcpwire(black_box(&ACK), black_box(&mut [0u8; 576][..])) as u64
    }),
    ("w3_smoltcp_emit", |_| {
        w3_smoltcp_emit(black_box(&ACK), black_box(&mut [0u8; 576][..])) as u64
    }),
    ("w3_dhcparse", |_| {
        w3_dhcparse(black_box(&ACK), black_box(&mut [0u8; 576][..])) as u64
    }),
    // W6 serves the requests of `serve::requests()` (the workloads whose
    // name starts with "w6"; "w6_none" is their baseline) into buffers
    // kept across calls, as a server keeps its send buffer.
    ("w6_none", |_| 0),
    ("w6_dhcpwire", |q| {
        REPLY.with_borrow_mut(|out| {
            serve::w6_dhcpwire(q, black_box(&serve::SERVER), black_box(&mut out[..]))
        })
    }),
    ("w6_smoltcp", |q| {
        REPLY.with_borrow_mut(|out| {
            serve::w6_smoltcp(q, black_box(&serve::SERVER), black_box(&mut out[..]))
        })
    }),
    ("w6_dhcproto", |q| {
        REPLY_VEC
            .with_borrow_mut(|out| serve::w6_dhcproto(q, black_box(&serve::SERVER), black_box(out)))
    }),
];

thread_local! {
    static REPLY: std::cell::RefCell<[u8; 1500]> = const { std::cell::RefCell::new([0; 1500]) };
    static REPLY_VEC: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(Vec::with_capacity(1500));
}

/// The packets a workload runs over: the serve requests for W6, the four
/// golden packets otherwise.
fn packets_for(name: &str) -> Vec<Vec<u8>> {
    if name.starts_with("w6") {
        serve::requests()
    } else {
        golden_packets()
    }
}

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
    // `cargo bench [FILTER]` runs every bench binary with `--bench`: then
    // only check that each workload runs.
    let by_script = !args.iter().any(|a| a == "--bench");
    match args.as_slice() {
        [packets, name] if by_script && packets == "packets" => {
            println!("{}", packets_for(name).len());
        }
        [name, iterations] if by_script => {
            let packets = packets_for(name);
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
            serve::check_w6(&serve::requests());
            for (name, f) in WORKLOADS {
                black_box(run(f, &packets_for(name), 1));
                eprintln!("instructions: {name} runs");
            }
        }
    }
}
