//! Wire-level tests: hand-made inputs, exact expected values.
//!
//! Every input here is built byte by byte (a 236-byte header, the cookie,
//! then option bytes), so each test says exactly what is on the wire.
//!
//! Behaviours that this file and `hostile.rs` both used to test (truncated
//! messages, bad cookies, `hlen`, option lengths at an area's end, missing
//! END, malformed or repeated option 52, sub-option overruns in a message)
//! are tested in `hostile.rs` only.

use std::net::Ipv4Addr;

use dhcpwire::builder::rebuild;
use dhcpwire::options::AreaOptions;
use dhcpwire::options::relay::{SubOption, SubOptions};
use dhcpwire::options::typed::{ClientId, CodeList, Ipv4List, Text};
use dhcpwire::{
    Area, DeviationKind, DhcpOption, Error, Flags, MAGIC_COOKIE, Message, MessageBuilder,
    MessageMut, MessageType, Op, OptionCode, Overload,
};

mod common;
use common::*;

fn rebuilt(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0x5au8; bytes.len()];
    let n = rebuild(&parse(bytes), &mut out).expect("rebuild");
    out.truncate(n);
    out
}

// ---------------------------------------------------------------------------
// Message::parse: header fields and the BOOTP vendor area
// ---------------------------------------------------------------------------

#[test]
fn plain_bootp_300_bytes_exposes_vendor_area_and_names() {
    let mut bytes = header();
    bytes[SNAME..SNAME + 3].copy_from_slice(b"srv");
    bytes[FILE..FILE + 8].copy_from_slice(b"boot.img");
    // RFC 1048-less vendor area: 64 bytes of opaque data.
    let vendor: Vec<u8> = (0..64u8).map(|i| i ^ 0x55).collect();
    bytes.extend_from_slice(&vendor);
    assert_eq!(bytes.len(), 300);
    let msg = parse(&bytes);
    assert_eq!(
        msg.cookie(),
        Err(Error::NoMagicCookie {
            found: [0x55, 0x54, 0x57, 0x56],
            offset: 236
        })
    );
    assert_eq!(msg.bootp_vendor_area(), Some(&vendor[..]));
    assert_eq!(msg.bootp_vendor_area().map(<[u8]>::len), Some(64));
    assert_eq!(msg.sname(), Ok(Some(&b"srv"[..])));
    assert_eq!(msg.file(), Ok(Some(&b"boot.img"[..])));
    assert_eq!(msg.options_area(), &[] as &[u8]);
}

#[test]
fn dhcp_message_has_no_bootp_vendor_area() {
    let bytes = dhcp(&[53, 1, 1, 255]);
    let msg = parse(&bytes);
    assert_eq!(msg.cookie(), Ok(()));
    assert_eq!(msg.bootp_vendor_area(), None);
    assert_eq!(msg.options_area(), &[53u8, 1, 1, 255][..]);
}

#[test]
fn header_fields_are_read_big_endian() {
    let mut bytes = dhcp(&[255]);
    bytes[0] = 2;
    bytes[3] = 7;
    bytes[8..10].copy_from_slice(&[0x01, 0x02]);
    bytes[10..12].copy_from_slice(&[0x80, 0x01]);
    bytes[12..16].copy_from_slice(&[1, 2, 3, 4]);
    bytes[16..20].copy_from_slice(&[5, 6, 7, 8]);
    bytes[20..24].copy_from_slice(&[9, 10, 11, 12]);
    let msg = parse(&bytes);
    assert_eq!(msg.op(), Op::BootReply);
    assert_eq!(msg.hops, 7);
    assert_eq!(msg.secs(), 0x0102);
    assert_eq!(msg.flags(), Flags(0x8001));
    assert!(msg.flags().broadcast());
    assert_eq!(msg.flags().reserved(), 1);
    assert_eq!(msg.ciaddr(), Ipv4Addr::new(1, 2, 3, 4));
    assert_eq!(msg.yiaddr(), Ipv4Addr::new(5, 6, 7, 8));
    assert_eq!(msg.siaddr(), Ipv4Addr::new(9, 10, 11, 12));
    assert_eq!(msg.giaddr(), Ipv4Addr::new(10, 198, 27, 4));
    assert_eq!((msg.htype(), msg.hlen(), msg.hops()), (1, 6, 7));
    assert_eq!(msg.chaddr_mac(), Some(MAC));
    bytes[1] = 6;
    assert_eq!(parse(&bytes).htype(), 6);
    bytes[2] = 16;
    assert_eq!(parse(&bytes).chaddr_mac(), None);
    bytes[2] = 5;
    assert_eq!(parse(&bytes).chaddr_mac(), None);
}

#[test]
fn header_fields_have_their_rfc_2131_names_and_offsets() {
    use dhcpwire::header::Field;
    let fields = [
        (Field::Op, "op", 0),
        (Field::Htype, "htype", 1),
        (Field::Hlen, "hlen", 2),
        (Field::Hops, "hops", 3),
        (Field::Xid, "xid", 4),
        (Field::Secs, "secs", 8),
        (Field::Flags, "flags", 10),
        (Field::Ciaddr, "ciaddr", 12),
        (Field::Yiaddr, "yiaddr", 16),
        (Field::Siaddr, "siaddr", 20),
        (Field::Giaddr, "giaddr", 24),
        (Field::Chaddr, "chaddr", 28),
        (Field::Sname, "sname", 44),
        (Field::File, "file", 108),
    ];
    for (field, name, offset) in fields {
        assert_eq!((field.name(), field.offset()), (name, offset));
    }
}

#[test]
fn codes_and_message_types_have_their_names() {
    assert_eq!(u8::from(OptionCode::HOST_NAME), 12);
    assert_eq!(u8::from(OptionCode(224)), 224);
    assert_eq!(OptionCode::HOST_NAME.to_string(), "Host Name");
    assert_eq!(OptionCode(224).to_string(), "Private Use (224)");
    assert_eq!(MessageType::Discover.name(), "DHCPDISCOVER");
    assert_eq!(MessageType::Nak.name(), "DHCPNAK");
    assert_eq!(MessageType::Tls.name(), "DHCPTLS");
    assert_eq!(MessageType::Unknown(99).name(), "Unknown");
}

#[test]
fn with_broadcast_changes_only_the_broadcast_bit() {
    // Setting a bit that is already set keeps it (a relayed NAK to a client
    // that asked for broadcast must still ask for it).
    assert_eq!(Flags(0x8000).with_broadcast(true), Flags(0x8000));
    assert_eq!(Flags(0x0001).with_broadcast(true), Flags(0x8001));
    assert_eq!(Flags(0x8001).with_broadcast(false), Flags(0x0001));
    assert_eq!(Flags(0x0001).with_broadcast(false), Flags(0x0001));
    assert_eq!(Flags(0x8000).reserved(), 0);
    assert_eq!(Flags(0x0102).reserved(), 0x0102);
    assert_eq!(Flags(0xffff).reserved(), 0x7fff);
}

#[test]
fn message_accessors_and_debug_text() {
    let bytes = dhcp(&[53, 1, 1]);
    let msg = parse(&bytes);
    assert_eq!(msg.as_bytes(), &bytes[..]);
    assert_eq!(msg.len(), 243);
    assert!(!msg.is_empty());
    assert!(msg.is_dhcp());
    let header = "Header { op: BootRequest, htype: 1, hlen: 6, hops: 0, xid: 0x0a000001, \
                  secs: 0, flags: Flags(32768), ciaddr: 0.0.0.0, yiaddr: 0.0.0.0, \
                  siaddr: 0.0.0.0, giaddr: 10.198.27.4, chaddr: 0a:16:36:fb:bb:4a, \
                  sname: \"\", file: \"\" }";
    assert_eq!(format!("{:?}", msg.header()), header);
    assert_eq!(
        format!("{msg:?}"),
        format!("Message {{ len: 243, header: {header}, cookie: Ok(()) }}")
    );
}

// ---------------------------------------------------------------------------
// the raw option walk
// ---------------------------------------------------------------------------

#[test]
fn pad_is_skipped() {
    let bytes = dhcp(&[0, 0, 53, 1, 1, 0, 12, 1, b'a', 0, 255]);
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(53, &[1], 242, Area::Options)),
            Ok(ro(12, b"a", 246, Area::Options)),
        ]
    );
}

#[test]
fn end_stops_the_walk_and_trailing_exposes_the_rest() {
    let bytes = dhcp(&[53, 1, 1, 255, 12, 1, b'a']);
    assert_eq!(walk(&bytes), vec![Ok(ro(53, &[1], 240, Area::Options))]);
    assert_eq!(parse(&bytes).trailing(), Ok(&[12u8, 1, b'a'][..]));
    assert_eq!(
        parse(&bytes)
            .option(OptionCode::HOST_NAME)
            .map(|v| v.map(|v| v.len())),
        Ok(None)
    );
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(
            DeviationKind::NonZeroAfterEnd,
            Area::Options,
            244
        )])
    );
}

#[test]
fn deviations_display_their_kind_area_and_offset() {
    let cases = [
        (
            DeviationKind::MissingEnd,
            Area::Options,
            243,
            "no END option before the area ends (options area, offset 243)",
        ),
        (
            DeviationKind::NonZeroAfterEnd,
            Area::File,
            120,
            "non-zero byte after END (file area, offset 120)",
        ),
        (
            DeviationKind::OverloadOutsideMainArea,
            Area::Sname,
            44,
            "option 52 (overload) outside the options area (sname area, offset 44)",
        ),
        (
            DeviationKind::RepeatedOverload,
            Area::Options,
            246,
            "option 52 (overload) repeated (options area, offset 246)",
        ),
        (
            DeviationKind::PadInOverloadedArea,
            Area::File,
            111,
            "PAD bytes inside an overloaded area (file area, offset 111)",
        ),
        (
            DeviationKind::RepeatedFixedLengthOption,
            Area::Options,
            243,
            "fixed-length option repeated (options area, offset 243)",
        ),
    ];
    for (kind, area, offset, text) in cases {
        assert_eq!(dev(kind, area, offset).to_string(), text);
    }
}

#[test]
fn an_area_walk_without_end_has_no_trailing_bytes() {
    let mut walk = AreaOptions::new(&[53, 1, 1], 240, Area::Options);
    assert_eq!(walk.trailing(), None);
    assert_eq!(walk.finish(), Ok(()));
    assert!(walk.missing_end());
    assert_eq!(walk.end_offset(), None);
    assert_eq!(walk.trailing(), Some(&[][..]));
}

#[test]
fn zero_padding_after_end_is_no_deviation() {
    let bytes = dhcp(&[53, 1, 1, 255, 0, 0, 0]);
    assert_eq!(parse(&bytes).trailing(), Ok(&[0u8, 0, 0][..]));
    assert_eq!(deviations(&bytes), Ok(vec![]));
}

#[test]
fn nonzero_after_zero_after_end_reports_first_nonzero_byte() {
    let bytes = dhcp(&[255, 0, 0, 7, 0]);
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(
            DeviationKind::NonZeroAfterEnd,
            Area::Options,
            243
        )])
    );
}

#[test]
fn zero_length_option_82_is_yielded_with_empty_data() {
    let bytes = dhcp(&[53, 1, 1, 82, 0, 255]);
    let opts = walk(&bytes);
    assert_eq!(
        opts,
        vec![
            Ok(ro(53, &[1], 240, Area::Options)),
            Ok(ro(82, &[], 243, Area::Options)),
        ]
    );
    let opt = opts[1].unwrap();
    assert!(opt.is_empty());
    assert_eq!(opt.value_offset(), 245);
    let DhcpOption::RelayAgentInformation(subs) = opt.decode().unwrap() else {
        panic!("not 82");
    };
    assert_eq!(subs.as_bytes(), &[] as &[u8]);
    assert_eq!(subs.count(), 0);
}

#[test]
fn zero_length_option_as_last_two_bytes_is_fine() {
    let bytes = dhcp(&[53, 1, 1, 80, 0]);
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(53, &[1], 240, Area::Options)),
            Ok(ro(80, &[], 243, Area::Options)),
        ]
    );
}

#[test]
fn walks_are_fused_after_the_first_error() {
    // An overrun followed by what would be valid options if the walk resumed.
    let bytes = dhcp(&[12, 9, 53, 1, 1, 255]);
    let msg = parse(&bytes);
    // Option 12 claims 9 bytes; 4 follow its length byte.
    let overrun = overrun(12, 240, 9, 4, Area::Options);
    let mut it = msg.options();
    assert_eq!(it.next(), Some(Err(overrun)));
    for _ in 0..10 {
        assert_eq!(it.next(), None);
    }
    let mut main = msg.main_options().unwrap();
    assert_eq!(main.next(), Some(Err(overrun)));
    for _ in 0..10 {
        assert_eq!(main.next(), None);
    }
    assert!(main.failed());
    assert_eq!(main.trailing(), None);
    assert_eq!(main.end_offset(), None);
}

#[test]
fn lookups_fail_on_a_walk_error_even_after_the_wanted_option() {
    let bytes = dhcp(&[53, 1, 1, 12, 9, b'x']);
    let err = overrun(12, 243, 9, 1, Area::Options);
    let msg = parse(&bytes);
    assert_eq!(msg.message_type(), Err(err));
    assert_eq!(msg.option(OptionCode::MESSAGE_TYPE).err(), Some(err));
    assert_eq!(msg.trailing(), Err(err));
    assert_eq!(msg.for_each_deviation(|_| {}), Err(err));
    assert_eq!(msg.overload(), Err(err));
    assert_eq!(msg.sname(), Err(err));
}

#[test]
fn message_display_shows_every_option_and_what_follows_end() {
    let head = "BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length {len}, xid 0xa000001, \
                Flags [Broadcast] (0x8000)\n\t  Gateway-IP 10.198.27.4\n\t  \
                Client-Ethernet-Address 0a:16:36:fb:bb:4a\n\t  Vendor-rfc1048 Extensions\n\t    \
                Magic Cookie 0x63825363\n\t    DHCP Message Type Option 53, length 1: ";
    let shown = |bytes: &[u8]| {
        let text = parse(bytes).to_string();
        let head = head.replace("{len}", &bytes.len().to_string());
        text.strip_prefix(&head).map(str::to_owned).unwrap_or(text)
    };
    // Zeros after END are shown as PAD, anything else as a byte count.
    let zeros = dhcp(&[53, 1, 1, 12, 2, b'h', b'i', 80, 0, 255, 0, 0, 0]);
    assert_eq!(
        shown(&zeros),
        "Discover\n\t    Host Name Option 12, length 2: \"hi\"\n\t    \
         Rapid Commit Option 80, length 0\n\t    PAD Option 0, length 0, occurs 3\n"
    );
    let tail = dhcp(&[53, 1, 1, 255, 0, 7]);
    assert_eq!(shown(&tail), "Discover\n\t    2 bytes after END\n");
    // A malformed value in hex with its error; an option in `file` says so.
    let file = with_file(
        dhcp(&[53, 1, 3, 52, 1, 1, 51, 3, 0, 0, 1, 255]),
        &[12, 1, b'x', 255],
    );
    assert_eq!(
        shown(&file),
        "Request\n\t    Option Overload Option 52, length 1: file\n\t    \
         IP Address Lease Time Option 51, length 3: 00:00:01 [option 51 at offset 246: \
         value of 3 bytes has the wrong length, expected 4 bytes]\n\t    \
         Host Name Option 12, length 1 (in file): \"x\"\n"
    );
}

/// Regression (nDPI `dhcp-fuzz.pcapng`): when the walk fails before any
/// option 52, `sname`/`file` were shown as overloaded. `sname()` and
/// `file()` still give the walk's error; `declared_overload()` reads 52 up
/// to the error, and `Display` shows the names unless that 52 says they
/// carry options.
#[test]
fn names_after_a_walk_error_follow_the_option_52_read_before_it() {
    let err = overrun(12, 243, 9, 1, Area::Options);
    let no_52 = with_file(
        with_sname(dhcp(&[53, 1, 1, 12, 9, b'x']), b"srv"),
        b"boot.img",
    );
    let msg = parse(&no_52);
    assert_eq!((msg.sname(), msg.file()), (Err(err), Err(err)));
    assert_eq!(msg.declared_overload(), None);
    let shown = msg.to_string();
    assert!(
        shown.contains("\t  sname \"srv\"\n\t  file \"boot.img\"\n"),
        "{shown}"
    );
    assert_eq!(
        msg.display_header().to_string(),
        shown.split("\t  Vendor").next().unwrap()
    );

    // 52 = 2 (sname carries options) read before the overrun.
    let err = overrun(12, 246, 9, 1, Area::Options);
    let sname_52 = with_file(
        with_sname(dhcp(&[52, 1, 2, 53, 1, 1, 12, 9, b'x']), b"srv"),
        b"boot.img",
    );
    let msg = parse(&sname_52);
    assert_eq!(msg.overload(), Err(err));
    assert_eq!(msg.declared_overload(), Some(Overload::Sname));
    let shown = msg.display_header().to_string();
    assert!(!shown.contains("srv"), "{shown}");
    assert!(shown.ends_with("\t  file \"boot.img\"\n"), "{shown}");

    // A clean walk: the same as `overload()`; a repeated 52 is not followed.
    let clean = dhcp(&[52, 1, 3, 255]);
    assert_eq!(parse(&clean).declared_overload(), Some(Overload::Both));
    assert_eq!(parse(&clean).overload(), Ok(Some(Overload::Both)));
    let twice = dhcp(&[52, 1, 1, 52, 1, 1, 255]);
    assert_eq!(parse(&twice).declared_overload(), None);
    // No cookie: nothing is declared.
    let mut bootp = clean.clone();
    bootp[236] = 0;
    assert_eq!(parse(&bootp).declared_overload(), None);
}

#[test]
fn malformed_typed_value_does_not_stop_the_walk() {
    // Lease time of 3 bytes, then a good message type.
    let bytes = dhcp(&[51, 3, 0, 0, 1, 53, 1, 1, 255]);
    let opts = walk(&bytes);
    assert_eq!(opts.len(), 2);
    assert_eq!(
        opts[0].unwrap().decode(),
        Err(invalid_len(51, 240, 3, "4 bytes"))
    );
    assert_eq!(opts[0].unwrap().data, &[0, 0, 1]);
    let msg = parse(&bytes);
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Discover)));
    assert_eq!(msg.lease_time(), None);
    assert_eq!(
        msg.typed(OptionCode::LEASE_TIME),
        Err(invalid_len(51, 240, 3, "4 bytes"))
    );
}

#[test]
fn split_fixed_size_values_join_up_to_four_bytes() {
    // A lease time in two fragments of two bytes joins to 4 bytes.
    let bytes = dhcp(&[51, 2, 0, 0, 51, 2, 0x0e, 0x10, 255]);
    let msg = parse(&bytes);
    assert_eq!(msg.lease_time(), Some(3600));
    assert_eq!(msg.index().unwrap().lease_time(), Ok(Some(3600)));
    // Five bytes in two fragments is refused before any copy.
    let bytes = dhcp(&[51, 2, 0, 0, 51, 3, 0x0e, 0x10, 0, 255]);
    let too_long = Err(invalid_len(
        51,
        240,
        5,
        "a fixed-size value of at most 4 bytes",
    ));
    assert_eq!(parse(&bytes).index().unwrap().lease_time(), too_long);
    assert_eq!(parse(&bytes).lease_time(), None);
}

#[test]
fn seed_discover_options_decode_like_tcpdump() {
    // The options of the first message of testdata/seed-dora.tcpdump.txt.
    let mut opts = vec![53, 1, 1, 60, 14];
    opts.extend_from_slice(b"EricssonVendor");
    opts.extend_from_slice(&[55, 11, 1, 15, 3, 6, 44, 46, 47, 31, 33, 43, 252]);
    opts.extend_from_slice(&[61, 7, 1, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]);
    opts.extend_from_slice(&[12, 24]);
    opts.extend_from_slice(b"HostClient11090528025418");
    opts.extend_from_slice(&[51, 4, 0, 0, 0, 1, 82, 0, 255]);
    let mut bytes = dhcp(&opts);
    bytes[3] = 1;
    assert_eq!(bytes.len(), 316);
    let msg = parse(&bytes);
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Discover)));
    assert_eq!(msg.lease_time(), Some(1));
    let codes: Vec<u8> = msg.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(codes, [53, 60, 55, 61, 12, 51, 82]);
    assert_eq!(
        msg.typed(OptionCode::CLIENT_IDENTIFIER),
        Ok(Some(DhcpOption::ClientIdentifier(ClientId {
            kind: 1,
            id: &MAC
        })))
    );
    assert_eq!(
        msg.typed(OptionCode::HOST_NAME),
        Ok(Some(DhcpOption::HostName(Text(
            b"HostClient11090528025418"
        ))))
    );
    assert_eq!(msg.trailing(), Ok(&[] as &[u8]));
    assert_eq!(deviations(&bytes), Ok(vec![]));
    assert_eq!(rebuilt(&bytes), bytes);
}

// ---------------------------------------------------------------------------
// option overload (option 52)
// ---------------------------------------------------------------------------

#[test]
fn overload_1_walks_file_after_options() {
    let bytes = with_sname(
        with_file(dhcp(&[52, 1, 1, 53, 1, 1, 255]), &[12, 2, b'h', b'i', 255]),
        b"srv",
    );
    let opts = walk(&bytes);
    assert_eq!(
        opts,
        vec![
            Ok(ro(52, &[1], 240, Area::Options)),
            Ok(ro(53, &[1], 243, Area::Options)),
            Ok(ro(12, b"hi", 108, Area::File)),
        ]
    );
    assert_eq!(opts[2].unwrap().value_offset(), 110);
    let msg = parse(&bytes);
    assert_eq!(msg.overload(), Ok(Some(Overload::File)));
    assert_eq!(msg.file(), Ok(None));
    assert_eq!(msg.sname(), Ok(Some(&b"srv"[..])));
    let mut it = msg.options();
    it.by_ref().for_each(drop);
    assert_eq!(it.overload(), Some(Overload::File));
    assert_eq!(deviations(&bytes), Ok(vec![]));
}

#[test]
fn overload_2_walks_sname_after_options() {
    let bytes = with_file(
        with_sname(dhcp(&[52, 1, 2, 255]), &[15, 3, b'a', b'b', b'c', 255]),
        b"boot.img",
    );
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[2], 240, Area::Options)),
            Ok(ro(15, b"abc", 44, Area::Sname)),
        ]
    );
    let msg = parse(&bytes);
    assert_eq!(msg.overload(), Ok(Some(Overload::Sname)));
    assert_eq!(msg.sname(), Ok(None));
    assert_eq!(msg.file(), Ok(Some(&b"boot.img"[..])));
}

#[test]
fn overload_3_walks_options_then_file_then_sname() {
    let bytes = with_sname(
        with_file(dhcp(&[52, 1, 3, 53, 1, 5, 255]), &[0, 12, 1, b'f', 255]),
        &[15, 1, b's', 255],
    );
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[3], 240, Area::Options)),
            Ok(ro(53, &[5], 243, Area::Options)),
            Ok(ro(12, b"f", 109, Area::File)),
            Ok(ro(15, b"s", 44, Area::Sname)),
        ]
    );
    let msg = parse(&bytes);
    assert_eq!(msg.sname(), Ok(None));
    assert_eq!(msg.file(), Ok(None));
    // The PAD at the start of `file` is legal; strict mode points at it.
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(
            DeviationKind::PadInOverloadedArea,
            Area::File,
            108
        )])
    );
}

#[test]
fn overload_with_main_area_missing_end_still_walks_file() {
    let bytes = with_file(dhcp(&[52, 1, 1]), &[12, 1, b'x', 255]);
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[1], 240, Area::Options)),
            Ok(ro(12, b"x", 108, Area::File)),
        ]
    );
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(DeviationKind::MissingEnd, Area::Options, 243)])
    );
}

// ---------------------------------------------------------------------------
// RFC 3396: one value from many instances
// ---------------------------------------------------------------------------

#[test]
fn option_split_in_two_fragments_in_main() {
    let bytes = dhcp(&[12, 3, b'a', b'b', b'c', 53, 1, 1, 12, 2, b'd', b'e', 255]);
    let msg = parse(&bytes);
    let value = msg.option(OptionCode::HOST_NAME).unwrap().unwrap();
    assert_eq!(value.code(), OptionCode::HOST_NAME);
    assert_eq!(value.fragment_count(), 2);
    assert_eq!(value.len(), 5);
    assert_eq!(value.offset(), 240);
    assert_eq!(value.as_single(), None);
    assert_eq!(value.first(), ro(12, b"abc", 240, Area::Options));
    assert_eq!(
        value.fragments().collect::<Vec<_>>(),
        vec![
            ro(12, b"abc", 240, Area::Options),
            ro(12, b"de", 248, Area::Options)
        ]
    );
    let mut buf = [0u8; 5];
    assert_eq!(value.copy_to(&mut buf), Ok(&b"abcde"[..]));
    let mut big = [0xffu8; 64];
    assert_eq!(value.copy_to(&mut big), Ok(&b"abcde"[..]));
    assert_eq!(joined(&value), b"abcde");
    let mut small = [0u8; 4];
    let err = Error::JoinBufferTooSmall {
        code: 12,
        offset: 240,
        needed: 5,
        available: 4,
    };
    assert_eq!(value.copy_to(&mut small), Err(err));
    assert!(err.to_string().contains("offset 240"));
    assert_eq!(
        value.decode(),
        Err(Error::Fragmented {
            code: 12,
            offset: 240
        })
    );
    assert_eq!(
        msg.typed(OptionCode::HOST_NAME),
        Err(Error::Fragmented {
            code: 12,
            offset: 240
        })
    );
    let mut scratch = [0u8; 16];
    assert_eq!(
        value.decode_with(&mut scratch),
        Ok(DhcpOption::HostName(Text(b"abcde")))
    );
    let mut tiny = [0u8; 2];
    assert_eq!(
        value.decode_with(&mut tiny),
        Err(Error::JoinBufferTooSmall {
            code: 12,
            offset: 240,
            needed: 5,
            available: 2
        })
    );
}

#[test]
fn fragments_size_hint_counts_down_and_values_say_when_empty() {
    let bytes = dhcp(&[80, 0, 12, 1, b'a', 0, 12, 1, b'b', 12, 1, b'c', 255]);
    let msg = parse(&bytes);
    let value = msg.option(OptionCode::HOST_NAME).unwrap().unwrap();
    assert!(!value.is_empty());
    let mut fragments = value.fragments();
    assert_eq!(fragments.size_hint(), (0, Some(3)));
    assert_eq!(fragments.next().map(|f| f.offset), Some(242));
    assert_eq!(fragments.size_hint(), (0, Some(2)));
    assert_eq!(
        fragments.by_ref().map(|f| f.offset).collect::<Vec<_>>(),
        [246, 249]
    );
    assert_eq!(fragments.size_hint(), (0, Some(0)));
    assert_eq!(fragments.next(), None);
    // Rapid commit (80) is empty by definition.
    let rapid = msg.option(OptionCode::RAPID_COMMIT).unwrap().unwrap();
    assert!(rapid.is_empty());
    assert_eq!((rapid.len(), rapid.fragment_count()), (0, 1));
}

#[test]
fn joined_values_compare_hash_and_print_by_their_bytes() {
    use std::hash::{BuildHasher, RandomState};
    // "hi!" split as "h" + "i!", in one fragment, and "ho!" split alike.
    let split = dhcp(&[12, 1, b'h', 12, 2, b'i', b'!', 255]);
    let single = dhcp(&[12, 3, b'h', b'i', b'!', 255]);
    let other = dhcp(&[12, 1, b'h', 12, 2, b'o', b'!', 255]);
    let joined = |bytes| {
        let value = parse(bytes).option(OptionCode::HOST_NAME).unwrap().unwrap();
        value.joined()
    };
    let (split, single, other) = (joined(&split), joined(&single), joined(&other));
    assert_eq!(split, single);
    assert_ne!(split, other);
    assert!(split == b"hi!"[..] && split != b"ho!"[..] && split != b"hi"[..]);
    let (hi, hx): (&[u8], &[u8]) = (b"hi!", b"hx!");
    assert!(split == hi && split != hx);
    assert!(split == *b"hi!" && split != *b"hi?");
    let hasher = RandomState::new();
    assert_eq!(hasher.hash_one(split), hasher.hash_one(single));
    assert_ne!(hasher.hash_one(split), hasher.hash_one(other));
    assert_eq!(format!("{split:?}"), "Joined(\"hi!\")");
    assert_eq!(split.to_string(), "\"hi!\"");
    assert_eq!(split.as_slice(), None);
    // Value offsets 242, 245 and 246; just past the end is 247.
    assert_eq!(split.message_offset(2), Some(246));
    assert_eq!(split.message_offset(3), Some(247));
    assert_eq!(split.message_offset(4), None);
    let mut bytes = split.bytes();
    assert_eq!(bytes.len(), 3);
    assert_eq!(bytes.next(), Some(b'h'));
    assert_eq!(bytes.size_hint(), (2, Some(2)));
    // Not printable: hex, even when split.
    let binary = dhcp(&[224, 1, 0, 224, 1, 0x41, 255]);
    let value = parse(&binary).option(OptionCode(224)).unwrap().unwrap();
    assert_eq!(value.joined().to_string(), "00:41");
    // One non-empty fragment after an empty one is one slice.
    let one = dhcp(&[12, 0, 12, 2, b'h', b'i', 255]);
    assert_eq!(joined(&one).as_slice(), Some(&b"hi"[..]));
    // Two empty fragments: empty, shown as nothing.
    let empty = dhcp(&[82, 0, 82, 0, 255]);
    let value = parse(&empty).option(OptionCode(82)).unwrap().unwrap();
    let empty = value.joined();
    assert!(empty.is_empty());
    assert_eq!((empty.len(), empty.as_slice()), (0, Some(&[][..])));
    assert_eq!(empty.to_string(), "");
}

#[test]
fn single_fragment_is_zero_copy() {
    let bytes = dhcp(&[12, 3, b'a', b'b', b'c', 255]);
    let msg = parse(&bytes);
    let value = msg.option(OptionCode::HOST_NAME).unwrap().unwrap();
    assert_eq!(value.fragment_count(), 1);
    let single = value.as_single().unwrap();
    assert_eq!(single, b"abc");
    assert!(std::ptr::eq(single.as_ptr(), bytes[242..].as_ptr()));
    assert_eq!(value.decode(), Ok(DhcpOption::HostName(Text(b"abc"))));
    let mut empty = [0u8; 0];
    // A single fragment needs no scratch space.
    assert_eq!(
        value.decode_with(&mut empty),
        Ok(DhcpOption::HostName(Text(b"abc")))
    );
    assert_eq!(
        msg.option(OptionCode::DOMAIN_NAME)
            .map(|v| v.map(|v| v.len())),
        Ok(None)
    );
}

#[test]
fn option_split_across_main_and_file() {
    let bytes = with_file(
        dhcp(&[52, 1, 1, 61, 2, 1, 0xaa, 255]),
        &[61, 3, 0xbb, 0xcc, 0xdd, 255],
    );
    let msg = parse(&bytes);
    let value = msg.option(OptionCode::CLIENT_IDENTIFIER).unwrap().unwrap();
    assert_eq!(
        (value.fragment_count(), value.len(), value.offset()),
        (2, 5, 243)
    );
    assert_eq!(
        value.fragments().collect::<Vec<_>>(),
        vec![
            ro(61, &[1, 0xaa], 243, Area::Options),
            ro(61, &[0xbb, 0xcc, 0xdd], 108, Area::File),
        ]
    );
    let mut buf = [0u8; 5];
    assert_eq!(
        value.copy_to(&mut buf),
        Ok(&[1u8, 0xaa, 0xbb, 0xcc, 0xdd][..])
    );
    let mut scratch = [0u8; 5];
    assert_eq!(
        value.decode_with(&mut scratch),
        Ok(DhcpOption::ClientIdentifier(ClientId {
            kind: 1,
            id: &[0xaa, 0xbb, 0xcc, 0xdd]
        }))
    );
}

#[test]
fn message_type_split_into_empty_fragments_and_one_byte_is_one_value() {
    // RFC 3396 §7: the instances are concatenated; the joined value is 1 byte.
    for (empty, byte, message_type) in [(1, 3, MessageType::Request), (2999, 5, MessageType::Ack)] {
        let mut opts = Vec::new();
        for _ in 0..empty {
            opts.extend_from_slice(&[53, 0]);
        }
        opts.extend_from_slice(&[53, 1, byte, 255]);
        let bytes = dhcp(&opts);
        let msg = parse(&bytes);
        assert_eq!(msg.message_type(), Ok(Some(message_type)), "{empty}");
        let v = msg.option(OptionCode::MESSAGE_TYPE).unwrap().unwrap();
        assert_eq!((v.fragment_count(), v.len()), (empty + 1, 1), "{empty}");
    }
}

#[test]
fn thousands_of_one_byte_fragments_join_correctly() {
    // 2000 one-byte instances of an unknown code, 3000 of a host name.
    let unknown: Vec<u8> = (0..2000u32).map(|i| (i % 251) as u8).collect();
    let host_name: Vec<u8> = (0..3000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let rows = [
        (
            224u8,
            &unknown,
            6241,
            DhcpOption::Unknown {
                code: OptionCode(224),
                data: &unknown,
            },
        ),
        (
            12,
            &host_name,
            240 + 9000 + 1,
            DhcpOption::HostName(Text(&host_name)),
        ),
    ];
    for (code, value, bytes_len, typed) in rows {
        let n = value.len();
        let bytes = one_byte_fragments(code, value);
        assert_eq!(bytes.len(), bytes_len, "{code}");
        let msg = parse(&bytes);
        let v = msg.option(OptionCode(code)).unwrap().unwrap();
        assert_eq!(v.fragment_count(), n, "{code}");
        assert_eq!(v.len(), n, "{code}");
        assert_eq!(v.offset(), 240, "{code}");
        let frags: Vec<_> = v.fragments().collect();
        assert_eq!(frags.len(), n, "{code}");
        assert_eq!(
            frags[n - 1],
            ro(code, &value[n - 1..], 240 + 3 * (n - 1), Area::Options),
            "{code}"
        );
        let mut buf = vec![0u8; n];
        assert_eq!(v.copy_to(&mut buf), Ok(&value[..]), "{code}");
        assert_eq!(&joined(&v), value, "{code}");
        let fragmented = Error::Fragmented { code, offset: 240 };
        assert_eq!(v.decode(), Err(fragmented), "{code}");
        assert_eq!(msg.typed(OptionCode(code)), Err(fragmented), "{code}");
        let mut scratch = vec![0u8; n];
        assert_eq!(v.decode_with(&mut scratch), Ok(typed), "{code}");
        let mut small = vec![0u8; n - 1];
        assert_eq!(
            v.decode_with(&mut small),
            Err(Error::JoinBufferTooSmall {
                code,
                offset: 240,
                needed: n,
                available: n - 1
            }),
            "{code}"
        );
        assert_eq!(msg.options().count(), n, "{code}");
        assert_eq!(deviations(&bytes), Ok(vec![]), "{code}");
    }
}

#[test]
fn builder_splits_2000_byte_value_and_parser_joins_it() {
    let value: Vec<u8> = (0..2000u32).map(|i| (i * 7) as u8).collect();
    let mut buf = vec![0u8; 3000];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .option(OptionCode(225), &value)
        .finish()
        .unwrap();
    // 8 fragments: 7 x 255 + 215.
    assert_eq!(len, 240 + 2000 + 2 * 8 + 1);
    let msg = parse(&buf[..len]);
    let v = msg.option(OptionCode(225)).unwrap().unwrap();
    assert_eq!(v.fragment_count(), 8);
    assert_eq!(
        v.fragments().map(|f| f.len()).collect::<Vec<_>>(),
        [255, 255, 255, 255, 255, 255, 255, 215]
    );
    assert_eq!(joined(&v), value);
}

// ---------------------------------------------------------------------------
// typed decoding, one variant at a time
// ---------------------------------------------------------------------------

#[test]
fn decode_subnet_mask() {
    assert_eq!(
        decode(1, &[255, 255, 255, 0]),
        Ok(DhcpOption::SubnetMask(Ipv4Addr::new(255, 255, 255, 0)))
    );
    for bad in [&[][..], &[255, 255, 255], &[255, 255, 255, 0, 0]] {
        assert_eq!(
            decode(1, bad),
            Err(invalid_len(1, 240, bad.len(), "4 bytes"))
        );
    }
}

#[test]
fn decode_router_list() {
    let data = [10, 0, 0, 1, 10, 0, 0, 2];
    let opt = decode(3, &data).unwrap();
    assert_eq!(opt, DhcpOption::Router(Ipv4List::new(&data).unwrap()));
    let DhcpOption::Router(list) = opt else {
        unreachable!()
    };
    assert_eq!(list.len(), 2);
    assert_eq!(
        list.iter().collect::<Vec<_>>(),
        [Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)]
    );
    assert_eq!(opt.to_string(), "10.0.0.1,10.0.0.2");
    for bad in [&[][..], &[10, 0, 0], &[10, 0, 0, 1, 10]] {
        assert_eq!(
            decode(3, bad),
            Err(invalid_len(
                3,
                240,
                bad.len(),
                "a non-zero multiple of 4 bytes"
            ))
        );
    }
}

#[test]
fn decode_dns_list() {
    let data = [8, 8, 8, 8];
    assert_eq!(
        decode(6, &data),
        Ok(DhcpOption::DomainNameServer(Ipv4List::new(&data).unwrap()))
    );
    assert_eq!(
        decode(6, &[8, 8, 8, 8, 8, 8]),
        Err(invalid_len(6, 240, 6, "a non-zero multiple of 4 bytes"))
    );
}

#[test]
fn decode_host_name_and_domain_name() {
    assert_eq!(
        decode(12, b"laptop-a"),
        Ok(DhcpOption::HostName(Text(b"laptop-a")))
    );
    assert_eq!(
        decode(12, b""),
        Err(invalid_len(12, 240, 0, "at least 1 byte"))
    );
    assert_eq!(
        decode(15, b"example.org"),
        Ok(DhcpOption::DomainName(Text(b"example.org")))
    );
    assert_eq!(
        decode(15, b""),
        Err(invalid_len(15, 240, 0, "at least 1 byte"))
    );
    let DhcpOption::HostName(t) = decode(12, b"a\"b\xff").unwrap() else {
        unreachable!()
    };
    assert_eq!(t.to_str(), None);
    assert_eq!(t.to_string(), "a\\\"b\\xff");
}

#[test]
fn decode_broadcast_requested_ip_server_id() {
    assert_eq!(
        decode(28, &[10, 0, 0, 255]),
        Ok(DhcpOption::BroadcastAddress(Ipv4Addr::new(10, 0, 0, 255)))
    );
    assert_eq!(
        decode(50, &[192, 168, 1, 100]),
        Ok(DhcpOption::RequestedIpAddress(Ipv4Addr::new(
            192, 168, 1, 100
        )))
    );
    assert_eq!(
        decode(54, &[192, 168, 1, 1]),
        Ok(DhcpOption::ServerIdentifier(Ipv4Addr::new(192, 168, 1, 1)))
    );
    assert_eq!(decode(28, &[1; 2]), Err(invalid_len(28, 240, 2, "4 bytes")));
    assert_eq!(decode(50, &[1; 8]), Err(invalid_len(50, 240, 8, "4 bytes")));
    assert_eq!(decode(54, &[]), Err(invalid_len(54, 240, 0, "4 bytes")));
}

#[test]
fn decode_times() {
    assert_eq!(
        decode(51, &[0, 0, 0x0e, 0x10]),
        Ok(DhcpOption::LeaseTime(3600))
    );
    assert_eq!(
        decode(51, &[0xff; 4]).map(|o| o.to_string()),
        Ok("infinite".to_string())
    );
    assert_eq!(decode(58, &[0, 0, 7, 8]), Ok(DhcpOption::RenewalTime(1800)));
    assert_eq!(
        decode(59, &[0, 0, 0x0c, 0x4e]),
        Ok(DhcpOption::RebindingTime(3150))
    );
    for code in [51u8, 58, 59] {
        assert_eq!(
            decode(code, &[0; 3]),
            Err(invalid_len(code, 240, 3, "4 bytes"))
        );
        assert_eq!(
            decode(code, &[0; 5]),
            Err(invalid_len(code, 240, 5, "4 bytes"))
        );
    }
}

#[test]
fn decode_overload() {
    assert_eq!(decode(52, &[1]), Ok(DhcpOption::Overload(Overload::File)));
    assert_eq!(decode(52, &[2]), Ok(DhcpOption::Overload(Overload::Sname)));
    assert_eq!(decode(52, &[3]), Ok(DhcpOption::Overload(Overload::Both)));
    assert_eq!(
        decode(52, &[0]),
        Err(Error::InvalidValue {
            code: 52,
            offset: 242,
            expected: "1 (file), 2 (sname) or 3 (both)"
        })
    );
    assert_eq!(decode(52, &[]), Err(invalid_len(52, 240, 0, "1 byte")));
    assert_eq!(decode(52, &[1, 1]), Err(invalid_len(52, 240, 2, "1 byte")));
}

#[test]
fn decode_message_type_all_values() {
    let expected = [
        MessageType::Discover,
        MessageType::Offer,
        MessageType::Request,
        MessageType::Decline,
        MessageType::Ack,
        MessageType::Nak,
        MessageType::Release,
        MessageType::Inform,
        MessageType::ForceRenew,
        MessageType::LeaseQuery,
        MessageType::LeaseUnassigned,
        MessageType::LeaseUnknown,
        MessageType::LeaseActive,
        MessageType::BulkLeaseQuery,
        MessageType::LeaseQueryDone,
        MessageType::ActiveLeaseQuery,
        MessageType::LeaseQueryStatus,
        MessageType::Tls,
    ];
    for (i, t) in expected.iter().enumerate() {
        let v = i as u8 + 1;
        assert_eq!(decode(53, &[v]), Ok(DhcpOption::MessageType(*t)));
        assert_eq!(u8::from(*t), v);
    }
    assert_eq!(
        decode(53, &[0]),
        Ok(DhcpOption::MessageType(MessageType::Unknown(0)))
    );
    assert_eq!(
        decode(53, &[42]),
        Ok(DhcpOption::MessageType(MessageType::Unknown(42)))
    );
    assert_eq!(decode(53, &[]), Err(invalid_len(53, 240, 0, "1 byte")));
    assert_eq!(decode(53, &[1, 2]), Err(invalid_len(53, 240, 2, "1 byte")));
}

#[test]
fn decode_parameter_request_list() {
    let opt = decode(55, &[1, 3, 6, 15]).unwrap();
    assert_eq!(
        opt,
        DhcpOption::ParameterRequestList(CodeList(&[1, 3, 6, 15]))
    );
    let DhcpOption::ParameterRequestList(list) = opt else {
        unreachable!()
    };
    assert!(list.contains(OptionCode::ROUTER));
    assert!(!list.contains(OptionCode::LEASE_TIME));
    assert_eq!(
        list.iter().collect::<Vec<_>>(),
        [OptionCode(1), OptionCode(3), OptionCode(6), OptionCode(15)]
    );
    assert_eq!(
        decode(55, &[]),
        Err(invalid_len(55, 240, 0, "at least 1 byte"))
    );
}

#[test]
fn decode_max_message_size() {
    assert_eq!(decode(57, &[2, 64]), Ok(DhcpOption::MaxMessageSize(576)));
    for bad in [&[][..], &[2], &[2, 64, 0]] {
        assert_eq!(
            decode(57, bad),
            Err(invalid_len(57, 240, bad.len(), "2 bytes"))
        );
    }
}

#[test]
fn decode_vendor_class() {
    assert_eq!(
        decode(60, b"MSFT 5.0"),
        Ok(DhcpOption::VendorClassIdentifier(Text(b"MSFT 5.0")))
    );
    assert_eq!(
        decode(60, b""),
        Err(invalid_len(60, 240, 0, "at least 1 byte"))
    );
}

#[test]
fn decode_client_identifier() {
    let mut data = vec![1];
    data.extend_from_slice(&MAC);
    let opt = decode(61, &data).unwrap();
    assert_eq!(
        opt,
        DhcpOption::ClientIdentifier(ClientId { kind: 1, id: &MAC })
    );
    assert_eq!(opt.to_string(), "ether 0a:16:36:fb:bb:4a");
    assert_eq!(opt.value_len(), 7);
    assert_eq!(
        decode(61, &[1]),
        Err(invalid_len(61, 240, 1, "at least 2 bytes"))
    );
    assert_eq!(
        decode(61, &[]),
        Err(invalid_len(61, 240, 0, "at least 2 bytes"))
    );
}

#[test]
fn decode_relay_agent_information() {
    let data = [1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22];
    let DhcpOption::RelayAgentInformation(subs) = decode(82, &data).unwrap() else {
        panic!("not 82");
    };
    assert_eq!(
        subs.clone().collect::<Vec<_>>(),
        vec![
            Ok(SubOption {
                code: 1,
                data: b"eth0",
                offset: 242
            }),
            Ok(SubOption {
                code: 2,
                data: &[0x00, 0x11, 0x22],
                offset: 248
            }),
        ]
    );
    assert_eq!(
        subs.find(2).map(|s| s.data),
        Some(&[0x00u8, 0x11, 0x22][..])
    );
    assert_eq!(subs.find(9), None);
}

#[test]
fn decode_relay_agent_information_missing_sub_option_length() {
    // Sub-option 1 "a" at 242, then sub-option 2 at 245 without a length byte.
    let bytes = dhcp(&[82, 4, 1, 1, b'a', 2, 255]);
    assert_eq!(
        parse(&bytes).typed(OptionCode::RELAY_AGENT_INFORMATION),
        Err(Error::InvalidSubOption {
            code: 82,
            sub_code: 2,
            offset: 245,
            expected: "a length byte, but the parent option ends",
        })
    );
}

#[test]
fn decode_unknown_codes_keep_raw_bytes() {
    assert_eq!(
        decode(224, &[1, 2, 3]),
        Ok(DhcpOption::Unknown {
            code: OptionCode(224),
            data: &[1, 2, 3]
        })
    );
    // 84 was never assigned (RFC 3679): data, not an error, even empty.
    assert_eq!(
        decode(84, &[]),
        Ok(DhcpOption::Unknown {
            code: OptionCode(84),
            data: &[]
        })
    );
}

#[test]
fn decode_offsets_come_from_the_raw_option() {
    // 51 of 2 bytes at offset 245 inside the file area (overloaded).
    let bytes = with_file(dhcp(&[52, 1, 1, 255]), &[0, 0, 0, 51, 2, 0, 1, 255]);
    let opts = walk(&bytes);
    assert_eq!(
        opts[1].unwrap().decode(),
        Err(invalid_len(51, 111, 2, "4 bytes"))
    );
}

// ---------------------------------------------------------------------------
// MessageMut
// ---------------------------------------------------------------------------

#[test]
fn set_giaddr_and_increment_hops_edit_only_those_bytes() {
    let orig = dhcp(&[53, 1, 1, 255]);
    let mut bytes = orig.clone();
    MessageMut::parse(&mut bytes)
        .unwrap()
        .set_giaddr(Ipv4Addr::new(192, 0, 2, 9))
        .increment_hops()
        .unwrap();
    let mut expected = orig.clone();
    expected[3] = 1;
    expected[24..28].copy_from_slice(&[192, 0, 2, 9]);
    assert_eq!(bytes, expected);
}

#[test]
fn increment_hops_at_254_and_255() {
    let mut bytes = dhcp(&[255]);
    bytes[3] = 254;
    MessageMut::parse(&mut bytes)
        .unwrap()
        .increment_hops()
        .unwrap();
    assert_eq!(bytes[3], 255);
    let before = bytes.clone();
    let mut m = MessageMut::parse(&mut bytes).unwrap();
    assert_eq!(
        m.increment_hops().err(),
        Some(Error::HopsOverflow { offset: 3 })
    );
    assert_eq!(m.header().hops, 255);
    assert_eq!(bytes, before);
    let err = Error::HopsOverflow { offset: 3 };
    assert!(err.to_string().contains("offset 3"));
}

#[test]
fn set_option_same_length_changes_exactly_the_value() {
    let orig = dhcp(&[53, 1, 1, 51, 4, 0, 0, 0, 60, 255]);
    let mut bytes = orig.clone();
    MessageMut::parse(&mut bytes)
        .unwrap()
        .set_option(OptionCode::LEASE_TIME, &[0, 0, 0x0e, 0x10])
        .unwrap();
    let mut expected = orig;
    expected[245..249].copy_from_slice(&[0, 0, 0x0e, 0x10]);
    assert_eq!(bytes, expected);
    assert_eq!(parse(&bytes).lease_time(), Some(3600));
}

#[test]
fn set_option_deep_in_the_options_area() {
    // The value lies 302 bytes into the options area, further than the
    // area's own offset (240) in the message.
    let mut opts = vec![0u8; 300];
    opts.extend_from_slice(&[12, 2, b'h', b'i', 255]);
    let orig = dhcp(&opts);
    let mut bytes = orig.clone();
    MessageMut::parse(&mut bytes)
        .unwrap()
        .set_option(OptionCode::HOST_NAME, b"yo")
        .unwrap();
    let mut expected = orig;
    expected[542..544].copy_from_slice(b"yo");
    assert_eq!(bytes, expected);
}

#[test]
fn set_option_different_length_is_length_mismatch() {
    let orig = dhcp(&[53, 1, 1, 51, 4, 0, 0, 0, 60, 255]);
    let mut bytes = orig.clone();
    let err = Error::LengthMismatch {
        code: 51,
        offset: 243,
        len: 4,
        given: 2,
    };
    assert_eq!(
        MessageMut::parse(&mut bytes)
            .unwrap()
            .set_option(OptionCode::LEASE_TIME, &[1, 2])
            .err(),
        Some(err)
    );
    assert_eq!(bytes, orig);
    assert!(err.to_string().contains("offset 243"));
}

#[test]
fn set_option_absent_is_option_not_found() {
    let orig = dhcp(&[53, 1, 1, 255, 0, 0]);
    let mut bytes = orig.clone();
    let mut m = MessageMut::parse(&mut bytes).unwrap();
    let err = Error::OptionNotFound {
        code: 54,
        offset: 246,
    };
    assert_eq!(
        m.set_option(OptionCode::SERVER_IDENTIFIER, &[1, 2, 3, 4])
            .err(),
        Some(err)
    );
    assert_eq!(m.option_mut(OptionCode::SERVER_IDENTIFIER).err(), Some(err));
    assert_eq!(bytes, orig);
    assert!(err.to_string().contains("offset 246"));
}

#[test]
fn set_option_fragmented_is_refused() {
    let orig = dhcp(&[12, 1, b'a', 53, 1, 1, 12, 1, b'b', 255]);
    let mut bytes = orig.clone();
    let mut m = MessageMut::parse(&mut bytes).unwrap();
    let err = Error::Fragmented {
        code: 12,
        offset: 240,
    };
    assert_eq!(m.set_option(OptionCode::HOST_NAME, b"x").err(), Some(err));
    assert_eq!(m.option_mut(OptionCode::HOST_NAME).err(), Some(err));
    assert_eq!(bytes, orig);
    assert!(err.to_string().contains("offset 240"));
}

#[test]
fn set_option_inside_overloaded_file() {
    let orig = with_file(dhcp(&[52, 1, 1, 255]), &[0, 12, 2, b'h', b'i', 255]);
    let mut bytes = orig.clone();
    MessageMut::parse(&mut bytes)
        .unwrap()
        .set_option(OptionCode::HOST_NAME, b"XY")
        .unwrap();
    let mut expected = orig.clone();
    expected[111..113].copy_from_slice(b"XY");
    assert_eq!(bytes, expected);
    let mut bytes = orig.clone();
    assert_eq!(
        MessageMut::parse(&mut bytes)
            .unwrap()
            .set_option(OptionCode::HOST_NAME, b"XYZ")
            .err(),
        Some(Error::LengthMismatch {
            code: 12,
            offset: 109,
            len: 2,
            given: 3
        })
    );
}

#[test]
fn option_mut_in_sname() {
    let mut bytes = with_sname(dhcp(&[52, 1, 2, 255]), &[15, 3, b'a', b'b', b'c', 255]);
    MessageMut::parse(&mut bytes)
        .unwrap()
        .option_mut(OptionCode::DOMAIN_NAME)
        .unwrap()
        .copy_from_slice(b"xyz");
    assert_eq!(&bytes[46..49], b"xyz");
}

#[test]
fn message_mut_other_setters() {
    let orig = dhcp(&[255]);
    let mut bytes = orig.clone();
    MessageMut::parse(&mut bytes)
        .unwrap()
        .set_ciaddr(Ipv4Addr::new(1, 2, 3, 4))
        .set_yiaddr(Ipv4Addr::new(5, 6, 7, 8))
        .set_siaddr(Ipv4Addr::new(9, 10, 11, 12))
        .set_flags(Flags(0))
        .set_secs(0x1234)
        .set_xid(0xdead_beef)
        .set_hops(4);
    let mut expected = orig;
    expected[3] = 4;
    expected[4..8].copy_from_slice(&[0xde, 0xad, 0xbe, 0xef]);
    expected[8..10].copy_from_slice(&[0x12, 0x34]);
    expected[10..12].copy_from_slice(&[0, 0]);
    expected[12..24].copy_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(bytes, expected);
}

// ---------------------------------------------------------------------------
// MessageBuilder
// ---------------------------------------------------------------------------

#[test]
fn built_message_parses_back_every_field_and_option() {
    let mut buf = [0u8; 1024];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .op(Op::BootReply)
        .htype(1)
        .chaddr(&MAC)
        .hops(2)
        .xid(0x1234_5678)
        .secs(10)
        .flags(Flags::broadcast_only())
        .ciaddr(Ipv4Addr::new(1, 1, 1, 1))
        .yiaddr(Ipv4Addr::new(2, 2, 2, 2))
        .siaddr(Ipv4Addr::new(3, 3, 3, 3))
        .giaddr(Ipv4Addr::new(4, 4, 4, 4))
        .sname(b"server")
        .file(b"pxelinux.0")
        .message_type(MessageType::Ack)
        .server_identifier(Ipv4Addr::new(192, 168, 1, 1))
        .requested_ip(Ipv4Addr::new(192, 168, 1, 50))
        .lease_time(86400)
        .renewal_time(43200)
        .rebinding_time(75600)
        .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
        .broadcast_address(Ipv4Addr::new(192, 168, 1, 255))
        .routers([Ipv4Addr::new(192, 168, 1, 1)])
        .dns_servers([Ipv4Addr::new(8, 8, 8, 8), Ipv4Addr::new(8, 8, 4, 4)])
        .host_name(b"box")
        .domain_name(b"example.org")
        .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
        .max_message_size(1500)
        .vendor_class_identifier(b"PXEClient")
        .client_identifier(1, &MAC)
        .relay_agent_information(&[(1, b"eth0"), (2, &[9, 9])])
        .typed(&DhcpOption::Unknown {
            code: OptionCode(224),
            data: &[7, 7],
        })
        .finish()
        .unwrap();
    let msg = parse(&buf[..len]);
    assert_eq!(msg.op(), Op::BootReply);
    assert_eq!(msg.htype, 1);
    assert_eq!(msg.hlen, 6);
    assert_eq!(msg.chaddr(), Ok(&MAC[..]));
    assert_eq!(msg.hops, 2);
    assert_eq!(msg.xid(), 0x1234_5678);
    assert_eq!(msg.secs(), 10);
    assert_eq!(msg.flags(), Flags(0x8000));
    assert_eq!(msg.ciaddr(), Ipv4Addr::new(1, 1, 1, 1));
    assert_eq!(msg.yiaddr(), Ipv4Addr::new(2, 2, 2, 2));
    assert_eq!(msg.siaddr(), Ipv4Addr::new(3, 3, 3, 3));
    assert_eq!(msg.giaddr(), Ipv4Addr::new(4, 4, 4, 4));
    assert_eq!(msg.sname(), Ok(Some(&b"server"[..])));
    assert_eq!(msg.file(), Ok(Some(&b"pxelinux.0"[..])));
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Ack)));
    assert_eq!(msg.server_identifier(), Some(Ipv4Addr::new(192, 168, 1, 1)));
    assert_eq!(msg.requested_ip(), Some(Ipv4Addr::new(192, 168, 1, 50)));
    assert_eq!(msg.lease_time(), Some(86400));
    assert_eq!(msg.max_message_size(), Some(1500));
    let t = |c: OptionCode| msg.typed(c).unwrap().unwrap();
    assert_eq!(t(OptionCode::RENEWAL_TIME), DhcpOption::RenewalTime(43200));
    assert_eq!(
        t(OptionCode::REBINDING_TIME),
        DhcpOption::RebindingTime(75600)
    );
    assert_eq!(
        t(OptionCode::SUBNET_MASK),
        DhcpOption::SubnetMask(Ipv4Addr::new(255, 255, 255, 0))
    );
    assert_eq!(
        t(OptionCode::BROADCAST_ADDRESS),
        DhcpOption::BroadcastAddress(Ipv4Addr::new(192, 168, 1, 255))
    );
    assert_eq!(
        t(OptionCode::ROUTER),
        DhcpOption::Router(Ipv4List::new(&[192, 168, 1, 1]).unwrap())
    );
    assert_eq!(
        t(OptionCode::DOMAIN_NAME_SERVER),
        DhcpOption::DomainNameServer(Ipv4List::new(&[8, 8, 8, 8, 8, 8, 4, 4]).unwrap())
    );
    assert_eq!(t(OptionCode::HOST_NAME), DhcpOption::HostName(Text(b"box")));
    assert_eq!(
        t(OptionCode::DOMAIN_NAME),
        DhcpOption::DomainName(Text(b"example.org"))
    );
    assert_eq!(
        t(OptionCode::PARAMETER_REQUEST_LIST),
        DhcpOption::ParameterRequestList(CodeList(&[1, 3]))
    );
    assert_eq!(
        t(OptionCode::VENDOR_CLASS_IDENTIFIER),
        DhcpOption::VendorClassIdentifier(Text(b"PXEClient"))
    );
    assert_eq!(
        t(OptionCode::CLIENT_IDENTIFIER),
        DhcpOption::ClientIdentifier(ClientId { kind: 1, id: &MAC })
    );
    assert_eq!(
        t(OptionCode::RELAY_AGENT_INFORMATION),
        DhcpOption::RelayAgentInformation(SubOptions::new(
            82,
            &[1, 4, b'e', b't', b'h', b'0', 2, 2, 9, 9],
            0
        ))
    );
    assert_eq!(
        t(OptionCode(224)),
        DhcpOption::Unknown {
            code: OptionCode(224),
            data: &[7, 7]
        }
    );
    let codes: Vec<u8> = msg.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(
        codes,
        [
            53, 54, 50, 51, 58, 59, 1, 28, 3, 6, 12, 15, 55, 57, 60, 61, 82, 224
        ]
    );
    assert_eq!(deviations(&buf[..len]), Ok(vec![]));
}

fn build_single(value: &[u8]) -> Vec<u8> {
    let mut buf = vec![0u8; 1024];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .option(OptionCode(224), value)
        .finish()
        .unwrap();
    buf.truncate(len);
    buf.split_off(240)
}

#[test]
fn builder_splits_values_at_255_bytes() {
    let value: Vec<u8> = (0..511u32).map(|i| (i % 253) as u8 + 1).collect();
    for (n, lens) in [
        (0usize, &[0usize][..]),
        (1, &[1]),
        (255, &[255]),
        (256, &[255, 1]),
        (510, &[255, 255]),
        (511, &[255, 255, 1]),
    ] {
        let area = build_single(&value[..n]);
        let mut expected = Vec::new();
        let mut at = 0;
        for &l in lens {
            expected.push(224);
            expected.push(l as u8);
            expected.extend_from_slice(&value[at..at + l]);
            at += l;
        }
        expected.push(255);
        assert_eq!(area, expected, "value of {n} bytes");
    }
    // The headers, spelled out.
    let a = build_single(&value[..256]);
    assert_eq!(&a[..2], &[224, 255]);
    assert_eq!(&a[257..260], &[224, 1, value[255]]);
    let a = build_single(&value[..511]);
    assert_eq!(&a[514..516], &[224, 1]);
}

#[test]
fn builder_pads_to_300_by_default() {
    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .message_type(MessageType::Discover)
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(&buf[236..244], &[99, 130, 83, 99, 53, 1, 1, 255]);
    assert!(buf[244..300].iter().all(|&b| b == 0));
    assert_eq!(parse(&buf[..len]).trailing(), Ok(&[0u8; 56][..]));
}

#[test]
fn builder_min_len_0_and_576() {
    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .message_type(MessageType::Discover)
        .finish()
        .unwrap();
    assert_eq!(len, 244);
    assert_eq!(&buf[240..244], &[53, 1, 1, 255]);

    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(576)
        .message_type(MessageType::Discover)
        .finish()
        .unwrap();
    assert_eq!(len, 576);
    assert!(buf[244..576].iter().all(|&b| b == 0));
    // A message longer than min_len is not padded.
    let mut buf = [0u8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(250)
        .option(OptionCode(224), &[1; 20])
        .finish()
        .unwrap();
    assert_eq!(len, 263);
}

#[test]
fn dirty_buffer_gives_the_same_bytes_as_a_clean_one() {
    let mut clean = vec![0u8; 1024];
    let mut dirty = vec![0xaau8; 1024];
    let a = build_everything(&mut clean).unwrap();
    let b = build_everything(&mut dirty).unwrap();
    assert_eq!(a, b);
    assert_eq!(&clean[..a], &dirty[..b]);

    // And with the default padding after a short message.
    let mut clean = vec![0u8; 400];
    let mut dirty = vec![0xaau8; 400];
    let f = |buf: &mut [u8]| {
        MessageBuilder::new(buf)
            .unwrap()
            .chaddr(&MAC)
            .message_type(MessageType::Discover)
            .finish()
            .unwrap()
    };
    let (a, b) = (f(&mut clean), f(&mut dirty));
    assert_eq!(&clean[..a], &dirty[..b]);
}

fn build_sample(buf: &mut [u8]) -> Result<usize, Error> {
    MessageBuilder::new(buf)?
        .xid(7)
        .chaddr(&MAC)
        .message_type(MessageType::Offer)
        .option(OptionCode(224), &[0x5a; 300])
        .host_name(b"h")
        .finish()
}

fn build_short(buf: &mut [u8]) -> Result<usize, Error> {
    MessageBuilder::new(buf)?
        .message_type(MessageType::Offer)
        .lease_time(60)
        .finish()
}

/// A realistic OFFER: every common option, a domain search list and
/// classless routes.
fn build_reply(buf: &mut [u8]) -> Result<usize, Error> {
    MessageBuilder::new(buf)?
        .op(Op::BootReply)
        .htype(1)
        .chaddr(&MAC)
        .xid(XID)
        .yiaddr(Ipv4Addr::new(10, 198, 27, 8))
        .giaddr(Ipv4Addr::new(10, 198, 27, 4))
        .message_type(MessageType::Offer)
        .server_identifier(Ipv4Addr::new(10, 228, 18, 1))
        .lease_time(3600)
        .renewal_time(1800)
        .rebinding_time(3150)
        .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
        .routers([Ipv4Addr::new(10, 198, 27, 1), Ipv4Addr::new(10, 198, 27, 2)])
        .dns_servers([Ipv4Addr::new(8, 8, 8, 8), Ipv4Addr::new(8, 8, 4, 4)])
        .domain_name(b"example.org")
        .option(OptionCode::DOMAIN_SEARCH, b"\x03eng\x05apple\x03com\x00")
        .option(
            OptionCode::CLASSLESS_STATIC_ROUTE,
            &[24, 10, 99, 200, 10, 99, 34, 254, 0, 10, 99, 34, 1],
        )
        .finish()
}

#[test]
fn builder_at_every_buffer_size() {
    let mut reference = vec![0u8; 2048];
    // 240 + 3 + 6 + 6 + 6 + 6 + 6 + 10 + 10 + 13 + 17 + 15 + END.
    assert_eq!(build_reply(&mut reference), Ok(339));
    assert_eq!(parse(&reference[..339]).lease_time(), Some(3600));
    for (name, f, full) in [
        (
            "sample",
            build_sample as fn(&mut [u8]) -> Result<usize, Error>,
            240 + 3 + 304 + 3 + 1,
        ),
        ("short", build_short, 300),
        ("everything", build_everything, 563),
        ("reply", build_reply, 339),
    ] {
        assert_builds_at_every_size(name, full, f);
    }
}

#[test]
fn builder_max_size_limits_the_message() {
    let mut buf = vec![0u8; 2048];
    let got = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(400)
        .option(OptionCode(224), &[1; 300])
        .finish();
    assert_eq!(
        got,
        Err(Error::BufferTooSmall {
            needed: 240 + 302 + 2 + 1,
            available: 400
        })
    );
    let err = got.unwrap_err();
    assert_eq!(err.offset(), 400);
    assert!(err.to_string().contains("offset 400"));
}

/// The maximum size bounds the padding too, and a build that fails writes
/// nothing past it.
#[test]
fn builder_max_size_bounds_the_padding_and_the_writes() {
    // Padding to the default 300 bytes would pass a maximum of 280.
    let mut buf = [0u8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(280)
            .message_type(MessageType::Discover)
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 300,
            available: 280
        })
    );
    // Options up to exactly 300 leave no byte for END: an error, and the
    // byte at 300 is not touched.
    let mut buf = [0xaau8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(300)
            .option(OptionCode(224), &[1; 58])
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 301,
            available: 300
        })
    );
    assert_eq!(buf[298..300], [1, 1]);
    assert!(buf[300..].iter().all(|&b| b == 0xaa));
    // A maximum set after the options were written: the same.
    let mut buf = [0xaau8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .option(OptionCode(224), &[1; 158])
            .max_size(300)
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 401,
            available: 300
        })
    );
    assert!(buf[400..].iter().all(|&b| b == 0xaa));
}

/// END written by hand (or left out on purpose) is not written again.
#[test]
fn builder_finish_after_end_or_no_end_adds_nothing() {
    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .message_type(MessageType::Discover)
        .end()
        .finish()
        .unwrap();
    assert_eq!(len, 244);
    assert_eq!(buf[240..245], [53, 1, 1, 255, 0xaa]);
    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .message_type(MessageType::Discover)
        .no_end()
        .finish()
        .unwrap();
    assert_eq!(len, 243);
    assert_eq!(buf[240..244], [53, 1, 1, 0xaa]);
    // Padded: zeros after the END written by hand.
    let mut buf = [0xaau8; 600];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .message_type(MessageType::Discover)
        .end()
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(buf[243], 255);
    assert!(buf[244..300].iter().all(|&b| b == 0));
}

#[test]
fn builder_max_size_below_240_is_buffer_too_small() {
    let mut buf = [0u8; 576];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(100)
            .message_type(MessageType::Ack)
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 300,
            available: 100
        })
    );
}

#[test]
fn builder_field_too_long() {
    let mut buf = [0u8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .chaddr(&[1; 17])
            .sname(&[b'a'; 65])
            .finish(),
        Err(Error::FieldTooLong {
            field: "chaddr",
            offset: 28,
            len: 17,
            max: 16
        })
    );
    // chaddr alone, into a 300-byte buffer.
    let mut small = [0u8; 300];
    assert_eq!(
        MessageBuilder::new(&mut small)
            .unwrap()
            .chaddr(&[0xab; 17])
            .finish(),
        Err(Error::FieldTooLong {
            field: "chaddr",
            offset: 28,
            len: 17,
            max: 16
        })
    );
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .sname(&[b'a'; 65])
            .finish(),
        Err(Error::FieldTooLong {
            field: "sname",
            offset: 44,
            len: 65,
            max: 64
        })
    );
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .file(&[b'a'; 129])
            .finish(),
        Err(Error::FieldTooLong {
            field: "file",
            offset: 108,
            len: 129,
            max: 128
        })
    );
    // 16, 64, 128 fit.
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .chaddr(&[1; 16])
        .sname(&[b'a'; 64])
        .file(&[b'b'; 128])
        .finish()
        .unwrap();
    let msg = parse(&buf[..len]);
    assert_eq!(msg.chaddr(), Ok(&[1u8; 16][..]));
    assert_eq!(msg.sname(), Ok(Some(&[b'a'; 64][..])));
    assert_eq!(msg.file(), Ok(Some(&[b'b'; 128][..])));
    let err = Error::FieldTooLong {
        field: "chaddr",
        offset: 28,
        len: 17,
        max: 16,
    };
    assert!(err.to_string().contains("offset 28"));
    // error() says it as soon as it happens, the first one only.
    let mut b = MessageBuilder::new(&mut buf).unwrap();
    assert_eq!(b.chaddr(&[1; 16]).error(), None);
    assert_eq!(b.chaddr(&[1; 17]).sname(&[b'a'; 65]).error(), Some(err));
}

#[test]
fn builder_reserved_codes() {
    let mut buf = [0u8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .option(OptionCode::PAD, &[1])
            .finish(),
        Err(Error::ReservedCode {
            code: 0,
            offset: 240
        })
    );
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .message_type(MessageType::Discover)
            .option(OptionCode::END, &[])
            .finish(),
        Err(Error::ReservedCode {
            code: 255,
            offset: 243
        })
    );
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .typed(&DhcpOption::Unknown {
                code: OptionCode(255),
                data: &[1, 2]
            })
            .finish(),
        Err(Error::ReservedCode {
            code: 255,
            offset: 240
        })
    );
    let err = Error::ReservedCode {
        code: 255,
        offset: 243,
    };
    assert!(err.to_string().contains("offset 243"));
}

#[test]
fn builder_file_area_full() {
    let mut buf = [0u8; 600];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .overload(Overload::File)
            .area(Area::File)
            .option(OptionCode(224), &[1; 130])
            .finish(),
        Err(Error::AreaFull {
            area: Area::File,
            offset: 108,
            needed: 132,
            available: 128
        })
    );
    // 126 + 2 fills the field: no room for the END RFC 2131 §4.1 requires.
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .overload(Overload::File)
            .area(Area::File)
            .option(OptionCode(224), &[1; 126])
            .finish(),
        Err(Error::AreaFull {
            area: Area::File,
            offset: 236,
            needed: 1,
            available: 0
        })
    );
    // 125 + 2 + END fits exactly.
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .overload(Overload::File)
        .area(Area::File)
        .option(OptionCode(224), &[1; 125])
        .finish()
        .unwrap();
    assert_eq!(buf[235], 255);
    assert_eq!(
        walk(&buf[..len])[1],
        Ok(ro(224, &[1; 125], 108, Area::File))
    );
}

#[test]
fn builder_reply_to_copies_the_request() {
    let mut req = dhcp(&[53, 1, 1, 255]);
    req[3] = 3;
    req[8] = 5;
    let request = parse(&req);
    let mut buf = [0u8; 576];
    let len = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf)
        .unwrap()
        .yiaddr(Ipv4Addr::new(10, 198, 27, 8))
        .finish()
        .unwrap();
    let reply = parse(&buf[..len]);
    assert_eq!(reply.op(), Op::BootReply);
    assert_eq!(reply.xid(), XID);
    assert_eq!(
        (reply.htype, reply.hlen, reply.hops, reply.secs()),
        (1, 6, 0, 0)
    );
    assert_eq!(reply.flags(), Flags(0x8000));
    assert_eq!(reply.giaddr(), Ipv4Addr::new(10, 198, 27, 4));
    assert_eq!(reply.chaddr(), Ok(&MAC[..]));
    assert_eq!(reply.message_type(), Ok(Some(MessageType::Offer)));
    assert_eq!(&buf[240..244], &[53, 1, 2, 255]);
}

#[test]
fn builder_relay_sub_option_too_long() {
    let mut buf = [0u8; 1024];
    let long = [0u8; 256];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .relay_agent_information(&[(1, &long)])
            .finish(),
        Err(invalid_len(
            82,
            240,
            256,
            "a sub-option value of at most 255 bytes"
        ))
    );
    // 255 bytes is the most a sub-option holds: the option's 257 bytes
    // are two RFC 3396 fragments.
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .relay_agent_information(&[(1, &[0xc1; 255])])
        .finish()
        .unwrap();
    assert_eq!(len, 240 + 2 + 255 + 2 + 2 + 1);
    assert_eq!(buf[240..245], [82, 255, 1, 255, 0xc1]);
    assert_eq!(buf[497..502], [82, 2, 0xc1, 0xc1, 255]);
}

/// An address list over 255 bytes (70 DNS servers, 280 bytes) is split
/// into RFC 3396 fragments of 255 and 25 bytes.
#[test]
fn builder_splits_an_address_list_over_255_bytes() {
    let servers: Vec<Ipv4Addr> = (1..=70).map(|i| Ipv4Addr::new(10, 0, 1, i)).collect();
    let mut buf = [0u8; 1024];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .dns_servers(&servers)
        .finish()
        .unwrap();
    assert_eq!(len, 240 + 257 + 27 + 1);
    assert_eq!(buf[240..246], [6, 255, 10, 0, 1, 1]);
    // The 64th address straddles the fragments: 3 bytes, then 1.
    assert_eq!(buf[494..501], [10, 0, 1, 6, 25, 64, 10]);
    let msg = Message::parse(&buf[..len]).unwrap();
    let value = msg.option(OptionCode::DOMAIN_NAME_SERVER).unwrap().unwrap();
    assert_eq!(value.fragment_count(), 2);
    let joined: Vec<u8> = servers.iter().flat_map(|a| a.octets()).collect();
    assert!(value.joined() == joined[..]);
}

#[test]
fn builder_typed_round_trips_decoded_options() {
    let values: [(u8, &[u8]); 6] = [
        (1, &[255, 255, 0, 0]),
        (3, &[10, 0, 0, 1, 10, 0, 0, 2]),
        (55, &[1, 3, 6]),
        (61, &[0, b'i', b'd']),
        (82, &[1, 1, b'x']),
        (57, &[5, 220]),
    ];
    for (code, data) in values {
        let opt = decode(code, data).unwrap();
        assert_eq!(opt.value_len(), data.len());
        let mut buf = [0u8; 600];
        let len = MessageBuilder::new(&mut buf)
            .unwrap()
            .min_len(0)
            .typed(&opt)
            .finish()
            .unwrap();
        let mut expected = vec![code, data.len() as u8];
        expected.extend_from_slice(data);
        expected.push(255);
        assert_eq!(&buf[240..len], &expected[..], "code {code}");
    }
}

// ---------------------------------------------------------------------------
// builder::rebuild: byte-identical re-emission
// ---------------------------------------------------------------------------

#[test]
fn rebuild_pad_runs_between_options() {
    let bytes = dhcp(&[0, 0, 53, 1, 1, 0, 0, 0, 12, 2, b'a', b'b', 0, 255, 0, 0]);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_missing_end() {
    let bytes = dhcp(&[53, 1, 1, 12, 1, b'a']);
    assert_eq!(rebuilt(&bytes), bytes);
    let bytes = dhcp(&[53, 1, 1, 0, 0]);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_non_zero_after_end() {
    let bytes = dhcp(&[53, 1, 1, 255, 1, 2, 3, 0, 9]);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_keeps_fragment_boundaries() {
    let bytes = dhcp(&[12, 1, b'a', 12, 2, b'b', b'c', 82, 0, 255]);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_overload_into_file_and_sname() {
    let bytes = with_sname(
        with_file(
            dhcp(&[52, 1, 3, 0, 53, 1, 1, 255, 0, 0]),
            &[0, 12, 2, b'h', b'i', 255, 7, 7],
        ),
        &[15, 3, b'a', b'b', b'c'],
    );
    assert_eq!(rebuilt(&bytes), bytes);
    // sname without END but filled to the last byte.
    let mut sname = vec![15, 62];
    sname.extend_from_slice(&[b's'; 62]);
    let bytes = with_sname(dhcp(&[52, 1, 2, 255]), &sname);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_keeps_names_when_not_overloaded() {
    let bytes = with_sname(with_file(dhcp(&[53, 1, 1, 255]), b"boot.img"), b"srv");
    assert_eq!(rebuilt(&bytes), bytes);
    // 52 repeated: not followed, so the fields are copied as they are.
    let bytes = with_file(dhcp(&[52, 1, 1, 52, 1, 1, 255]), &[1, 2, 3, 255, 9]);
    assert_eq!(rebuilt(&bytes), bytes);
}

#[test]
fn rebuild_reports_walk_errors() {
    let bytes = dhcp(&[53, 1, 1, 12]);
    let mut out = [0u8; 600];
    assert_eq!(
        rebuild(&parse(&bytes), &mut out),
        Err(Error::MissingOptionLength {
            code: 12,
            offset: 243,
            area: Area::Options
        })
    );
    // Cut inside the cookie: neither DHCP nor a BOOTP vendor area.
    let bytes = &dhcp(&[])[..238];
    assert_eq!(
        rebuild(&parse(bytes), &mut out),
        Err(Error::TruncatedCookie { len: 238 })
    );
}

/// A plain BOOTP BOOTREQUEST (RFC 951): 236-byte header and a 64-byte
/// vendor area without the magic cookie, built here byte by byte.
fn bootp_request(vendor: &[u8; 64]) -> Vec<u8> {
    let mut v = vec![0u8; 236];
    v[..4].copy_from_slice(&[1, 1, 6, 0]); // op BOOTREQUEST, Ethernet, hlen 6, hops 0
    v[4..8].copy_from_slice(&[0x12, 0x34, 0x56, 0x78]); // xid
    v[28..34].copy_from_slice(&[0x02, 0, 0, 0, 0, 0x01]); // chaddr
    v[44..47].copy_from_slice(b"srv"); // sname
    v[108..116].copy_from_slice(b"boot.img"); // file
    v.extend_from_slice(vendor);
    assert_eq!(v.len(), 300);
    v
}

#[test]
fn rebuild_plain_bootp_byte_for_byte() {
    // A zero vendor area, and one whose first bytes look like options.
    let mut vendor = [0u8; 64];
    let zero = bootp_request(&vendor);
    let msg = parse(&zero);
    assert_eq!(
        msg.cookie(),
        Err(Error::NoMagicCookie {
            found: [0; 4],
            offset: 236
        })
    );
    assert_eq!(msg.bootp_vendor_area(), Some(&[0u8; 64][..]));
    assert_eq!(rebuilt(&zero), zero);
    vendor[..8].copy_from_slice(&[0xde, 0xad, 0xbe, 0xef, 53, 1, 1, 255]);
    vendor[63] = 0x7f;
    let odd = bootp_request(&vendor);
    assert_eq!(rebuilt(&odd), odd);
    // A damaged cookie is a vendor area too, re-emitted as it is.
    let mut bytes = dhcp(&[53, 1, 1, 255]);
    bytes[236] = 0;
    assert_eq!(rebuilt(&bytes), bytes);
    // The header is copied through the builder: every field survives.
    assert_eq!(&rebuilt(&odd)[44..47], b"srv");
    assert_eq!(&rebuilt(&odd)[108..116], b"boot.img");
}

#[test]
fn rebuild_plain_bootp_into_too_small_buffer() {
    let bytes = bootp_request(&[7u8; 64]);
    let mut out = [0u8; 299];
    assert_eq!(
        rebuild(&parse(&bytes), &mut out),
        Err(Error::BufferTooSmall {
            needed: 300,
            available: 299
        })
    );
    let mut out = [0u8; 239];
    assert_eq!(
        rebuild(&parse(&bytes), &mut out),
        Err(Error::BufferTooSmall {
            needed: 240,
            available: 239
        })
    );
}

#[test]
fn rebuild_into_too_small_buffer() {
    let bytes = dhcp(&[53, 1, 1, 255, 0, 0, 0, 0]);
    let mut out = [0u8; 245];
    assert_eq!(
        rebuild(&parse(&bytes), &mut out),
        Err(Error::BufferTooSmall {
            needed: 248,
            available: 245
        })
    );
}

// ---------------------------------------------------------------------------
// Display and Error helpers
// ---------------------------------------------------------------------------

#[test]
fn every_error_display_mentions_its_offset() {
    let errors = [
        Error::TruncatedHeader { len: 17 },
        Error::TruncatedCookie { len: 238 },
        Error::NoMagicCookie {
            found: [0; 4],
            offset: 236,
        },
        Error::HardwareAddressTooLong {
            hlen: 20,
            offset: 2,
        },
        Error::MissingOptionLength {
            code: 9,
            offset: 301,
            area: Area::Options,
        },
        overrun(9, 302, 4, 1, Area::File),
        invalid_len(51, 303, 3, "4 bytes"),
        Error::InvalidValue {
            code: 52,
            offset: 304,
            expected: "x",
        },
        sub_overrun(82, 1, 305, 3, 0),
        Error::JoinBufferTooSmall {
            code: 12,
            offset: 306,
            needed: 9,
            available: 1,
        },
        Error::BufferTooSmall {
            needed: 400,
            available: 307,
        },
        Error::AreaFull {
            area: Area::Sname,
            offset: 108,
            needed: 3,
            available: 0,
        },
        Error::FieldTooLong {
            field: "file",
            offset: 108,
            len: 200,
            max: 128,
        },
        Error::ReservedCode {
            code: 0,
            offset: 309,
        },
        Error::HopsOverflow { offset: 3 },
        Error::OptionNotFound {
            code: 54,
            offset: 310,
        },
        Error::LengthMismatch {
            code: 51,
            offset: 311,
            len: 4,
            given: 2,
        },
        Error::Fragmented {
            code: 12,
            offset: 312,
        },
    ];
    let mut kinds = Vec::new();
    for e in errors {
        let text = e.to_string();
        assert!(
            text.contains(&format!("offset {}", e.offset())),
            "{text:?} lacks offset {}",
            e.offset()
        );
        kinds.push(e.kind());
    }
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), errors.len());
    assert_eq!(
        overrun(9, 302, 4, 1, Area::File).to_string(),
        "option 9 at offset 302 in the file area claims 4 bytes but only 1 remain in the area"
    );
}

#[test]
fn truncated_cookie_display_never_panics() {
    let text = Error::TruncatedCookie { len: 10 }.to_string();
    assert!(text.contains("offset 10"));
}

/// A message with `hlen` set and chaddr's 16 bytes 0xc0, 0xc1, ...
fn with_hlen(hlen: u8) -> Vec<u8> {
    let mut bytes = dhcp(&[255]);
    bytes[2] = hlen;
    for (i, b) in bytes[28..44].iter_mut().enumerate() {
        *b = 0xc0 + i as u8;
    }
    bytes
}

#[test]
fn message_display_never_panics_on_odd_messages() {
    let mut inputs = [
        dhcp(&[12, 9]),
        dhcp(&[53, 1, 1, 82, 3, 1, 9, 9, 255, 1]),
        with_hlen(255),
        header(),
        with_file(dhcp(&[52, 1, 1, 255]), &[12, 200]),
    ];
    inputs[3].extend_from_slice(&[0u8; 64]);
    let texts: Vec<String> = inputs.iter().map(|b| parse(b).to_string()).collect();
    assert!(texts[0].contains("offset 240"), "{}", texts[0]);
    assert!(texts[4].contains("offset 108"), "{}", texts[4]);
}

// ---------------------------------------------------------------------------
// generated inputs: no panic, termination, rebuild identity
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }
    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

/// An options area made of mostly well-formed TLVs, PAD runs, sometimes an
/// END and trailing bytes; `cap` truncates/pads it to a field size.
fn gen_area(rng: &mut Rng, cap: Option<usize>, main: bool) -> Vec<u8> {
    let mut v = Vec::new();
    let items = rng.below(8);
    for _ in 0..items {
        match rng.below(10) {
            0 => v.extend(std::iter::repeat_n(0, rng.below(4) + 1)),
            1 if main => v.extend_from_slice(&[52, 1, rng.below(5) as u8]),
            _ => {
                let code = [12u8, 53, 61, 82, 224, 3, 52][rng.below(7)];
                let long = rng.below(4) == 0;
                let len = rng.below(if long { 256 } else { 8 });
                v.push(code);
                v.push(len as u8);
                for _ in 0..len {
                    v.push(rng.byte());
                }
            }
        }
    }
    if rng.below(4) != 0 {
        v.push(255);
        for _ in 0..rng.below(4) {
            v.push(if rng.below(2) == 0 { 0 } else { rng.byte() });
        }
    }
    if rng.below(20) == 0 {
        // A broken tail.
        v.push(rng.byte() | 1);
    }
    if let Some(cap) = cap {
        v.resize(cap, 0);
    }
    v
}

fn check_message(bytes: &[u8]) {
    let Ok(msg) = Message::parse(bytes) else {
        assert!(bytes.len() < 236);
        return;
    };
    let mut it = msg.options();
    let mut seen = Vec::new();
    let mut error = None;
    for item in it.by_ref() {
        match item {
            Ok(o) => seen.push(o),
            Err(e) => {
                assert!(e.to_string().contains(&format!("offset {}", e.offset())));
                error = Some(e);
            }
        }
        assert!(seen.len() <= bytes.len());
    }
    assert_eq!(it.next(), None);
    for o in &seen {
        let _ = o.decode();
        let _ = o.to_string();
    }
    let _ = msg.to_string();
    if let Some(e) = error {
        assert_eq!(msg.option(OptionCode(224)).err(), Some(e));
        return;
    }
    if msg.cookie().is_err() {
        return;
    }
    // Walk without error: every code's fragments join in walk order, and
    // rebuild reproduces the message byte for byte.
    let mut codes: Vec<u8> = seen.iter().map(|o| o.code.0).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        let value = msg.option(OptionCode(code)).unwrap().unwrap();
        let expected: Vec<u8> = seen
            .iter()
            .filter(|o| o.code.0 == code)
            .flat_map(|o| o.data.iter().copied())
            .collect();
        let count = seen.iter().filter(|o| o.code.0 == code).count();
        assert_eq!(value.fragment_count(), count);
        assert_eq!(joined(&value), expected);
    }
    let mut out = vec![0xa5u8; bytes.len()];
    assert_eq!(rebuild(&msg, &mut out), Ok(bytes.len()));
    assert_eq!(out, bytes);
}

#[test]
fn generated_structured_messages() {
    let mut rng = Rng(0x00d1_c0ff_ee00_0001);
    for _ in 0..4000 {
        let mut bytes = header();
        bytes[2] = rng.byte() % 20;
        bytes.extend_from_slice(&MAGIC_COOKIE);
        bytes.extend_from_slice(&gen_area(&mut rng, None, true));
        if rng.below(2) == 0 {
            let file = gen_area(&mut rng, Some(128), false);
            let sname = gen_area(&mut rng, Some(64), false);
            bytes[FILE..FILE + 128].copy_from_slice(&file[..128]);
            bytes[SNAME..SNAME + 64].copy_from_slice(&sname[..64]);
        }
        check_message(&bytes);
    }
}

#[test]
fn generated_random_bytes() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let len = rng.below(600);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        if len >= 240 && rng.below(2) == 0 {
            bytes[236..240].copy_from_slice(&MAGIC_COOKIE);
        }
        check_message(&bytes);
    }
}

#[test]
fn decode_with_extreme_offset_never_panics() {
    assert_eq!(
        DhcpOption::decode(OptionCode::OVERLOAD, &[0], usize::MAX),
        Err(Error::InvalidValue {
            code: 52,
            offset: usize::MAX,
            expected: "1 (file), 2 (sname) or 3 (both)",
        })
    );
}

#[test]
fn overload_walk_finds_message_type_only_in_file() {
    let bytes = with_file(dhcp(&[52, 1, 1, 255]), &[53, 1, 8, 255]);
    let msg = parse(&bytes);
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Inform)));
    let value = msg.option(OptionCode::MESSAGE_TYPE).unwrap().unwrap();
    assert_eq!(value.first(), ro(53, &[8], 108, Area::File));
    assert_eq!(msg.trailing(), Ok(&[] as &[u8]));
}

#[test]
fn message_mut_reads_split_values() {
    let mut bytes = dhcp(&[12, 1, b'a', 12, 1, b'b', 255]);
    let m = MessageMut::parse(&mut bytes).unwrap();
    let value = m.option(OptionCode::HOST_NAME).unwrap().unwrap();
    assert_eq!(
        (value.fragment_count(), joined(&value)),
        (2, b"ab".to_vec())
    );
    assert_eq!(m.options().count(), 2);
}

#[test]
fn strict_mode_reports_a_repeated_fixed_length_option() {
    // Two message types: RFC 3396 would join them into 2 bytes.
    let bytes = dhcp(&[53, 1, 1, 54, 4, 10, 0, 0, 1, 53, 1, 3, 255]);
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(
            DeviationKind::RepeatedFixedLengthOption,
            Area::Options,
            249
        )])
    );
    // A split variable-length option (RFC 3396) is not a deviation.
    let split = dhcp(&[12, 2, b'a', b'b', 12, 1, b'c', 255]);
    assert_eq!(deviations(&split), Ok(vec![]));
    // Regression: option 118 (subnet selection, 4 bytes) was missing from a
    // hand-kept list that stopped at code 59.
    let subnet = dhcp(&[118, 4, 10, 0, 0, 0, 118, 4, 10, 0, 1, 0, 255]);
    assert_eq!(
        deviations(&subnet),
        Ok(vec![dev(
            DeviationKind::RepeatedFixedLengthOption,
            Area::Options,
            246
        )])
    );
    // Repeated empty rapid commits join to an empty value: no deviation.
    assert_eq!(deviations(&dhcp(&[80, 0, 80, 0, 255])), Ok(vec![]));
}

#[test]
fn joined_sub_option_offsets_map_back_to_the_message() {
    // Option 82 split in two: sub-option 1 in the first fragment, 2 in the second.
    let bytes = dhcp(&[82, 3, 1, 1, b'x', 82, 3, 2, 1, b'y', 255]);
    let msg = parse(&bytes);
    let value = msg
        .option(OptionCode::RELAY_AGENT_INFORMATION)
        .unwrap()
        .unwrap();
    let mut scratch = [0u8; 16];
    let Ok(DhcpOption::RelayAgentInformation(subs)) = value.decode_with(&mut scratch) else {
        panic!("not decoded");
    };
    let offsets: Vec<(u8, usize, Option<usize>)> = subs
        .map(|s| {
            let s = s.unwrap();
            (s.code, s.offset, value.message_offset(s.offset))
        })
        .collect();
    // As if joined: 242 and 245; in the message: 242 and 247.
    assert_eq!(offsets, vec![(1, 242, Some(242)), (2, 245, Some(247))]);
    assert_eq!(value.message_offset(241), None);
    // Just past the value: the byte after the second fragment.
    assert_eq!(value.message_offset(248), Some(250));
    assert_eq!(value.message_offset(249), None);
}

// ---------------------------------------------------------------------------
// peek_message_type: first match, and where it differs from message_type
// ---------------------------------------------------------------------------

#[test]
fn peek_finds_the_first_message_type_and_stops() {
    let msg_bytes = dhcp(&[53, 1, 3, 55, 2, 1, 3, 255]);
    let msg = parse(&msg_bytes);
    assert_eq!(msg.peek_message_type(), Some(MessageType::Request));
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Request)));
}

#[test]
fn peek_takes_the_first_of_two_message_types_strict_joins_them() {
    let bytes = dhcp(&[53, 1, 1, 53, 1, 3, 255]);
    let msg = parse(&bytes);
    assert_eq!(msg.peek_message_type(), Some(MessageType::Discover));
    assert_eq!(msg.message_type(), Err(invalid_len(53, 240, 2, "1 byte")));
}

#[test]
fn peek_skips_an_empty_message_type_like_the_rfc_3396_join() {
    let bytes = dhcp(&[53, 0, 12, 1, b'a', 53, 1, 5, 255]);
    let msg = parse(&bytes);
    assert_eq!(msg.peek_message_type(), Some(MessageType::Ack));
    assert_eq!(msg.message_type(), Ok(Some(MessageType::Ack)));
}

#[test]
fn peek_rejects_a_message_type_longer_than_one_byte() {
    let bytes = dhcp(&[53, 2, 1, 1, 53, 1, 3, 255]);
    assert_eq!(parse(&bytes).peek_message_type(), None);
}

#[test]
fn peek_stops_at_a_malformed_option_before_the_message_type() {
    // Option 12 claims 40 bytes; only 4 follow.
    let bytes = dhcp(&[12, 40, b'a', b'b', 53, 1]);
    assert_eq!(parse(&bytes).peek_message_type(), None);
    assert_eq!(
        parse(&bytes).message_type(),
        Err(overrun(12, 240, 40, 4, Area::Options))
    );
}

#[test]
fn peek_does_not_see_a_malformed_option_after_the_message_type() {
    let bytes = dhcp(&[53, 1, 8, 12, 40, b'a']);
    let msg = parse(&bytes);
    assert_eq!(msg.peek_message_type(), Some(MessageType::Inform));
    assert_eq!(
        msg.message_type(),
        Err(overrun(12, 243, 40, 1, Area::Options))
    );
}

#[test]
fn peek_follows_overload_into_file_then_sname() {
    let in_file = with_file(dhcp(&[52, 1, 1, 255]), &[0, 53, 1, 2, 255]);
    assert_eq!(
        parse(&in_file).peek_message_type(),
        Some(MessageType::Offer)
    );
    let in_sname = with_sname(
        with_file(dhcp(&[52, 1, 3, 255]), &[12, 1, b'x', 255]),
        &[53, 1, 6, 255],
    );
    assert_eq!(parse(&in_sname).peek_message_type(), Some(MessageType::Nak));
    assert_eq!(parse(&in_sname).message_type(), Ok(Some(MessageType::Nak)));
    // Overload 1 names `file` only: a message type in `sname` is not read.
    let not_named = with_sname(dhcp(&[52, 1, 1, 255]), &[53, 1, 6, 255]);
    assert_eq!(parse(&not_named).peek_message_type(), None);
    assert_eq!(parse(&not_named).message_type(), Ok(None));
}

#[test]
fn peek_does_not_follow_a_repeated_or_malformed_overload() {
    for opts in [&[52, 1, 1, 52, 1, 1, 255][..], &[52, 2, 1, 0, 255]] {
        let bytes = with_file(dhcp(opts), &[53, 1, 2, 255]);
        assert_eq!(parse(&bytes).peek_message_type(), None, "{opts:?}");
        assert_eq!(parse(&bytes).message_type(), Ok(None), "{opts:?}");
    }
}

#[test]
fn peek_without_cookie_is_none() {
    let mut bytes = dhcp(&[53, 1, 1, 255]);
    bytes[236] = 0;
    assert_eq!(parse(&bytes).peek_message_type(), None);
}

#[test]
fn peek_ignores_an_overload_after_the_message_type() {
    // 52 after 53 in the options field: the peek has its answer before it.
    let bytes = with_file(dhcp(&[53, 1, 1, 52, 1, 1, 255]), &[53, 1, 3, 255]);
    assert_eq!(
        parse(&bytes).peek_message_type(),
        Some(MessageType::Discover)
    );
    // The strict look-up joins both instances (RFC 3396): two bytes.
    assert_eq!(
        parse(&bytes).message_type(),
        Err(invalid_len(53, 240, 2, "1 byte"))
    );
}

#[test]
fn peek_finds_the_one_byte_message_type_in_file_after_an_empty_one() {
    let bytes = with_file(dhcp(&[53, 0, 52, 1, 1, 255]), &[53, 1, 7, 255]);
    assert_eq!(
        parse(&bytes).peek_message_type(),
        Some(MessageType::Release)
    );
    assert_eq!(parse(&bytes).message_type(), Ok(Some(MessageType::Release)));
}

#[test]
fn message_type_after_pad_and_empty_options() {
    // message_type's fast path steps over PAD one byte at a time and over
    // an empty option by its two bytes; an empty option 53 alone is an
    // error, and a second 53 joins the first (RFC 3396).
    use MessageType::{Discover, Offer, Request};
    let check = |opts: &[u8], strict, peek| {
        let bytes = dhcp(opts);
        assert_eq!(parse(&bytes).message_type(), strict, "{opts:?}");
        assert_eq!(parse(&bytes).peek_message_type(), peek, "{opts:?}");
    };
    check(
        &[0, 0, 80, 0, 53, 1, 1, 255],
        Ok(Some(Discover)),
        Some(Discover),
    );
    check(&[82, 0, 0, 53, 1, 2, 255], Ok(Some(Offer)), Some(Offer));
    check(
        &[12, 1, b'x', 53, 1, 3, 255],
        Ok(Some(Request)),
        Some(Request),
    );
    let two = invalid_len(53, 240, 2, "1 byte");
    check(
        &[53, 1, 1, 55, 2, 1, 3, 53, 1, 3, 255],
        Err(two),
        Some(Discover),
    );
    let empty = |offset| Err(invalid_len(53, offset, 0, "1 byte"));
    check(&[0, 53, 0, 7, 1, 9, 255], empty(241), None);
    check(&[0, 0, 0, 53, 0, 255], empty(243), None);
}
