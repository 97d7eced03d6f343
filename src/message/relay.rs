//! [`RelayAgentInformation`]: option 82 (RFC 3046) as the index hands it
//! out, its sub-options read across RFC 3396 fragments without copying.

use core::net::Ipv4Addr;

use crate::code::OptionCode;
use crate::error::Error;
use crate::options::Joined;
use crate::tlv::{self, Step};

/// Option 82 (RFC 3046): the relay agent's sub-options, read across RFC
/// 3396 fragments without copying. Checked when made, so reading it cannot
/// fail.
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, MessageType};
/// let mut buf = [0u8; 576];
/// let n = MessageBuilder::new(&mut buf)?
///     .message_type(MessageType::Discover)
///     .relay_agent_information(&[(1, b"eth0/1/3"), (2, &[0x00, 0x1b, 0x21]), (5, &[10, 1, 2, 0])])
///     .finish()?;
/// let idx = Message::parse(&buf[..n])?.index()?;
/// let relay = idx.relay_agent_information()?.expect("relayed");
/// assert!(relay.circuit_id().unwrap() == b"eth0/1/3"[..]);
/// assert!(relay.remote_id().unwrap() == [0x00, 0x1b, 0x21]);
/// assert_eq!(relay.link_selection(), Some([10, 1, 2, 0].into()));
/// assert_eq!(relay.subscriber_id(), None);
/// assert_eq!(relay.iter().count(), 3);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelayAgentInformation<'a> {
    value: Joined<'a>,
}

/// One sub-option of [`RelayAgentInformation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelaySub<'a> {
    /// The sub-option code (1 circuit id, 2 remote id, ...).
    pub code: u8,
    /// Its value.
    pub data: Joined<'a>,
    /// Offset of its code byte in the message.
    pub offset: usize,
}

impl<'a> RelayAgentInformation<'a> {
    /// Checks every sub-option of `value`.
    #[inline]
    pub(super) fn new(value: Joined<'a>) -> Result<Self, Error> {
        let info = RelayAgentInformation { value };
        // In one slice (nearly always), a plain TLV scan; the walk that
        // builds the error only when it finds one.
        if let Some(bytes) = value.as_slice() {
            let mut at = 0;
            loop {
                match tlv::step(bytes, at, false) {
                    Step::Item { next, .. } => at = next,
                    Step::Exhausted => return Ok(info),
                    _ => break,
                }
            }
        }
        for sub in info.subs() {
            sub?;
        }
        Ok(info)
    }

    fn subs(&self) -> RelaySubs<'a> {
        let walk = match (self.value.as_slice(), self.value.message_offset(0)) {
            (Some(bytes), Some(base)) => Walk::Slice { bytes, base },
            _ => Walk::Split {
                bytes: self.value.bytes(),
            },
        };
        RelaySubs {
            value: self.value,
            walk,
            pos: 0,
            failed: false,
        }
    }

    /// The sub-options, in order.
    pub fn iter(&self) -> impl Iterator<Item = RelaySub<'a>> + 'a {
        // Checked when made: no sub-option is malformed.
        self.subs().flatten()
    }

    /// The first sub-option `code`'s value.
    #[inline]
    pub fn get(&self, code: u8) -> Option<Joined<'a>> {
        // Checked when made: in one slice, a plain TLV scan.
        if let Some((bytes, base)) = self.value.as_slice_at() {
            let mut at = 0;
            while let Step::Item {
                code: c,
                value,
                next,
            } = tlv::step(bytes, at, false)
            {
                if c == code {
                    let parent = OptionCode::RELAY_AGENT_INFORMATION;
                    return Some(Joined::slice_of(parent, value, base + at));
                }
                at = next;
            }
            return None;
        }
        self.get_joined(code)
    }

    /// [`get`](Self::get) for a value made of several fragments.
    #[inline(never)]
    fn get_joined(&self, code: u8) -> Option<Joined<'a>> {
        self.iter().find(|s| s.code == code).map(|s| s.data)
    }

    /// Sub-option 1, the agent circuit id.
    #[inline]
    pub fn circuit_id(&self) -> Option<Joined<'a>> {
        self.get(1)
    }

    /// Sub-option 2, the agent remote id.
    #[inline]
    pub fn remote_id(&self) -> Option<Joined<'a>> {
        self.get(2)
    }

    /// Sub-option 6, the subscriber id (RFC 3993).
    #[inline]
    pub fn subscriber_id(&self) -> Option<Joined<'a>> {
        self.get(6)
    }

    /// Sub-option 5, the link selection (RFC 3527): the subnet to allocate
    /// from; `None` when absent or not 4 bytes.
    pub fn link_selection(&self) -> Option<Ipv4Addr> {
        address(self.get(5)?)
    }

    /// Sub-option 11, the server identifier override (RFC 5107); `None`
    /// when absent or not 4 bytes.
    pub fn server_id_override(&self) -> Option<Ipv4Addr> {
        address(self.get(11)?)
    }

    /// The whole value, as the relay sent it.
    pub fn as_joined(&self) -> Joined<'a> {
        self.value
    }
}

fn address(bytes: Joined<'_>) -> Option<Ipv4Addr> {
    let mut octets = [0u8; 4];
    let got = bytes.copy_to(&mut octets).ok()?;
    <[u8; 4]>::try_from(got).ok().map(Ipv4Addr::from)
}

/// The sub-option walk over an option 82: over one slice (nearly always),
/// or over the bytes of a value split into fragments.
struct RelaySubs<'a> {
    value: Joined<'a>,
    walk: Walk<'a>,
    /// Position of the next sub-option in the (joined) value.
    pos: usize,
    failed: bool,
}

enum Walk<'a> {
    /// The value in one piece, whose first byte is at `base`.
    Slice { bytes: &'a [u8], base: usize },
    Split {
        bytes: crate::options::JoinedBytes<'a>,
    },
}

impl<'a> Iterator for RelaySubs<'a> {
    type Item = Result<RelaySub<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let at = self.pos;
        let parent = OptionCode::RELAY_AGENT_INFORMATION;
        let step = match &mut self.walk {
            Walk::Slice { bytes, base } => {
                let offset = base.saturating_add(at);
                match tlv::step(bytes, at, false) {
                    Step::Item { code, value, next } => {
                        self.pos = next;
                        return Some(Ok(RelaySub {
                            code,
                            data: Joined::slice_of(parent, value, offset),
                            offset,
                        }));
                    }
                    Step::NoLength { code } => Step::NoLength { code },
                    Step::Overrun {
                        code,
                        len,
                        available,
                    } => Step::Overrun {
                        code,
                        len,
                        available,
                    },
                    Step::Exhausted | Step::Pad | Step::End => return None,
                }
            }
            Walk::Split { bytes } => {
                let code = bytes.next()?;
                match bytes.next() {
                    None => Step::NoLength { code },
                    Some(len) => {
                        let start = at + 2;
                        let available = self.value.len().saturating_sub(start);
                        match self.value.slice(start, usize::from(len)) {
                            Some(data) if bytes.skip_bytes(usize::from(len)) => {
                                self.pos = start + usize::from(len);
                                let offset = self.value.message_offset(at).unwrap_or(0);
                                return Some(Ok(RelaySub { code, data, offset }));
                            }
                            _ => Step::Overrun {
                                code,
                                len,
                                available,
                            },
                        }
                    }
                }
            }
        };
        self.failed = true;
        let offset = self.value.message_offset(at).unwrap_or(0);
        step.sub_option_error(parent.0, offset).map(Err)
    }
}
