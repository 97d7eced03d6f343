//! The one error type of the crate.
//!
//! Every variant carries the byte offset, counted from the first byte of the
//! BOOTP message (the `op` field), at which the problem was found, and says
//! what was expected there. [`Error::offset`] returns it uniformly and
//! [`Error::kind`] gives a stable snake-case name for scripts.

use crate::layout::Area;

/// Everything that can go wrong while parsing, walking, decoding, editing or
/// building a DHCP message.
///
/// No variant holds a `String`: errors are `Copy` and cost nothing to return
/// on the allocation-free paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input ends before the 236-byte fixed BOOTP header does.
    #[error("message truncated at offset {len}: the fixed BOOTP header needs 236 bytes, got {len}")]
    TruncatedHeader {
        /// Length of the input, which is also the offset where bytes ran out.
        len: usize,
    },

    /// The input ends inside the 4-byte DHCP magic cookie (offset 236).
    #[error(
        "message truncated at offset {len}: the magic cookie 99.130.83.99 at offset 236 needs 4 bytes, got {}",
        len.saturating_sub(236)
    )]
    TruncatedCookie {
        /// Length of the input, which is also the offset where bytes ran out.
        len: usize,
    },

    /// Bytes 236..240 are not the DHCP magic cookie 99.130.83.99 (RFC 2131
    /// §3): this is a plain BOOTP message (RFC 951 vendor area) or not BOOTP
    /// at all, so it has no DHCP options.
    #[error(
        "no DHCP magic cookie at offset 236: found {}.{}.{}.{}, expected 99.130.83.99 (plain BOOTP vendor area, no DHCP options)",
        found[0], found[1], found[2], found[3]
    )]
    NoMagicCookie {
        /// The four bytes found at offset 236.
        found: [u8; 4],
        /// Always 236.
        offset: usize,
    },

    /// `hlen` claims more than the 16 bytes the `chaddr` field holds.
    #[error("hardware address length {hlen} at offset 2 exceeds the 16-byte chaddr field")]
    HardwareAddressTooLong {
        /// The `hlen` value.
        hlen: u8,
        /// Always 2.
        offset: usize,
    },

    /// An option code other than PAD or END is the last byte of its area, so
    /// its length byte is missing.
    #[error(
        "option {code} at offset {offset} in the {area} area has no length byte: the area ends"
    )]
    MissingOptionLength {
        /// The option code.
        code: u8,
        /// Offset of the code byte.
        offset: usize,
        /// The area being walked.
        area: Area,
    },

    /// An option's length runs past the end of its area.
    #[error(
        "option {code} at offset {offset} in the {area} area claims {len} bytes but only {available} remain in the area"
    )]
    OptionOverrun {
        /// The option code.
        code: u8,
        /// Offset of the code byte.
        offset: usize,
        /// The length byte.
        len: u8,
        /// Bytes left in the area after the length byte.
        available: usize,
        /// The area being walked.
        area: Area,
    },

    /// An option value has a length its type does not allow.
    #[error(
        "option {code} at offset {offset}: value of {len} bytes has the wrong length, expected {expected}"
    )]
    InvalidLength {
        /// The option code.
        code: u8,
        /// Offset of the (first) option's code byte.
        offset: usize,
        /// The value's length (all RFC 3396 fragments together).
        len: usize,
        /// What the type requires, e.g. `"4 bytes"`.
        expected: &'static str,
    },

    /// An option value has the right length but content its type does not allow.
    #[error("option {code} at offset {offset}: invalid value, expected {expected}")]
    InvalidValue {
        /// The option code.
        code: u8,
        /// Offset of the offending byte.
        offset: usize,
        /// What the type requires.
        expected: &'static str,
    },

    /// A sub-option (of 82, 43, ...) has a value its type does not allow.
    #[error(
        "option {code}: sub-option {sub_code} at offset {offset}: invalid value, expected {expected}"
    )]
    InvalidSubOption {
        /// The parent option code.
        code: u8,
        /// The sub-option code.
        sub_code: u8,
        /// Offset of the sub-option's code byte.
        offset: usize,
        /// What the sub-option's type requires.
        expected: &'static str,
    },

    /// A sub-option inside an option value (e.g. option 82) runs past the end
    /// of its parent.
    #[error(
        "option {code}: sub-option {sub_code} at offset {offset} claims {len} bytes but only {available} remain in the parent option"
    )]
    SubOptionOverrun {
        /// The parent option code.
        code: u8,
        /// The sub-option code.
        sub_code: u8,
        /// Offset of the sub-option's code byte in the message (for a value
        /// joined from several fragments, the byte in the fragment holding it).
        offset: usize,
        /// The claimed length (a missing length byte is
        /// [`Error::InvalidSubOption`] instead).
        len: u8,
        /// Bytes left in the parent after the sub-option's header.
        available: usize,
    },

    /// Joining the RFC 3396 fragments of an option needs a larger buffer.
    #[error(
        "option {code} at offset {offset}: joining its fragments needs {needed} bytes, the buffer holds {available}"
    )]
    JoinBufferTooSmall {
        /// The option code.
        code: u8,
        /// Offset of the first fragment's code byte.
        offset: usize,
        /// Total value length.
        needed: usize,
        /// Size of the caller's buffer.
        available: usize,
    },

    /// The output buffer (or the configured maximum message size) is too small.
    #[error(
        "buffer too small at offset {available}: the message needs {needed} bytes, only {available} are available"
    )]
    BufferTooSmall {
        /// Bytes the message needs in total (so far).
        needed: usize,
        /// Bytes available (buffer length or maximum size, whichever is smaller).
        available: usize,
    },

    /// The builder ran out of room in the `file` or `sname` area while
    /// writing options there.
    #[error(
        "the {area} area is full at offset {offset}: {needed} more bytes needed, {available} left"
    )]
    AreaFull {
        /// The area being written.
        area: Area,
        /// Where the write would have started.
        offset: usize,
        /// Bytes the write needs.
        needed: usize,
        /// Bytes left in the area.
        available: usize,
    },

    /// The builder was asked for an option in an area already closed with
    /// END.
    #[error(
        "the {area} area was closed with END; an option at offset {offset} would never be read"
    )]
    WriteAfterEnd {
        /// The area.
        area: Area,
        /// Where the option would have been written.
        offset: usize,
    },

    /// The caller wrote option 52 after the builder's automatic overload
    /// had already written one (and moved on to `file` or `sname`): a
    /// second option 52 outside the options field would never be obeyed.
    #[error(
        "option 52 at offset {offset} in the {area} area: the automatic overload already wrote option 52"
    )]
    OverloadAlreadyWritten {
        /// The area the option would have gone to.
        area: Area,
        /// Where it would have been written.
        offset: usize,
    },

    /// The builder was asked to put a name in `file` or `sname` after the
    /// field was given over to options (overload).
    #[error(
        "the {area} field at offset {offset} already holds options (overload); it cannot also hold a name"
    )]
    FieldHoldsOptions {
        /// The field (`File` or `Sname`).
        area: Area,
        /// Offset of the field.
        offset: usize,
    },

    /// A value given to the builder does not fit its field.
    #[error(
        "value of {len} bytes for the {field} field at offset {offset} exceeds its {max} bytes"
    )]
    FieldTooLong {
        /// Name of the header field (`"chaddr"`, `"sname"`, `"file"`).
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// Length given.
        len: usize,
        /// Capacity of the field.
        max: usize,
    },

    /// The builder was asked to write option code 0 (PAD) or 255 (END) with a
    /// value; those codes are single bytes.
    #[error("option code {code} at offset {offset} is a one-byte marker and cannot carry a value")]
    ReservedCode {
        /// The code (0 or 255).
        code: u8,
        /// Offset where it would have been written.
        offset: usize,
    },

    /// `hops` is already 255 and cannot be incremented.
    #[error("hops at offset 3 is already 255 and cannot be incremented")]
    HopsOverflow {
        /// Always 3.
        offset: usize,
    },

    /// The option asked for is not in the message.
    #[error("option {code} is not present in the message (searched up to offset {offset})")]
    OptionNotFound {
        /// The option code.
        code: u8,
        /// Where the search ended.
        offset: usize,
    },

    /// An in-place edit gave a value whose length differs from the option's.
    #[error(
        "option {code} at offset {offset} has {len} bytes; an in-place edit must keep that length, got {given}"
    )]
    LengthMismatch {
        /// The option code.
        code: u8,
        /// Offset of the option's code byte.
        offset: usize,
        /// The option's current length.
        len: usize,
        /// The length given.
        given: usize,
    },

    /// An option cannot be edited in place because it is split into several
    /// RFC 3396 fragments.
    #[error(
        "option {code} at offset {offset} is split into several fragments and cannot be edited in place"
    )]
    Fragmented {
        /// The option code.
        code: u8,
        /// Offset of its first fragment.
        offset: usize,
    },
}

impl Error {
    /// The byte offset, from the start of the message, that the error is about.
    ///
    /// ```
    /// let err = dhcpwire::Message::parse(&[0u8; 10]).unwrap_err();
    /// assert_eq!(err.offset(), 10);
    /// ```
    pub fn offset(&self) -> usize {
        match *self {
            Error::TruncatedHeader { len } | Error::TruncatedCookie { len } => len,
            Error::NoMagicCookie { offset, .. }
            | Error::HardwareAddressTooLong { offset, .. }
            | Error::MissingOptionLength { offset, .. }
            | Error::OptionOverrun { offset, .. }
            | Error::InvalidLength { offset, .. }
            | Error::InvalidValue { offset, .. }
            | Error::SubOptionOverrun { offset, .. }
            | Error::InvalidSubOption { offset, .. }
            | Error::JoinBufferTooSmall { offset, .. }
            | Error::FieldTooLong { offset, .. }
            | Error::AreaFull { offset, .. }
            | Error::WriteAfterEnd { offset, .. }
            | Error::FieldHoldsOptions { offset, .. }
            | Error::OverloadAlreadyWritten { offset, .. }
            | Error::ReservedCode { offset, .. }
            | Error::HopsOverflow { offset }
            | Error::OptionNotFound { offset, .. }
            | Error::LengthMismatch { offset, .. }
            | Error::Fragmented { offset, .. } => offset,
            Error::BufferTooSmall { available, .. } => available,
        }
    }

    /// The same error pointing at `new` instead (for variants whose offset
    /// is a plain position; others are returned unchanged).
    pub(crate) fn at(mut self, new: usize) -> Self {
        match &mut self {
            Error::InvalidLength { offset, .. }
            | Error::InvalidValue { offset, .. }
            | Error::SubOptionOverrun { offset, .. }
            | Error::InvalidSubOption { offset, .. } => *offset = new,
            _ => {}
        }
        self
    }

    /// A stable snake-case name of the variant, for logs and JSON output.
    ///
    /// ```
    /// let err = dhcpwire::Message::parse(&[0u8; 10]).unwrap_err();
    /// assert_eq!(err.kind(), "truncated_header");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TruncatedHeader { .. } => "truncated_header",
            Error::TruncatedCookie { .. } => "truncated_cookie",
            Error::NoMagicCookie { .. } => "no_magic_cookie",
            Error::HardwareAddressTooLong { .. } => "hardware_address_too_long",
            Error::MissingOptionLength { .. } => "missing_option_length",
            Error::OptionOverrun { .. } => "option_overrun",
            Error::InvalidLength { .. } => "invalid_length",
            Error::InvalidValue { .. } => "invalid_value",
            Error::SubOptionOverrun { .. } => "sub_option_overrun",
            Error::InvalidSubOption { .. } => "invalid_sub_option",
            Error::JoinBufferTooSmall { .. } => "join_buffer_too_small",
            Error::BufferTooSmall { .. } => "buffer_too_small",
            Error::FieldTooLong { .. } => "field_too_long",
            Error::AreaFull { .. } => "area_full",
            Error::WriteAfterEnd { .. } => "write_after_end",
            Error::FieldHoldsOptions { .. } => "field_holds_options",
            Error::OverloadAlreadyWritten { .. } => "overload_already_written",
            Error::ReservedCode { .. } => "reserved_code",
            Error::HopsOverflow { .. } => "hops_overflow",
            Error::OptionNotFound { .. } => "option_not_found",
            Error::LengthMismatch { .. } => "length_mismatch",
            Error::Fragmented { .. } => "fragmented",
        }
    }
}
