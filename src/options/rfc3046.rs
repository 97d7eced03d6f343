//! Relay agent information (82, RFC 3046) sub-options, typed: RFC 3046
//! (1, 2), 3256 (4), 3527 (5), 3993 (6), 4014 (7), 4030 (8), 4243 (9),
//! 5010 (10), 5107 (11), 6925 (12), 7839 (13–18), 8357 (19) and 6607
//! (151, 152).
//!
//! [`DhcpOption::RelayAgentInformation`](crate::DhcpOption) checks the
//! sub-option framing; [`SubOption::decode_relay`] types one sub-option,
//! an error for that sub-option only.

use core::fmt;
use core::net::Ipv4Addr;

use super::common::SubOption;
use super::common::Text;
use super::rfc3925::VendorOptions;
use super::rfc6607::VirtualSubnet;
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::{Hex, TextOrHex};

/// A relay agent information sub-option, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RelaySubOption<'a> {
    /// 1: agent circuit ID (opaque; RFC 3046 §3.1).
    CircuitId(&'a [u8]),
    /// 2: agent remote ID (opaque; RFC 3046 §3.2).
    RemoteId(&'a [u8]),
    /// 4: DOCSIS device class (RFC 3256).
    DocsisDeviceClass(u32),
    /// 5: link selection (RFC 3527).
    LinkSelection(Ipv4Addr),
    /// 6: subscriber ID (RFC 3993).
    SubscriberId(Text<'a>),
    /// 7: RADIUS attributes (RFC 4014), as RADIUS TLVs.
    RadiusAttributes(&'a [u8]),
    /// 8: authentication (RFC 4030).
    Authentication {
        /// Algorithm (1 HMAC-SHA1).
        algorithm: u8,
        /// Replay detection method.
        rdm: u8,
        /// Replay detection value.
        replay_detection: u64,
        /// Authentication information.
        info: &'a [u8],
    },
    /// 9: vendor-specific information (RFC 4243), in the option 125 format.
    VendorSpecific(VendorOptions<'a>),
    /// 10: relay agent flags (RFC 5010); 0x80 is "unicast".
    Flags(u8),
    /// 11: server identifier override (RFC 5107).
    ServerIdentifierOverride(Ipv4Addr),
    /// 12: relay agent identifier (RFC 6925).
    RelayId(&'a [u8]),
    /// 13: access technology type (RFC 7839).
    AccessTechnologyType(u16),
    /// 14: access network name (RFC 7839).
    AccessNetworkName(Text<'a>),
    /// 15: access point name (RFC 7839).
    AccessPointName(Text<'a>),
    /// 16: access point BSSID (RFC 7839).
    AccessPointBssid([u8; 6]),
    /// 17: operator identifier, an enterprise number (RFC 7839).
    OperatorId(u32),
    /// 18: operator realm (RFC 7839).
    OperatorRealm(Text<'a>),
    /// 19: relay source port (RFC 8357).
    RelaySourcePort(u16),
    /// 151: virtual subnet selection (RFC 6607).
    VirtualSubnetSelection(VirtualSubnet<'a>),
    /// 152: virtual subnet selection control (RFC 6607, empty).
    VirtualSubnetSelectionControl,
    /// Any other sub-option.
    Unknown {
        /// Sub-option code.
        code: u8,
        /// Raw value.
        data: &'a [u8],
    },
}

impl<'a> SubOption<'a> {
    /// Types this sub-option of option 82.
    ///
    /// ```
    /// use dhcpwire::options::relay::SubOption;
    /// use dhcpwire::options::rfc3046::RelaySubOption;
    /// let link = SubOption { code: 5, data: &[192, 0, 2, 0], offset: 0 };
    /// assert_eq!(link.decode_relay().unwrap(), RelaySubOption::LinkSelection([192, 0, 2, 0].into()));
    /// assert_eq!(link.decode_relay().unwrap().to_string(), "192.0.2.0");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidSubOption`] when the value is malformed for the
    /// type (at the sub-option's code byte, or inside sub-option 9 at the
    /// entry that is wrong), or [`Error::SubOptionOverrun`] for a nested
    /// sub-option of sub-option 9 that runs past its entry.
    pub fn decode_relay(&self) -> Result<RelaySubOption<'a>, Error> {
        let data = self.data;
        let bad = |expected: &'static str| Error::InvalidSubOption {
            code: 82,
            sub_code: self.code,
            offset: self.offset,
            expected,
        };
        let ip = |e| {
            <[u8; 4]>::try_from(data)
                .map(Ipv4Addr::from)
                .map_err(|_| bad(e))
        };
        let text = |e| {
            if data.is_empty() {
                Err(bad(e))
            } else {
                Ok(Text(data))
            }
        };
        let non_empty = |e| {
            if data.is_empty() {
                Err(bad(e))
            } else {
                Ok(data)
            }
        };
        Ok(match self.code {
            1 => {
                RelaySubOption::CircuitId(non_empty("sub-option 1 (circuit ID): at least 1 byte")?)
            }
            2 => RelaySubOption::RemoteId(non_empty("sub-option 2 (remote ID): at least 1 byte")?),
            4 => RelaySubOption::DocsisDeviceClass(
                <[u8; 4]>::try_from(data)
                    .map(u32::from_be_bytes)
                    .map_err(|_| bad("sub-option 4 (DOCSIS device class): 4 bytes"))?,
            ),
            5 => RelaySubOption::LinkSelection(ip("sub-option 5 (link selection): 4 bytes")?),
            6 => {
                RelaySubOption::SubscriberId(text("sub-option 6 (subscriber ID): at least 1 byte")?)
            }
            7 => {
                if !radius_ok(data) {
                    return Err(bad(
                        "sub-option 7 (RADIUS attributes): RADIUS attributes (type, length >= 2, value)",
                    ));
                }
                RelaySubOption::RadiusAttributes(data)
            }
            8 => match data.split_first_chunk::<10>() {
                Some((&[algorithm, rdm, r0, r1, r2, r3, r4, r5, r6, r7], info)) => {
                    RelaySubOption::Authentication {
                        algorithm,
                        rdm,
                        replay_detection: u64::from_be_bytes([r0, r1, r2, r3, r4, r5, r6, r7]),
                        info,
                    }
                }
                None => return Err(bad("sub-option 8 (authentication): at least 10 bytes")),
            },
            9 => RelaySubOption::VendorSpecific(
                VendorOptions::check(OptionCode::RELAY_AGENT_INFORMATION, data, self.offset)
                    .map_err(|e| match e {
                        Error::InvalidLength { expected, .. }
                        | Error::InvalidValue { expected, .. } => Error::InvalidSubOption {
                            code: 82,
                            sub_code: 9,
                            offset: e.offset(),
                            expected,
                        },
                        other => other,
                    })?,
            ),
            10 => match data {
                [v] => RelaySubOption::Flags(*v),
                _ => return Err(bad("sub-option 10 (flags): 1 byte")),
            },
            11 => RelaySubOption::ServerIdentifierOverride(ip(
                "sub-option 11 (server identifier override): 4 bytes",
            )?),
            12 => RelaySubOption::RelayId(non_empty("sub-option 12 (relay ID): at least 1 byte")?),
            13 => match data {
                [a, b] => RelaySubOption::AccessTechnologyType(u16::from_be_bytes([*a, *b])),
                _ => return Err(bad("sub-option 13 (access technology type): 2 bytes")),
            },
            14 => RelaySubOption::AccessNetworkName(text(
                "sub-option 14 (access network name): at least 1 byte",
            )?),
            15 => RelaySubOption::AccessPointName(text(
                "sub-option 15 (access point name): at least 1 byte",
            )?),
            16 => RelaySubOption::AccessPointBssid(
                <[u8; 6]>::try_from(data)
                    .map_err(|_| bad("sub-option 16 (access point BSSID): 6 bytes"))?,
            ),
            17 => RelaySubOption::OperatorId(
                <[u8; 4]>::try_from(data)
                    .map(u32::from_be_bytes)
                    .map_err(|_| bad("sub-option 17 (operator identifier): 4 bytes"))?,
            ),
            18 => RelaySubOption::OperatorRealm(text(
                "sub-option 18 (operator realm): at least 1 byte",
            )?),
            19 => match data {
                [a, b] => RelaySubOption::RelaySourcePort(u16::from_be_bytes([*a, *b])),
                _ => return Err(bad("sub-option 19 (relay source port): 2 bytes")),
            },
            151 => RelaySubOption::VirtualSubnetSelection(
                VirtualSubnet::parse(data)
                    .ok_or_else(|| bad("sub-option 151 (VSS): a type byte and its identifier"))?,
            ),
            152 if data.is_empty() => RelaySubOption::VirtualSubnetSelectionControl,
            152 => return Err(bad("sub-option 152 (VSS control): 0 bytes")),
            code => RelaySubOption::Unknown { code, data },
        })
    }
}

/// RADIUS attributes: type, length (including the 2-byte header), value.
fn radius_ok(mut data: &[u8]) -> bool {
    if data.is_empty() {
        return false;
    }
    while let Some((&[_, len], _)) = data.split_first_chunk::<2>() {
        match data.get(usize::from(len)..) {
            Some(rest) if len >= 2 => data = rest,
            _ => return false,
        }
    }
    data.is_empty()
}

impl RelaySubOption<'_> {
    /// The sub-option code.
    pub fn code(&self) -> u8 {
        match self {
            RelaySubOption::CircuitId(_) => 1,
            RelaySubOption::RemoteId(_) => 2,
            RelaySubOption::DocsisDeviceClass(_) => 4,
            RelaySubOption::LinkSelection(_) => 5,
            RelaySubOption::SubscriberId(_) => 6,
            RelaySubOption::RadiusAttributes(_) => 7,
            RelaySubOption::Authentication { .. } => 8,
            RelaySubOption::VendorSpecific(_) => 9,
            RelaySubOption::Flags(_) => 10,
            RelaySubOption::ServerIdentifierOverride(_) => 11,
            RelaySubOption::RelayId(_) => 12,
            RelaySubOption::AccessTechnologyType(_) => 13,
            RelaySubOption::AccessNetworkName(_) => 14,
            RelaySubOption::AccessPointName(_) => 15,
            RelaySubOption::AccessPointBssid(_) => 16,
            RelaySubOption::OperatorId(_) => 17,
            RelaySubOption::OperatorRealm(_) => 18,
            RelaySubOption::RelaySourcePort(_) => 19,
            RelaySubOption::VirtualSubnetSelection(_) => 151,
            RelaySubOption::VirtualSubnetSelectionControl => 152,
            RelaySubOption::Unknown { code, .. } => *code,
        }
    }

    /// The registered name of the sub-option.
    pub fn name(&self) -> &'static str {
        relay_sub_option_name(self.code())
    }
}

impl fmt::Display for RelaySubOption<'_> {
    /// The value alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RelaySubOption::CircuitId(d)
            | RelaySubOption::RemoteId(d)
            | RelaySubOption::RelayId(d) => {
                write!(f, "{}", TextOrHex(d))
            }
            RelaySubOption::DocsisDeviceClass(v) => write!(f, "{v:#010x}"),
            RelaySubOption::LinkSelection(a) | RelaySubOption::ServerIdentifierOverride(a) => {
                write!(f, "{a}")
            }
            RelaySubOption::SubscriberId(t)
            | RelaySubOption::AccessNetworkName(t)
            | RelaySubOption::AccessPointName(t)
            | RelaySubOption::OperatorRealm(t) => write!(f, "\"{t}\""),
            RelaySubOption::RadiusAttributes(d) => write!(f, "{}", Hex(d)),
            RelaySubOption::Authentication {
                algorithm,
                rdm,
                replay_detection,
                info,
            } => write!(
                f,
                "algorithm {algorithm}, RDM {rdm}, replay detection {replay_detection:#018x}, info {}",
                Hex(info)
            ),
            RelaySubOption::VendorSpecific(v) => write!(f, "{v}"),
            RelaySubOption::Flags(v) => {
                write!(f, "{v:#04x}")?;
                if v & 0x80 != 0 {
                    f.write_str(" [unicast]")?;
                }
                Ok(())
            }
            RelaySubOption::AccessTechnologyType(v) | RelaySubOption::RelaySourcePort(v) => {
                write!(f, "{v}")
            }
            RelaySubOption::AccessPointBssid(b) => write!(f, "{}", Hex(b)),
            RelaySubOption::OperatorId(v) => write!(f, "enterprise {v}"),
            RelaySubOption::VirtualSubnetSelection(v) => write!(f, "{v}"),
            RelaySubOption::VirtualSubnetSelectionControl => f.write_str("present"),
            RelaySubOption::Unknown { data, .. } => write!(f, "{}", TextOrHex(data)),
        }
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for RelaySubOption<'_> {
    /// Addresses and text as strings, numbers as numbers, opaque bytes as
    /// hex, structures as objects.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::json::{Str, hex};
        use serde::ser::SerializeMap;
        match self {
            RelaySubOption::CircuitId(d)
            | RelaySubOption::RemoteId(d)
            | RelaySubOption::RelayId(d)
            | RelaySubOption::RadiusAttributes(d)
            | RelaySubOption::Unknown { data: d, .. } => hex(d).serialize(s),
            RelaySubOption::DocsisDeviceClass(v) | RelaySubOption::OperatorId(v) => {
                s.serialize_u32(*v)
            }
            RelaySubOption::LinkSelection(a) | RelaySubOption::ServerIdentifierOverride(a) => {
                s.collect_str(a)
            }
            RelaySubOption::SubscriberId(t)
            | RelaySubOption::AccessNetworkName(t)
            | RelaySubOption::AccessPointName(t)
            | RelaySubOption::OperatorRealm(t) => t.serialize(s),
            RelaySubOption::Authentication {
                algorithm,
                rdm,
                replay_detection,
                info,
            } => {
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry("algorithm", algorithm)?;
                m.serialize_entry("rdm", rdm)?;
                m.serialize_entry("replay_detection", replay_detection)?;
                m.serialize_entry("info", &hex(info))?;
                m.end()
            }
            RelaySubOption::VendorSpecific(v) => v.serialize(s),
            RelaySubOption::Flags(v) => s.serialize_u8(*v),
            RelaySubOption::AccessTechnologyType(v) | RelaySubOption::RelaySourcePort(v) => {
                s.serialize_u16(*v)
            }
            RelaySubOption::AccessPointBssid(b) => Str(Hex(b)).serialize(s),
            RelaySubOption::VirtualSubnetSelection(v) => v.serialize(s),
            RelaySubOption::VirtualSubnetSelectionControl => s.serialize_bool(true),
        }
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
            Err(_) => write!(f, "{}", TextOrHex(self.data)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_sub_option_has_its_name() {
        // IANA "DHCP Relay Agent Sub-Option Codes" (3 is reserved).
        let names = [
            (1, "Agent Circuit ID"),
            (2, "Agent Remote ID"),
            (4, "DOCSIS Device Class"),
            (5, "Link Selection"),
            (6, "Subscriber ID"),
            (7, "RADIUS Attributes"),
            (8, "Authentication"),
            (9, "Vendor-Specific Information"),
            (10, "Relay Agent Flags"),
            (11, "Server Identifier Override"),
            (12, "Relay Agent Identifier"),
            (13, "Access-Technology-Type"),
            (14, "Access-Network-Name"),
            (15, "Access-Point-Name"),
            (16, "Access-Point-BSSID"),
            (17, "Operator-Identifier"),
            (18, "Operator-Realm"),
            (19, "Relay Source Port"),
            (151, "Virtual Subnet Selection"),
            (152, "Virtual Subnet Selection Control"),
        ];
        for (code, name) in names {
            assert_eq!(relay_sub_option_name(code), name, "sub-option {code}");
        }
        for code in [0, 3, 20, 150, 153, 255] {
            assert_eq!(relay_sub_option_name(code), "Unknown", "sub-option {code}");
        }
    }
}
