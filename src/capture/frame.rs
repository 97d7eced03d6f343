//! Link layer → IPv4 → UDP decoding of one captured frame, through
//! `etherparse` (SLL2, DLT_NULL and DLT_LOOP headers are stripped by hand
//! because etherparse has no slice type for them).

use std::net::SocketAddrV4;
use std::string::ToString;

use etherparse::LenSource;
use etherparse::err::{Layer as EpLayer, LenError};
use etherparse::{
    EtherType, Ethernet2Slice, IpNumber, Ipv4Slice, LinuxSllProtocolType, LinuxSllSlice,
    SingleVlanSlice, UdpSlice,
};

use super::{CaptureOptions, Datagram, FrameError, FrameErrorKind, Layer, LinkType, Timestamp};

/// Length of the Linux cooked capture v1 (SLL) header.
const SLL_HEADER_LEN: usize = 16;
/// Smallest ether type value (smaller values are 802.3 lengths or Linux
/// SLL protocol numbers).
const MIN_ETHER_TYPE: u16 = 0x0600;
/// Length of the Linux cooked capture v2 (SLL2) header.
pub(crate) const SLL2_HEADER_LEN: usize = 20;
/// Length of the BSD loopback (DLT_NULL / DLT_LOOP) header.
const NULL_HEADER_LEN: usize = 4;
/// Most VLAN tags followed (QinQ and one more).
const MAX_VLAN_TAGS: usize = 3;
/// BSD address family values for IPv6 (they differ between BSDs).
const AF_INET6_VALUES: [u32; 3] = [24, 28, 30];

/// Big-endian `u16` at `at`, or `None` when `data` is too short.
pub(crate) fn be_u16(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]))
}

/// Maps an etherparse length error (offsets relative to the slice given to
/// etherparse) to our per-frame error kind, with `base` the offset of that
/// slice in the frame.
fn len_error(err: &LenError, base: usize, layer_hint: Layer) -> FrameErrorKind {
    let layer = match err.layer {
        EpLayer::LinuxSllHeader
        | EpLayer::Ethernet2Header
        | EpLayer::EtherPayload
        | EpLayer::MacsecHeader
        | EpLayer::MacsecPacket => Layer::Link,
        EpLayer::VlanHeader => Layer::Vlan,
        EpLayer::IpHeader | EpLayer::Ipv4Header => Layer::Ipv4Header,
        EpLayer::Ipv4Packet | EpLayer::IpAuthHeader => Layer::Ipv4Packet,
        EpLayer::UdpHeader => Layer::UdpHeader,
        EpLayer::UdpPayload => Layer::UdpPayload,
        _ => layer_hint,
    };
    FrameErrorKind::Truncated {
        layer,
        offset: base.saturating_add(err.layer_start_offset),
        needed: err.required_len,
        captured: err.len,
    }
}

/// Decodes one frame of link type `link` down to the UDP payload.
pub(crate) fn decode(
    link: LinkType,
    data: &[u8],
    frame: usize,
    timestamp: Option<Timestamp>,
    opts: &CaptureOptions,
) -> Result<Datagram, FrameError> {
    decode_kind(link, data, opts)
        .map(|(payload, source, destination)| Datagram {
            frame,
            payload,
            source: Some(source),
            destination: Some(destination),
            timestamp,
        })
        .map_err(|kind| FrameError { frame, kind })
}

type Decoded = (std::vec::Vec<u8>, SocketAddrV4, SocketAddrV4);

fn decode_kind(
    link: LinkType,
    data: &[u8],
    opts: &CaptureOptions,
) -> Result<Decoded, FrameErrorKind> {
    match link {
        LinkType::Ethernet => {
            let eth = Ethernet2Slice::from_slice_without_fcs(data)
                .map_err(|e| len_error(&e, 0, Layer::Link))?;
            let payload = eth.payload();
            ether_payload(payload.ether_type, payload.payload, eth.header_len(), opts)
        }
        LinkType::LinuxSll => {
            use etherparse::err::linux_sll::{HeaderError, HeaderSliceError};
            let sll = match LinuxSllSlice::from_slice(data) {
                Ok(sll) => sll,
                Err(HeaderSliceError::Len(l)) => return Err(len_error(&l, 0, Layer::Link)),
                // etherparse only accepts five ARPHRD types, but Linux
                // writes the ether type at bytes 14..16 for the others too
                // (ip6tnl 769, loopback 772, none 0xfffe, ...): strip the
                // 16-byte header by hand and carry on with etherparse.
                Err(HeaderSliceError::Content(HeaderError::UnsupportedArpHardwareId {
                    ..
                })) => {
                    return match (be_u16(data, 14), data.get(SLL_HEADER_LEN..)) {
                        (Some(protocol), Some(rest)) if protocol >= MIN_ETHER_TYPE => {
                            ether_payload(EtherType(protocol), rest, SLL_HEADER_LEN, opts)
                        }
                        (protocol, _) => Err(FrameErrorKind::NotIpv4 {
                            ether_type: protocol.unwrap_or(0),
                        }),
                    };
                }
                Err(HeaderSliceError::Content(c)) => {
                    return Err(FrameErrorKind::InvalidLinkHeader {
                        reason: c.to_string(),
                    });
                }
            };
            let header_len = sll.header_slice().len();
            match sll.protocol_type() {
                LinuxSllProtocolType::EtherType(ether_type) => {
                    ether_payload(ether_type, sll.payload_slice(), header_len, opts)
                }
                _ => Err(FrameErrorKind::NotIpv4 {
                    ether_type: be_u16(data, 14).unwrap_or(0),
                }),
            }
        }
        LinkType::LinuxSll2 => {
            // etherparse 0.18 has no SLL2 support: the 20-byte header is
            // protocol type (2), reserved (2), interface index (4), ARPHRD
            // type (2), packet type (1), address length (1), address (8).
            let (Some(ether_type), Some(rest)) = (be_u16(data, 0), data.get(SLL2_HEADER_LEN..))
            else {
                return Err(FrameErrorKind::Truncated {
                    layer: Layer::Link,
                    offset: 0,
                    needed: SLL2_HEADER_LEN,
                    captured: data.len(),
                });
            };
            ether_payload(EtherType(ether_type), rest, SLL2_HEADER_LEN, opts)
        }
        LinkType::Null | LinkType::Loop => {
            let (Some(head), Some(rest)) =
                (data.get(..NULL_HEADER_LEN), data.get(NULL_HEADER_LEN..))
            else {
                return Err(FrameErrorKind::Truncated {
                    layer: Layer::Link,
                    offset: 0,
                    needed: NULL_HEADER_LEN,
                    captured: data.len(),
                });
            };
            let mut word = [0u8; 4];
            word.copy_from_slice(head);
            // DLT_NULL is in the capturing host's byte order, DLT_LOOP in
            // network order; accept either for both.
            let be = u32::from_be_bytes(word);
            let le = u32::from_le_bytes(word);
            let family = if link == LinkType::Loop { be } else { le };
            if be == 2 || le == 2 {
                ipv4(rest, NULL_HEADER_LEN, opts)
            } else if AF_INET6_VALUES.contains(&be) || AF_INET6_VALUES.contains(&le) {
                Err(FrameErrorKind::NotIpv4 {
                    ether_type: EtherType::IPV6.0,
                })
            } else {
                Err(FrameErrorKind::UnsupportedAddressFamily { family })
            }
        }
        LinkType::Raw => match data.first().map(|b| b >> 4) {
            Some(6) => Err(FrameErrorKind::NotIpv4 {
                ether_type: EtherType::IPV6.0,
            }),
            _ => ipv4(data, 0, opts),
        },
    }
}

/// Follows VLAN tags (802.1Q, 802.1ad, QinQ) through etherparse, then
/// decodes the IPv4 packet; `offset` is where `payload` starts in the frame.
fn ether_payload(
    mut ether_type: EtherType,
    mut payload: &[u8],
    mut offset: usize,
    opts: &CaptureOptions,
) -> Result<Decoded, FrameErrorKind> {
    let mut tags = 0;
    while matches!(
        ether_type,
        EtherType::VLAN_TAGGED_FRAME
            | EtherType::PROVIDER_BRIDGING
            | EtherType::VLAN_DOUBLE_TAGGED_FRAME
    ) && tags < MAX_VLAN_TAGS
    {
        let vlan =
            SingleVlanSlice::from_slice(payload).map_err(|e| len_error(&e, offset, Layer::Vlan))?;
        let inner = vlan.payload();
        offset = offset.saturating_add(vlan.header_slice().len());
        ether_type = inner.ether_type;
        payload = inner.payload;
        tags += 1;
    }
    if ether_type != EtherType::IPV4 {
        return Err(FrameErrorKind::NotIpv4 {
            ether_type: ether_type.0,
        });
    }
    ipv4(payload, offset, opts)
}

/// Decodes IPv4 + UDP; `offset` is where the IPv4 header starts in the frame.
fn ipv4(data: &[u8], offset: usize, opts: &CaptureOptions) -> Result<Decoded, FrameErrorKind> {
    use etherparse::err::ipv4::SliceError;
    let ip = Ipv4Slice::from_slice(data).map_err(|e| match e {
        SliceError::Len(l) if l.len_source == LenSource::Ipv4HeaderTotalLen => {
            FrameErrorKind::InvalidIpv4 {
                offset,
                reason: l.to_string(),
            }
        }
        SliceError::Len(l) => len_error(&l, offset, Layer::Ipv4Packet),
        SliceError::Header(h) => FrameErrorKind::InvalidIpv4 {
            offset,
            reason: h.to_string(),
        },
        SliceError::Exts(x) => FrameErrorKind::InvalidIpv4 {
            offset,
            reason: x.to_string(),
        },
    })?;
    let header = ip.header();
    if ip.is_payload_fragmented() {
        return Err(FrameErrorKind::Fragment {
            identification: header.identification(),
            offset_bytes: u32::from(header.fragments_offset().value()) * 8,
            more_fragments: header.more_fragments(),
        });
    }
    let protocol = ip.payload_ip_number();
    if protocol != IpNumber::UDP {
        return Err(FrameErrorKind::NotUdp {
            protocol: protocol.0,
        });
    }
    let ip_header_len = header
        .slice()
        .len()
        .saturating_add(ip.extensions().auth.map_or(0, |a| a.slice().len()));
    let udp_offset = offset.saturating_add(ip_header_len);
    let udp = UdpSlice::from_slice(ip.payload().payload).map_err(|e| {
        if e.len_source == LenSource::UdpHeaderLen {
            FrameErrorKind::InvalidUdpLength {
                offset: udp_offset,
                length: u16::try_from(e.len).unwrap_or(u16::MAX),
            }
        } else {
            len_error(&e, udp_offset, Layer::UdpPayload)
        }
    })?;
    let (sport, dport) = (udp.source_port(), udp.destination_port());
    if !opts.ports.contains(&sport) && !opts.ports.contains(&dport) {
        return Err(FrameErrorKind::NotDhcpPort {
            source_port: sport,
            destination_port: dport,
        });
    }
    Ok((
        udp.payload().to_vec(),
        SocketAddrV4::new(header.source_addr(), sport),
        SocketAddrV4::new(header.destination_addr(), dport),
    ))
}

/// Does the frame start with a plausible IPv4 header whose total length fits
/// the captured bytes?
pub(crate) fn looks_like_ipv4(data: &[u8]) -> bool {
    let (Some(&first), Some(total)) = (data.first(), be_u16(data, 2)) else {
        return false;
    };
    let ihl = usize::from(first & 0x0f) * 4;
    let total = usize::from(total);
    first >> 4 == 4 && ihl >= 20 && total >= ihl && total <= data.len()
}

/// Is `ether_type` one that a DHCP frame may carry at this point?
fn ipv4_or_vlan(ether_type: Option<u16>) -> bool {
    matches!(ether_type, Some(0x0800 | 0x8100 | 0x88a8 | 0x9100))
}

/// Do the bytes look like the start of a frame of link type `link`?
pub(crate) fn looks_like(link: LinkType, data: &[u8]) -> bool {
    match link {
        LinkType::Ethernet => ipv4_or_vlan(be_u16(data, 12)),
        // Packet type 0..=4, then an ether type at 14.
        LinkType::LinuxSll => {
            be_u16(data, 0).is_some_and(|t| t <= 4) && ipv4_or_vlan(be_u16(data, 14))
        }
        // Ether type, then a reserved zero field.
        LinkType::LinuxSll2 => ipv4_or_vlan(be_u16(data, 0)) && be_u16(data, 2) == Some(0),
        LinkType::Raw => looks_like_ipv4(data),
        LinkType::Null | LinkType::Loop => {
            matches!(data.get(..4), Some([2, 0, 0, 0] | [0, 0, 0, 2]))
        }
    }
}

/// Link-header length of `link`, for the plausibility check.
fn header_len(link: LinkType) -> usize {
    match link {
        LinkType::Ethernet => 14,
        LinkType::Raw => 0,
        LinkType::LinuxSll => SLL_HEADER_LEN,
        LinkType::LinuxSll2 => SLL2_HEADER_LEN,
        LinkType::Null | LinkType::Loop => NULL_HEADER_LEN,
    }
}

/// Does `link` fit the bytes better than raw IPv4 does? True when the link
/// header looks right and, if the bytes also read as an IPv4 packet, the
/// link header is followed by one too (an Ethernet frame from a MAC address
/// starting with 0x45..0x4f is not taken for raw IP, nor a `-x` dump from a
/// host 8.0.x.x for Ethernet).
pub(crate) fn plausible(link: LinkType, data: &[u8]) -> bool {
    let ether_type = match link {
        LinkType::Ethernet => be_u16(data, 12),
        LinkType::LinuxSll => be_u16(data, 14),
        LinkType::LinuxSll2 => be_u16(data, 0),
        LinkType::Raw | LinkType::Null | LinkType::Loop => None,
    };
    let vlan = matches!(ether_type, Some(0x8100 | 0x88a8 | 0x9100));
    looks_like(link, data)
        && (vlan
            || !looks_like_ipv4(data)
            || data.get(header_len(link)..).is_some_and(looks_like_ipv4))
}

/// Guesses the link type of a tcpdump hex dump without a `link-type` line.
pub(crate) fn guess_link(data: &[u8]) -> Option<LinkType> {
    if looks_like_ipv4(data) && !plausible(LinkType::Ethernet, data) {
        Some(LinkType::Raw)
    } else if looks_like(LinkType::Ethernet, data) {
        Some(LinkType::Ethernet)
    } else if ipv4_or_vlan(be_u16(data, 14)) {
        Some(LinkType::LinuxSll)
    } else if ipv4_or_vlan(be_u16(data, 0)) {
        Some(LinkType::LinuxSll2)
    } else if looks_like(LinkType::Null, data) {
        Some(LinkType::Null)
    } else {
        None
    }
}
