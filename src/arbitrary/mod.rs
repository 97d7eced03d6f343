//! Structure-aware fuzzing input for DHCP software (feature `arbitrary`).
//!
//! A fuzzer that hands a DHCP server raw bytes almost never gets past the
//! magic cookie and the option walk, so the server's own code is never
//! reached. [`ArbitraryMessage`] turns the fuzzer's bytes (an
//! [`Unstructured`]) into a message that parses, whose options walk, and
//! whose typed options decode: any `op`, `htype` and `hlen` (0, 6, 16 and,
//! at [`Config::oversized_hlen_rate`], more than 16), every message type,
//! options drawn from the whole typed catalogue with values valid for
//! their type (one generator per value type, called for every row of the
//! catalogue), option 82 with typed relay sub-options, PXE sub-options of
//! option 43 with option 60 `PXEClient`, vendor sub-options of 124 and 125,
//! unknown codes, option overload into `file` and `sname`, RFC 3396 splits
//! (across areas too), PAD runs, a missing END and bytes after END, and
//! (when [`Config::bootp_rate`] asks) plain BOOTP. Most
//! messages also follow RFC 2131 Tables 3 and 5 for their type
//! ([`Config::rfc2131_rate`]), so that a server does not drop them at its
//! first check; [`Config`] aims the generator at a handler (message types,
//! size, addresses and hardware addresses to use often, malformed options).
//!
//! Everything written parses with [`Message::parse`], walks without error
//! (unless [`Config::malformed_rate`] asked for a truncated option at the
//! end, reported in [`Generated::walk_error`], or for plain BOOTP, which
//! has no options, [`Generated::bootp`]), decodes (except the options counted in
//! [`Generated::malformed_options`]) and re-encodes byte for byte with
//! [`builder::rebuild`](crate::builder::rebuild).
//!
//! A zero byte, and an input that runs out, always take the plainest
//! branch: inputs that shrink toward fewer and smaller bytes give smaller,
//! more ordinary messages (the `proptest` strategies rely on it), and the
//! empty input gives a DHCPDISCOVER with no other option.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use dhcpwire::Message;
//! use dhcpwire::arbitrary::ArbitraryMessage;
//!
//! let fuzzer_bytes = [7u8; 200];
//! let input = ArbitraryMessage::arbitrary(&mut Unstructured::new(&fuzzer_bytes)).unwrap();
//! let msg = Message::parse(input.as_bytes()).unwrap();
//! assert!(msg.options().all(|o| o.is_ok()));
//! ```
//!
//! The `arbitrary` crate needs `std`; nothing here allocates.

use core::fmt;
use core::net::Ipv4Addr;

use ::arbitrary::{Arbitrary, Unstructured};

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Area, offset};
use crate::message::{MAGIC_COOKIE, MIN_DHCP_LEN, Message};
use crate::options::Overload;

use crate::options::generate::{Gen, Generate, Out};
use crate::options::typed::{DhcpOption, Length, TYPED_CODES};

mod write;
use crate::protocol::formats::{ValueRule, value_rule};
pub use write::write_message;

/// What [`write_message`] and [`ArbitraryMessage`] generate.
///
/// Build one from [`Config::DEFAULT`] with the `const` setters, or change
/// the fields of a copy:
///
/// ```
/// use dhcpwire::MessageType;
/// use dhcpwire::arbitrary::Config;
/// use std::net::Ipv4Addr;
///
/// // Client messages to a server at 192.168.1.1 with the pool .100-.101.
/// const CONFIG: Config = Config::DEFAULT
///     .message_types(Config::CLIENT_TYPES)
///     .addresses(&[
///         Ipv4Addr::new(192, 168, 1, 1),
///         Ipv4Addr::new(192, 168, 1, 100),
///         Ipv4Addr::new(192, 168, 1, 101),
///     ])
///     .max_size(576);
/// let mut lax = CONFIG;
/// lax.malformed_rate = 16;
/// assert_eq!(lax.max_size, 576);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// The types drawn for option 53 (default [`Config::ALL_TYPES`]); with
    /// [`quirks`](Self::quirks), 1 message in 32 has an unassigned type
    /// or no option 53 at all. An empty list means DHCPDISCOVER.
    pub message_types: &'static [MessageType],
    /// The largest message written, in bytes, when the buffer is larger
    /// (default 1472: a 1500-byte IP datagram). At least 244.
    pub max_size: usize,
    /// The most options drawn at random, besides those the message type
    /// needs (default 12).
    pub max_options: usize,
    /// Chance in 256 that an option's value is made malformed for its type
    /// (a wrong length, a truncated structure), and that a message ends
    /// in a truncated option, which makes its walk fail (default 0: none).
    pub malformed_rate: u8,
    /// Whether option 52 moves options into `file` and `sname` (about 1
    /// message in 5; default true).
    pub overload: bool,
    /// Whether values are split into several instances (RFC 3396) and may
    /// exceed 255 bytes (default true).
    pub splits: bool,
    /// Whether to write what real senders do although RFC 2131 frowns on
    /// it: PAD runs, a missing END, bytes after END, no padding to 300
    /// bytes, garbage after `chaddr`'s `hlen` bytes and in `sname`/`file`,
    /// option 53 missing or not first (default true).
    pub quirks: bool,
    /// Chance in 256 of a plain BOOTP message (RFC 951): no magic cookie,
    /// so no DHCP options to walk ([`Generated::bootp`]); a server must
    /// ignore it without failing (default 0: DHCP messages only; 3 is 1.2%).
    pub bootp_rate: u8,
    /// Chance in 256 that a message follows RFC 2131 Tables 3 and 5 for
    /// its type (`op`, `ciaddr`, `yiaddr`, `siaddr`, `hops`, `secs`,
    /// `flags`, the options required and forbidden, consistent T1/T2 and
    /// the RFC 2132 value rules), so that `protocol::validate` finds
    /// nothing in it (default 192; 255: every message with an assigned
    /// type). The others have any header fields.
    pub rfc2131_rate: u8,
    /// Chance in 256 that a message not following RFC 2131 has `hlen`
    /// above 16 (default 4: 1.6%).
    pub oversized_hlen_rate: u8,
    /// Addresses used often (for `ciaddr`, options 50 and 54, address
    /// lists): the server's own address and its pool (default none).
    pub addresses: &'static [Ipv4Addr],
    /// Hardware addresses used often (`chaddr`, option 61), so that
    /// several messages of one input come from the same client (default
    /// none).
    pub hardware_addresses: &'static [[u8; 6]],
}

impl Config {
    /// Every assigned message type, 1 to 18.
    pub const ALL_TYPES: &'static [MessageType] = &[
        MessageType::Discover,
        MessageType::Offer,
        MessageType::Request,
        MessageType::Decline,
        MessageType::Ack,
        MessageType::Nak,
        MessageType::Release,
        MessageType::Inform,
        MessageType::ForceRenew,
        MessageType::LeaseQuery,
        MessageType::LeaseUnassigned,
        MessageType::LeaseUnknown,
        MessageType::LeaseActive,
        MessageType::BulkLeaseQuery,
        MessageType::LeaseQueryDone,
        MessageType::ActiveLeaseQuery,
        MessageType::LeaseQueryStatus,
        MessageType::Tls,
    ];

    /// What a server receives from clients (RFC 2131 Table 5): DISCOVER,
    /// REQUEST, DECLINE, RELEASE, INFORM.
    pub const CLIENT_TYPES: &'static [MessageType] = &[
        MessageType::Discover,
        MessageType::Request,
        MessageType::Decline,
        MessageType::Release,
        MessageType::Inform,
    ];

    /// What a client receives from servers (RFC 2131 Table 3): OFFER, ACK,
    /// NAK.
    pub const SERVER_TYPES: &'static [MessageType] =
        &[MessageType::Offer, MessageType::Ack, MessageType::Nak];

    /// The defaults, as documented on each field.
    pub const DEFAULT: Config = Config {
        message_types: Config::ALL_TYPES,
        max_size: 1472,
        max_options: 12,
        malformed_rate: 0,
        overload: true,
        splits: true,
        quirks: true,
        bootp_rate: 0,
        rfc2131_rate: 192,
        oversized_hlen_rate: 4,
        addresses: &[],
        hardware_addresses: &[],
    };

    /// Sets [`message_types`](Self::message_types).
    pub const fn message_types(mut self, types: &'static [MessageType]) -> Self {
        self.message_types = types;
        self
    }

    /// Sets [`max_size`](Self::max_size).
    pub const fn max_size(mut self, max: usize) -> Self {
        self.max_size = max;
        self
    }

    /// Sets [`max_options`](Self::max_options).
    pub const fn max_options(mut self, max: usize) -> Self {
        self.max_options = max;
        self
    }

    /// Sets [`malformed_rate`](Self::malformed_rate).
    pub const fn malformed_rate(mut self, rate: u8) -> Self {
        self.malformed_rate = rate;
        self
    }

    /// Sets [`overload`](Self::overload).
    pub const fn overload(mut self, on: bool) -> Self {
        self.overload = on;
        self
    }

    /// Sets [`splits`](Self::splits).
    pub const fn splits(mut self, on: bool) -> Self {
        self.splits = on;
        self
    }

    /// Sets [`quirks`](Self::quirks).
    pub const fn quirks(mut self, on: bool) -> Self {
        self.quirks = on;
        self
    }

    /// Sets [`bootp_rate`](Self::bootp_rate).
    pub const fn bootp_rate(mut self, rate: u8) -> Self {
        self.bootp_rate = rate;
        self
    }

    /// Sets [`rfc2131_rate`](Self::rfc2131_rate).
    pub const fn rfc2131_rate(mut self, rate: u8) -> Self {
        self.rfc2131_rate = rate;
        self
    }

    /// Sets [`oversized_hlen_rate`](Self::oversized_hlen_rate).
    pub const fn oversized_hlen_rate(mut self, rate: u8) -> Self {
        self.oversized_hlen_rate = rate;
        self
    }

    /// Sets [`addresses`](Self::addresses).
    pub const fn addresses(mut self, addresses: &'static [Ipv4Addr]) -> Self {
        self.addresses = addresses;
        self
    }

    /// Sets [`hardware_addresses`](Self::hardware_addresses).
    pub const fn hardware_addresses(mut self, addresses: &'static [[u8; 6]]) -> Self {
        self.hardware_addresses = addresses;
        self
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}

/// What [`write_message`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Generated {
    /// The message's length.
    pub len: usize,
    /// The value of option 53, `None` when there is none.
    pub message_type: Option<MessageType>,
    /// Option 52, when options were moved into `file`/`sname`.
    pub overload: Option<Overload>,
    /// Whether the message follows RFC 2131 Tables 3 and 5 and the RFC
    /// 2132 value rules (`protocol::validate` reports nothing).
    pub follows_rfc2131: bool,
    /// Options whose value was made malformed for their type
    /// ([`Config::malformed_rate`]): their typed decode fails.
    pub malformed_options: usize,
    /// Whether the main area ends in a truncated option, so the walk
    /// fails there ([`Config::malformed_rate`]).
    pub walk_error: bool,
    /// How many options were split into several instances (RFC 3396).
    pub split_options: usize,
    /// A plain BOOTP message ([`Config::bootp_rate`]): no magic cookie,
    /// so no options to walk ([`Message::bootp_vendor_area`] has its
    /// 64-byte vendor area); `rebuild` reproduces it all the same.
    pub bootp: bool,
}

impl Generated {
    /// Nothing written yet: where a message starts, and what a message
    /// that could not be written reports.
    pub(crate) const NOTHING: Generated = Generated {
        len: 0,
        message_type: None,
        overload: None,
        follows_rfc2131: false,
        malformed_options: 0,
        walk_error: false,
        split_options: 0,
        bootp: false,
    };
}

/// The RFC 2131 tables' demands on one message type, as the generator
/// follows them.
#[derive(Debug, Clone, Copy)]
struct Rules {
    /// `ciaddr`, `yiaddr`, `siaddr`: `Some(true)` set, `Some(false)` 0,
    /// `None` anything.
    ciaddr: Option<bool>,
    yiaddr: Option<bool>,
    siaddr: Option<bool>,
    /// `hops` 0 (servers), or 0 unless relayed (clients).
    server: bool,
    /// `secs` and `flags` 0 (DECLINE, RELEASE).
    quiet: bool,
    /// A relayed DHCPNAK has the broadcast bit.
    nak: bool,
    required: &'static [u8],
    /// The only codes drawn at random, when the table says "all others
    /// MUST NOT".
    only: Option<&'static [u8]>,
    forbidden: &'static [u8],
}

impl Rules {
    const ANY: Rules = Rules {
        ciaddr: None,
        yiaddr: None,
        siaddr: None,
        server: false,
        quiet: false,
        nak: false,
        required: &[],
        only: None,
        forbidden: &[],
    };

    /// The rules of `t`; `state` picks the DHCPREQUEST state (0 selecting,
    /// 1 init-reboot, 2 renewing/rebinding) and the DHCPACK kind (0 and 1
    /// with an address, 2 answering a DHCPINFORM).
    fn of(t: MessageType, state: usize) -> Rules {
        let client = Rules {
            yiaddr: Some(false),
            siaddr: Some(false),
            ..Rules::ANY
        };
        let server = Rules {
            server: true,
            forbidden: &[50, 55, 57],
            ..Rules::ANY
        };
        match t {
            MessageType::Discover => Rules {
                ciaddr: Some(false),
                forbidden: &[54, 56],
                ..client
            },
            MessageType::Request => match state {
                0 => Rules {
                    ciaddr: Some(false),
                    required: &[50, 54],
                    forbidden: &[56],
                    ..client
                },
                1 => Rules {
                    ciaddr: Some(false),
                    required: &[50],
                    forbidden: &[54, 56],
                    ..client
                },
                _ => Rules {
                    ciaddr: Some(true),
                    forbidden: &[50, 54, 56],
                    ..client
                },
            },
            MessageType::Decline => Rules {
                ciaddr: Some(false),
                quiet: true,
                required: &[50, 54],
                only: Some(&[56, 61, 82]),
                ..client
            },
            MessageType::Release => Rules {
                ciaddr: Some(true),
                quiet: true,
                required: &[54],
                only: Some(&[56, 61, 82]),
                ..client
            },
            MessageType::Inform => Rules {
                ciaddr: Some(true),
                forbidden: &[50, 51, 54, 56],
                ..client
            },
            MessageType::Offer => Rules {
                ciaddr: Some(false),
                yiaddr: Some(true),
                required: &[54, 51],
                ..server
            },
            MessageType::Ack if state < 2 => Rules {
                yiaddr: Some(true),
                required: &[54, 51],
                ..server
            },
            MessageType::Ack => Rules {
                yiaddr: Some(false),
                required: &[54],
                forbidden: &[50, 51, 55, 57],
                ..server
            },
            MessageType::Nak => Rules {
                ciaddr: Some(false),
                yiaddr: Some(false),
                siaddr: Some(false),
                nak: true,
                required: &[54],
                only: Some(&[56, 60, 61, 82]),
                ..server
            },
            _ => Rules::ANY,
        }
    }

    fn allows(&self, code: u8) -> bool {
        !self.forbidden.contains(&code)
            && !self.required.contains(&code)
            && self.only.is_none_or(|only| only.contains(&code))
    }
}

/// The three option areas being written.
struct Areas<'b> {
    main: Out<'b>,
    file: Out<'b>,
    sname: Out<'b>,
    /// Which of `file` and `sname` are open for options.
    overload: Option<Overload>,
}

impl<'b> Areas<'b> {
    fn get(&mut self, area: Area) -> &mut Out<'b> {
        match area {
            Area::Options => &mut self.main,
            Area::File => &mut self.file,
            Area::Sname => &mut self.sname,
        }
    }

    /// Room for options in `area`, keeping one byte for END; 0 when the
    /// area is not open.
    fn room(&self, area: Area) -> usize {
        let (out, open) = match area {
            Area::Options => (&self.main, true),
            Area::File => (&self.file, self.overload.is_some_and(Overload::file)),
            Area::Sname => (&self.sname, self.overload.is_some_and(Overload::sname)),
        };
        if open {
            out.room().saturating_sub(1)
        } else {
            0
        }
    }
}

/// A generated message in a buffer of its own: what a fuzz target takes
/// as input. `Arbitrary` draws it with [`Config::DEFAULT`];
/// [`generate`](Self::generate) takes a [`Config`].
///
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use dhcpwire::arbitrary::{ArbitraryMessage, Config};
/// use dhcpwire::builder::rebuild;
///
/// let data: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
/// let mut u = Unstructured::new(&data);
/// let input = ArbitraryMessage::generate(&mut u, &Config::DEFAULT.message_types(Config::CLIENT_TYPES));
/// let msg = input.message().unwrap();
/// let mut out = [0u8; ArbitraryMessage::CAPACITY];
/// let n = rebuild(&msg, &mut out).unwrap();
/// assert_eq!(&out[..n], input.as_bytes());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ArbitraryMessage {
    bytes: [u8; ArbitraryMessage::CAPACITY],
    generated: Generated,
}

impl ArbitraryMessage {
    /// The largest message held: 1472 bytes, the DHCP message of a
    /// 1500-byte IP datagram. A larger [`Config::max_size`] is cut to it
    /// (write into a buffer of your own with [`write_message`] for more).
    pub const CAPACITY: usize = 1472;

    /// Generates a message from `u` under `config`.
    pub fn generate(u: &mut Unstructured<'_>, config: &Config) -> Self {
        let mut bytes = [0u8; Self::CAPACITY];
        let config = Config {
            max_size: config.max_size.clamp(MIN_DHCP_LEN + 4, Self::CAPACITY),
            ..*config
        };
        let generated = write_message(u, &config, &mut bytes).unwrap_or(Generated::NOTHING);
        ArbitraryMessage { bytes, generated }
    }

    /// Generates a message from the bytes `data` (a fuzzer's input, or a
    /// property test's) under `config`.
    pub fn from_bytes(data: &[u8], config: &Config) -> Self {
        Self::generate(&mut Unstructured::new(data), config)
    }

    /// A message built elsewhere (the client request strategies), held as
    /// generated output.
    #[cfg(feature = "proptest")]
    pub(crate) fn from_built(bytes: &[u8], generated: Generated) -> Self {
        let mut buf = [0u8; Self::CAPACITY];
        let n = bytes.len().min(Self::CAPACITY);
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), bytes.get(..n)) {
            dst.copy_from_slice(src);
        }
        ArbitraryMessage {
            bytes: buf,
            generated: Generated {
                len: n,
                ..generated
            },
        }
    }

    /// The message's bytes: what a server receives as a UDP payload.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.generated.len).unwrap_or(&[])
    }

    /// The message, parsed (never fails: it has a header and a cookie).
    ///
    /// # Errors
    /// None in practice; [`Message::parse`]'s errors in principle.
    pub fn message(&self) -> Result<Message<'_>, Error> {
        Message::parse(self.as_bytes())
    }

    /// What was generated.
    pub fn generated(&self) -> &Generated {
        &self.generated
    }
}

impl<'a> Arbitrary<'a> for ArbitraryMessage {
    fn arbitrary(u: &mut Unstructured<'a>) -> ::arbitrary::Result<Self> {
        Ok(Self::generate(u, &Config::DEFAULT))
    }
}

impl fmt::Debug for ArbitraryMessage {
    /// The summary, and the bytes in hex (one string, for a test to paste
    /// into `capture::datagrams_from_hex` or a `hex!` literal).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Bytes<'a>(&'a [u8]);
        impl fmt::Debug for Bytes<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"")?;
                for b in self.0 {
                    write!(f, "{b:02x}")?;
                }
                f.write_str("\"")
            }
        }
        f.debug_struct("ArbitraryMessage")
            .field("generated", &self.generated)
            .field("bytes", &Bytes(self.as_bytes()))
            .finish()
    }
}

/// A typed option's value, valid for its code (one instance, at most 255
/// bytes): what a fuzz target or a property test feeds a single option
/// handler. `Arbitrary` draws the code too.
///
/// ```
/// use arbitrary::Unstructured;
/// use dhcpwire::{DhcpOption, OptionCode};
/// use dhcpwire::arbitrary::ArbitraryOption;
///
/// let mut u = Unstructured::new(&[3, 1, 4, 1, 5, 9, 2, 6]);
/// let opt = ArbitraryOption::generate(&mut u, OptionCode::CLASSLESS_STATIC_ROUTE);
/// assert!(matches!(opt.decode(), Ok(DhcpOption::ClasslessStaticRoute(_))));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ArbitraryOption {
    code: OptionCode,
    value: [u8; 255],
    len: u8,
}

impl ArbitraryOption {
    /// A value for `code`: one its typed decode accepts, or any bytes for
    /// a code without a typed form (none for PAD and END).
    pub fn generate(u: &mut Unstructured<'_>, code: OptionCode) -> Self {
        let mut opt = ArbitraryOption {
            code,
            value: [0; 255],
            len: 0,
        };
        if matches!(code.0, 0 | 255) {
            return opt;
        }
        let mut g = Gen::new(u);
        let mut len = write_value(&mut g, code, &mut opt.value);
        if len.is_none() {
            // Too long for one instance: the smallest value instead.
            let mut empty = Unstructured::new(&[]);
            len = write_value(&mut Gen::new(&mut empty), code, &mut opt.value);
        }
        opt.len = len.and_then(|n| u8::try_from(n).ok()).unwrap_or(0);
        opt
    }

    /// The option code.
    pub fn code(&self) -> OptionCode {
        self.code
    }

    /// The value bytes.
    pub fn value(&self) -> &[u8] {
        self.value.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The typed value ([`DhcpOption::decode`]).
    ///
    /// # Errors
    /// None for a typed code: the value was made to decode.
    pub fn decode(&self) -> Result<DhcpOption<'_>, Error> {
        DhcpOption::decode(self.code, self.value(), 0)
    }
}

/// Writes a value of `code` into `buf`; its length, or `None` when it did
/// not fit.
fn write_value(g: &mut Gen<'_, '_>, code: OptionCode, buf: &mut [u8]) -> Option<usize> {
    let mut out = Out::new(buf);
    if !DhcpOption::generate_value(code, g, &mut out) {
        let n = g.count(0, out.room());
        out.random(g, n);
    }
    out.fits().then_some(out.len())
}

impl<'a> Arbitrary<'a> for ArbitraryOption {
    fn arbitrary(u: &mut Unstructured<'a>) -> ::arbitrary::Result<Self> {
        let code = if u.arbitrary::<u8>()? < 224 {
            let i = u.choose_index(TYPED_CODES.len())?;
            TYPED_CODES.get(i).map_or(OptionCode(1), |t| t.code)
        } else {
            OptionCode(u.arbitrary()?)
        };
        Ok(Self::generate(u, code))
    }
}

impl fmt::Debug for ArbitraryOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArbitraryOption")
            .field("code", &self.code)
            .field("value", &crate::fmt::Hex(self.value()))
            .field("decoded", &self.decode())
            .finish()
    }
}

// Option 55's generator draws from the catalogue's codes. It lives here,
// not in options::generate, so that the generators do not depend on the
// catalogue that dispatches to them (no import cycle).
impl Generate for crate::options::typed::CodeList<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let n = g.count(1, out.room());
        for _ in 0..n {
            let c = if g.unlikely(32) {
                g.byte()
            } else {
                g.pick(TYPED_CODES).map_or(1, |t| t.code.0)
            };
            out.byte(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_message_needs_244_bytes_of_buffer_and_of_max_size() {
        let too_small = Err(Error::BufferTooSmall {
            needed: 244,
            available: 243,
        });
        let mut buf = [0u8; 300];
        let empty = || Unstructured::new(&[]);
        let small = buf.get_mut(..243).unwrap();
        assert_eq!(
            write_message(&mut empty(), &Config::DEFAULT, small),
            too_small
        );
        let capped = Config::DEFAULT.max_size(243);
        assert_eq!(write_message(&mut empty(), &capped, &mut buf), too_small);
        // 244 bytes: header, cookie, 53 and END.
        let at_least = buf.get_mut(..244).unwrap();
        let g = write_message(&mut empty(), &Config::DEFAULT, at_least).unwrap();
        assert_eq!((g.len, g.message_type), (244, Some(MessageType::Discover)));
    }

    /// Pseudo-random bytes (xorshift).
    fn bytes(seed: &mut u64, n: usize) -> std::vec::Vec<u8> {
        (0..n)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                *seed as u8
            })
            .collect()
    }

    /// For every typed code and every room from 0 to 300 bytes, what a
    /// generator writes without overflowing decodes; and with room to
    /// spare, it never overflows. A digest of every value pins what each
    /// generator makes at each room, the edges where a value no longer
    /// fits included (see `tests/generator_snapshot.rs`).
    #[test]
    fn every_generator_writes_values_that_decode_in_any_room() {
        let mut seed = 0x1234_5678_9abc_def1;
        let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
        let mut fold = |b: u8| {
            digest ^= u64::from(b);
            digest = digest.wrapping_mul(0x0100_0000_01b3);
        };
        for typed in TYPED_CODES {
            let mut fitted = 0;
            for room in 0..=300usize {
                for _ in 0..8 {
                    let input = bytes(&mut seed, 64 + room % 200);
                    let mut u = Unstructured::new(&input);
                    let mut g = Gen::new(&mut u);
                    let mut buf = [0u8; 300];
                    let mut out = Out::new(&mut buf[..room]);
                    assert!(DhcpOption::generate_value(typed.code, &mut g, &mut out));
                    fold(u8::from(out.fits()));
                    fold(out.len() as u8);
                    out.written().iter().for_each(|&b| fold(b));
                    if !out.fits() {
                        assert!(room < 100, "{:?} overflowed {room} bytes", typed.code);
                        continue;
                    }
                    fitted += 1;
                    if let Err(e) = DhcpOption::decode(typed.code, out.written(), 0) {
                        panic!(
                            "{:?} in {room} bytes: {:02x?}: {e}",
                            typed.code,
                            out.written()
                        );
                    }
                }
            }
            assert!(fitted > 2000, "{:?}: {fitted}", typed.code);
        }
        assert_eq!(
            digest, 0x2f47_b9fb_ef11_d6b3,
            "the generated values changed: {digest:#018x}"
        );
    }
}
