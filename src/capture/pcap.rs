//! pcap and pcapng files, through `pcap-parser`.

use std::string::ToString;
use std::vec::Vec;

use pcap_parser::nom;
use pcap_parser::pcapng::{
    Block, EPB_MAGIC, SPB_MAGIC, parse_block_be, parse_block_le, parse_sectionheaderblock,
};
use pcap_parser::{
    PcapError, parse_pcap_frame, parse_pcap_frame_be, parse_pcap_frame_modified, parse_pcap_header,
};

use super::frame::decode;
use super::{
    CaptureError, CaptureOptions, Datagram, FrameError, FrameErrorKind, Frames, LinkType, Timestamp,
};

/// Length of a legacy pcap record header (or the "modified" one).
const RECORD_HEADER_LEN: usize = 16;
const MODIFIED_RECORD_HEADER_LEN: usize = 24;
/// Obsolete pcapng Packet Block type.
const OPB_MAGIC: u32 = 0x0000_0002;

fn nom_reason(err: &nom::Err<PcapError<&[u8]>>) -> std::string::String {
    match err {
        nom::Err::Incomplete(nom::Needed::Size(n)) => {
            std::format!("expected {n} more bytes, the file ends")
        }
        nom::Err::Incomplete(nom::Needed::Unknown) => "the file ends too early".to_string(),
        nom::Err::Error(e) | nom::Err::Failure(e) => match e {
            PcapError::NomError(_, kind) | PcapError::OwnedNomError(_, kind) => {
                std::format!("malformed structure ({kind:?})")
            }
            other => other.to_string(),
        },
    }
}

fn link_or_error(code: u32) -> Result<LinkType, FrameErrorKind> {
    LinkType::from_linktype(code).ok_or(FrameErrorKind::UnsupportedLinkType { link_type: code })
}

/// Reads a legacy pcap file (either byte order, micro- or nanosecond).
pub(crate) fn read_legacy(input: &[u8], opts: &CaptureOptions) -> Result<Frames, CaptureError> {
    let (mut rest, header) = parse_pcap_header(input).map_err(|e| CaptureError::InvalidPcap {
        offset: 0,
        reason: match e {
            nom::Err::Error(PcapError::HeaderNotRecognized) => match input.get(..4) {
                Some([0xa1, 0xb2, 0xcd, 0x34]) => {
                    "big-endian modified pcap (a1b2cd34) is not supported: pcap-parser reads the modified format little-endian only (34cdb2a1)"
                        .to_string()
                }
                _ => "expected a pcap magic number (a1b2c3d4, d4c3b2a1, a1b23c4d, 4d3cb2a1 or 34cdb2a1)"
                    .to_string(),
            },
            other => std::format!("24-byte file header: {}", nom_reason(&other)),
        },
    })?;
    // The link type is the low 16 bits; the upper bits may carry FCS flags.
    let link_code = u32::from_ne_bytes(header.network.0.to_ne_bytes()) & 0xffff;
    let link = link_or_error(link_code);
    let nanos = header.is_nanosecond_precision();
    type ParseFrame =
        for<'a> fn(
            &'a [u8],
        )
            -> nom::IResult<&'a [u8], pcap_parser::LegacyPcapBlock<'a>, PcapError<&'a [u8]>>;
    let (parse, record_len): (ParseFrame, usize) = if header.is_modified_format() {
        (parse_pcap_frame_modified, MODIFIED_RECORD_HEADER_LEN)
    } else if header.is_bigendian() {
        (parse_pcap_frame_be, RECORD_HEADER_LEN)
    } else {
        (parse_pcap_frame, RECORD_HEADER_LEN)
    };
    let mut frames = Vec::new();
    let mut number = 0usize;
    while !rest.is_empty() {
        number = number.saturating_add(1);
        let offset = input.len().saturating_sub(rest.len());
        match parse(rest) {
            Ok((next, record)) => {
                let nanos = if nanos {
                    record.ts_usec
                } else {
                    record.ts_usec.saturating_mul(1000)
                };
                let timestamp = Timestamp::Unix {
                    secs: u64::from(record.ts_sec),
                    nanos,
                };
                frames.push(match &link {
                    Ok(link) => decode(*link, record.data, number, Some(timestamp), opts),
                    Err(kind) => Err(FrameError {
                        frame: number,
                        kind: kind.clone(),
                    }),
                });
                rest = next;
            }
            Err(_) => {
                // Only running out of bytes can fail here: the file was cut
                // inside this record (tcpdump killed mid-write, say).
                let caplen = u32_at(rest, 8, header.is_bigendian());
                let needed = match caplen {
                    Some(c) => record_len.saturating_add(usize::try_from(c).unwrap_or(usize::MAX)),
                    None => record_len,
                };
                frames.push(Err(FrameError {
                    frame: number,
                    kind: FrameErrorKind::TruncatedRecord {
                        offset,
                        needed,
                        available: rest.len(),
                    },
                }));
                break;
            }
        }
    }
    Ok(frames)
}

/// Per-interface facts from an Interface Description Block.
struct Interface {
    link: u32,
    snaplen: u32,
    /// Timestamp units per second (`None`: invalid if_tsresol).
    resolution: Option<u64>,
    offset: i64,
}

impl Interface {
    fn timestamp(&self, high: u32, low: u32) -> Option<Timestamp> {
        let resolution = self.resolution.filter(|r| *r > 0)?;
        let ticks = (u64::from(high) << 32) | u64::from(low);
        let secs = ticks / resolution;
        let frac = u128::from(ticks % resolution);
        let nanos = u32::try_from(frac * 1_000_000_000 / u128::from(resolution)).ok()?;
        let secs = i128::from(secs).saturating_add(i128::from(self.offset));
        Some(Timestamp::Unix {
            secs: u64::try_from(secs.max(0)).unwrap_or(u64::MAX),
            nanos,
        })
    }
}

/// The `u32` at `at` in `bytes`, in the file's (or section's) byte order.
/// (pcap-parser keeps its own endianness helpers private.)
fn u32_at(bytes: &[u8], at: usize, big_endian: bool) -> Option<u32> {
    let b = <[u8; 4]>::try_from(bytes.get(at..at.checked_add(4)?)?).ok()?;
    Some(if big_endian {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
}

/// The `u16` at `at` in `bytes`, in the section's byte order.
fn u16_at(bytes: &[u8], at: usize, big_endian: bool) -> Option<u16> {
    let b = <[u8; 2]>::try_from(bytes.get(at..at.checked_add(2)?)?).ok()?;
    Some(if big_endian {
        u16::from_be_bytes(b)
    } else {
        u16::from_le_bytes(b)
    })
}

/// Timestamp units per second for an `if_tsresol` value (pcapng: 10^n, or
/// 2^n when the high bit is set). pcap-parser 0.16's `build_ts_resolution`
/// tests the bound before masking the high bit, so it rejects every 2^n
/// form.
fn ts_resolution(if_tsresol: u8) -> Option<u64> {
    let n = u32::from(if_tsresol & 0x7f);
    if if_tsresol & 0x80 == 0 {
        10u64.checked_pow(n)
    } else {
        1u64.checked_shl(n)
    }
}

/// Reads a pcapng file (any number of sections, either byte order).
pub(crate) fn read_ng(input: &[u8], opts: &CaptureOptions) -> Result<Frames, CaptureError> {
    let (mut rest, shb) =
        parse_sectionheaderblock(input).map_err(|e| CaptureError::InvalidPcapNg {
            offset: 0,
            block_type: 0x0a0d_0d0a,
            reason: std::format!("section header block: {}", nom_reason(&e)),
        })?;
    let mut big_endian = shb.big_endian();
    let mut interfaces: Vec<Interface> = Vec::new();
    let mut frames = Vec::new();
    let mut number = 0usize;
    while !rest.is_empty() {
        let offset = input.len().saturating_sub(rest.len());
        let raw_type = u32_at(rest, 0, big_endian);
        let parsed = if big_endian {
            parse_block_be(rest)
        } else {
            parse_block_le(rest)
        };
        let (next, block) = match parsed {
            Ok(ok) => ok,
            Err(nom::Err::Incomplete(needed)) => {
                let declared = u32_at(rest, 4, big_endian).and_then(|l| usize::try_from(l).ok());
                let is_packet = matches!(raw_type, Some(EPB_MAGIC | SPB_MAGIC | OPB_MAGIC));
                // A whole packet block whose captured length runs past the
                // block's own end: a per-frame error, and the frames after
                // it are still read.
                if let (true, Some(len)) = (is_packet, declared) {
                    if len >= 12 && len % 4 == 0 && len <= rest.len() {
                        number = number.saturating_add(1);
                        // Block header, fixed fields and trailer around the
                        // packet data: 32 bytes (EPB, OPB) or 16 (SPB).
                        // pcap-parser 0.16 only reports EPBs here (it reads
                        // OPBs as unknown blocks and never reports a whole
                        // SPB as short); the other arms keep the sizes right
                        // should a later version report them.
                        let (data_len, around) = match raw_type {
                            Some(SPB_MAGIC) => (u32_at(rest, 8, big_endian), 16),
                            _ => (u32_at(rest, 20, big_endian), 32),
                        };
                        let needed = data_len
                            .and_then(|c| usize::try_from(c).ok())
                            .map_or(usize::MAX, |c| c.saturating_add(around));
                        frames.push(Err(FrameError {
                            frame: number,
                            kind: FrameErrorKind::TruncatedRecord {
                                offset,
                                needed,
                                available: len,
                            },
                        }));
                        rest = rest.get(len..).unwrap_or(&[]);
                        continue;
                    }
                }
                // The file was cut inside this block. A packet block
                // becomes a per-frame error; any other trailing block
                // carries no frame and is ignored.
                if is_packet {
                    number = number.saturating_add(1);
                    let block_len = declared.filter(|l| *l > rest.len());
                    let more = match needed {
                        nom::Needed::Size(n) => n.get(),
                        nom::Needed::Unknown => 1,
                    };
                    frames.push(Err(FrameError {
                        frame: number,
                        kind: FrameErrorKind::TruncatedRecord {
                            offset,
                            needed: block_len.unwrap_or(rest.len().saturating_add(more)),
                            available: rest.len(),
                        },
                    }));
                }
                break;
            }
            Err(e) => {
                return Err(CaptureError::InvalidPcapNg {
                    offset,
                    block_type: raw_type.unwrap_or(0),
                    reason: nom_reason(&e),
                });
            }
        };
        rest = next;
        match block {
            Block::SectionHeader(shb) => {
                big_endian = shb.big_endian();
                interfaces.clear();
            }
            Block::InterfaceDescription(idb) => interfaces.push(Interface {
                link: u32::from_ne_bytes(idb.linktype.0.to_ne_bytes()),
                snaplen: idb.snaplen,
                resolution: ts_resolution(idb.if_tsresol),
                offset: idb.if_tsoffset,
            }),
            Block::EnhancedPacket(epb) => {
                number = number.saturating_add(1);
                let caplen = usize::try_from(epb.caplen).unwrap_or(usize::MAX);
                let data = epb.data.get(..caplen).unwrap_or(epb.data);
                frames.push(packet(
                    &interfaces,
                    epb.if_id,
                    data,
                    (epb.ts_high, epb.ts_low),
                    number,
                    opts,
                ));
            }
            Block::SimplePacket(spb) => {
                number = number.saturating_add(1);
                // Captured length: the original length, capped by the
                // snap length of interface 0 and by the block.
                let mut len = usize::try_from(spb.origlen).unwrap_or(usize::MAX);
                if let Some(snap) = interfaces.first().map(|i| i.snaplen).filter(|s| *s > 0) {
                    len = len.min(usize::try_from(snap).unwrap_or(usize::MAX));
                }
                let data = spb.data.get(..len).unwrap_or(spb.data);
                frames.push(match interfaces.first() {
                    Some(iface) => match link_or_error(iface.link) {
                        Ok(link) => decode(link, data, number, None, opts),
                        Err(kind) => Err(FrameError {
                            frame: number,
                            kind,
                        }),
                    },
                    None => Err(FrameError {
                        frame: number,
                        kind: FrameErrorKind::UnknownInterface { interface: 0 },
                    }),
                });
            }
            Block::Unknown(ub)
                if ub.block_type == OPB_MAGIC || ub.block_type.swap_bytes() == OPB_MAGIC =>
            {
                number = number.saturating_add(1);
                frames.push(obsolete_packet(
                    &interfaces,
                    ub.data,
                    big_endian,
                    number,
                    offset,
                    opts,
                ));
            }
            _ => {}
        }
    }
    Ok(frames)
}

/// Decodes a packet recorded on interface `if_id`.
fn packet(
    interfaces: &[Interface],
    if_id: u32,
    data: &[u8],
    (high, low): (u32, u32),
    number: usize,
    opts: &CaptureOptions,
) -> Result<Datagram, FrameError> {
    let iface = usize::try_from(if_id)
        .ok()
        .and_then(|i| interfaces.get(i))
        .ok_or(FrameError {
            frame: number,
            kind: FrameErrorKind::UnknownInterface { interface: if_id },
        })?;
    let link = link_or_error(iface.link).map_err(|kind| FrameError {
        frame: number,
        kind,
    })?;
    decode(link, data, number, iface.timestamp(high, low), opts)
}

/// Decodes an obsolete Packet Block (type 2): interface id (u16), drops
/// (u16), timestamp high/low, captured length, original length, data.
fn obsolete_packet(
    interfaces: &[Interface],
    body: &[u8],
    big_endian: bool,
    number: usize,
    offset: usize,
    opts: &CaptureOptions,
) -> Result<Datagram, FrameError> {
    let u32_at = |at: usize| u32_at(body, at, big_endian);
    let if_id = u16_at(body, 0, big_endian);
    let (Some(if_id), Some(high), Some(low), Some(caplen)) =
        (if_id, u32_at(4), u32_at(8), u32_at(12))
    else {
        return Err(FrameError {
            frame: number,
            kind: FrameErrorKind::TruncatedRecord {
                offset,
                needed: 20,
                available: body.len(),
            },
        });
    };
    let data = body.get(20..).unwrap_or(&[]);
    let caplen = usize::try_from(caplen).unwrap_or(usize::MAX);
    let data = data.get(..caplen).unwrap_or(data);
    packet(
        interfaces,
        u32::from(if_id),
        data,
        (high, low),
        number,
        opts,
    )
}
