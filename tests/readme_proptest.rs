//! The README's property tests ("Fuzz your own DHCP code"), compiled and
//! run: `tests/readme.rs` checks that the README shows this code.
#![cfg(feature = "proptest")]

use std::net::Ipv4Addr;

use dhcpwire::arbitrary::Config;
use dhcpwire::protocol::{ClientKind, Reply, validate_reply};
use dhcpwire::{Message, MessageType};
use proptest::prelude::*;

const SERVER: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const POOL: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 100);
const CONFIG: Config = Config::DEFAULT
    .message_types(Config::CLIENT_TYPES)
    .addresses(&[SERVER, POOL]);

proptest! {
    // Whatever a client sends, the handler does not panic, and it answers
    // with a message that parses.
    #[test]
    fn handler_survives_any_request(request in dhcpwire::proptest::message_with(CONFIG)) {
        let mut reply = [0u8; 1500];
        if let Some(len) = handle(request.as_bytes(), &mut reply) {
            prop_assert!(Message::parse(&reply[..len]).is_ok());
        }
    }

    // Every DHCPDISCOVER gets an offer that follows RFC 2131 Table 3.
    #[test]
    fn every_discover_gets_a_valid_offer(
        request in dhcpwire::proptest::client_request(ClientKind::Discover)
    ) {
        let mut reply = [0u8; 1500];
        let len = handle(request.as_bytes(), &mut reply).expect("an offer");
        let offer = Message::parse(&reply[..len]).unwrap();
        let request = request.message().unwrap();
        prop_assert!(validate_reply(&request, &offer).is_empty());
    }
}

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
