//! The DORA example's server handler fuzzed with raw bytes: the same
//! harness as `serve` (up to four datagrams per input, the clock moving on
//! between them), each datagram any bytes. The baseline `serve` is
//! measured against (see the README, "Fuzz your own DHCP code").

#![no_main]

#[path = "support/dora.rs"]
mod dora;

use std::time::Duration;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut server = dora::server();
    let mut now = Duration::ZERO;
    for _ in 0..4 {
        if u.is_empty() {
            break;
        }
        now += Duration::from_secs(u64::from(u.arbitrary::<u16>().unwrap_or(0)));
        let datagram: &[u8] = u.arbitrary().unwrap_or(&[]);
        dora::serve(&mut server, datagram, now);
    }
});
