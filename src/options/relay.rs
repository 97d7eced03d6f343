//! Sub-option TLVs: option 82 (RFC 3046) and the other options whose value
//! is a list of `code len value` triples without PAD or END, and how each
//! parent names and shows its sub-options.
//!
//! The sub-option sequence itself is a general value type
//! ([`SubOptions`], re-exported here); the name tables live with their
//! parent options and are gathered by [`sub_option_name`].

use core::fmt;

pub use super::common::{SubOption, SubOptions};
pub use super::rfc3046::relay_sub_option_name;
use super::{rfc2242, rfc3495, rfc4578, rfc5678, rfc6656};
use crate::fmt::{TextOrHex, join};

/// The name of sub-option `code` of option `parent`: the relay agent
/// sub-options of 82, the NetWare/IP sub-options of 63 (RFC 2242), the
/// CableLabs sub-options of 122 (RFC 3495), the MoS sub-options of 139 and
/// 140 (RFC 5678), the subnet allocation sub-options of 220 (RFC 6656) and
/// the PXE sub-options of 43; `"Unknown"` otherwise.
pub const fn sub_option_name(parent: u8, code: u8) -> &'static str {
    match parent {
        82 => relay_sub_option_name(code),
        43 => rfc4578::pxe_sub_option_name(code),
        63 => rfc2242::sub_option_name(code),
        122 => rfc3495::sub_option_name(code),
        139 | 140 => rfc5678::sub_option_name(code),
        220 => rfc6656::sub_option_name(code),
        _ => "Unknown",
    }
}

impl SubOptions<'_> {
    /// The name of sub-option `code` here: [`sub_option_name`] of the
    /// parent, or `"Unknown"` for [vendor data](Self::is_vendor_data).
    pub fn name(&self, code: u8) -> &'static str {
        if self.is_vendor_data() {
            "Unknown"
        } else {
            sub_option_name(self.parent(), code)
        }
    }
}

impl fmt::Display for SubOptions<'_> {
    /// Each sub-option as `Name SubOption N, length L: value`, separated
    /// by `; `. Option 82's sub-options are shown typed (see
    /// [`RelaySubOption`](super::rfc3046::RelaySubOption)); an enterprise's
    /// sub-options ([vendor data](SubOptions::is_vendor_data)) are named
    /// `Unknown` and shown as text or hex.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parent = self.parent();
        join(f, self.clone().flatten(), "; ", |f, sub| {
            if parent == 82 && !self.is_vendor_data() {
                return write!(f, "{sub}");
            }
            write!(
                f,
                "{} SubOption {}, length {}: ",
                self.name(sub.code),
                sub.code,
                sub.data.len()
            )?;
            match parent {
                139 | 140 => rfc5678::show_value(parent, &sub, f),
                _ => write!(f, "{}", TextOrHex(sub.data)),
            }
        })
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for SubOptions<'_> {
    /// An array of `{"code", "name", "data"}` objects (`data` in hex), with
    /// a typed `"value"` for the sub-options of option 82 (for the vendor
    /// data inside its sub-option 9, the bytes in hex: they are not typed).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        for sub in self.clone().flatten() {
            seq.serialize_element(&SubJson { subs: self, sub })?;
        }
        return seq.end();

        struct SubJson<'s, 'a> {
            subs: &'s SubOptions<'a>,
            sub: SubOption<'a>,
        }
        impl serde::Serialize for SubJson<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("code", &self.sub.code)?;
                m.serialize_entry("name", self.subs.name(self.sub.code))?;
                m.serialize_entry("data", &super::json::hex(self.sub.data))?;
                let parent = self.subs.parent();
                if parent == 82 && self.subs.is_vendor_data() {
                    // Vendor data inside relay sub-option 9 had a `value`
                    // (wrongly typed as a relay sub-option); it stays, as
                    // the bytes in hex, like the value of an unknown option.
                    m.serialize_entry("value", &super::json::hex(self.sub.data))?;
                } else if parent == 82 {
                    if let Ok(v) = self.sub.decode_relay() {
                        m.serialize_entry("value", &v)?;
                    }
                }
                m.end()
            }
        }
    }
}
