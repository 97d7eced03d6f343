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

impl fmt::Display for SubOptions<'_> {
    /// Each sub-option as `Name (code): value`, separated by `; `. Option
    /// 82's sub-options are shown typed (see
    /// [`RelaySubOption`](super::rfc3046::RelaySubOption)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parent = self.parent();
        join(f, self.clone().flatten(), "; ", |f, sub| {
            if parent == 82 {
                return write!(f, "{sub}");
            }
            write!(
                f,
                "{} SubOption {}, length {}: ",
                sub_option_name(parent, sub.code),
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
impl serde::Serialize for SubOptions<'_> {
    /// An array of `{"code", "name", "data"}` objects (`data` in hex), with
    /// a typed `"value"` for the sub-options of option 82.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        for sub in self.clone().flatten() {
            seq.serialize_element(&SubJson {
                parent: self.parent(),
                sub,
            })?;
        }
        return seq.end();

        struct SubJson<'a> {
            parent: u8,
            sub: SubOption<'a>,
        }
        impl serde::Serialize for SubJson<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("code", &self.sub.code)?;
                m.serialize_entry("name", sub_option_name(self.parent, self.sub.code))?;
                m.serialize_entry("data", &super::json::hex(self.sub.data))?;
                if self.parent == 82 {
                    if let Ok(v) = self.sub.decode_relay() {
                        m.serialize_entry("value", &v)?;
                    }
                }
                m.end()
            }
        }
    }
}
