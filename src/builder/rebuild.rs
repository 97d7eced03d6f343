//! Re-emitting a parsed message byte for byte.

use super::MessageBuilder;
use crate::error::Error;
use crate::header::{Area, offset};
use crate::message::MIN_DHCP_LEN;
use crate::message::Message;
use crate::options::{AreaOptions, walk_areas};

/// Re-emits a parsed message through the builder, reproducing every option
/// instance in place (PAD runs, fragment boundaries, overloaded areas, bytes
/// after END). The output equals the input for any message whose options
/// walk without error: a check that nothing was lost in parsing.
///
/// A plain BOOTP message (no magic cookie, a
/// [`bootp_vendor_area`](Message::bootp_vendor_area) of RFC 951) is
/// re-emitted as its header and its vendor area, byte for byte.
///
/// # Errors
/// The message's walk error, its cookie error when it is cut inside the
/// cookie ([`Error::TruncatedCookie`]), or [`Error::BufferTooSmall`].
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, MessageType, builder::rebuild};
/// let mut buf = [0u8; 300];
/// let len = MessageBuilder::new(&mut buf)?.message_type(MessageType::Inform).finish()?;
/// let mut out = [0u8; 300];
/// let n = rebuild(&Message::parse(&buf[..len])?, &mut out)?;
/// assert_eq!(&out[..n], &buf[..len]);
/// # Ok(()) }
/// ```
pub fn rebuild(msg: &Message<'_>, out: &mut [u8]) -> Result<usize, Error> {
    if let Some(vendor) = msg.bootp_vendor_area() {
        return rebuild_bootp(msg, vendor, out);
    }
    msg.cookie()?;
    let mut b = MessageBuilder::new(out)?;
    b.min_len(0).max_size(msg.len()).header(msg.header());
    for area in walk_areas(msg.overload()?) {
        b.area(area);
        let slice = msg.area(area);
        let mut walk = AreaOptions::new(slice, area.start(), area);
        let mut cursor = area.start();
        for opt in walk.by_ref() {
            let opt = opt?;
            b.pad(opt.offset - cursor).option(opt.code, opt.data);
            cursor = opt.offset + 2 + opt.len();
        }
        match (walk.end_offset(), walk.trailing()) {
            (Some(end), Some(tail)) => {
                b.pad(end - cursor).end().raw(tail);
            }
            _ => {
                // Ran out without END: only PAD bytes can remain.
                let area_end = area.start() + slice.len();
                b.pad(area_end - cursor).no_end();
            }
        }
    }
    b.area(Area::Options);
    b.finish()
}

/// [`rebuild`] of a plain BOOTP message: the header through the builder,
/// then the vendor area verbatim. Its first 4 bytes go where the builder
/// wrote the cookie.
fn rebuild_bootp(msg: &Message<'_>, vendor: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    let (head, rest) = vendor
        .split_first_chunk::<4>()
        .ok_or(Error::TruncatedCookie { len: msg.len() })?;
    let len = {
        let mut b = MessageBuilder::new(out)?;
        b.min_len(0).max_size(msg.len()).header(msg.header());
        b.raw(rest).no_end();
        b.finish()?
    };
    let available = out.len();
    let cookie = out
        .get_mut(offset::COOKIE..offset::OPTIONS)
        .ok_or(Error::BufferTooSmall {
            needed: MIN_DHCP_LEN,
            available,
        })?;
    cookie.copy_from_slice(head);
    Ok(len)
}
