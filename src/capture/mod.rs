//! Getting DHCP messages out of captures: `tcpdump -x`/`-XX` text, pcap and
//! pcapng files, and plain hex lines (feature `capture`, needs `std`).
//!
//! Every reader returns the BOOTP messages as raw UDP payload bytes (starting
//! at the `op` byte), each tagged with its 1-based frame number, ready for
//! the crate's parser. Link, IPv4 and UDP framing is decoded with
//! [`etherparse`](https://docs.rs/etherparse), pcap and pcapng with
//! [`pcap-parser`](https://docs.rs/pcap-parser).
//!
//! Two kinds of failure are kept apart:
//!
//! * a [`CaptureError`] means the file as a whole cannot be read (bad pcap
//!   header, malformed pcapng block, bad hex); it carries a byte offset or a
//!   line number;
//! * a [`FrameError`] is about one frame that was read but is not a usable
//!   DHCP datagram (not IPv4, not UDP, other ports, an IP fragment, cut
//!   short); it carries the frame number and is returned in place of that
//!   frame, so nothing is dropped silently.
//!
//! No input makes these functions panic.
//!
//! # Example: a `tcpdump -XX` dump pasted into a unit test
//!
//! ```
//! // Pasted from `tcpdump -i eth0 -nn -XX port 67 or port 68` (a DHCPDISCOVER).
//! const DUMP: &str = r"
//! tcpdump: listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes
//! 00:00:00.000000 IP 0.0.0.0.68 > 255.255.255.255.67: BOOTP/DHCP, Request from 02:00:00:00:00:01, length 244
//!     0x0000:  ffff ffff ffff 0200 0000 0001 0800 4500  ..............E.
//!     0x0010:  0110 0000 0000 4011 79de 0000 0000 ffff  ......@.y.......
//!     0x0020:  ffff 0044 0043 00fc 1ddb 0101 0600 1234  ...D.C.........4
//!     0x0030:  5678 0000 8000 0000 0000 0000 0000 0000  Vx..............
//!     0x0040:  0000 0000 0000 0200 0000 0001 0000 0000  ................
//!     0x0050:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0060:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0070:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0080:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0090:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00a0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00b0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00c0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00d0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00e0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x00f0:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0100:  0000 0000 0000 0000 0000 0000 0000 0000  ................
//!     0x0110:  0000 0000 0000 6382 5363 3501 01ff       ......c.Sc5...
//! ";
//!
//! let payloads = dhcpwire::capture::datagrams_from_tcpdump(DUMP)?;
//! assert_eq!(payloads.len(), 1);
//! let payload = &payloads[0];
//! assert_eq!(payload.len(), 244); // tcpdump's "length 244": UDP length minus 8
//! assert_eq!(payload[0], 1); // op: BOOTREQUEST
//! assert_eq!(payload[4..8], [0x12, 0x34, 0x56, 0x78]); // xid 0x12345678
//! assert_eq!(payload[28..34], [0x02, 0, 0, 0, 0, 0x01]); // chaddr
//! assert_eq!(payload[236..240], [99, 130, 83, 99]); // DHCP magic cookie
//! assert_eq!(payload[240..], [53, 1, 1, 255]); // DHCPDISCOVER, END
//! # Ok::<(), dhcpwire::capture::CaptureError>(())
//! ```
//!
//! The other readers return every frame with its number, source and
//! destination, and timestamp, or the reason it is not a DHCP datagram:
//!
//! ```
//! use dhcpwire::capture::{CaptureOptions, read_with};
//!
//! // A test setup that runs DHCP on ports 6767/6768. The input is plain hex
//! // lines here; pcap, pcapng and tcpdump text are detected the same way.
//! let opts = CaptureOptions::new().ports([6767, 6768]);
//! let input = b"# one message per line\n01 01 06 00\n";
//! for frame in read_with(input, &opts)? {
//!     match frame {
//!         Ok(d) => assert_eq!((d.frame, d.payload), (2, vec![1, 1, 6, 0])),
//!         // e.g. "frame 3: not DHCP: UDP ports 5353 -> 53, expected 67 or 68 ..."
//!         Err(e) => eprintln!("{e}"),
//!     }
//! }
//! # Ok::<(), dhcpwire::capture::CaptureError>(())
//! ```

mod frame;
mod pcap;
mod text;

use std::net::SocketAddrV4;
use std::string::String;
use std::vec::Vec;

/// What the readers return: one entry per frame, in order, either the DHCP
/// datagram or why that frame is not one.
pub type Frames = Vec<Result<Datagram, FrameError>>;

/// The input formats [`read`] understands; see [`detect`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Legacy pcap file, either byte order, micro- or nanosecond timestamps.
    Pcap,
    /// pcapng file.
    PcapNg,
    /// Text printed by `tcpdump -x`, `-xx`, `-X` or `-XX`.
    TcpdumpText,
    /// One hex-encoded BOOTP message (UDP payload) per line.
    HexLines,
}

/// Guesses the format of `input`.
///
/// pcap magic numbers (`a1b2c3d4`, `a1b23c4d` and the "modified"
/// `a1b2cd34`, in either byte order) give [`Format::Pcap`] (pcap-parser
/// reads the modified format only little-endian: `34cdb2a1` on disk);
/// the pcapng section header type `0a0d0d0a` gives [`Format::PcapNg`]; text
/// with a line of the form `^\s*0x[0-9a-fA-F]{4}:\s` gives
/// [`Format::TcpdumpText`]; anything else is taken as [`Format::HexLines`].
#[must_use]
pub fn detect(input: &[u8]) -> Format {
    match input.get(..4) {
        Some(
            [0xa1, 0xb2, 0xc3, 0xd4]
            | [0xd4, 0xc3, 0xb2, 0xa1]
            | [0xa1, 0xb2, 0x3c, 0x4d]
            | [0x4d, 0x3c, 0xb2, 0xa1]
            | [0x34, 0xcd, 0xb2, 0xa1]
            | [0xa1, 0xb2, 0xcd, 0x34],
        ) => return Format::Pcap,
        Some([0x0a, 0x0d, 0x0d, 0x0a]) => return Format::PcapNg,
        _ => {}
    }
    let is_dump = input.split(|b| *b == b'\n').any(|line| {
        let start = line
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(line.len());
        let line = line.get(start..).unwrap_or_default();
        matches!(line.get(..7), Some([b'0', b'x', a, b, c, d, b':'])
            if [a, b, c, d].iter().all(|x| x.is_ascii_hexdigit()))
            && line.get(7).is_some_and(u8::is_ascii_whitespace)
    });
    if is_dump {
        Format::TcpdumpText
    } else {
        Format::HexLines
    }
}

/// The link-layer framing of captured frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkType {
    /// Ethernet II, possibly with 802.1Q / 802.1ad (QinQ) tags
    /// (`LINKTYPE_ETHERNET` 1, tcpdump `EN10MB`).
    Ethernet,
    /// No link header: the frame starts with the IP header (`LINKTYPE_RAW`
    /// 101 and `LINKTYPE_IPV4` 228, tcpdump `RAW`/`IPV4`, and the output of
    /// `tcpdump -x`).
    Raw,
    /// Linux cooked capture v1, 16-byte header (`LINKTYPE_LINUX_SLL` 113,
    /// tcpdump `LINUX_SLL`).
    LinuxSll,
    /// Linux cooked capture v2, 20-byte header (`LINKTYPE_LINUX_SLL2` 276,
    /// tcpdump `LINUX_SLL2`).
    LinuxSll2,
    /// BSD loopback with a 4-byte address family in host byte order
    /// (`LINKTYPE_NULL` 0, tcpdump `NULL`).
    Null,
    /// BSD loopback with a 4-byte address family in network byte order
    /// (`LINKTYPE_LOOP` 108, tcpdump `LOOP`).
    Loop,
}

impl LinkType {
    /// The link type for a pcap/pcapng `LINKTYPE_` value, if supported.
    #[must_use]
    pub fn from_linktype(code: u32) -> Option<Self> {
        match code {
            0 => Some(Self::Null),
            1 => Some(Self::Ethernet),
            101 | 228 => Some(Self::Raw),
            108 => Some(Self::Loop),
            113 => Some(Self::LinuxSll),
            276 => Some(Self::LinuxSll2),
            _ => None,
        }
    }

    /// The `LINKTYPE_` value written in pcap files for this link type.
    #[must_use]
    pub fn linktype(self) -> u32 {
        match self {
            Self::Null => 0,
            Self::Ethernet => 1,
            Self::Raw => 101,
            Self::Loop => 108,
            Self::LinuxSll => 113,
            Self::LinuxSll2 => 276,
        }
    }

    /// The link type for a name tcpdump prints after `link-type` (`EN10MB`,
    /// `RAW`, `IPV4`, `LINUX_SLL`, `LINUX_SLL2`, `NULL`, `LOOP`).
    #[must_use]
    pub fn from_tcpdump_name(name: &str) -> Option<Self> {
        match name {
            "EN10MB" => Some(Self::Ethernet),
            "RAW" | "IPV4" => Some(Self::Raw),
            "LINUX_SLL" => Some(Self::LinuxSll),
            "LINUX_SLL2" => Some(Self::LinuxSll2),
            "NULL" => Some(Self::Null),
            "LOOP" => Some(Self::Loop),
            _ => None,
        }
    }
}

/// Which datagrams count as DHCP, and how to read text dumps.
///
/// Build it with [`CaptureOptions::new`] (or `default()`) and the setter
/// methods; the fields are public for reading and mutation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaptureOptions {
    /// A UDP datagram is DHCP when its source or destination port is one of
    /// these. Default: 67 and 68.
    pub ports: Vec<u16>,
    /// Link type of every packet in tcpdump text, overriding both the
    /// `link-type` line and per-packet detection. Default: `None`.
    /// (pcap and pcapng files always use the link type they declare.)
    pub link_type: Option<LinkType>,
}

impl Default for CaptureOptions {
    fn default() -> Self {
        Self {
            ports: std::vec![67, 68],
            link_type: None,
        }
    }
}

impl CaptureOptions {
    /// The defaults: ports 67 and 68, link type of text dumps detected.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces the DHCP ports.
    #[must_use]
    pub fn ports(mut self, ports: impl IntoIterator<Item = u16>) -> Self {
        self.ports = ports.into_iter().collect();
        self
    }

    /// Forces the link type of tcpdump text packets.
    #[must_use]
    pub fn link_type(mut self, link_type: LinkType) -> Self {
        self.link_type = Some(link_type);
        self
    }
}

/// When a frame was captured.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Timestamp {
    /// Time since the Unix epoch, from a pcap or pcapng record (pcapng
    /// interface resolution and offset applied).
    Unix {
        /// Whole seconds.
        secs: u64,
        /// Nanoseconds, normally below 1 000 000 000.
        nanos: u32,
    },
    /// The timestamp exactly as tcpdump printed it at the start of the
    /// packet's summary line (e.g. `2020-01-01 15:26:27.173559`); its time
    /// zone is unknown.
    Text(String),
}

/// One DHCP (BOOTP) datagram found in a capture.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Datagram {
    /// 1-based frame number: record index in pcap/pcapng, packet index in
    /// tcpdump text, line number for hex lines.
    pub frame: usize,
    /// The UDP payload, starting at the BOOTP `op` byte; cut at the UDP
    /// length, so link-layer padding is never included.
    pub payload: Vec<u8>,
    /// IPv4 source address and UDP port (`None` for hex lines).
    pub source: Option<SocketAddrV4>,
    /// IPv4 destination address and UDP port (`None` for hex lines).
    pub destination: Option<SocketAddrV4>,
    /// Capture time, when the input has one.
    pub timestamp: Option<Timestamp>,
}

/// The protocol layer a truncation was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Link-layer header (Ethernet, SLL, SLL2, loopback).
    Link,
    /// 802.1Q / 802.1ad VLAN tag.
    Vlan,
    /// IPv4 header (20 bytes plus options).
    Ipv4Header,
    /// IPv4 packet, as long as its total length field says.
    Ipv4Packet,
    /// UDP header (8 bytes).
    UdpHeader,
    /// UDP datagram, as long as its length field says.
    UdpPayload,
}

impl core::fmt::Display for Layer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Self::Link => "link-layer header",
            Self::Vlan => "VLAN tag",
            Self::Ipv4Header => "IPv4 header",
            Self::Ipv4Packet => "IPv4 packet (IP total length)",
            Self::UdpHeader => "UDP header",
            Self::UdpPayload => "UDP datagram (UDP length)",
        })
    }
}

/// Why one frame is not a usable DHCP datagram.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum FrameErrorKind {
    /// The frame ends before a header or before the length a header states.
    #[error(
        "truncated {layer} at byte {offset} of the frame: expected {needed} bytes, only {captured} present"
    )]
    Truncated {
        /// Layer that is cut short.
        layer: Layer,
        /// Byte offset of that layer in the frame.
        offset: usize,
        /// Bytes the layer needs (header size or length field).
        needed: usize,
        /// Bytes actually present from `offset` (for UDP: within the IP
        /// packet).
        captured: usize,
    },
    /// The record is cut short: the file ends inside it (pcap record or
    /// pcapng block), or a whole pcapng packet block is shorter than the
    /// packet length it states (`available` is then the block's length).
    #[error(
        "record at byte offset {offset} of the file is cut short: expected {needed} bytes, {available} available"
    )]
    TruncatedRecord {
        /// Byte offset of the record in the file.
        offset: usize,
        /// Bytes the record needs (header plus captured length).
        needed: usize,
        /// Bytes left in the file (or in the block).
        available: usize,
    },
    /// The link layer carries something other than IPv4.
    #[error("not IPv4: ether type 0x{ether_type:04x}, expected 0x0800")]
    NotIpv4 {
        /// The ether type (or SLL protocol) found; 0x86dd for IPv6 on raw
        /// and loopback links.
        ether_type: u16,
    },
    /// A loopback (DLT_NULL/DLT_LOOP) header with an unknown address family.
    #[error("loopback header at byte 0: address family {family}, expected 2 (AF_INET)")]
    UnsupportedAddressFamily {
        /// The address family value.
        family: u32,
    },
    /// The IPv4 header is malformed (version, header length, total length).
    #[error("invalid IPv4 header at byte {offset} of the frame: {reason}")]
    InvalidIpv4 {
        /// Byte offset of the IPv4 header in the frame.
        offset: usize,
        /// What is wrong, as etherparse reports it.
        reason: String,
    },
    /// An IPv4 fragment: its UDP payload cannot be decoded on its own.
    #[error(
        "IPv4 fragment (id 0x{identification:04x}, fragment offset {offset_bytes} bytes, more fragments: {more_fragments}): expected an unfragmented datagram"
    )]
    Fragment {
        /// IPv4 identification field.
        identification: u16,
        /// Fragment offset in bytes.
        offset_bytes: u32,
        /// The MF flag.
        more_fragments: bool,
    },
    /// The IPv4 payload is not UDP.
    #[error("not UDP: IP protocol {protocol}, expected 17")]
    NotUdp {
        /// The IP protocol number found.
        protocol: u8,
    },
    /// The UDP length field is below the 8-byte header size.
    #[error("invalid UDP length {length} at byte {offset} of the frame: expected at least 8")]
    InvalidUdpLength {
        /// Byte offset of the UDP header in the frame.
        offset: usize,
        /// The UDP length field.
        length: u16,
    },
    /// Neither UDP port is a DHCP port.
    #[error(
        "not DHCP: UDP ports {source_port} -> {destination_port}, expected 67 or 68 (or the configured ports)"
    )]
    NotDhcpPort {
        /// UDP source port.
        source_port: u16,
        /// UDP destination port.
        destination_port: u16,
    },
    /// The link-layer header is malformed (e.g. an SLL header etherparse
    /// rejects).
    #[error("invalid link-layer header at byte 0: {reason}")]
    InvalidLinkHeader {
        /// What is wrong, as etherparse reports it.
        reason: String,
    },
    /// The capture's link type is not supported.
    #[error(
        "unsupported link type {link_type}: expected 0 (NULL), 1 (Ethernet), 101/228 (raw IPv4), 108 (LOOP), 113 (Linux SLL) or 276 (Linux SLL2)"
    )]
    UnsupportedLinkType {
        /// The `LINKTYPE_` value.
        link_type: u32,
    },
    /// A pcapng packet refers to an interface with no Interface Description
    /// Block.
    #[error(
        "packet on pcapng interface {interface}: expected an Interface Description Block for it earlier in the section"
    )]
    UnknownInterface {
        /// The interface id.
        interface: u32,
    },
    /// A tcpdump text packet without a `link-type` line whose first bytes
    /// look like none of IPv4, Ethernet, SLL, SLL2 or loopback.
    #[error(
        "cannot tell the link layer: expected an IPv4 header, or an Ethernet, Linux SLL/SLL2 or loopback header carrying IPv4 (no link-type line given)"
    )]
    UnknownLinkLayer,
}

impl FrameErrorKind {
    /// A stable snake-case name of the variant, for logs and JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Truncated { .. } => "truncated",
            Self::TruncatedRecord { .. } => "truncated_record",
            Self::NotIpv4 { .. } => "not_ipv4",
            Self::UnsupportedAddressFamily { .. } => "unsupported_address_family",
            Self::InvalidIpv4 { .. } => "invalid_ipv4",
            Self::Fragment { .. } => "ip_fragment",
            Self::NotUdp { .. } => "not_udp",
            Self::InvalidUdpLength { .. } => "invalid_udp_length",
            Self::NotDhcpPort { .. } => "not_dhcp_port",
            Self::InvalidLinkHeader { .. } => "invalid_link_header",
            Self::UnsupportedLinkType { .. } => "unsupported_link_type",
            Self::UnknownInterface { .. } => "unknown_interface",
            Self::UnknownLinkLayer => "unknown_link_layer",
        }
    }

    /// The byte offset the error is about, when it has one: within the
    /// frame for framing errors, within the file for a cut-off record.
    pub fn offset(&self) -> Option<usize> {
        match self {
            Self::Truncated { offset, .. }
            | Self::TruncatedRecord { offset, .. }
            | Self::InvalidIpv4 { offset, .. }
            | Self::InvalidUdpLength { offset, .. } => Some(*offset),
            Self::InvalidLinkHeader { .. }
            | Self::UnsupportedAddressFamily { .. }
            | Self::UnknownLinkLayer => Some(0),
            _ => None,
        }
    }
}

/// A frame that is not a usable DHCP datagram, with its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("frame {frame}: {kind}")]
pub struct FrameError {
    /// 1-based frame number (see [`Datagram::frame`]).
    pub frame: usize,
    /// What is wrong with it.
    pub kind: FrameErrorKind,
}

/// The input as a whole cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaptureError {
    /// The pcap file header is missing or malformed.
    #[error("invalid pcap file at byte offset {offset}: {reason}")]
    InvalidPcap {
        /// Byte offset in the file.
        offset: usize,
        /// What was expected there.
        reason: String,
    },
    /// A pcapng block is malformed (bad length, bad byte-order magic, ...).
    #[error("invalid pcapng block of type 0x{block_type:08x} at byte offset {offset}: {reason}")]
    InvalidPcapNg {
        /// Byte offset of the block in the file.
        offset: usize,
        /// The block type.
        block_type: u32,
        /// What was expected.
        reason: String,
    },
    /// A line of hex (tcpdump dump line or hex-lines input) cannot be read.
    #[error("line {line}, column {column}: {reason}")]
    InvalidHex {
        /// 1-based line number.
        line: usize,
        /// 1-based byte column.
        column: usize,
        /// What was expected.
        reason: String,
    },
    /// A tcpdump hex line's offset does not continue the packet (a line is
    /// missing, or the first line of a packet is not `0x0000:`).
    #[error("line {line}: tcpdump hex offset 0x{found:04x}, expected 0x{expected:04x}")]
    TcpdumpOffset {
        /// 1-based line number.
        line: usize,
        /// The offset the line should have.
        expected: usize,
        /// The offset it has.
        found: usize,
    },
    /// [`datagrams_from_tcpdump`] found no packet in the text.
    #[error("no packet found: expected at least one tcpdump hex line starting with `0x0000:`")]
    NoPackets,
    /// [`datagrams_from_tcpdump`] found a frame that is not DHCP.
    #[error(transparent)]
    Frame(#[from] FrameError),
}

/// Reads any supported format, detected with [`detect`], with the default
/// options (ports 67 and 68).
///
/// # Errors
///
/// A [`CaptureError`] if the input as a whole is unreadable; frames that
/// are not DHCP datagrams are `Err` entries of the returned list.
pub fn read(input: &[u8]) -> Result<Frames, CaptureError> {
    read_with(input, &CaptureOptions::default())
}

/// Reads any supported format, detected with [`detect`].
///
/// # Errors
///
/// As [`read`].
pub fn read_with(input: &[u8], opts: &CaptureOptions) -> Result<Frames, CaptureError> {
    read_as(input, detect(input), opts)
}

/// Reads `input` as the given format. Text formats are decoded as UTF-8,
/// invalid sequences replaced.
///
/// # Errors
///
/// As [`read`].
pub fn read_as(
    input: &[u8],
    format: Format,
    opts: &CaptureOptions,
) -> Result<Frames, CaptureError> {
    match format {
        Format::Pcap => pcap::read_legacy(input, opts),
        Format::PcapNg => pcap::read_ng(input, opts),
        Format::TcpdumpText => text::read_tcpdump(&String::from_utf8_lossy(input), opts),
        Format::HexLines => text::read_hex_lines(&String::from_utf8_lossy(input)),
    }
}

/// Reads a pcap or pcapng file (told apart by the magic number) with the
/// default options.
///
/// # Errors
///
/// As [`read`]; input that is neither pcap nor pcapng is
/// [`CaptureError::InvalidPcap`].
pub fn read_pcap(input: &[u8]) -> Result<Frames, CaptureError> {
    let opts = CaptureOptions::default();
    match detect(input) {
        Format::PcapNg => pcap::read_ng(input, &opts),
        _ => pcap::read_legacy(input, &opts),
    }
}

/// Reads `tcpdump -x`/`-xx`/`-X`/`-XX` text with the default options.
///
/// Lines other than hex lines (prompts, the `listening on ... link-type`
/// line, decoded summaries) are skipped; a packet starts at each `0x0000:`
/// line. The link type is taken from the last `link-type NAME` line seen,
/// else detected per packet; `-x` dumps (starting at the IP header) are
/// recognised either way. Frame numbers count packets from 1.
///
/// # Errors
///
/// [`CaptureError::InvalidHex`] or [`CaptureError::TcpdumpOffset`] for a
/// hex line that cannot be read or does not continue its packet.
pub fn read_tcpdump_text(text: &str) -> Result<Frames, CaptureError> {
    text::read_tcpdump(text, &CaptureOptions::default())
}

/// Reads one BOOTP message (UDP payload, no framing) per line, as hex.
///
/// Whitespace and `:` may separate bytes or groups, and a `0x` prefix is
/// allowed on the line and on each group. Blank lines and lines starting
/// with `#` are skipped; the frame number is the 1-based line number.
///
/// # Errors
///
/// [`CaptureError::InvalidHex`] with line and column for a non-hex
/// character or an odd number of digits in a group.
pub fn read_hex_lines(text: &str) -> Result<Frames, CaptureError> {
    text::read_hex_lines(text)
}

/// Decodes one captured frame of the given link type down to its DHCP
/// payload (for live captures or other containers).
///
/// # Errors
///
/// A [`FrameError`] numbered `frame` if it is not a DHCP datagram.
pub fn decode_frame(
    link: LinkType,
    data: &[u8],
    frame: usize,
    opts: &CaptureOptions,
) -> Result<Datagram, FrameError> {
    frame::decode(link, data, frame, None, opts)
}

/// The payloads of every packet in a `tcpdump -x`/`-XX` dump, for unit
/// tests that paste a dump: every packet must be a DHCP datagram on port 67
/// or 68.
///
/// # Errors
///
/// [`CaptureError::Frame`] for the first packet that is not DHCP,
/// [`CaptureError::NoPackets`] if there is no packet, and the errors of
/// [`read_tcpdump_text`].
pub fn datagrams_from_tcpdump(text: &str) -> Result<Vec<Vec<u8>>, CaptureError> {
    let frames = read_tcpdump_text(text)?;
    if frames.is_empty() {
        return Err(CaptureError::NoPackets);
    }
    frames
        .into_iter()
        .map(|f| f.map(|d| d.payload).map_err(CaptureError::from))
        .collect()
}
