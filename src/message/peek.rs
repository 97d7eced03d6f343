//! The hot-path message type: a tuned pass over the options area
//! ([`Message::message_type`]'s fast case) and the first-match peek
//! ([`Message::peek_message_type`]), both guarded by the W1 instruction
//! counts of `benches/instructions.sh`.

use super::Message;
use crate::code::MessageType;
use crate::options::OverloadSeen;
use crate::tlv::{self, Step};

impl Message<'_> {
    /// The common case in one tight pass over the options area: no option
    /// 52 (so no other area holds options) and exactly one option 53 of one
    /// byte. Anything else (including every malformed message) returns
    /// `None` and takes the general path, which reports errors.
    #[inline]
    pub(super) fn message_type_fast(&self) -> Option<MessageType> {
        if !self.has_cookie {
            return None;
        }
        let area = self.options_area();
        let mut at = 0;
        let mut found = None;
        loop {
            match tlv::step(area, at, true) {
                Step::Exhausted | Step::End => break,
                Step::Pad => at += 1,
                Step::Item {
                    code, value, next, ..
                } => {
                    match (code, value) {
                        (53, [t]) if found.is_none() => found = Some(*t),
                        (53 | 52, _) => return None,
                        _ => {}
                    }
                    at = next;
                }
                Step::NoLength { .. } | Step::Overrun { .. } => return None,
            }
        }
        found.map(MessageType::from)
    }

    /// The message type for dispatching on the hot path: the first option
    /// 53 wins, and the scan stops there.
    ///
    /// The scan reads the options area, then `file` and `sname` when an
    /// option 52 before that point overloads them (RFC 2131 §4.1 order).
    /// It is the first-match scan that the raw option iterators of smoltcp
    /// and dhcproto's borrowed API give, and it costs a few nanoseconds
    /// because 53 is nearly always the first option. It does not look past
    /// the first option 53, so unlike [`message_type`](Self::message_type)
    /// it does not notice:
    /// - a second option 53, which RFC 3396 joins with the first into an
    ///   invalid two-byte value (`message_type` reports
    ///   [`Error::InvalidLength`](crate::Error::InvalidLength));
    /// - a malformed option after the first option 53 (`message_type`
    ///   reports the walk error);
    /// - an option 52 after the first option 53.
    ///
    /// Use it to route a datagram; validate with `message_type` or a full
    /// walk before acting on what the message says.
    ///
    /// Whenever `message_type` returns `Ok(Some(t))`, this returns
    /// `Some(t)`. `None` when there is no cookie, no non-empty option 53
    /// before a malformed option or the end, or the first non-empty option
    /// 53 is longer than one byte.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Error, Message, MessageType};
    /// let mut bytes = [0u8; 248];
    /// bytes[236..240].copy_from_slice(&dhcpwire::MAGIC_COOKIE);
    /// // Two message types: DISCOVER, then REQUEST, then END.
    /// bytes[240..247].copy_from_slice(&[53, 1, 1, 53, 1, 3, 255]);
    /// let msg = Message::parse(&bytes)?;
    /// assert_eq!(msg.peek_message_type(), Some(MessageType::Discover));
    /// // RFC 3396 makes the two instances one value of two bytes.
    /// assert!(matches!(msg.message_type(), Err(Error::InvalidLength { code: 53, len: 2, .. })));
    /// # Ok(()) }
    /// ```
    #[inline]
    pub fn peek_message_type(&self) -> Option<MessageType> {
        if !self.has_cookie {
            return None;
        }
        let mut overload = OverloadSeen::None;
        if let Some(t) = first_message_type(self.options_area(), Some(&mut overload)) {
            return t;
        }
        // Spelled out rather than `Overload::areas()`: the iterator costs
        // W1 (peek) 16 more instructions per message even when unused.
        let overload = overload.overload()?;
        if overload.file() {
            if let Some(t) = first_message_type(&self.header.file, None) {
                return t;
            }
        }
        if overload.sname() {
            return first_message_type(&self.header.sname, None).flatten();
        }
        None
    }
}

/// Scans one area for its first option 53, for
/// [`Message::peek_message_type`]: `None` when the area ends without one,
/// `Some(None)` when the scan has to stop without a type (that option 53 is
/// longer than one byte, or an option runs past the area), `Some(Some(t))`
/// when found. Empty instances of option 53 are skipped. With `overload`,
/// records the instances of option 52 seen before the stop, as the
/// overload-aware walk does.
#[inline(always)]
fn first_message_type(
    area: &[u8],
    mut overload: Option<&mut OverloadSeen>,
) -> Option<Option<MessageType>> {
    let mut at = 0;
    loop {
        match tlv::step(area, at, true) {
            Step::Exhausted | Step::End => return None,
            Step::Pad => at += 1,
            Step::NoLength { .. } | Step::Overrun { .. } => return Some(None),
            Step::Item { code, value, next } => {
                match (code, value) {
                    (53, &[t]) => return Some(Some(MessageType::from(t))),
                    // An empty instance adds nothing to the RFC 3396 value: a
                    // one-byte instance may still follow.
                    (53, &[]) => {}
                    (53, _) => return Some(None),
                    (52, value) => {
                        if let Some(seen) = overload.as_deref_mut() {
                            seen.record(value);
                        }
                    }
                    _ => {}
                }
                at = next;
            }
        }
    }
}
