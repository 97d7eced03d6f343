//! The harness the `serve` and `serve_raw` targets share: the server of
//! `examples/dora.rs` (its `server` module, included as it is), started
//! with an empty lease table, and one call that hands it a datagram the
//! way the example's server thread does, then checks what it answers.

#[path = "../../../examples/dora/server.rs"]
#[allow(dead_code)]
pub mod server;

use std::net::Ipv4Addr;
use std::time::Duration;

use dhcpwire::Message;
use dhcpwire::protocol::{Policy, Severity, validate_with};

/// The server's address (option 54).
pub const SERVER_ID: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);

/// A pool of three addresses, so that a few clients exhaust it.
pub const POOL: (Ipv4Addr, Ipv4Addr) = (
    Ipv4Addr::new(192, 168, 1, 100),
    Ipv4Addr::new(192, 168, 1, 102),
);

/// What the example's `main` configures, with the smaller pool.
pub fn server() -> server::Server {
    server::Server::new(server::Config {
        server_id: SERVER_ID,
        pool: POOL,
        subnet_mask: Ipv4Addr::new(255, 255, 255, 0),
        router: Some(SERVER_ID),
        dns: vec![SERVER_ID],
        lease_secs: 3600,
        offer_hold: Duration::from_secs(30),
    })
}

/// Hands `datagram` (received at server time `now`) to the server as the
/// example's server thread does, and checks the answer: the handler never
/// fails (its error means a bug, its documentation says), and a reply
/// parses and breaks no MUST of RFC 2131 (deviations real servers make
/// allowed, as in the example).
pub fn serve(server: &mut server::Server, datagram: &[u8], now: Duration) {
    let Ok(req) = Message::parse(datagram) else {
        return;
    };
    let mut out = [0u8; 1500];
    let handled = match server.handle(&req, now, &mut out) {
        Ok(h) => h,
        Err(e) => panic!("the handler failed: {e} ({e:?})"),
    };
    if let Some((len, _destination)) = handled.reply {
        let reply = Message::parse(&out[..len]).expect("the reply parses");
        let must: Vec<_> = validate_with(&reply, &Policy::REAL_WORLD)
            .iter()
            .filter(|v| v.severity == Severity::Must)
            .map(|v| v.to_string())
            .collect();
        assert!(
            must.is_empty(),
            "the reply breaks RFC 2131: {must:?}\n{reply}"
        );
    }
}
