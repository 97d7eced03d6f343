//! Serve anything: every input that parses is a request to a server built
//! on `protocol::Reply`, under three configurations (typical, empty router
//! and DNS lists, 70 DNS servers). Every reply built must pass
//! `validate_reply`; every refusal must name a defect of the request (its
//! op, its hlen, its options), never the server's own doing, except a
//! reply that fits no layout of the client's maximum size.

#![no_main]

use std::net::Ipv4Addr;

use dhcpwire::protocol::{Leases, ProtocolError, Reply, validate_reply};
use dhcpwire::{Error, Message, MessageType, Op};
use libfuzzer_sys::fuzz_target;

const SERVER: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 1);
const MASK: Ipv4Addr = Ipv4Addr::new(255, 255, 255, 0);

fn check_refusal(request: &Message<'_>, e: ProtocolError, what: &str) {
    match e {
        ProtocolError::NotARequest { found } => assert_ne!(found, Op::BootRequest, "{what}"),
        ProtocolError::Wire(Error::HardwareAddressTooLong { hlen, .. }) => {
            assert!(hlen > 16, "{what}")
        }
        // The reply needs more than the client takes: the size is named.
        ProtocolError::Wire(Error::BufferTooSmall { needed, available }) => {
            assert!(needed > available, "{what}: {e:?}")
        }
        ProtocolError::Wire(e) => {
            let walk = request.index().err();
            let type_53 = request.index().ok().and_then(|i| i.message_type().err());
            assert!(
                walk == Some(e) || type_53 == Some(e),
                "{what}: {e:?} is not the request's"
            );
        }
        other => panic!("{what}: refused for a reason not the request's: {other:?}"),
    }
}

fn check(request: &Message<'_>, what: &str, built: Result<Message<'_>, ProtocolError>) {
    match built {
        Ok(reply) => {
            let found = validate_reply(request, &reply);
            assert!(found.is_empty(), "{what}: {found:?}");
        }
        Err(e) => check_refusal(request, e, what),
    }
}

/// A lease of `address` with the configuration's lists, finished.
fn lease<'b, K: Leases>(
    r: &mut Reply<'_, 'b, K>,
    address: Ipv4Addr,
    routers: &[Ipv4Addr],
    dns: &[Ipv4Addr],
) -> Result<Message<'b>, ProtocolError> {
    r.yiaddr(address)
        .server_identifier(SERVER)
        .lease_time(3600)
        .subnet_mask(MASK)
        .routers(routers)
        .dns_servers(dns);
    r.finish_message()
}

fuzz_target!(|data: &[u8]| {
    let Ok(request) = Message::parse(data) else {
        return;
    };
    let Ok(index) = request.index() else {
        if request.cookie().is_ok() {
            let e = Reply::offer(&request, &mut [0u8; 576]).err();
            assert_eq!(e, request.index().err().map(ProtocolError::Wire));
        }
        return;
    };
    let Ok(Some(kind)) = index.message_type() else {
        return;
    };
    let address = index
        .requested_ip()
        .ok()
        .flatten()
        .filter(|a| !a.is_unspecified())
        .unwrap_or(Ipv4Addr::new(10, 0, 0, 100));
    let many: Vec<Ipv4Addr> = (1..=70).map(|i| Ipv4Addr::new(10, 0, 1, i)).collect();
    let configs: [(&str, &[Ipv4Addr], &[Ipv4Addr]); 3] = [
        ("typical", &[SERVER], &[SERVER, Ipv4Addr::new(10, 0, 0, 2)]),
        ("empty lists", &[], &[]),
        ("70 DNS servers", &[SERVER], &many),
    ];
    let mut buf = [0u8; 1500];
    for (name, routers, dns) in configs {
        match kind {
            MessageType::Discover => {
                let built = Reply::offer(&index, &mut buf)
                    .and_then(|mut r| lease(&mut r, address, routers, dns));
                check(&request, name, built);
            }
            MessageType::Request => {
                let built = Reply::ack(&index, &mut buf)
                    .and_then(|mut r| lease(&mut r, address, routers, dns));
                check(&request, name, built);
                let built = Reply::nak(&index, &mut buf).and_then(|mut r| {
                    r.server_identifier(SERVER).message(b"not yours");
                    r.finish_message()
                });
                check(&request, name, built);
            }
            MessageType::Inform => {
                let built = Reply::ack_inform(&index, &mut buf).and_then(|mut r| {
                    r.server_identifier(SERVER)
                        .subnet_mask(MASK)
                        .routers(routers)
                        .dns_servers(dns);
                    r.finish_message()
                });
                check(&request, name, built);
            }
            _ => {}
        }
    }
});
