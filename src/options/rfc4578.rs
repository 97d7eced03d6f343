//! RFC 4578 PXE options (93 client system architecture, 94 client network
//! interface identifier, 97 client machine identifier) and the PXE
//! sub-options of option 43 (PXE specification 2.1, §2.4), decoded as PXE
//! when the message's option 60 starts with `PXEClient`.

use core::fmt;
use core::iter::FusedIterator;
use core::net::Ipv4Addr;

use super::common::Text;
use super::rfc2132::U16List;
use super::value::{Length, Offset32, OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::{Hex, TextOrHex, join};
use crate::tlv::{self, Step};

/// The name of a client system architecture type (IANA "Processor
/// Architecture Types", RFC 4578 §2.1 and later assignments).
pub const fn arch_name(arch: u16) -> &'static str {
    match arch {
        0 => "x86 BIOS",
        1 => "NEC/PC98",
        2 => "Itanium",
        3 => "DEC Alpha",
        4 => "Arc x86",
        5 => "Intel Lean Client",
        6 => "x86 UEFI",
        7 => "x64 UEFI",
        8 => "EFI Xscale",
        9 => "EBC",
        10 => "ARM 32-bit UEFI",
        11 => "ARM 64-bit UEFI",
        12 => "PowerPC Open Firmware",
        13 => "PowerPC ePAPR",
        14 => "POWER OPAL v3",
        15 => "x86 UEFI HTTP",
        16 => "x64 UEFI HTTP",
        17 => "EBC HTTP",
        18 => "ARM 32-bit UEFI HTTP",
        19 => "ARM 64-bit UEFI HTTP",
        20 => "x86 BIOS HTTP",
        21 => "ARM 32-bit uboot",
        22 => "ARM 64-bit uboot",
        23 => "ARM 32-bit uboot HTTP",
        24 => "ARM 64-bit uboot HTTP",
        25 => "RISC-V 32-bit UEFI",
        26 => "RISC-V 32-bit UEFI HTTP",
        27 => "RISC-V 64-bit UEFI",
        28 => "RISC-V 64-bit UEFI HTTP",
        29 => "RISC-V 128-bit UEFI",
        30 => "RISC-V 128-bit UEFI HTTP",
        31 => "s390 Basic",
        32 => "s390 Extended",
        33 => "MIPS 32-bit UEFI",
        34 => "MIPS 64-bit UEFI",
        35 => "Sunway 32-bit UEFI",
        36 => "Sunway 64-bit UEFI",
        37 => "LoongArch 32-bit UEFI",
        38 => "LoongArch 32-bit UEFI HTTP",
        39 => "LoongArch 64-bit UEFI",
        40 => "LoongArch 64-bit UEFI HTTP",
        41 => "ARM rpiboot",
        _ => "unknown",
    }
}

/// Option 93: the client's architectures, in order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArchList<'a>(pub U16List<'a>);

impl<'a> ArchList<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0.as_bytes()
    }

    /// The architecture types.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = u16> + FusedIterator + 'a {
        self.0.iter()
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        U16List::decode(code, data, offset).map(ArchList)
    }
}

super::value::borrowed!(
    ArchList,
    ArchList::decode,
    Length::Items { min: 2, unit: 2 }
);

impl fmt::Display for ArchList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ", ", |f, a| {
            write!(f, "{} ({a})", arch_name(a))
        })
    }
}

/// Option 94: interface type (1 = UNDI) and its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NetworkInterfaceId {
    /// Interface type; 1 is UNDI.
    pub kind: u8,
    /// Major version.
    pub major: u8,
    /// Minor version.
    pub minor: u8,
}

impl OptionData<'_> for NetworkInterfaceId {
    const LENGTH: Length = Length::Fixed(3);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [kind, major, minor] => Ok(NetworkInterfaceId {
                kind: *kind,
                major: *major,
                minor: *minor,
            }),
            _ => Err(invalid_len(code, data, offset, "3 bytes")),
        }
    }
    fn encoded_len(&self) -> usize {
        3
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.kind, self.major, self.minor]);
    }
}

impl fmt::Display for NetworkInterfaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == 1 {
            write!(f, "UNDI {}.{}", self.major, self.minor)
        } else {
            write!(f, "type {} {}.{}", self.kind, self.major, self.minor)
        }
    }
}

/// Option 97: identifier type (0 = GUID, 16 bytes) and identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MachineId<'a> {
    /// Identifier type; 0 is a 16-byte GUID.
    pub kind: u8,
    /// The identifier.
    pub id: &'a [u8],
}

impl<'a> OptionData<'a> for MachineId<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data.split_first() {
            Some((0, id)) if id.len() != 16 => Err(invalid_len(
                code,
                data,
                offset,
                "17 bytes (type 0, a 16-byte GUID)",
            )),
            Some((kind, id)) => Ok(MachineId { kind: *kind, id }),
            None => Err(invalid_len(code, data, offset, "at least 1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1 + self.id.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.kind]);
        sink(self.id);
    }
}

impl fmt::Display for MachineId<'_> {
    /// A GUID as `a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90` (bytes in wire order).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.id) {
            (0, [a, b, c, d, e, g, h, i, j, k, rest @ ..]) => {
                write!(
                    f,
                    "GUID {a:02x}{b:02x}{c:02x}{d:02x}-{e:02x}{g:02x}-{h:02x}{i:02x}-{j:02x}{k:02x}-"
                )?;
                for x in rest {
                    write!(f, "{x:02x}")?;
                }
                Ok(())
            }
            (k, id) => write!(f, "type {k} {}", Hex(id)),
        }
    }
}

/// The name of a PXE sub-option of option 43.
pub const fn pxe_sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "PXE_MTFTP_IP",
        2 => "PXE_MTFTP_CPORT",
        3 => "PXE_MTFTP_SPORT",
        4 => "PXE_MTFTP_TMOUT",
        5 => "PXE_MTFTP_DELAY",
        6 => "PXE_DISCOVERY_CONTROL",
        7 => "PXE_DISCOVERY_MCAST_ADDR",
        8 => "PXE_BOOT_SERVERS",
        9 => "PXE_BOOT_MENU",
        10 => "PXE_MENU_PROMPT",
        11 => "PXE_MCAST_ADDRS_ALLOC",
        12 => "PXE_CREDENTIAL_TYPES",
        71 => "PXE_BOOT_ITEM",
        128..=254 => "Vendor",
        _ => "Unknown",
    }
}

/// Option 43: opaque vendor data, with a view of its encapsulated
/// sub-options (`code len value`, PAD 0 skipped, END 255 stops; RFC 2132
/// §8.4). [`DhcpOption::decode`](crate::DhcpOption::decode) gives the
/// generic form, whose sub-option view may fail lazily (the value is
/// opaque by RFC 2132); [`decode_vendor_specific`] checks it as PXE when
/// the vendor class says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorSpecific<'a> {
    data: &'a [u8],
    base: Offset32,
    pxe: bool,
}

// Keeps `DhcpOption` at 32 bytes (see `Offset32`).
const _: () = assert!(core::mem::size_of::<VendorSpecific<'static>>() <= 24);

impl<'a> VendorSpecific<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.data
    }

    /// Whether the value was decoded (and checked) as PXE sub-options.
    pub fn is_pxe(&self) -> bool {
        self.pxe
    }

    /// The encapsulated sub-options; fused after the first error.
    pub fn sub_options(&self) -> VendorSubOptions<'a> {
        VendorSubOptions {
            data: self.data,
            base: self.base.get(),
            pos: 0,
            done: false,
        }
    }

    /// The PXE sub-options, typed; errors for sub-options malformed for
    /// their PXE type.
    pub fn pxe_sub_options(&self) -> impl Iterator<Item = Result<PxeSubOption<'a>, Error>> + 'a {
        let base = self.base.get();
        self.sub_options()
            .map(move |s| s.and_then(|s| PxeSubOption::decode(s.code, s.data, s.offset, base)))
    }
}

impl<'a> OptionData<'a> for VendorSpecific<'a> {
    const LENGTH: Length = Length::Items { min: 1, unit: 1 };
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            return Err(invalid_len(code, data, offset, "at least 1 byte"));
        }
        Ok(VendorSpecific {
            data,
            base: Offset32::new(offset.saturating_add(2)),
            pxe: false,
        })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data)
    }
}

/// Decodes option 43's value `data` (code byte at `offset`) for a message
/// whose vendor class identifier (option 60) is `vendor_class`: as PXE
/// sub-options, every one checked, when it starts with `PXEClient`;
/// otherwise as the generic opaque form.
///
/// ```
/// use dhcpwire::options::rfc4578::{decode_vendor_specific, PxeSubOption};
/// // Discovery control 3 (no broadcast, no multicast), END.
/// let v = decode_vendor_specific(&[6, 1, 3, 255], 0, Some(b"PXEClient:Arch:00000")).unwrap();
/// assert!(v.is_pxe());
/// let subs: Vec<_> = v.pxe_sub_options().collect::<Result<_, _>>().unwrap();
/// assert_eq!(subs, [PxeSubOption::DiscoveryControl(3)]);
/// ```
///
/// # Errors
/// For PXE: [`Error::SubOptionOverrun`] for a sub-option running past the
/// value, [`Error::InvalidSubOption`] at a sub-option malformed for its type.
pub fn decode_vendor_specific<'a>(
    data: &'a [u8],
    offset: usize,
    vendor_class: Option<&[u8]>,
) -> Result<VendorSpecific<'a>, Error> {
    let mut v =
        <VendorSpecific<'a> as OptionData<'a>>::decode(OptionCode::VENDOR_SPECIFIC, data, offset)?;
    if vendor_class.is_some_and(|c| c.starts_with(b"PXEClient")) {
        v.pxe = true;
        for sub in v.pxe_sub_options() {
            sub?;
        }
    }
    Ok(v)
}

/// One encapsulated sub-option of option 43.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorSubOption<'a> {
    /// Sub-option code.
    pub code: u8,
    /// Sub-option value.
    pub data: &'a [u8],
    /// Offset of the sub-option's code byte.
    pub offset: usize,
}

/// Iterator over the sub-options of option 43; fused after the first error.
#[derive(Debug, Clone)]
pub struct VendorSubOptions<'a> {
    data: &'a [u8],
    base: usize,
    pos: usize,
    done: bool,
}

impl<'a> VendorSubOptions<'a> {
    /// The bytes after END, once the walk reached it.
    pub fn trailing(&self) -> &'a [u8] {
        if self.done {
            self.data.get(self.pos..).unwrap_or(&[])
        } else {
            &[]
        }
    }
}

impl<'a> Iterator for VendorSubOptions<'a> {
    type Item = Result<VendorSubOption<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            let at = self.pos;
            let offset = self.base.saturating_add(at);
            let error = match tlv::step(self.data, at, true) {
                Step::Pad => {
                    self.pos = at + 1;
                    continue;
                }
                Step::End => {
                    self.pos = at + 1;
                    self.done = true;
                    return None;
                }
                Step::Exhausted => {
                    self.done = true;
                    return None;
                }
                Step::Item {
                    code, value, next, ..
                } => {
                    self.pos = next;
                    return Some(Ok(VendorSubOption {
                        code,
                        data: value,
                        offset,
                    }));
                }
                failed => failed.sub_option_error(43, offset)?,
            };
            self.done = true;
            self.pos = self.data.len();
            return Some(Err(error));
        }
    }
}

impl FusedIterator for VendorSubOptions<'_> {}

/// A PXE sub-option of option 43, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PxeSubOption<'a> {
    /// 1: multicast TFTP server address.
    MtftpIp(Ipv4Addr),
    /// 2: MTFTP client port.
    MtftpClientPort(u16),
    /// 3: MTFTP server port.
    MtftpServerPort(u16),
    /// 4: MTFTP listen timeout, seconds.
    MtftpTimeout(u8),
    /// 5: MTFTP delay, seconds.
    MtftpDelay(u8),
    /// 6: discovery control bits (1 no broadcast, 2 no multicast, 4 only
    /// listed servers, 8 boot file name given).
    DiscoveryControl(u8),
    /// 7: discovery multicast address.
    DiscoveryMulticastAddress(Ipv4Addr),
    /// 8: boot servers by type.
    BootServers(BootServers<'a>),
    /// 9: boot menu entries.
    BootMenu(BootMenu<'a>),
    /// 10: menu prompt.
    MenuPrompt {
        /// Seconds to wait (255: wait for a key, 0: boot the first item).
        timeout: u8,
        /// The prompt text.
        prompt: Text<'a>,
    },
    /// 11: multicast address allocation (opaque).
    MulticastAddressAllocation(&'a [u8]),
    /// 12: credential types (a list of 4-byte types).
    CredentialTypes(&'a [u8]),
    /// 71: boot item type and layer.
    BootItem {
        /// Boot server type.
        kind: u16,
        /// Layer (bit 15: credentials requested).
        layer: u16,
    },
    /// Any other code (13–70, 72–254: unassigned or vendor).
    Other {
        /// Sub-option code.
        code: u8,
        /// Raw value.
        data: &'a [u8],
    },
}

impl<'a> PxeSubOption<'a> {
    fn decode(code: u8, data: &'a [u8], offset: usize, _base: usize) -> Result<Self, Error> {
        let bad = |expected: &'static str| Error::InvalidSubOption {
            code: 43,
            sub_code: code,
            offset,
            expected,
        };
        let ip = |d: &[u8]| <&[u8; 4]>::try_from(d).map(|a| Ipv4Addr::from(*a));
        let u16v = |d: &[u8]| <&[u8; 2]>::try_from(d).map(|a| u16::from_be_bytes(*a));
        Ok(match code {
            1 => PxeSubOption::MtftpIp(ip(data).map_err(|_| bad("PXE sub-option 1: 4 bytes"))?),
            2 => PxeSubOption::MtftpClientPort(
                u16v(data).map_err(|_| bad("PXE sub-option 2: 2 bytes"))?,
            ),
            3 => PxeSubOption::MtftpServerPort(
                u16v(data).map_err(|_| bad("PXE sub-option 3: 2 bytes"))?,
            ),
            4..=6 => match (code, data) {
                (4, [v]) => PxeSubOption::MtftpTimeout(*v),
                (5, [v]) => PxeSubOption::MtftpDelay(*v),
                (_, [v]) => PxeSubOption::DiscoveryControl(*v),
                _ => return Err(bad("PXE sub-options 4, 5, 6: 1 byte")),
            },
            7 => PxeSubOption::DiscoveryMulticastAddress(
                ip(data).map_err(|_| bad("PXE sub-option 7: 4 bytes"))?,
            ),
            8 => {
                if data.is_empty() || !BootServers(data).check() {
                    return Err(bad("PXE sub-option 8: servers as (type, count, addresses)"));
                }
                PxeSubOption::BootServers(BootServers(data))
            }
            9 => {
                if data.is_empty() || !BootMenu(data).check() {
                    return Err(bad(
                        "PXE sub-option 9: entries as (type, length, description)",
                    ));
                }
                PxeSubOption::BootMenu(BootMenu(data))
            }
            10 => match data.split_first() {
                Some((timeout, prompt)) => PxeSubOption::MenuPrompt {
                    timeout: *timeout,
                    prompt: Text(prompt),
                },
                None => return Err(bad("PXE sub-option 10: at least 1 byte")),
            },
            11 => PxeSubOption::MulticastAddressAllocation(data),
            12 if !data.is_empty() && data.len() % 4 == 0 => PxeSubOption::CredentialTypes(data),
            12 => return Err(bad("PXE sub-option 12: a non-zero multiple of 4 bytes")),
            71 => match data {
                [a, b, c, d] => PxeSubOption::BootItem {
                    kind: u16::from_be_bytes([*a, *b]),
                    layer: u16::from_be_bytes([*c, *d]),
                },
                _ => return Err(bad("PXE sub-option 71: 4 bytes")),
            },
            _ => PxeSubOption::Other { code, data },
        })
    }

    /// The sub-option code.
    pub fn code(&self) -> u8 {
        match self {
            PxeSubOption::MtftpIp(_) => 1,
            PxeSubOption::MtftpClientPort(_) => 2,
            PxeSubOption::MtftpServerPort(_) => 3,
            PxeSubOption::MtftpTimeout(_) => 4,
            PxeSubOption::MtftpDelay(_) => 5,
            PxeSubOption::DiscoveryControl(_) => 6,
            PxeSubOption::DiscoveryMulticastAddress(_) => 7,
            PxeSubOption::BootServers(_) => 8,
            PxeSubOption::BootMenu(_) => 9,
            PxeSubOption::MenuPrompt { .. } => 10,
            PxeSubOption::MulticastAddressAllocation(_) => 11,
            PxeSubOption::CredentialTypes(_) => 12,
            PxeSubOption::BootItem { .. } => 71,
            PxeSubOption::Other { code, .. } => *code,
        }
    }
}

impl fmt::Display for PxeSubOption<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): ",
            pxe_sub_option_name(self.code()),
            self.code()
        )?;
        match self {
            PxeSubOption::MtftpIp(a) | PxeSubOption::DiscoveryMulticastAddress(a) => {
                write!(f, "{a}")
            }
            PxeSubOption::MtftpClientPort(p) | PxeSubOption::MtftpServerPort(p) => write!(f, "{p}"),
            PxeSubOption::MtftpTimeout(s) | PxeSubOption::MtftpDelay(s) => write!(f, "{s}s"),
            PxeSubOption::DiscoveryControl(bits) => {
                write!(f, "{bits:#04x}")?;
                for (bit, name) in [
                    (1, "no broadcast"),
                    (2, "no multicast"),
                    (4, "only listed servers"),
                    (8, "boot file given"),
                ] {
                    if bits & bit != 0 {
                        write!(f, " [{name}]")?;
                    }
                }
                Ok(())
            }
            PxeSubOption::BootServers(s) => write!(f, "{s}"),
            PxeSubOption::BootMenu(m) => write!(f, "{m}"),
            PxeSubOption::MenuPrompt { timeout, prompt } => {
                write!(f, "timeout {timeout}, \"{prompt}\"")
            }
            PxeSubOption::MulticastAddressAllocation(d) | PxeSubOption::CredentialTypes(d) => {
                write!(f, "{}", Hex(d))
            }
            PxeSubOption::BootItem { kind, layer } => write!(f, "type {kind}, layer {layer}"),
            PxeSubOption::Other { data, .. } => write!(f, "{}", TextOrHex(data)),
        }
    }
}

/// PXE sub-option 8: boot servers, as (type, addresses) entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootServers<'a>(&'a [u8]);

impl<'a> BootServers<'a> {
    fn check(&self) -> bool {
        let mut it = self.iter();
        it.by_ref().for_each(drop);
        it.0.is_empty()
    }

    /// The entries: boot server type and its addresses.
    pub fn iter(&self) -> BootServerIter<'a> {
        BootServerIter(self.0)
    }
}

/// Iterator over [`BootServers`].
#[derive(Debug, Clone)]
pub struct BootServerIter<'a>(&'a [u8]);

impl<'a> Iterator for BootServerIter<'a> {
    type Item = (u16, super::common::Ipv4List<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        let ([a, b, count], rest) = self.0.split_first_chunk::<3>().map(|(h, r)| (*h, r))?;
        let (addrs, rest) = rest.split_at_checked(usize::from(count) * 4)?;
        let list = super::common::Ipv4List::new(addrs)?;
        self.0 = rest;
        Some((u16::from_be_bytes([a, b]), list))
    }
}

impl fmt::Display for BootServers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, (kind, addrs)| {
            write!(f, "type {kind}: {addrs}")
        })
    }
}

/// PXE sub-option 9: boot menu, as (type, description) entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootMenu<'a>(&'a [u8]);

impl<'a> BootMenu<'a> {
    fn check(&self) -> bool {
        let mut it = self.iter();
        it.by_ref().for_each(drop);
        it.0.is_empty()
    }

    /// The entries: boot server type and description.
    pub fn iter(&self) -> BootMenuIter<'a> {
        BootMenuIter(self.0)
    }
}

/// Iterator over [`BootMenu`].
#[derive(Debug, Clone)]
pub struct BootMenuIter<'a>(&'a [u8]);

impl<'a> Iterator for BootMenuIter<'a> {
    type Item = (u16, Text<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        let ([a, b, len], rest) = self.0.split_first_chunk::<3>().map(|(h, r)| (*h, r))?;
        let (desc, rest) = rest.split_at_checked(usize::from(len))?;
        self.0 = rest;
        Some((u16::from_be_bytes([a, b]), Text(desc)))
    }
}

impl fmt::Display for BootMenu<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, (kind, desc)| {
            write!(f, "{kind}: \"{desc}\"")
        })
    }
}

impl fmt::Display for VendorSpecific<'_> {
    /// PXE sub-options by name when decoded as PXE; `[code] value` for
    /// well-formed generic sub-options; hex otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pxe {
            return join(f, self.pxe_sub_options().flatten(), "; ", |f, s| {
                write!(f, "{s}")
            });
        }
        if self.sub_options().all(|s| s.is_ok()) {
            return join(f, self.sub_options().flatten(), "; ", |f, s| {
                write!(f, "[{}] {}", s.code, TextOrHex(s.data))
            });
        }
        write!(f, "{}", Hex(self.data))
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use crate::options::json::{Str, hex};
    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    impl Serialize for ArchList<'_> {
        /// Numbers.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter())
        }
    }

    impl Serialize for NetworkInterfaceId {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(3))?;
            m.serialize_entry("type", &self.kind)?;
            m.serialize_entry("major", &self.major)?;
            m.serialize_entry("minor", &self.minor)?;
            m.end()
        }
    }

    impl Serialize for MachineId<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("type", &self.kind)?;
            m.serialize_entry("id", &hex(self.id))?;
            m.end()
        }
    }

    impl Serialize for VendorSpecific<'_> {
        /// `{"data": "hex", "pxe": bool, "sub_options": [{"code", "name",
        /// "data"}] or null}`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(3))?;
            m.serialize_entry("data", &hex(self.data))?;
            m.serialize_entry("pxe", &self.pxe)?;
            if self.sub_options().all(|r| r.is_ok()) {
                m.serialize_entry("sub_options", &Subs(*self))?;
            } else {
                m.serialize_entry("sub_options", &())?;
            }
            m.end()
        }
    }

    struct Subs<'a>(VendorSpecific<'a>);

    impl Serialize for Subs<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let pxe = self.0.pxe;
            s.collect_seq(self.0.sub_options().flatten().map(|sub| Sub { sub, pxe }))
        }
    }

    struct Sub<'a> {
        sub: VendorSubOption<'a>,
        pxe: bool,
    }

    impl Serialize for Sub<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("code", &self.sub.code)?;
            if self.pxe {
                m.serialize_entry("name", pxe_sub_option_name(self.sub.code))?;
            }
            m.serialize_entry("data", &hex(self.sub.data))?;
            if self.pxe {
                if let Ok(v) = PxeSubOption::decode(self.sub.code, self.sub.data, 0, 0) {
                    m.serialize_entry("value", &Str(format_args!("{v}")))?;
                }
            }
            m.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_architecture_has_its_name() {
        // IANA "Processor Architecture Types", in code order from 0.
        let names = [
            "x86 BIOS",
            "NEC/PC98",
            "Itanium",
            "DEC Alpha",
            "Arc x86",
            "Intel Lean Client",
            "x86 UEFI",
            "x64 UEFI",
            "EFI Xscale",
            "EBC",
            "ARM 32-bit UEFI",
            "ARM 64-bit UEFI",
            "PowerPC Open Firmware",
            "PowerPC ePAPR",
            "POWER OPAL v3",
            "x86 UEFI HTTP",
            "x64 UEFI HTTP",
            "EBC HTTP",
            "ARM 32-bit UEFI HTTP",
            "ARM 64-bit UEFI HTTP",
            "x86 BIOS HTTP",
            "ARM 32-bit uboot",
            "ARM 64-bit uboot",
            "ARM 32-bit uboot HTTP",
            "ARM 64-bit uboot HTTP",
            "RISC-V 32-bit UEFI",
            "RISC-V 32-bit UEFI HTTP",
            "RISC-V 64-bit UEFI",
            "RISC-V 64-bit UEFI HTTP",
            "RISC-V 128-bit UEFI",
            "RISC-V 128-bit UEFI HTTP",
            "s390 Basic",
            "s390 Extended",
            "MIPS 32-bit UEFI",
            "MIPS 64-bit UEFI",
            "Sunway 32-bit UEFI",
            "Sunway 64-bit UEFI",
            "LoongArch 32-bit UEFI",
            "LoongArch 32-bit UEFI HTTP",
            "LoongArch 64-bit UEFI",
            "LoongArch 64-bit UEFI HTTP",
            "ARM rpiboot",
        ];
        for (arch, name) in (0..).zip(names) {
            assert_eq!(arch_name(arch), name, "architecture {arch}");
        }
        assert_eq!(arch_name(42), "unknown");
        assert_eq!(arch_name(u16::MAX), "unknown");
    }

    #[test]
    fn every_pxe_sub_option_has_its_name() {
        // PXE specification 2.1 §2.4, in code order from 1.
        let names = [
            "PXE_MTFTP_IP",
            "PXE_MTFTP_CPORT",
            "PXE_MTFTP_SPORT",
            "PXE_MTFTP_TMOUT",
            "PXE_MTFTP_DELAY",
            "PXE_DISCOVERY_CONTROL",
            "PXE_DISCOVERY_MCAST_ADDR",
            "PXE_BOOT_SERVERS",
            "PXE_BOOT_MENU",
            "PXE_MENU_PROMPT",
            "PXE_MCAST_ADDRS_ALLOC",
            "PXE_CREDENTIAL_TYPES",
        ];
        for (code, name) in (1..).zip(names) {
            assert_eq!(pxe_sub_option_name(code), name, "sub-option {code}");
        }
        assert_eq!(pxe_sub_option_name(71), "PXE_BOOT_ITEM");
        for code in [128, 200, 254] {
            assert_eq!(pxe_sub_option_name(code), "Vendor", "sub-option {code}");
        }
        for code in [0, 13, 70, 72, 127, 255] {
            assert_eq!(pxe_sub_option_name(code), "Unknown", "sub-option {code}");
        }
    }
}
