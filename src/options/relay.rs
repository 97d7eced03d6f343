//! Sub-option TLVs: option 82 (RFC 3046) and other options whose value is a
//! list of `code len value` triples without PAD or END.

use core::fmt;
use core::iter::FusedIterator;

use super::typed::Offset32;
use crate::error::Error;

/// One sub-option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubOption<'a> {
    /// Sub-option code.
    pub code: u8,
    /// Sub-option value.
    pub data: &'a [u8],
    /// Offset of the sub-option's code byte in the message. When the parent
    /// value was joined from several RFC 3396 fragments, it is the first
    /// fragment's value offset plus the position in the joined value:
    /// [`OptionValue::message_offset`](super::OptionValue::message_offset)
    /// maps it to the byte in the message.
    pub offset: usize,
}

/// Iterator over sub-options (`code len value`, no PAD, no END), fused after
/// the first error.
///
/// ```
/// use dhcpwire::options::relay::SubOptions;
/// // Option 82: circuit id "eth0", remote id 00:11:22.
/// let value = [1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22];
/// let subs: Vec<_> = SubOptions::new(82, &value, 0).map(|s| s.unwrap()).collect();
/// assert_eq!(subs[0].code, 1);
/// assert_eq!(subs[0].data, b"eth0");
/// assert_eq!(subs[1].data, &[0x00, 0x11, 0x22]);
/// ```
#[derive(Debug, Clone)]
pub struct SubOptions<'a> {
    /// The sub-options not yet iterated; empty after an error.
    rest: &'a [u8],
    /// Offset of `rest[0]` in the message.
    base: Offset32,
    parent: u8,
    /// An enterprise's sub-options (RFC 3925 option 125, RFC 4243 relay
    /// sub-option 9): their codes are the vendor's, not the parent's.
    vendor: bool,
}

// Keeps `DhcpOption` at 32 bytes (see `Offset32`).
const _: () = assert!(core::mem::size_of::<SubOptions<'static>>() <= 24);

impl<'a> SubOptions<'a> {
    /// Iterates the sub-options of option `parent`'s value `data`, whose
    /// first byte is at `base`.
    pub fn new(parent: u8, data: &'a [u8], base: usize) -> Self {
        SubOptions {
            rest: data,
            base: Offset32::new(base),
            parent,
            vendor: false,
        }
    }

    /// The sub-options of one enterprise inside option `parent` (125, or 82
    /// for relay sub-option 9): errors name `parent`, but the codes are the
    /// enterprise's own, so they are never named or typed as `parent`'s.
    pub(crate) fn vendor_data(parent: u8, data: &'a [u8], base: usize) -> Self {
        SubOptions {
            vendor: true,
            ..SubOptions::new(parent, data, base)
        }
    }

    /// The bytes not yet iterated: the whole value until the first call to
    /// `next` (like [`core::slice::Iter::as_slice`]). Encoding a
    /// [`DhcpOption`](crate::DhcpOption) holding this view, and `==`, also
    /// cover only these bytes, so keep the decoded value and iterate a
    /// clone (as [`find`](Self::find) and `Display` do).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.rest
    }

    /// The parent option's code.
    pub fn parent(&self) -> u8 {
        self.parent
    }

    /// Whether these are one enterprise's sub-options (an entry of option
    /// 125, RFC 3925, or of relay sub-option 9, RFC 4243), whose codes the
    /// enterprise defines.
    pub fn is_vendor_data(&self) -> bool {
        self.vendor
    }

    /// The name of sub-option `code` here: [`sub_option_name`] of the
    /// parent, or `"Unknown"` for [vendor data](Self::is_vendor_data).
    pub fn name(&self, code: u8) -> &'static str {
        if self.vendor {
            "Unknown"
        } else {
            sub_option_name(self.parent, code)
        }
    }

    /// Checks the sub-options of option `code`'s value `data` (code byte at
    /// `offset`) and views them.
    #[inline]
    pub(crate) fn decode(
        code: crate::OptionCode,
        data: &'a [u8],
        offset: usize,
    ) -> Result<Self, Error> {
        let subs = SubOptions::new(code.0, data, offset.saturating_add(2));
        subs.validate()?;
        Ok(subs)
    }

    /// Checks every sub-option not yet iterated, returning the first error.
    ///
    /// # Errors
    /// [`Error::SubOptionOverrun`] for a sub-option running past its
    /// parent, [`Error::InvalidSubOption`] for one missing its length byte.
    pub fn validate(&self) -> Result<(), Error> {
        for sub in self.clone() {
            sub?;
        }
        Ok(())
    }

    /// The first sub-option with `code`.
    pub fn find(&self, code: u8) -> Option<SubOption<'a>> {
        self.clone().flatten().find(|s| s.code == code)
    }
}

impl<'a> Iterator for SubOptions<'a> {
    type Item = Result<SubOption<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let (&code, after_code) = self.rest.split_first()?;
        let offset = self.base.get();
        let parent = self.parent;
        let Some((&len, value_and_rest)) = after_code.split_first() else {
            self.rest = &[];
            return Some(Err(Error::InvalidSubOption {
                code: parent,
                sub_code: code,
                offset,
                expected: "a length byte, but the parent option ends",
            }));
        };
        let Some((data, rest)) = value_and_rest.split_at_checked(usize::from(len)) else {
            self.rest = &[];
            return Some(Err(Error::SubOptionOverrun {
                code: parent,
                sub_code: code,
                offset,
                len,
                available: value_and_rest.len(),
            }));
        };
        self.rest = rest;
        self.base = Offset32::new(offset.saturating_add(2 + data.len()));
        Some(Ok(SubOption { code, data, offset }))
    }
}

impl FusedIterator for SubOptions<'_> {}

impl PartialEq for SubOptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.vendor == other.vendor && self.rest == other.rest
    }
}

impl Eq for SubOptions<'_> {}

/// The name of sub-option `code` of option `parent`: the relay agent
/// sub-options of 82, the NetWare/IP sub-options of 63 (RFC 2242), the
/// CableLabs sub-options of 122 (RFC 3495), the MoS sub-options of 139 and
/// 140 (RFC 5678), the subnet allocation sub-options of 220 (RFC 6656) and
/// the PXE sub-options of 43; `"Unknown"` otherwise.
pub const fn sub_option_name(parent: u8, code: u8) -> &'static str {
    match parent {
        82 => relay_sub_option_name(code),
        43 => super::rfc4578::pxe_sub_option_name(code),
        63 => match code {
            1 => "NWIP_DOES_NOT_EXIST",
            2 => "NWIP_EXIST_IN_OPTIONS_AREA",
            3 => "NWIP_EXIST_IN_SNAME_FILE",
            4 => "NWIP_EXIST_BUT_TOO_BIG",
            5 => "NSQ_BROADCAST",
            6 => "PREFERRED_DSS",
            7 => "NEAREST_NWIP_SERVER",
            8 => "AUTORETRIES",
            9 => "AUTORETRY_SECS",
            10 => "NWIP_1_1",
            11 => "PRIMARY_DSS",
            _ => "Unknown",
        },
        122 => match code {
            1 => "TSP's Primary DHCP Server Address",
            2 => "TSP's Secondary DHCP Server Address",
            3 => "TSP's Provisioning Server Address",
            4 => "TSP's AS-REQ/AS-REP Backoff and Retry",
            5 => "TSP's AP-REQ/AP-REP Backoff and Retry",
            6 => "TSP's Kerberos Realm Name",
            7 => "TSP's Ticket Granting Server Utilization",
            8 => "TSP's Provisioning Timer Value",
            9 => "TSP's Security Ticket Control",
            10 => "KDC Server Address",
            _ => "Unknown",
        },
        139 | 140 => match code {
            1 => "IS (Information Service)",
            2 => "CS (Command Service)",
            3 => "ES (Event Service)",
            _ => "Unknown",
        },
        220 => match code {
            1 => "Prefix",
            2 => "Subnet Information",
            3 => "Subnet Name",
            _ => "Unknown",
        },
        _ => "Unknown",
    }
}

/// The name of a relay agent information (option 82) sub-option, from the
/// IANA "DHCP Relay Agent Sub-Option Codes" registry.
pub const fn relay_sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "Agent Circuit ID",
        2 => "Agent Remote ID",
        4 => "DOCSIS Device Class",
        5 => "Link Selection",
        6 => "Subscriber ID",
        7 => "RADIUS Attributes",
        8 => "Authentication",
        9 => "Vendor-Specific Information",
        10 => "Relay Agent Flags",
        11 => "Server Identifier Override",
        12 => "Relay Agent Identifier",
        13 => "Access-Technology-Type",
        14 => "Access-Network-Name",
        15 => "Access-Point-Name",
        16 => "Access-Point-BSSID",
        17 => "Operator-Identifier",
        18 => "Operator-Realm",
        19 => "Relay Source Port",
        151 => "Virtual Subnet Selection",
        152 => "Virtual Subnet Selection Control",
        _ => "Unknown",
    }
}

impl fmt::Display for SubOption<'_> {
    /// As a sub-option of 82: `Name SubOption N, length L: value`, the
    /// value typed (see [`SubOption::decode_relay`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} SubOption {}, length {}: ",
            relay_sub_option_name(self.code),
            self.code,
            self.data.len(),
        )?;
        match self.decode_relay() {
            Ok(v) => write!(f, "{v}"),
            Err(_) => write!(f, "{}", crate::fmt::TextOrHex(self.data)),
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
        for (i, sub) in self.clone().flatten().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if self.parent == 82 && !self.vendor {
                write!(f, "{sub}")?;
                continue;
            }
            write!(
                f,
                "{} SubOption {}, length {}: ",
                self.name(sub.code),
                sub.code,
                sub.data.len()
            )?;
            match self.parent {
                139 => match super::typed::Ipv4List::new(sub.data) {
                    Some(list) => write!(f, "{list}")?,
                    None => write!(f, "{}", crate::fmt::Hex(sub.data))?,
                },
                140 => match super::dns::DomainList::check(140, sub.data, 0) {
                    Ok(names) => write!(f, "{names}")?,
                    Err(_) => write!(f, "{}", crate::fmt::Hex(sub.data))?,
                },
                _ => write!(f, "{}", crate::fmt::TextOrHex(sub.data))?,
            }
        }
        Ok(())
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
                m.serialize_entry("data", &super::typed::json::hex(self.sub.data))?;
                if self.subs.parent == 82 && self.subs.vendor {
                    // Vendor data inside relay sub-option 9 had a `value`
                    // (wrongly typed as a relay sub-option); it stays, as
                    // the bytes in hex, like the value of an unknown option.
                    m.serialize_entry("value", &super::typed::json::hex(self.sub.data))?;
                } else if self.subs.parent == 82 {
                    if let Ok(v) = self.sub.decode_relay() {
                        m.serialize_entry("value", &v)?;
                    }
                }
                m.end()
            }
        }
    }
}
