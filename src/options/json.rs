//! The JSON (serde) helpers the value types serialize with, and the forms
//! of the catalogue rows whose Rust type serializes differently from how
//! DHCP tools show it (option 80's `()`, option 208's magic bytes).
//!
//! Every crate-owned value type implements `Serialize` in its own module;
//! the catalogue serializes a value through `serde::Serialize` unless its
//! row names a form from here.

use core::fmt;

use serde::Serialize;

/// Lowercase hex without separators.
pub(crate) struct PlainHex<'a>(pub &'a [u8]);

impl fmt::Display for PlainHex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// Bytes as a string, invalid UTF-8 replaced by U+FFFD.
pub(crate) struct Lossy<'a>(pub &'a [u8]);

impl fmt::Display for Lossy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.0.utf8_chunks() {
            f.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_str("\u{fffd}")?;
            }
        }
        Ok(())
    }
}

/// Serializes any `Display` as a string.
pub(crate) struct Str<T>(pub T);

impl<T: fmt::Display> Serialize for Str<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Bytes as a hex string.
pub(crate) fn hex<'b>(bytes: &'b [u8]) -> Str<PlainHex<'b>> {
    Str(PlainHex(bytes))
}

/// Option 80 (rapid commit) has no value: present is `true`.
pub(crate) fn present<S: serde::Serializer>(_: &(), s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(true)
}

/// Four raw bytes (PXELINUX magic) as a hex string.
pub(crate) fn hex4<S: serde::Serializer>(v: &[u8; 4], s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&PlainHex(v))
}
