#![no_main]
//! Fuzzes a DHCP server's request handler with generated messages
//! (`handle` below stands in for yours).

use std::net::Ipv4Addr;

use arbitrary::Unstructured;
use dhcpwire::arbitrary::{ArbitraryMessage, Config};
use dhcpwire::protocol::Reply;
use dhcpwire::{Message, MessageType};
use libfuzzer_sys::fuzz_target;

const SERVER: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const POOL: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 100);

// Aim the generator at the server: client messages, its own addresses.
const CONFIG: Config = Config::DEFAULT
    .message_types(Config::CLIENT_TYPES)
    .addresses(&[SERVER, POOL]);

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    // Four requests per input, so that state (offers, leases) matters.
    for _ in 0..4 {
        let request = ArbitraryMessage::generate(&mut u, &CONFIG);
        let mut reply = [0u8; 1500];
        if let Some(len) = handle(request.as_bytes(), &mut reply) {
            Message::parse(&reply[..len]).expect("the reply parses");
        }
    }
});

/// Your server's handler (this one offers POOL to every DHCPDISCOVER).
fn handle(request: &[u8], reply: &mut [u8]) -> Option<usize> {
    let msg = Message::parse(request).ok()?;
    if msg.message_type().ok()? != Some(MessageType::Discover) {
        return None;
    }
    let mut offer = Reply::offer(&msg, reply).ok()?;
    offer
        .yiaddr(POOL)
        .server_identifier(SERVER)
        .lease_time(3600);
    offer.finish().ok()
}
