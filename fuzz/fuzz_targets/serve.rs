//! The DORA example's server handler (`examples/dora/server.rs`), fuzzed
//! with structure-aware input: up to four client messages per input from
//! `dhcpwire::arbitrary::ArbitraryMessage`, aimed at the server with its
//! address, its pool and two clients' hardware addresses, the server clock
//! moving on between them. `serve_raw` is the same harness fed raw bytes.

#![no_main]

#[path = "support/dora.rs"]
mod dora;

use std::net::Ipv4Addr;
use std::time::Duration;

use arbitrary::Unstructured;
use dhcpwire::arbitrary::{ArbitraryMessage, Config};
use libfuzzer_sys::fuzz_target;

/// Client messages to the server of `support/dora.rs` (and 1.2% plain
/// BOOTP): its address, its pool and one address elsewhere, and two
/// clients.
const CONFIG: Config = Config::DEFAULT
    .message_types(Config::CLIENT_TYPES)
    .bootp_rate(3)
    .addresses(&[
        dora::SERVER_ID,
        dora::POOL.0,
        Ipv4Addr::new(192, 168, 1, 101),
        dora::POOL.1,
        Ipv4Addr::new(10, 0, 0, 42),
    ])
    .hardware_addresses(&[
        [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a],
        [0x5e, 0x1c, 0x0b, 0, 0, 0x0b],
    ]);

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut server = dora::server();
    let mut now = Duration::ZERO;
    for _ in 0..4 {
        if u.is_empty() {
            break;
        }
        now += Duration::from_secs(u64::from(u.arbitrary::<u16>().unwrap_or(0)));
        let input = ArbitraryMessage::generate(&mut u, &CONFIG);
        dora::serve(&mut server, input.as_bytes(), now);
    }
});
