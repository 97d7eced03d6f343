//! A small DHCP server: one subnet, one pool, leases by hardware address.
//! Transport-free: [`Server::handle`] turns a request into a reply and the
//! place RFC 2131 §4.1 says to send it.
//!
//! The module of `examples/dora.rs`, in a file of its own so that
//! `tests/interop.rs` (through the example) and the `serve` fuzz targets
//! (`fuzz/fuzz_targets/serve.rs`, `serve_raw.rs`) include the same code
//! with `#[path]`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::time::Duration;

use dhcpwire::protocol::{
    Destination, LeaseTimers, Policy, ProtocolError, Reply, RequestKind, Severity,
    reply_destination, request_kind, validate_with,
};
use dhcpwire::{Error, Message, MessageType};

/// What the server hands out.
#[derive(Debug, Clone)]
pub struct Config {
    /// Option 54, and the address clients unicast to.
    pub server_id: Ipv4Addr,
    /// First and last address of the pool.
    pub pool: (Ipv4Addr, Ipv4Addr),
    /// Option 1.
    pub subnet_mask: Ipv4Addr,
    /// Option 3.
    pub router: Option<Ipv4Addr>,
    /// Option 6.
    pub dns: Vec<Ipv4Addr>,
    /// Option 51, seconds.
    pub lease_secs: u32,
    /// How long an offered address stays reserved.
    pub offer_hold: Duration,
}

/// The state of one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Offered, waiting for the DHCPREQUEST.
    Offered,
    /// Leased.
    Bound,
    /// A client said it is in use (DHCPDECLINE): not handed out again.
    Declined,
}

/// One address's record.
#[derive(Debug, Clone)]
pub struct Lease {
    /// The client's hardware address.
    pub chaddr: Vec<u8>,
    /// Its state.
    pub state: State,
    /// When it ends (server clock).
    pub until: Duration,
}

/// The outcome of one request.
#[derive(Debug)]
pub struct Handled {
    /// The reply's length in the output buffer and where it goes, or
    /// `None` when the server stays silent.
    pub reply: Option<(usize, Destination)>,
    /// What the server did, for the log.
    pub note: String,
}

/// The server.
#[derive(Debug)]
pub struct Server {
    /// Its configuration.
    pub config: Config,
    /// Every address that is not free.
    pub leases: BTreeMap<Ipv4Addr, Lease>,
}

fn silent(note: impl Into<String>) -> Handled {
    Handled {
        reply: None,
        note: note.into(),
    }
}

impl Server {
    /// A server with an empty lease table.
    pub fn new(config: Config) -> Self {
        Server {
            config,
            leases: BTreeMap::new(),
        }
    }

    fn in_pool(&self, ip: Ipv4Addr) -> bool {
        (self.config.pool.0..=self.config.pool.1).contains(&ip)
    }

    fn in_subnet(&self, ip: Ipv4Addr) -> bool {
        let m = u32::from(self.config.subnet_mask);
        u32::from(ip) & m == u32::from(self.config.server_id) & m
    }

    /// The address leased or offered to `chaddr`.
    pub fn address_of(&self, chaddr: &[u8]) -> Option<Ipv4Addr> {
        self.leases
            .iter()
            .find(|(_, l)| l.chaddr == chaddr && l.state != State::Declined)
            .map(|(ip, _)| *ip)
    }

    fn is_free(&self, ip: Ipv4Addr, now: Duration) -> bool {
        match self.leases.get(&ip) {
            None => true,
            Some(l) => l.state != State::Declined && l.until <= now,
        }
    }

    fn pick(&self, chaddr: &[u8], wanted: Option<Ipv4Addr>, now: Duration) -> Option<Ipv4Addr> {
        if let Some(ip) = self.address_of(chaddr) {
            return Some(ip);
        }
        if let Some(ip) = wanted.filter(|ip| self.in_pool(*ip) && self.is_free(*ip, now)) {
            return Some(ip);
        }
        let (first, last) = (u32::from(self.config.pool.0), u32::from(self.config.pool.1));
        (first..=last)
            .map(Ipv4Addr::from)
            .find(|ip| self.is_free(*ip, now))
    }

    fn bound_to(&self, ip: Ipv4Addr, chaddr: &[u8]) -> bool {
        self.leases
            .get(&ip)
            .is_some_and(|l| l.chaddr == chaddr && matches!(l.state, State::Offered | State::Bound))
    }

    fn timers(&self) -> LeaseTimers {
        LeaseTimers::new(self.config.lease_secs)
    }

    /// Answers `req` (received at server time `now`) into `out`. A reply
    /// that cannot fit the client's maximum message size (a client
    /// identifier or relay information of hundreds of bytes, which the
    /// reply must echo) is not sent, and changes no lease.
    ///
    /// # Errors
    /// A reply that could not be built for another reason (a bug).
    pub fn handle(
        &mut self,
        req: &Message<'_>,
        now: Duration,
        out: &mut [u8],
    ) -> Result<Handled, ProtocolError> {
        match self.respond(req, now, out) {
            Err(ProtocolError::Wire(Error::BufferTooSmall { needed, available })) => Ok(silent(
                format!("no answer: the reply needs {needed} bytes, the client takes {available}"),
            )),
            other => other,
        }
    }

    fn respond(
        &mut self,
        req: &Message<'_>,
        now: Duration,
        out: &mut [u8],
    ) -> Result<Handled, ProtocolError> {
        if req.cookie().is_err() {
            // Validation has no rule for plain BOOTP, and it has no
            // options to read.
            return Ok(silent("plain BOOTP (no magic cookie): not served"));
        }
        let problems = validate_with(req, &Policy::REAL_WORLD);
        if problems.iter().any(|v| v.severity == Severity::Must) {
            let mut note = String::from("dropped, it breaks RFC 2131:");
            for v in &problems {
                let _ = write!(note, "\n    {v}");
            }
            return Ok(silent(note));
        }
        let chaddr = req.chaddr()?.to_vec();
        let id = self.config.server_id;
        let (len, note) = match req.message_type()? {
            Some(MessageType::Discover) => {
                let Some(ip) = self.pick(&chaddr, req.requested_ip(), now) else {
                    return Ok(silent("pool exhausted: no offer"));
                };
                let mut r = Reply::offer(req, out)?;
                r.yiaddr(ip).server_identifier(id).timers(&self.timers());
                self.parameters(&mut r);
                let len = r.finish()?;
                self.leases.insert(
                    ip,
                    Lease {
                        chaddr,
                        state: State::Offered,
                        until: now + self.config.offer_hold,
                    },
                );
                (len, format!("offers {ip}"))
            }
            Some(MessageType::Request) => return self.request(req, chaddr, now, out),
            Some(MessageType::Decline) => {
                if req.server_identifier() != Some(id) {
                    return Ok(silent("DHCPDECLINE for another server: ignored"));
                }
                let Some(ip) = req.requested_ip() else {
                    return Ok(silent("DHCPDECLINE without option 50: ignored"));
                };
                if self.bound_to(ip, &chaddr) {
                    self.leases.insert(
                        ip,
                        Lease {
                            chaddr,
                            state: State::Declined,
                            until: Duration::MAX,
                        },
                    );
                    return Ok(silent(format!("marks {ip} as in use (declined)")));
                }
                return Ok(silent(format!(
                    "DHCPDECLINE of {ip}, not this client's: ignored"
                )));
            }
            Some(MessageType::Release) => {
                let ip = req.ciaddr();
                if self.bound_to(ip, &chaddr) {
                    self.leases.remove(&ip);
                    return Ok(silent(format!("{ip} returns to the pool")));
                }
                return Ok(silent(format!(
                    "DHCPRELEASE of {ip}, not this client's: ignored"
                )));
            }
            Some(MessageType::Inform) => {
                let mut r = Reply::ack_inform(req, out)?;
                r.server_identifier(id);
                self.parameters(&mut r);
                (
                    r.finish()?,
                    format!("configuration for {} (no lease)", req.ciaddr()),
                )
            }
            other => return Ok(silent(format!("{other:?}: not served"))),
        };
        self.answer(req, out, len, note)
    }

    fn parameters<K: dhcpwire::protocol::Configures>(&self, r: &mut Reply<'_, '_, K>) {
        // An empty list writes no option (RFC 2132: at least one).
        r.subnet_mask(self.config.subnet_mask)
            .routers(self.config.router)
            .dns_servers(&self.config.dns);
    }

    fn answer(
        &self,
        req: &Message<'_>,
        out: &[u8],
        len: usize,
        note: String,
    ) -> Result<Handled, ProtocolError> {
        let reply = Message::parse(&out[..len])?;
        Ok(Handled {
            reply: Some((len, reply_destination(req, &reply))),
            note,
        })
    }

    fn nak(&self, req: &Message<'_>, out: &mut [u8], why: &str) -> Result<Handled, ProtocolError> {
        let len = Reply::nak(req, out)?
            .server_identifier(self.config.server_id)
            .message(why.as_bytes())
            .finish()?;
        self.answer(req, out, len, format!("refuses: {why}"))
    }

    fn ack(
        &mut self,
        req: &Message<'_>,
        chaddr: Vec<u8>,
        ip: Ipv4Addr,
        now: Duration,
        out: &mut [u8],
    ) -> Result<Handled, ProtocolError> {
        let timers = self.timers();
        let mut r = Reply::ack(req, out)?;
        r.yiaddr(ip)
            .server_identifier(self.config.server_id)
            .timers(&timers);
        self.parameters(&mut r);
        let len = r.finish()?;
        self.leases.insert(
            ip,
            Lease {
                chaddr,
                state: State::Bound,
                until: now + Duration::from_secs(u64::from(timers.lease)),
            },
        );
        self.answer(req, out, len, format!("leases {ip} for {} s", timers.lease))
    }

    fn request(
        &mut self,
        req: &Message<'_>,
        chaddr: Vec<u8>,
        now: Duration,
        out: &mut [u8],
    ) -> Result<Handled, ProtocolError> {
        match request_kind(req) {
            Some(RequestKind::Selecting) => {
                if req.server_identifier() != Some(self.config.server_id) {
                    // The client chose another server: forget our offer.
                    if let Some(ip) = self.address_of(&chaddr) {
                        if self.leases.get(&ip).map(|l| l.state) == Some(State::Offered) {
                            self.leases.remove(&ip);
                        }
                    }
                    return Ok(silent("client chose another server"));
                }
                match req.requested_ip() {
                    Some(ip) if self.bound_to(ip, &chaddr) => self.ack(req, chaddr, ip, now, out),
                    _ => self.nak(req, out, "offer expired"),
                }
            }
            Some(RequestKind::InitReboot) => {
                let Some(ip) = req.requested_ip() else {
                    return Ok(silent("INIT-REBOOT without option 50"));
                };
                if !self.in_subnet(ip) {
                    self.nak(req, out, "wrong network")
                } else if self.bound_to(ip, &chaddr) {
                    self.ack(req, chaddr, ip, now, out)
                } else if self.leases.contains_key(&ip) {
                    self.nak(req, out, "address leased to another client")
                } else {
                    // §4.3.2: no record of this client: remain silent.
                    Ok(silent(format!("no record of {ip} for this client: silent")))
                }
            }
            Some(RequestKind::RenewingOrRebinding) => {
                let ip = req.ciaddr();
                if self.bound_to(ip, &chaddr) {
                    self.ack(req, chaddr, ip, now, out)
                } else {
                    self.nak(req, out, "lease unknown")
                }
            }
            None => Ok(silent("not a DHCPREQUEST")),
        }
    }

    /// One line per address that is not free, then the free count.
    pub fn pool_report(&self, now: Duration) -> String {
        let (first, last) = (u32::from(self.config.pool.0), u32::from(self.config.pool.1));
        let mut s = String::new();
        let mut free = 0;
        for ip in (first..=last).map(Ipv4Addr::from) {
            match self.leases.get(&ip) {
                Some(l) if !(l.state != State::Declined && l.until <= now) => {
                    let hw: Vec<String> = l.chaddr.iter().map(|b| format!("{b:02x}")).collect();
                    let _ = writeln!(
                        s,
                        "  {ip:<15} {:<9} {}",
                        format!("{:?}", l.state),
                        hw.join(":")
                    );
                }
                _ => free += 1,
            }
        }
        let _ = write!(
            s,
            "  {free} of {} addresses free ({}–{})",
            last - first + 1,
            self.config.pool.0,
            self.config.pool.1
        );
        s
    }
}
