//! Typed option values, borrowing from the packet.
//!
//! [`DhcpOption::decode`] never panics and never trusts a length: a value
//! malformed for its type is an [`Error`] for that option only, and the raw
//! bytes stay available in the [`RawOption`](super::RawOption) it came from.

use core::fmt;
use core::iter::FusedIterator;
use core::net::Ipv4Addr;

use super::Overload;
use super::relay::SubOptions;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::fmt::{Hex, Text as TextFmt};

/// A typed option value. Lists are views over the packet bytes, not `Vec`s.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let opt = DhcpOption::decode(OptionCode::LEASE_TIME, &[0, 0, 1, 44], 0).unwrap();
/// assert_eq!(opt, DhcpOption::LeaseTime(300));
/// let routers = DhcpOption::decode(OptionCode::ROUTER, &[10, 0, 0, 1, 10, 0, 0, 2], 0).unwrap();
/// let DhcpOption::Router(list) = routers else { unreachable!() };
/// assert_eq!(list.iter().map(|a| a.to_string()).collect::<Vec<_>>(), ["10.0.0.1", "10.0.0.2"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DhcpOption<'a> {
    /// 1: subnet mask (RFC 2132 §3.3).
    SubnetMask(Ipv4Addr),
    /// 3: routers, in order of preference (RFC 2132 §3.5).
    Router(Ipv4List<'a>),
    /// 6: DNS servers (RFC 2132 §3.8).
    DomainNameServer(Ipv4List<'a>),
    /// 12: client host name (RFC 2132 §3.14).
    HostName(Text<'a>),
    /// 15: domain name (RFC 2132 §3.17).
    DomainName(Text<'a>),
    /// 28: broadcast address (RFC 2132 §5.3).
    BroadcastAddress(Ipv4Addr),
    /// 50: requested IP address (RFC 2132 §9.1).
    RequestedIpAddress(Ipv4Addr),
    /// 51: lease time in seconds; 0xffffffff is infinite (RFC 2132 §9.2).
    LeaseTime(u32),
    /// 52: option overload (RFC 2132 §9.3).
    Overload(Overload),
    /// 53: DHCP message type (RFC 2132 §9.6).
    MessageType(MessageType),
    /// 54: server identifier (RFC 2132 §9.7).
    ServerIdentifier(Ipv4Addr),
    /// 55: parameter request list (RFC 2132 §9.8).
    ParameterRequestList(CodeList<'a>),
    /// 57: maximum DHCP message size (RFC 2132 §9.10).
    MaxMessageSize(u16),
    /// 58: renewal (T1) time in seconds (RFC 2132 §9.11).
    RenewalTime(u32),
    /// 59: rebinding (T2) time in seconds (RFC 2132 §9.12).
    RebindingTime(u32),
    /// 60: vendor class identifier (RFC 2132 §9.13).
    VendorClassIdentifier(Text<'a>),
    /// 61: client identifier (RFC 2132 §9.14).
    ClientIdentifier(ClientId<'a>),
    /// 82: relay agent information, as sub-options (RFC 3046). Validated on
    /// decode, so iterating yields no errors.
    RelayAgentInformation(SubOptions<'a>),
    /// Any code without a typed form here.
    Unknown {
        /// The code.
        code: OptionCode,
        /// The raw value.
        data: &'a [u8],
    },
}

fn ipv4(code: OptionCode, data: &[u8], offset: usize) -> Result<Ipv4Addr, Error> {
    match data {
        [a, b, c, d] => Ok(Ipv4Addr::new(*a, *b, *c, *d)),
        _ => Err(invalid_len(code, data, offset, "4 bytes")),
    }
}

fn u32_be(code: OptionCode, data: &[u8], offset: usize) -> Result<u32, Error> {
    match data {
        [a, b, c, d] => Ok(u32::from_be_bytes([*a, *b, *c, *d])),
        _ => Err(invalid_len(code, data, offset, "4 bytes")),
    }
}

fn invalid_len(code: OptionCode, data: &[u8], offset: usize, expected: &'static str) -> Error {
    Error::InvalidLength {
        code: code.0,
        offset,
        len: data.len(),
        expected,
    }
}

fn non_empty<'a>(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Text<'a>, Error> {
    if data.is_empty() {
        Err(invalid_len(code, data, offset, "at least 1 byte"))
    } else {
        Ok(Text(data))
    }
}

impl<'a> DhcpOption<'a> {
    /// Decodes the value `data` of option `code`, whose code byte sits at
    /// `offset` in the message (used only for error reports).
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidValue`] or
    /// [`Error::SubOptionOverrun`] when `data` is malformed for the type.
    pub fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Ok(match code {
            OptionCode::SUBNET_MASK => DhcpOption::SubnetMask(ipv4(code, data, offset)?),
            OptionCode::ROUTER => DhcpOption::Router(Ipv4List::decode(code, data, offset)?),
            OptionCode::DOMAIN_NAME_SERVER => {
                DhcpOption::DomainNameServer(Ipv4List::decode(code, data, offset)?)
            }
            OptionCode::HOST_NAME => DhcpOption::HostName(non_empty(code, data, offset)?),
            OptionCode::DOMAIN_NAME => DhcpOption::DomainName(non_empty(code, data, offset)?),
            OptionCode::BROADCAST_ADDRESS => {
                DhcpOption::BroadcastAddress(ipv4(code, data, offset)?)
            }
            OptionCode::REQUESTED_IP_ADDRESS => {
                DhcpOption::RequestedIpAddress(ipv4(code, data, offset)?)
            }
            OptionCode::LEASE_TIME => DhcpOption::LeaseTime(u32_be(code, data, offset)?),
            OptionCode::OVERLOAD => match data {
                [v] => DhcpOption::Overload(Overload::from_u8(*v).ok_or(Error::InvalidValue {
                    code: code.0,
                    offset: offset.saturating_add(2),
                    expected: "1 (file), 2 (sname) or 3 (both)",
                })?),
                _ => return Err(invalid_len(code, data, offset, "1 byte")),
            },
            OptionCode::MESSAGE_TYPE => match data {
                [v] => DhcpOption::MessageType(MessageType::from(*v)),
                _ => return Err(invalid_len(code, data, offset, "1 byte")),
            },
            OptionCode::SERVER_IDENTIFIER => {
                DhcpOption::ServerIdentifier(ipv4(code, data, offset)?)
            }
            OptionCode::PARAMETER_REQUEST_LIST => {
                DhcpOption::ParameterRequestList(CodeList(non_empty(code, data, offset)?.0))
            }
            OptionCode::MAX_MESSAGE_SIZE => match data {
                [a, b] => DhcpOption::MaxMessageSize(u16::from_be_bytes([*a, *b])),
                _ => return Err(invalid_len(code, data, offset, "2 bytes")),
            },
            OptionCode::RENEWAL_TIME => DhcpOption::RenewalTime(u32_be(code, data, offset)?),
            OptionCode::REBINDING_TIME => DhcpOption::RebindingTime(u32_be(code, data, offset)?),
            OptionCode::VENDOR_CLASS_IDENTIFIER => {
                DhcpOption::VendorClassIdentifier(non_empty(code, data, offset)?)
            }
            OptionCode::CLIENT_IDENTIFIER => match data {
                [kind, id @ ..] if !id.is_empty() => {
                    DhcpOption::ClientIdentifier(ClientId { kind: *kind, id })
                }
                _ => return Err(invalid_len(code, data, offset, "at least 2 bytes")),
            },
            OptionCode::RELAY_AGENT_INFORMATION => {
                let subs = SubOptions::new(code.0, data, offset.saturating_add(2));
                subs.validate()?;
                DhcpOption::RelayAgentInformation(subs)
            }
            _ => DhcpOption::Unknown { code, data },
        })
    }

    /// The option code of this value.
    pub fn code(&self) -> OptionCode {
        match self {
            DhcpOption::SubnetMask(_) => OptionCode::SUBNET_MASK,
            DhcpOption::Router(_) => OptionCode::ROUTER,
            DhcpOption::DomainNameServer(_) => OptionCode::DOMAIN_NAME_SERVER,
            DhcpOption::HostName(_) => OptionCode::HOST_NAME,
            DhcpOption::DomainName(_) => OptionCode::DOMAIN_NAME,
            DhcpOption::BroadcastAddress(_) => OptionCode::BROADCAST_ADDRESS,
            DhcpOption::RequestedIpAddress(_) => OptionCode::REQUESTED_IP_ADDRESS,
            DhcpOption::LeaseTime(_) => OptionCode::LEASE_TIME,
            DhcpOption::Overload(_) => OptionCode::OVERLOAD,
            DhcpOption::MessageType(_) => OptionCode::MESSAGE_TYPE,
            DhcpOption::ServerIdentifier(_) => OptionCode::SERVER_IDENTIFIER,
            DhcpOption::ParameterRequestList(_) => OptionCode::PARAMETER_REQUEST_LIST,
            DhcpOption::MaxMessageSize(_) => OptionCode::MAX_MESSAGE_SIZE,
            DhcpOption::RenewalTime(_) => OptionCode::RENEWAL_TIME,
            DhcpOption::RebindingTime(_) => OptionCode::REBINDING_TIME,
            DhcpOption::VendorClassIdentifier(_) => OptionCode::VENDOR_CLASS_IDENTIFIER,
            DhcpOption::ClientIdentifier(_) => OptionCode::CLIENT_IDENTIFIER,
            DhcpOption::RelayAgentInformation(_) => OptionCode::RELAY_AGENT_INFORMATION,
            DhcpOption::Unknown { code, .. } => *code,
        }
    }

    /// Length of the encoded value (without code and length bytes, before
    /// any RFC 3396 splitting).
    pub fn value_len(&self) -> usize {
        match self {
            DhcpOption::SubnetMask(_)
            | DhcpOption::BroadcastAddress(_)
            | DhcpOption::RequestedIpAddress(_)
            | DhcpOption::ServerIdentifier(_)
            | DhcpOption::LeaseTime(_)
            | DhcpOption::RenewalTime(_)
            | DhcpOption::RebindingTime(_) => 4,
            DhcpOption::Overload(_) | DhcpOption::MessageType(_) => 1,
            DhcpOption::MaxMessageSize(_) => 2,
            DhcpOption::Router(l) | DhcpOption::DomainNameServer(l) => l.as_bytes().len(),
            DhcpOption::HostName(t)
            | DhcpOption::DomainName(t)
            | DhcpOption::VendorClassIdentifier(t) => t.0.len(),
            DhcpOption::ParameterRequestList(c) => c.0.len(),
            DhcpOption::ClientIdentifier(c) => 1 + c.id.len(),
            DhcpOption::RelayAgentInformation(s) => s.as_bytes().len(),
            DhcpOption::Unknown { data, .. } => data.len(),
        }
    }

    /// Hands the encoded value to `sink` in one or more pieces, in order.
    /// The pieces together are exactly [`value_len`](Self::value_len) bytes.
    pub fn write_value(&self, sink: &mut dyn FnMut(&[u8])) {
        match self {
            DhcpOption::SubnetMask(a)
            | DhcpOption::BroadcastAddress(a)
            | DhcpOption::RequestedIpAddress(a)
            | DhcpOption::ServerIdentifier(a) => sink(&a.octets()),
            DhcpOption::LeaseTime(v)
            | DhcpOption::RenewalTime(v)
            | DhcpOption::RebindingTime(v) => sink(&v.to_be_bytes()),
            DhcpOption::Overload(o) => sink(&[o.to_u8()]),
            DhcpOption::MessageType(t) => sink(&[u8::from(*t)]),
            DhcpOption::MaxMessageSize(v) => sink(&v.to_be_bytes()),
            DhcpOption::Router(l) | DhcpOption::DomainNameServer(l) => sink(l.as_bytes()),
            DhcpOption::HostName(t)
            | DhcpOption::DomainName(t)
            | DhcpOption::VendorClassIdentifier(t) => sink(t.0),
            DhcpOption::ParameterRequestList(c) => sink(c.0),
            DhcpOption::ClientIdentifier(c) => {
                sink(&[c.kind]);
                sink(c.id);
            }
            DhcpOption::RelayAgentInformation(s) => sink(s.as_bytes()),
            DhcpOption::Unknown { data, .. } => sink(data),
        }
    }
}

impl fmt::Display for DhcpOption<'_> {
    /// The value the way tcpdump -v prints it (without the option name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DhcpOption::SubnetMask(a)
            | DhcpOption::BroadcastAddress(a)
            | DhcpOption::RequestedIpAddress(a)
            | DhcpOption::ServerIdentifier(a) => write!(f, "{a}"),
            DhcpOption::Router(l) | DhcpOption::DomainNameServer(l) => write!(f, "{l}"),
            DhcpOption::HostName(t)
            | DhcpOption::DomainName(t)
            | DhcpOption::VendorClassIdentifier(t) => write!(f, "\"{t}\""),
            DhcpOption::LeaseTime(v)
            | DhcpOption::RenewalTime(v)
            | DhcpOption::RebindingTime(v) => {
                if *v == u32::MAX {
                    f.write_str("infinite")
                } else {
                    write!(f, "{v}")
                }
            }
            DhcpOption::Overload(o) => f.write_str(match o {
                Overload::File => "file",
                Overload::Sname => "sname",
                Overload::Both => "file+sname",
            }),
            DhcpOption::MessageType(t) => write!(f, "{t}"),
            DhcpOption::ParameterRequestList(c) => write!(f, "{c}"),
            DhcpOption::MaxMessageSize(v) => write!(f, "{v}"),
            DhcpOption::ClientIdentifier(c) => write!(f, "{c}"),
            DhcpOption::RelayAgentInformation(s) => {
                let mut first = true;
                for sub in s.clone().flatten() {
                    if !first {
                        f.write_str("; ")?;
                    }
                    first = false;
                    write!(f, "{sub}")?;
                }
                Ok(())
            }
            DhcpOption::Unknown { data, .. } => write!(f, "{}", Hex(data)),
        }
    }
}

/// Bytes that are meant as text (host names, vendor classes). Not guaranteed
/// UTF-8 on the wire; `Display` escapes what is not printable ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text<'a>(pub &'a [u8]);

impl<'a> Text<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The bytes as `&str` when they are valid UTF-8.
    pub fn to_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.0).ok()
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", TextFmt(self.0))
    }
}

/// A list of IPv4 addresses, viewed in place: at least one address, length a
/// multiple of 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4List<'a>(&'a [u8]);

impl<'a> Ipv4List<'a> {
    /// Views `bytes` as addresses; `None` unless the length is a non-zero
    /// multiple of 4.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len() % 4 == 0).then_some(Ipv4List(bytes))
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a non-zero multiple of 4 bytes"))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Always false for a decoded list (the RFCs require one address).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The addresses, in order.
    pub fn iter(&self) -> Ipv4Iter<'a> {
        Ipv4Iter(self.0.chunks_exact(4))
    }
}

impl<'a> IntoIterator for Ipv4List<'a> {
    type Item = Ipv4Addr;
    type IntoIter = Ipv4Iter<'a>;
    fn into_iter(self) -> Ipv4Iter<'a> {
        self.iter()
    }
}

impl fmt::Display for Ipv4List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

/// Iterator over the addresses of an [`Ipv4List`].
#[derive(Debug, Clone)]
pub struct Ipv4Iter<'a>(core::slice::ChunksExact<'a, u8>);

impl Iterator for Ipv4Iter<'_> {
    type Item = Ipv4Addr;
    fn next(&mut self) -> Option<Ipv4Addr> {
        match self.0.next()? {
            [a, b, c, d] => Some(Ipv4Addr::new(*a, *b, *c, *d)),
            _ => None,
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Ipv4Iter<'_> {}
impl FusedIterator for Ipv4Iter<'_> {}

/// A list of option codes (option 55), viewed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeList<'a>(pub &'a [u8]);

impl<'a> CodeList<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The codes, in the client's order of preference.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = OptionCode> + 'a {
        self.0.iter().map(|&c| OptionCode(c))
    }

    /// Whether `code` is requested.
    pub fn contains(&self, code: OptionCode) -> bool {
        self.0.contains(&code.0)
    }
}

impl fmt::Display for CodeList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if c.is_assigned() {
                f.write_str(c.name())?;
            } else {
                write!(f, "Option {}", c.0)?;
            }
        }
        Ok(())
    }
}

/// A client identifier (option 61): a type byte (a hardware type, or 255
/// for RFC 4361 IAID+DUID, or 0 for other identifiers) and the identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientId<'a> {
    /// The type byte.
    pub kind: u8,
    /// The identifier bytes after the type.
    pub id: &'a [u8],
}

impl fmt::Display for ClientId<'_> {
    /// tcpdump style: `ether 0a:16:36:fb:bb:4a` for Ethernet addresses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.id.len()) {
            (1, 6) => write!(f, "ether {}", Hex(self.id)),
            (255, _) => write!(f, "IAID/DUID {}", Hex(self.id)),
            (0, _) => write!(f, "\"{}\"", TextFmt(self.id)),
            (k, _) => write!(f, "type {k} {}", Hex(self.id)),
        }
    }
}
