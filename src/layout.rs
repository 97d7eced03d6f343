//! Where things are in a BOOTP/DHCP message: the header's length and field
//! offsets, the option areas and the header fields by name. A leaf: the
//! header, the errors and the option walks all refer to it.

use core::fmt;

/// Length of the fixed BOOTP header, up to and excluding the magic cookie.
pub const HEADER_LEN: usize = 236;

/// Length of the `sname` field.
pub(crate) const SNAME_LEN: usize = 64;
/// Length of the `file` field.
pub(crate) const FILE_LEN: usize = 128;

/// Byte offsets of the header fields, from the start of the message.
pub mod offset {
    /// `op`: message op code.
    pub const OP: usize = 0;
    /// `htype`: hardware address type.
    pub const HTYPE: usize = 1;
    /// `hlen`: hardware address length.
    pub const HLEN: usize = 2;
    /// `hops`: relay hop count.
    pub const HOPS: usize = 3;
    /// `xid`: transaction id.
    pub const XID: usize = 4;
    /// `secs`: seconds since the client began.
    pub const SECS: usize = 8;
    /// `flags`: the broadcast bit and reserved bits.
    pub const FLAGS: usize = 10;
    /// `ciaddr`: client IP address.
    pub const CIADDR: usize = 12;
    /// `yiaddr`: "your" (client) IP address.
    pub const YIADDR: usize = 16;
    /// `siaddr`: next server IP address.
    pub const SIADDR: usize = 20;
    /// `giaddr`: relay agent IP address.
    pub const GIADDR: usize = 24;
    /// `chaddr`: client hardware address (16 bytes).
    pub const CHADDR: usize = 28;
    /// `sname`: server host name (64 bytes), or options when overloaded.
    pub const SNAME: usize = 44;
    /// `file`: boot file name (128 bytes), or options when overloaded.
    pub const FILE: usize = 108;
    /// The DHCP magic cookie.
    pub const COOKIE: usize = 236;
    /// The first byte of the options area.
    pub const OPTIONS: usize = 240;
}

/// Where in the message an option was found (RFC 2131 §4.1: options are
/// read from `options`, then `file`, then `sname` when overloaded).
///
/// The variants are declared in that order, so `Ord` sorts areas the way
/// the overload-aware walk visits them. Implements `arbitrary::Arbitrary`
/// with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Area {
    /// The options field after the magic cookie (offset 240 onwards).
    Options,
    /// The 128-byte `file` field (offset 108), when option 52 says so.
    File,
    /// The 64-byte `sname` field (offset 44), when option 52 says so.
    Sname,
}

impl Area {
    /// `"options"`, `"file"` or `"sname"`.
    pub const fn name(self) -> &'static str {
        match self {
            Area::Options => "options",
            Area::File => "file",
            Area::Sname => "sname",
        }
    }

    /// Offset of the area's first byte in the message.
    pub const fn start(self) -> usize {
        match self {
            Area::Options => offset::OPTIONS,
            Area::File => offset::FILE,
            Area::Sname => offset::SNAME,
        }
    }

    /// The size of the header field the area lives in: 128 for `file`, 64
    /// for `sname`; `None` for the options field, which runs to the end of
    /// the message.
    pub const fn field_len(self) -> Option<usize> {
        match self {
            Area::Options => None,
            Area::File => Some(FILE_LEN),
            Area::Sname => Some(SNAME_LEN),
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A fixed header field, by its RFC 2131 name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the RFC 2131 field names
pub enum Field {
    Op,
    Htype,
    Hlen,
    Hops,
    Xid,
    Secs,
    Flags,
    Ciaddr,
    Yiaddr,
    Siaddr,
    Giaddr,
    Chaddr,
    Sname,
    File,
}

impl Field {
    /// The RFC 2131 name (`"ciaddr"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Field::Op => "op",
            Field::Htype => "htype",
            Field::Hlen => "hlen",
            Field::Hops => "hops",
            Field::Xid => "xid",
            Field::Secs => "secs",
            Field::Flags => "flags",
            Field::Ciaddr => "ciaddr",
            Field::Yiaddr => "yiaddr",
            Field::Siaddr => "siaddr",
            Field::Giaddr => "giaddr",
            Field::Chaddr => "chaddr",
            Field::Sname => "sname",
            Field::File => "file",
        }
    }

    /// Offset of the field in the message.
    pub const fn offset(self) -> usize {
        match self {
            Field::Op => offset::OP,
            Field::Htype => offset::HTYPE,
            Field::Hlen => offset::HLEN,
            Field::Hops => offset::HOPS,
            Field::Xid => offset::XID,
            Field::Secs => offset::SECS,
            Field::Flags => offset::FLAGS,
            Field::Ciaddr => offset::CIADDR,
            Field::Yiaddr => offset::YIADDR,
            Field::Siaddr => offset::SIADDR,
            Field::Giaddr => offset::GIADDR,
            Field::Chaddr => offset::CHADDR,
            Field::Sname => offset::SNAME,
            Field::File => offset::FILE,
        }
    }
}
