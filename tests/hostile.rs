//! Adversarial suite: hostile inputs, each case asserting the exact error
//! (variant and every field, offsets counted from the first byte of the
//! message) or, when the input is legal but unusual, the exact decoded
//! result. Nothing here may panic, hang or allocate without bound.
//!
//! Categories, and the number of cases (a `#[test]`, or a table row that
//! asserts its own exact result) in each:
//!
//! 1. message lengths 0..=240 (every length; header, cookie, empty options) — 4 (covering all 241 lengths)
//! 2. `hlen` 0, 6, 16, 17, 255, and a reply to a request with `hlen` 255 — 6
//! 3. wrong and truncated magic cookie, also under `MessageMut` — 6
//! 4. option lengths ending exactly at, one past and far past the end of
//!    each area (options, file, sname), a code or a length byte as the last
//!    byte of each area — 20
//! 5. missing END in each area (legal, reported as a deviation) — 9
//! 6. option 52: values 0, 1, 2, 3, 4, 255, wrong lengths, repeated, inside
//!    `file`/`sname`, pointing at zero-filled or overflowing areas — 22
//! 7. RFC 3396: a repeated message type joined into one invalid value,
//!    thousands of one-byte fragments decoded, fragments over all three
//!    areas, errors inside joined values mapped back to the message — 10
//! 8. DNS names in 81, 119, 120: pointer loops, forward pointers, pointers
//!    past the end, labels over 63, names over 255, long backward chains — 29
//! 9. classless routes 121 and 249 — 12
//! 10. nested lengths overrunning their parent: 82, 43 (PXE), 124, 125 — 19
//! 11. zero-length values: illegal for data-carrying types, legal for 80,
//!     82, 68 and unknown codes — 27
//! 12. option 57 below 576 (decoded as on the wire; the builder's
//!     `max_size_from_request` reads it as 576) — 9
//! 13. `Display`/`Debug` of every hostile message and value — 5
//!
//! Total: 178 cases in 51 `#[test]` functions.
//!
//! Two behaviours once tested here live elsewhere: thousands of one-byte
//! fragments of a legal value in `wire.rs`, and the builder at every buffer
//! size in `wire.rs` (without overload) and `overload_build.rs` (with it).

use std::net::Ipv4Addr;

use dhcpwire::options::dns::DomainList;
use dhcpwire::options::relay::SubOptions;
use dhcpwire::options::rfc3046::RelaySubOption;
use dhcpwire::options::rfc3442::Route;
use dhcpwire::options::rfc4578::{PxeSubOption, decode_vendor_specific};
use dhcpwire::options::typed::{Ipv4List, TYPED_CODES};
use dhcpwire::{
    Area, DeviationKind, DhcpOption, Error, Flags, Header, Message, MessageBuilder, MessageMut,
    MessageType, Op, OptionCode, Overload, RawOption,
};

mod common;
use common::*;

/// Renders everything a message offers for display: the message, its
/// debug form, every option raw and typed, every error, every deviation.
fn render(bytes: &[u8]) -> String {
    let mut out = String::new();
    match Message::parse(bytes) {
        Ok(msg) => {
            out += &format!("{msg}\n{msg:?}\n");
            for opt in msg.options() {
                match opt {
                    Ok(o) => {
                        out += &format!("{o}\n{o:?}\n");
                        match o.decode() {
                            Ok(d) => out += &format!("{d}\n{d:?}\n"),
                            Err(e) => out += &format!("{e}\n{e:?}\n"),
                        }
                    }
                    Err(e) => out += &format!("{e}\n{e:?}\n"),
                }
            }
            let _ = msg.for_each_deviation(|d| out += &format!("{d}\n"));
        }
        Err(e) => out += &format!("{e}\n"),
    }
    out
}

// ---------------------------------------------------------------------------
// 1. every message length from 0 to 240
// ---------------------------------------------------------------------------

#[test]
fn every_length_below_236_is_truncated_header() {
    let full = dhcp(&[53, 1, 1, 255]);
    for n in 0..236 {
        let e = Error::TruncatedHeader { len: n };
        let bytes = &full[..n];
        assert_eq!(Message::parse(bytes).err(), Some(e), "len {n}");
        assert_eq!(Message::parse_dhcp(bytes).err(), Some(e), "len {n}");
        assert_eq!(Header::from_prefix(bytes).err(), Some(e), "len {n}");
        assert_eq!(
            MessageMut::parse(&mut bytes.to_vec()).err(),
            Some(e),
            "len {n}"
        );
        assert_eq!((e.offset(), e.kind()), (n, "truncated_header"), "len {n}");
    }
}

#[test]
fn lengths_236_to_239_are_truncated_cookie_reported_by_every_lookup() {
    // The bytes present are the right cookie prefix: still truncated.
    let full = dhcp(&[53, 1, 1, 255]);
    for n in 236..240 {
        let bytes = &full[..n];
        let e = Error::TruncatedCookie { len: n };
        let msg = Message::parse(bytes).expect("the header is complete");
        assert_eq!(msg.xid(), XID, "len {n}");
        assert_eq!(msg.chaddr(), Ok(&MAC[..]), "len {n}");
        assert_eq!(msg.cookie(), Err(e), "len {n}");
        assert!(!msg.is_dhcp(), "len {n}");
        assert_eq!(walk(bytes), vec![Err(e)], "len {n}");
        let mut it = msg.options();
        assert_eq!(it.next(), Some(Err(e)), "len {n}");
        assert_eq!(it.next(), None, "len {n}");
        assert_eq!(it.next(), None, "len {n}");
        assert_eq!(msg.option(OptionCode::MESSAGE_TYPE).err(), Some(e));
        assert_eq!(msg.option(OptionCode::HOST_NAME).err(), Some(e));
        assert_eq!(msg.message_type(), Err(e), "len {n}");
        assert_eq!(msg.main_options().err(), Some(e), "len {n}");
        assert_eq!(msg.trailing(), Err(e), "len {n}");
        assert_eq!(msg.for_each_deviation(|_| {}), Err(e), "len {n}");
        assert_eq!(msg.bootp_vendor_area(), None, "len {n}");
        assert_eq!(msg.options_area(), &[] as &[u8], "len {n}");
        assert_eq!(Message::parse_dhcp(bytes).err(), Some(e), "len {n}");
        let mut copy = bytes.to_vec();
        let mut m = MessageMut::parse(&mut copy).expect("header");
        assert_eq!(m.option(OptionCode::MESSAGE_TYPE).err(), Some(e));
        assert_eq!(m.option_mut(OptionCode::MESSAGE_TYPE).err(), Some(e));
        assert_eq!((e.offset(), e.kind()), (n, "truncated_cookie"));
        assert!(e.to_string().contains(&format!("offset {n}")));
    }
}

#[test]
fn length_240_with_cookie_has_no_options_and_no_error() {
    let bytes = dhcp(&[]);
    assert_eq!(bytes.len(), 240);
    let msg = parse(&bytes);
    assert_eq!(msg.cookie(), Ok(()));
    assert_eq!(walk(&bytes), vec![]);
    assert!(msg.option(OptionCode::MESSAGE_TYPE).unwrap().is_none());
    assert_eq!(msg.message_type(), Ok(None));
    assert_eq!(msg.overload(), Ok(None));
    assert_eq!(msg.trailing(), Ok(&[] as &[u8]));
    assert_eq!(msg.options_area(), &[] as &[u8]);
    // Legal but not strict: the empty options area has no END.
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(DeviationKind::MissingEnd, Area::Options, 240)])
    );
}

#[test]
fn all_zero_messages_of_236_to_240_bytes() {
    let zeros = [0u8; 240];
    for n in 236..240 {
        assert_eq!(
            parse(&zeros[..n]).cookie(),
            Err(Error::TruncatedCookie { len: n })
        );
    }
    let msg = parse(&zeros);
    let e = Error::NoMagicCookie {
        found: [0; 4],
        offset: 236,
    };
    assert_eq!(msg.cookie(), Err(e));
    assert_eq!(walk(&zeros), vec![Err(e)]);
    assert_eq!(msg.bootp_vendor_area(), Some(&[0u8; 4][..]));
    assert_eq!(msg.op(), Op::Unknown(0));
    assert_eq!(msg.chaddr(), Ok(&[] as &[u8]));
}

// ---------------------------------------------------------------------------
// 2. hlen
// ---------------------------------------------------------------------------

#[test]
fn hlen_0_6_16_17_255() {
    let chaddr: [u8; 16] = core::array::from_fn(|i| 0xc0 + i as u8);
    for (hlen, expected, lossy) in [
        (0u8, Ok(&chaddr[..0]), 0usize),
        (6, Ok(&chaddr[..6]), 6),
        (16, Ok(&chaddr[..]), 16),
        (
            17,
            Err(Error::HardwareAddressTooLong {
                hlen: 17,
                offset: 2,
            }),
            16,
        ),
        (
            255,
            Err(Error::HardwareAddressTooLong {
                hlen: 255,
                offset: 2,
            }),
            16,
        ),
    ] {
        let mut bytes = dhcp(&[53, 1, 1, 255]);
        bytes[2] = hlen;
        bytes[28..44].copy_from_slice(&chaddr);
        let msg = parse(&bytes);
        assert_eq!(msg.chaddr(), expected, "hlen {hlen}");
        assert_eq!(msg.chaddr_lossy(), &chaddr[..lossy], "hlen {hlen}");
        // The rest of the message is unaffected.
        assert_eq!(msg.cookie(), Ok(()), "hlen {hlen}");
        assert_eq!(msg.message_type(), Ok(Some(MessageType::Discover)));
        if let Err(err) = expected {
            assert_eq!(err.offset(), 2);
            assert!(err.to_string().contains("offset 2"));
            assert!(err.to_string().contains(&hlen.to_string()));
            // Display does not panic on it.
            let text = msg.to_string();
            assert!(text.contains(&format!("hlen {hlen}")) || text.contains("c0:c1"));
        }
    }
}

#[test]
fn reply_to_a_request_with_hlen_255_copies_it_without_panicking() {
    let mut bytes = dhcp(&[53, 1, 1, 255]);
    bytes[2] = 255;
    let req = parse(&bytes);
    let mut buf = [0u8; 576];
    let n = MessageBuilder::reply_to(&req, MessageType::Offer, &mut buf)
        .unwrap()
        .finish()
        .unwrap();
    assert_eq!(n, 300);
    let reply = parse(&buf[..n]);
    assert_eq!(reply.hlen, 255);
    assert_eq!(
        reply.chaddr(),
        Err(Error::HardwareAddressTooLong {
            hlen: 255,
            offset: 2
        })
    );
    assert_eq!(reply.chaddr_lossy(), &bytes[28..44]);
}

// ---------------------------------------------------------------------------
// 3. magic cookie
// ---------------------------------------------------------------------------

#[test]
fn wrong_cookie_last_byte() {
    // 99.130.83.98 with no options after it, and with 53 1 1 END after it:
    // the header stays readable, the rest is the BOOTP vendor area.
    let mut bare = dhcp(&[]);
    bare[239] = 98;
    let mut with_options = dhcp(&[53, 1, 1, 255]);
    with_options[239] = 98;
    let e = Error::NoMagicCookie {
        found: [99, 130, 83, 98],
        offset: 236,
    };
    for (bytes, vendor) in [
        (bare, &[99u8, 130, 83, 98][..]),
        (with_options, &[99u8, 130, 83, 98, 53, 1, 1, 255][..]),
    ] {
        let len = bytes.len();
        let msg = parse(&bytes);
        assert_eq!(msg.cookie(), Err(e), "len {len}");
        assert_eq!(msg.xid(), XID, "len {len}");
        assert_eq!(msg.op(), Op::BootRequest, "len {len}");
        assert_eq!(msg.giaddr(), Ipv4Addr::new(10, 198, 27, 4), "len {len}");
        assert_eq!(msg.flags(), Flags(0x8000), "len {len}");
        assert_eq!(walk(&bytes), vec![Err(e)], "len {len}");
        assert_eq!(msg.message_type(), Err(e), "len {len}");
        assert_eq!(msg.option(OptionCode::MESSAGE_TYPE).err(), Some(e));
        assert_eq!(msg.for_each_deviation(|_| {}), Err(e), "len {len}");
        assert_eq!(msg.bootp_vendor_area(), Some(vendor), "len {len}");
        assert_eq!(Message::parse_dhcp(&bytes).err(), Some(e), "len {len}");
    }
    assert_eq!(e.offset(), 236);
    assert!(e.to_string().contains("offset 236"));
    assert!(e.to_string().contains("99.130.83.98"));
}

#[test]
fn byte_swapped_cookie_hides_option_like_bytes() {
    let mut bytes = dhcp(&[53, 1, 5, 54, 4, 10, 0, 0, 1, 255]);
    bytes[236..240].copy_from_slice(&[99, 83, 130, 99]);
    bytes.resize(300, 0);
    let e = Error::NoMagicCookie {
        found: [99, 83, 130, 99],
        offset: 236,
    };
    let msg = parse(&bytes);
    assert_eq!(walk(&bytes), vec![Err(e)]);
    assert_eq!(msg.server_identifier(), None);
    assert_eq!(msg.bootp_vendor_area().map(<[u8]>::len), Some(64));
    // The names are read as names, since nothing can overload them.
    assert_eq!(msg.file(), Ok(Some(&[] as &[u8])));
}

#[test]
fn message_mut_with_wrong_cookie_edits_the_header_only() {
    // The first or the last cookie byte zeroed.
    for (at, found, giaddr) in [
        (236, [0, 130, 83, 99], Ipv4Addr::new(192, 0, 2, 1)),
        (239, [99, 130, 83, 0], Ipv4Addr::new(1, 1, 1, 1)),
    ] {
        let mut bytes = dhcp(&[53, 1, 1, 255]);
        bytes[at] = 0;
        let e = Error::NoMagicCookie { found, offset: 236 };
        let mut m = MessageMut::parse(&mut bytes).unwrap();
        assert_eq!(m.option_mut(OptionCode::MESSAGE_TYPE).err(), Some(e));
        assert_eq!(m.set_option(OptionCode::MESSAGE_TYPE, &[3]).err(), Some(e));
        m.set_giaddr(giaddr);
        assert_eq!(m.options().collect::<Vec<_>>(), vec![Err(e)]);
        assert_eq!(&bytes[24..28], &giaddr.octets());
        assert_eq!(&bytes[240..244], &[53, 1, 1, 255]);
    }
    // A truncated cookie: the header is still editable.
    let mut short = dhcp(&[]);
    short.truncate(238);
    let mut m = MessageMut::parse(&mut short).unwrap();
    m.set_secs(9);
    assert_eq!(
        m.option(OptionCode::MESSAGE_TYPE).err(),
        Some(Error::TruncatedCookie { len: 238 })
    );
    assert_eq!(short[8..10], [0, 9]);
}

// ---------------------------------------------------------------------------
// 4. option lengths at the end of each area
// ---------------------------------------------------------------------------

#[test]
fn option_lengths_at_the_end_of_each_area() {
    let file_main = || dhcp(&[52, 1, 1, 255]);
    let sname_main = || dhcp(&[52, 1, 2, 255]);
    let o52 = |v: &'static [u8]| Ok(ro(52, v, 240, Area::Options));
    let mut f_exact = vec![224, 126];
    f_exact.extend_from_slice(&[0x66; 126]);
    let mut f_one_past = vec![224, 127];
    f_one_past.extend_from_slice(&[0x66; 126]);
    let mut f_code_last = vec![0u8; 128];
    f_code_last[127] = 224;
    let mut f_code_12_last = vec![0u8; 128];
    f_code_12_last[127] = 12;
    let mut f_len_last = vec![0u8; 128];
    f_len_last[126..].copy_from_slice(&[224, 9]);
    let mut s_exact = vec![224, 62];
    s_exact.extend_from_slice(&[0x73; 62]);
    let mut s_one_past = vec![224, 63];
    s_one_past.extend_from_slice(&[0x73; 62]);
    let mut s_code_last = vec![0u8; 64];
    s_code_last[63] = 224;
    let mut s_len_last = vec![0u8; 64];
    s_len_last[62..].copy_from_slice(&[224, 1]);

    type Row = (
        &'static str,
        Vec<u8>,
        Vec<Result<RawOption<'static>, Error>>,
    );
    let rows: Vec<Row> = vec![
        (
            "options: value ends exactly at the area end",
            dhcp(&[224, 3, 1, 2, 3]),
            vec![Ok(ro(224, &[1, 2, 3], 240, Area::Options))],
        ),
        (
            "options: one past the end",
            dhcp(&[224, 4, 1, 2, 3]),
            vec![Err(overrun(224, 240, 4, 3, Area::Options))],
        ),
        (
            "options: one past the end, after an option",
            dhcp(&[53, 1, 1, 12, 4, b'a', b'b', b'c']),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Err(overrun(12, 243, 4, 3, Area::Options)),
            ],
        ),
        (
            "options: far past the end",
            dhcp(&[224, 255, 1]),
            vec![Err(overrun(224, 240, 255, 1, Area::Options))],
        ),
        (
            "options: far past the end, 200 claimed",
            dhcp(&[12, 200, b'a']),
            vec![Err(overrun(12, 240, 200, 1, Area::Options))],
        ),
        (
            "options: length byte is the last byte",
            dhcp(&[53, 1, 1, 224, 7]),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Err(overrun(224, 243, 7, 0, Area::Options)),
            ],
        ),
        (
            "options: length byte 1 is the last byte",
            dhcp(&[53, 1, 1, 12, 1]),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Err(overrun(12, 243, 1, 0, Area::Options)),
            ],
        ),
        (
            "options: code is the last byte",
            dhcp(&[53, 1, 1, 224]),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Err(Error::MissingOptionLength {
                    code: 224,
                    offset: 243,
                    area: Area::Options,
                }),
            ],
        ),
        (
            "options: code 12 is the last byte",
            dhcp(&[53, 1, 1, 12]),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Err(Error::MissingOptionLength {
                    code: 12,
                    offset: 243,
                    area: Area::Options,
                }),
            ],
        ),
        (
            "file: value ends exactly at the area end",
            with_file(file_main(), &f_exact),
            vec![o52(&[1]), Ok(ro(224, &[0x66; 126], 108, Area::File))],
        ),
        (
            "file: one past the end",
            with_file(file_main(), &f_one_past),
            vec![o52(&[1]), Err(overrun(224, 108, 127, 126, Area::File))],
        ),
        (
            "file: far past the end",
            with_file(file_main(), &[224, 255]),
            vec![o52(&[1]), Err(overrun(224, 108, 255, 126, Area::File))],
        ),
        (
            "file: code is the last byte",
            with_file(file_main(), &f_code_last),
            vec![
                o52(&[1]),
                Err(Error::MissingOptionLength {
                    code: 224,
                    offset: 235,
                    area: Area::File,
                }),
            ],
        ),
        (
            "file: code 12 is the last byte",
            with_file(file_main(), &f_code_12_last),
            vec![
                o52(&[1]),
                Err(Error::MissingOptionLength {
                    code: 12,
                    offset: 235,
                    area: Area::File,
                }),
            ],
        ),
        (
            "file: length byte is the last byte",
            with_file(file_main(), &f_len_last),
            vec![o52(&[1]), Err(overrun(224, 234, 9, 0, Area::File))],
        ),
        (
            "sname: value ends exactly at the area end",
            with_sname(sname_main(), &s_exact),
            vec![o52(&[2]), Ok(ro(224, &[0x73; 62], 44, Area::Sname))],
        ),
        (
            "sname: one past the end",
            with_sname(sname_main(), &s_one_past),
            vec![o52(&[2]), Err(overrun(224, 44, 63, 62, Area::Sname))],
        ),
        (
            "sname: far past the end",
            with_sname(sname_main(), &[224, 255]),
            vec![o52(&[2]), Err(overrun(224, 44, 255, 62, Area::Sname))],
        ),
        (
            "sname: code is the last byte",
            with_sname(sname_main(), &s_code_last),
            vec![
                o52(&[2]),
                Err(Error::MissingOptionLength {
                    code: 224,
                    offset: 107,
                    area: Area::Sname,
                }),
            ],
        ),
        (
            "sname: length byte is the last byte",
            with_sname(sname_main(), &s_len_last),
            vec![o52(&[2]), Err(overrun(224, 106, 1, 0, Area::Sname))],
        ),
    ];
    for (name, bytes, expected) in &rows {
        assert_eq!(&walk(bytes), expected, "{name}");
        // A walk error is the error of every lookup and of the strict check.
        let last = expected.last().cloned().unwrap();
        match last {
            Err(e) => {
                assert_eq!(
                    parse(bytes).option(OptionCode(224)).err(),
                    Some(e),
                    "{name}"
                );
                assert_eq!(deviations(bytes), Err(e), "{name}");
            }
            Ok(o) => assert_eq!(
                parse(bytes)
                    .option(OptionCode(224))
                    .unwrap()
                    .unwrap()
                    .first(),
                o,
                "{name}"
            ),
        }
    }
    // The error's offset is its code byte, in the API and in the text.
    let err = overrun(12, 243, 4, 3, Area::Options);
    assert_eq!(err.offset(), 243);
    assert!(err.to_string().contains("offset 243"));
    let err = Error::MissingOptionLength {
        code: 12,
        offset: 243,
        area: Area::Options,
    };
    assert!(err.to_string().contains("offset 243"));
    assert_eq!(err.kind(), "missing_option_length");
}

// ---------------------------------------------------------------------------
// 5. missing END in each area (legal, reported by the strict check)
// ---------------------------------------------------------------------------

#[test]
fn missing_end_in_the_options_area() {
    // The options area ends with the message: after a short option, after
    // a value running to the last byte, after PAD only.
    let rows = [
        (
            dhcp(&[53, 1, 1]),
            vec![Ok(ro(53, &[1], 240, Area::Options))],
            243,
            Some(MessageType::Discover),
        ),
        (
            dhcp(&[53, 1, 1, 12, 3, b'a', b'b', b'c']),
            vec![
                Ok(ro(53, &[1], 240, Area::Options)),
                Ok(ro(12, b"abc", 243, Area::Options)),
            ],
            248,
            Some(MessageType::Discover),
        ),
        (dhcp(&[0, 0, 0]), vec![], 243, None),
    ];
    for (bytes, options, end, message_type) in &rows {
        assert_eq!(&walk(bytes), options, "END missing at {end}");
        assert_eq!(parse(bytes).trailing(), Ok(&[] as &[u8]), "{end}");
        assert_eq!(
            deviations(bytes),
            Ok(vec![dev(DeviationKind::MissingEnd, Area::Options, *end)]),
            "{end}"
        );
        assert_eq!(parse(bytes).message_type(), Ok(*message_type), "{end}");
    }
}

#[test]
fn missing_end_in_file() {
    // A short option followed by zeros (PAD), and a value that runs to the
    // last byte of the field: either way END is missing at its end, 236.
    let mut fills = vec![12, 126];
    fills.extend_from_slice(&[b'a'; 126]);
    for (file, code, value) in [
        (&[53u8, 1, 1][..], 53, &[1u8][..]),
        (&fills, 12, &[b'a'; 126]),
    ] {
        let bytes = with_file(dhcp(&[52, 1, 1, 255]), file);
        assert_eq!(
            walk(&bytes),
            vec![
                Ok(ro(52, &[1], 240, Area::Options)),
                Ok(ro(code, value, 108, Area::File)),
            ],
            "{code}"
        );
        assert_eq!(
            deviations(&bytes),
            Ok(vec![dev(DeviationKind::MissingEnd, Area::File, 236)]),
            "{code}"
        );
    }
}

#[test]
fn missing_end_in_sname() {
    for (sname, code, value) in [([53u8, 1, 1], 53, 1u8), ([15, 1, b's'], 15, b's')] {
        let bytes = with_sname(dhcp(&[52, 1, 2, 255]), &sname);
        assert_eq!(
            walk(&bytes),
            vec![
                Ok(ro(52, &[2], 240, Area::Options)),
                Ok(ro(code, &[value], 44, Area::Sname)),
            ],
            "{code}"
        );
        assert_eq!(
            deviations(&bytes),
            Ok(vec![dev(DeviationKind::MissingEnd, Area::Sname, 108)]),
            "{code}"
        );
    }
}

#[test]
fn missing_end_in_all_three_areas() {
    let bytes = with_sname(with_file(dhcp(&[52, 1, 3]), &[12, 1, b'f']), &[15, 1, b's']);
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[3], 240, Area::Options)),
            Ok(ro(12, b"f", 108, Area::File)),
            Ok(ro(15, b"s", 44, Area::Sname)),
        ]
    );
    assert_eq!(
        deviations(&bytes),
        Ok(vec![
            dev(DeviationKind::MissingEnd, Area::Options, 243),
            dev(DeviationKind::MissingEnd, Area::File, 236),
            dev(DeviationKind::MissingEnd, Area::Sname, 108),
        ])
    );
}

#[test]
fn value_ending_exactly_at_each_area_end_is_only_missing_end() {
    let mut f = vec![224, 126];
    f.extend_from_slice(&[0x66; 126]);
    let mut s = vec![224, 62];
    s.extend_from_slice(&[0x73; 62]);
    let bytes = with_sname(with_file(dhcp(&[52, 1, 3, 224, 1, 9]), &f), &s);
    assert_eq!(
        deviations(&bytes),
        Ok(vec![
            dev(DeviationKind::MissingEnd, Area::Options, 246),
            dev(DeviationKind::MissingEnd, Area::File, 236),
            dev(DeviationKind::MissingEnd, Area::Sname, 108),
        ])
    );
    let v = parse(&bytes).option(OptionCode(224)).unwrap().unwrap();
    assert_eq!((v.fragment_count(), v.len()), (3, 1 + 126 + 62));
}

// ---------------------------------------------------------------------------
// 6. option 52
// ---------------------------------------------------------------------------

/// Main area `[52, len, value.., END]`, `file` = 12 "f" END, `sname` = 15 "s" END.
fn overload_message(value: &[u8]) -> Vec<u8> {
    let mut main = vec![52, value.len() as u8];
    main.extend_from_slice(value);
    main.push(255);
    with_sname(
        with_file(dhcp(&main), &[12, 1, b'f', 255]),
        &[15, 1, b's', 255],
    )
}

#[test]
fn overload_values_0_1_2_3_4_255() {
    let bad = |v| {
        (
            v,
            vec![(52u8, 240usize, Area::Options)],
            None,
            Err(invalid_value(52, 242, "1 (file), 2 (sname) or 3 (both)")),
        )
    };
    let rows = [
        bad(0u8),
        (
            1,
            vec![(52, 240, Area::Options), (12, 108, Area::File)],
            Some(Overload::File),
            Ok(DhcpOption::Overload(Overload::File)),
        ),
        (
            2,
            vec![(52, 240, Area::Options), (15, 44, Area::Sname)],
            Some(Overload::Sname),
            Ok(DhcpOption::Overload(Overload::Sname)),
        ),
        (
            3,
            vec![
                (52, 240, Area::Options),
                (12, 108, Area::File),
                (15, 44, Area::Sname),
            ],
            Some(Overload::Both),
            Ok(DhcpOption::Overload(Overload::Both)),
        ),
        bad(4),
        bad(255),
    ];
    for (value, areas, overload, typed) in rows {
        let bytes = overload_message(&[value]);
        let msg = parse(&bytes);
        let got: Vec<_> = msg
            .options()
            .map(|o| o.map(|o| (o.code.0, o.offset, o.area)))
            .collect();
        let want: Vec<Result<_, Error>> = areas.into_iter().map(Ok).collect();
        assert_eq!(got, want, "52 = {value}");
        assert_eq!(
            walk(&bytes)[0],
            Ok(ro(52, &[value], 240, Area::Options)),
            "52 = {value}"
        );
        assert_eq!(msg.overload(), Ok(overload), "52 = {value}");
        assert_eq!(
            msg.typed(OptionCode::OVERLOAD),
            typed.map(Some),
            "52 = {value}"
        );
        let file_is_options = overload.is_some_and(|o| o.file());
        let expected_file = if file_is_options {
            None
        } else {
            Some(&[12u8, 1, b'f', 255][..])
        };
        assert_eq!(msg.file(), Ok(expected_file), "52 = {value}");
    }
}

#[test]
fn overload_of_length_0_and_2_is_not_followed() {
    let rows = [
        (overload_message(&[]), &[][..], 0),
        (overload_message(&[1, 2]), &[1, 2][..], 2),
        (
            with_file(dhcp(&[52, 2, 1, 1, 255]), &[12, 1, b'x', 255]),
            &[1, 1][..],
            2,
        ),
    ];
    for (bytes, value, len) in rows {
        let msg = parse(&bytes);
        assert_eq!(
            walk(&bytes),
            vec![Ok(ro(52, value, 240, Area::Options))],
            "{value:?}"
        );
        assert_eq!(msg.overload(), Ok(None), "{value:?}");
        assert_eq!(
            msg.typed(OptionCode::OVERLOAD),
            Err(invalid_len(52, 240, len, "1 byte")),
            "{value:?}"
        );
    }
}

#[test]
fn overload_repeated_is_not_followed() {
    // (first 52, second 52, file, sname): neither field is walked.
    let rows: [(u8, u8, [u8; 4], &[u8]); 3] = [
        (1, 1, [12, 1, b'x', 255], &[]),
        (1, 2, [12, 1, b'f', 255], &[15, 1, b's', 255]),
        (3, 3, [12, 1, b'f', 255], &[15, 1, b's', 255]),
    ];
    for (a, b, file, sname) in rows {
        let bytes = with_sname(with_file(dhcp(&[52, 1, a, 52, 1, b, 255]), &file), sname);
        let msg = parse(&bytes);
        assert_eq!(
            walk(&bytes),
            vec![
                Ok(ro(52, &[a], 240, Area::Options)),
                Ok(ro(52, &[b], 243, Area::Options)),
            ],
            "52 = {a}, 52 = {b}"
        );
        assert_eq!(msg.overload(), Ok(None), "{a} {b}");
        assert_eq!(msg.file(), Ok(Some(&file[..])), "{a} {b}");
        assert_eq!(
            msg.typed(OptionCode::OVERLOAD),
            Err(Error::Fragmented {
                code: 52,
                offset: 240
            }),
            "{a} {b}"
        );
        assert_eq!(
            deviations(&bytes),
            // At the second instance.
            Ok(vec![dev(
                DeviationKind::RepeatedOverload,
                Area::Options,
                243
            )]),
            "{a} {b}"
        );
        // RFC 3396: the two instances are one 2-byte value, invalid for 52.
        let value = msg.option(OptionCode::OVERLOAD).unwrap().unwrap();
        assert_eq!((value.fragment_count(), value.len()), (2, 2), "{a} {b}");
        let mut scratch = [0u8; 8];
        assert_eq!(
            value.decode_with(&mut scratch),
            Err(invalid_len(52, 240, 2, "1 byte")),
            "{a} {b}"
        );
    }
}

#[test]
fn overload_inside_file_is_yielded_not_followed() {
    // Main says file only; file says sname (2) or both (3): sname stays a
    // name either way.
    for (value, name) in [(2u8, b'x'), (3, b'f')] {
        let bytes = with_sname(
            with_file(dhcp(&[52, 1, 1, 255]), &[52, 1, value, 12, 1, name, 255]),
            &[15, 1, b's', 255],
        );
        assert_eq!(
            walk(&bytes),
            vec![
                Ok(ro(52, &[1], 240, Area::Options)),
                Ok(ro(52, &[value], 108, Area::File)),
                Ok(ro(12, &[name], 111, Area::File)),
            ],
            "file's 52 = {value}"
        );
        let msg = parse(&bytes);
        assert_eq!(msg.overload(), Ok(Some(Overload::File)), "{value}");
        assert_eq!(msg.sname(), Ok(Some(&[15u8, 1, b's', 255][..])), "{value}");
        assert_eq!(
            msg.option(OptionCode::DOMAIN_NAME)
                .map(|v| v.map(|v| v.len())),
            Ok(None),
            "{value}"
        );
        assert_eq!(
            deviations(&bytes),
            Ok(vec![dev(
                DeviationKind::OverloadOutsideMainArea,
                Area::File,
                108
            )]),
            "{value}"
        );
    }
}

#[test]
fn overload_inside_sname_is_yielded_not_followed() {
    let bytes = with_sname(
        with_file(dhcp(&[52, 1, 2, 255]), &[12, 1, b'f', 255]),
        &[52, 1, 3, 255],
    );
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[2], 240, Area::Options)),
            Ok(ro(52, &[3], 44, Area::Sname)),
        ]
    );
    assert_eq!(
        deviations(&bytes),
        Ok(vec![dev(
            DeviationKind::OverloadOutsideMainArea,
            Area::Sname,
            44
        )])
    );
}

#[test]
fn overload_pointing_at_zero_filled_areas() {
    let bytes = dhcp(&[52, 1, 3, 255]);
    let msg = parse(&bytes);
    assert_eq!(walk(&bytes), vec![Ok(ro(52, &[3], 240, Area::Options))]);
    assert_eq!(msg.overload(), Ok(Some(Overload::Both)));
    assert_eq!((msg.file(), msg.sname()), (Ok(None), Ok(None)));
    assert_eq!(
        deviations(&bytes),
        Ok(vec![
            dev(DeviationKind::MissingEnd, Area::File, 236),
            dev(DeviationKind::MissingEnd, Area::Sname, 108),
        ])
    );
}

#[test]
fn overload_pointing_at_an_overflowing_file() {
    // 52 = 3, file starts with 224 claiming 200; 52 = 1, 53 in file after
    // 12 "x" claims 200.
    let both = with_sname(
        with_file(dhcp(&[52, 1, 3, 53, 1, 5, 255]), &[224, 200]),
        &[15, 1, b's', 255],
    );
    let file = with_file(dhcp(&[52, 1, 1, 255]), &[12, 1, b'x', 53, 200]);
    let e_both = overrun(224, 108, 200, 126, Area::File);
    let e_file = overrun(53, 111, 200, 123, Area::File);
    let rows = [
        (
            both,
            vec![
                Ok(ro(52, &[3], 240, Area::Options)),
                Ok(ro(53, &[5], 243, Area::Options)),
                Err(e_both),
            ],
            e_both,
            Overload::Both,
            None,
        ),
        (
            file,
            vec![
                Ok(ro(52, &[1], 240, Area::Options)),
                Ok(ro(12, b"x", 108, Area::File)),
                Err(e_file),
            ],
            e_file,
            Overload::File,
            Some(&[] as &[u8]),
        ),
    ];
    for (bytes, options, e, overload, sname) in &rows {
        let msg = parse(bytes);
        assert_eq!(&walk(bytes), options, "{overload:?}");
        // 53 may be before the error, but a later fragment could have been
        // missed.
        assert_eq!(msg.message_type(), Err(*e), "{overload:?}");
        assert_eq!(deviations(bytes), Err(*e), "{overload:?}");
        // The main area alone is fine: overload, file and sname need only it.
        assert_eq!(msg.overload(), Ok(Some(*overload)));
        assert_eq!(msg.file(), Ok(None), "{overload:?}");
        assert_eq!(msg.sname(), Ok(*sname), "{overload:?}");
    }
    assert!(e_file.to_string().contains("offset 111"));
    assert!(e_file.to_string().contains("file"));
}

#[test]
fn overload_pointing_at_an_overflowing_sname() {
    for (sname, err) in [
        (
            &[0, 0, 224, 100][..],
            overrun(224, 46, 100, 60, Area::Sname),
        ),
        (
            &[0, 0, 15, 70, b'x'][..],
            overrun(15, 46, 70, 60, Area::Sname),
        ),
    ] {
        let bytes = with_sname(with_file(dhcp(&[52, 1, 3, 255]), &[255]), sname);
        assert_eq!(
            walk(&bytes),
            vec![Ok(ro(52, &[3], 240, Area::Options)), Err(err)]
        );
    }
}

#[test]
fn overload_with_an_overflowing_main_area_walks_nothing_else() {
    // 52 = 3 with an overrun right after it; 52 = 1 with one where END was,
    // and a good `file`.
    let mut both = overload_message(&[3])[..243].to_vec();
    both.extend_from_slice(&[224, 9]);
    let file = with_file(dhcp(&[52, 1, 1, 12, 9]), &[53, 1, 1, 255]);
    for (bytes, value, err) in [
        (both, 3u8, overrun(224, 243, 9, 0, Area::Options)),
        (file, 1, overrun(12, 243, 9, 0, Area::Options)),
    ] {
        assert_eq!(
            walk(&bytes),
            vec![Ok(ro(52, &[value], 240, Area::Options)), Err(err)],
            "52 = {value}"
        );
        assert_eq!(parse(&bytes).overload(), Err(err), "52 = {value}");
    }
}

// ---------------------------------------------------------------------------
// 7. RFC 3396
// ---------------------------------------------------------------------------

#[test]
fn repeated_message_type_is_one_invalid_value() {
    // Two instances (1 then 3), and 3000 one-byte instances of 1: RFC 3396
    // joins them into one value too long for option 53.
    for (value, expected) in [
        (vec![1, 3], "1 byte"),
        (vec![1; 3000], "a fixed-size value of at most 4 bytes"),
    ] {
        let n = value.len();
        let bytes = one_byte_fragments(53, &value);
        let msg = parse(&bytes);
        let err = invalid_len(53, 240, n, expected);
        assert_eq!(msg.message_type(), Err(err), "{n}");
        assert!(err.to_string().contains("offset 240"), "{n}");
        // Every instance after the first is a deviation.
        let devs = deviations(&bytes).unwrap();
        assert_eq!(devs.len(), n - 1);
        assert_eq!(
            (devs[0], devs[n - 2]),
            (
                dev(DeviationKind::RepeatedFixedLengthOption, Area::Options, 243),
                dev(
                    DeviationKind::RepeatedFixedLengthOption,
                    Area::Options,
                    240 + 3 * (n - 1)
                )
            ),
            "{n}"
        );
    }
}

#[test]
fn one_thousand_domain_names_in_3000_one_byte_fragments() {
    let value: Vec<u8> = [1, b'a', 0].repeat(1000);
    let bytes = one_byte_fragments(119, &value);
    let msg = parse(&bytes);
    let v = msg.option(OptionCode::DOMAIN_SEARCH).unwrap().unwrap();
    let mut scratch = vec![0u8; 3000];
    let Ok(DhcpOption::DomainSearch(list)) = v.decode_with(&mut scratch) else {
        panic!("not a domain search list")
    };
    assert_eq!(list.names().count(), 1000);
    assert!(list.names().all(|n| n.to_string() == "a"));
}

#[test]
fn dns_error_in_fragment_2999_points_at_its_byte_in_the_message() {
    let mut value: Vec<u8> = [1, b'a', 0].repeat(1000);
    value[2999] = 64; // a label length over 63 where the last root was
    let bytes = one_byte_fragments(119, &value);
    let msg = parse(&bytes);
    let v = msg.option(OptionCode::DOMAIN_SEARCH).unwrap().unwrap();
    let mut scratch = vec![0u8; 3000];
    let at = 240 + 3 * 2999 + 2;
    assert_eq!(bytes[at], 64);
    assert_eq!(
        v.decode_with(&mut scratch),
        Err(invalid_value(
            119,
            at,
            "a label of at most 63 bytes (length byte 0..=63 or a 0xc0 pointer)"
        ))
    );
}

#[test]
fn twenty_one_thousand_fragments_in_a_maximal_udp_message() {
    // 21000 x 3 bytes + END: 63241 bytes, under the 65507-byte UDP limit.
    // A walk restarted per fragment would make this quadratic.
    let value: Vec<u8> = (0..21000u32).map(|i| (i % 253) as u8 + 1).collect();
    let bytes = one_byte_fragments(224, &value);
    assert_eq!(bytes.len(), 63241);
    let msg = parse(&bytes);
    let v = msg.option(OptionCode(224)).unwrap().unwrap();
    assert_eq!((v.fragment_count(), v.len()), (21000, 21000));
    let mut joined = vec![0u8; 21000];
    assert_eq!(v.copy_to(&mut joined), Ok(&value[..]));
    assert_eq!(v.message_offset(242 + 20999), Some(240 + 3 * 20999 + 2));
    assert_eq!(msg.options().count(), 21000);
}

/// 224's value split: 2 bytes in options, 3 in file, 1 in sname.
fn spread_224() -> Vec<u8> {
    with_sname(
        with_file(
            dhcp(&[52, 1, 3, 224, 2, 1, 2, 255]),
            &[224, 3, 3, 4, 5, 255],
        ),
        &[224, 1, 6, 255],
    )
}

#[test]
fn fragments_spread_over_options_file_and_sname_join_in_that_order() {
    let bytes = spread_224();
    let msg = parse(&bytes);
    let v = msg.option(OptionCode(224)).unwrap().unwrap();
    assert_eq!(
        v.fragments().collect::<Vec<_>>(),
        vec![
            ro(224, &[1, 2], 243, Area::Options),
            ro(224, &[3, 4, 5], 108, Area::File),
            ro(224, &[6], 44, Area::Sname),
        ]
    );
    let mut buf = [0u8; 6];
    assert_eq!(v.copy_to(&mut buf), Ok(&[1u8, 2, 3, 4, 5, 6][..]));
    assert_eq!(v.message_offset(243 + 2 + 5), Some(46));
    // Just past the value: the byte after the last fragment (in sname).
    assert_eq!(v.message_offset(243 + 2 + 6), Some(47));
    assert_eq!(v.message_offset(243 + 2 + 7), None);
}

#[test]
fn domain_search_spread_over_three_areas_decodes_joined() {
    let value = b"\x03eng\x05apple\x03com\x00";
    let (a, rest) = value.split_at(5);
    let (b, c) = rest.split_at(6);
    let mut main = vec![52, 1, 3, 119, a.len() as u8];
    main.extend_from_slice(a);
    main.push(255);
    let mut file = vec![119, b.len() as u8];
    file.extend_from_slice(b);
    file.push(255);
    let mut sname = vec![119, c.len() as u8];
    sname.extend_from_slice(c);
    sname.push(255);
    let bytes = with_sname(with_file(dhcp(&main), &file), &sname);
    let v = parse(&bytes)
        .option(OptionCode::DOMAIN_SEARCH)
        .unwrap()
        .unwrap();
    let mut scratch = [0u8; 32];
    let got = v.decode_with(&mut scratch).unwrap();
    assert_eq!(got, decode(119, value).unwrap());
    assert_eq!(got.to_string(), "eng.apple.com");
}

#[test]
fn route_error_in_the_sname_fragment_points_into_sname() {
    // Joined: 24 10.0.0 via 10.0.0.1, then a /33 whose width byte is sname's
    // first value byte (offset 46).
    let bytes = with_sname(
        with_file(
            dhcp(&[52, 1, 3, 121, 5, 24, 10, 0, 0, 10, 255]),
            &[121, 3, 0, 0, 1, 255],
        ),
        &[121, 9, 33, 1, 2, 3, 4, 5, 6, 7, 8, 255],
    );
    let v = parse(&bytes)
        .option(OptionCode::CLASSLESS_STATIC_ROUTE)
        .unwrap()
        .unwrap();
    let mut scratch = [0u8; 32];
    assert_eq!(
        v.decode_with(&mut scratch),
        Err(invalid_value(121, 46, "a prefix length of at most 32"))
    );
    assert_eq!(bytes[46], 33);
}

#[test]
fn relay_sub_option_overrun_in_a_later_fragment_points_into_it() {
    // 82 split over options and file: sub-option 2 at 110 claims 9 of 2.
    // 82 split in the options area: [82,3, 1,1,'x'] at 240 and
    // [82,3, 2,5,'y'] at 245; sub-option 2 at 247 (joined index 3).
    for (bytes, at, err) in [
        (
            with_file(
                dhcp(&[52, 1, 1, 82, 3, 1, 1, b'x', 255]),
                &[82, 4, 2, 9, b'a', b'b', 255],
            ),
            110,
            sub_overrun(82, 2, 110, 9, 2),
        ),
        (
            dhcp(&[82, 3, 1, 1, b'x', 82, 3, 2, 5, b'y', 255]),
            247,
            sub_overrun(82, 2, 247, 5, 1),
        ),
    ] {
        let v = parse(&bytes)
            .option(OptionCode::RELAY_AGENT_INFORMATION)
            .unwrap()
            .unwrap();
        let mut scratch = [0u8; 16];
        assert_eq!(v.decode_with(&mut scratch), Err(err), "{at}");
        assert_eq!(bytes[at], 2, "{at}");
    }
}

// ---------------------------------------------------------------------------
// 8. DNS names (81, 119, 120)
// ---------------------------------------------------------------------------

const FORWARD: &str = "a compression pointer to an earlier byte (forward pointer)";
const LOOP: &str = "a compression pointer before its own labels (pointer loop)";
const PAST_END: &str = "a compression pointer inside the option (pointer past end)";
const SHORT_POINTER: &str = "a two-byte compression pointer inside the option";
const LABEL: &str = "a label of at most 63 bytes (length byte 0..=63 or a 0xc0 pointer)";
const LABEL_INSIDE: &str = "a label inside the option";
const NAME_255: &str = "a name of at most 255 bytes";
const NO_ROOT: &str = "a name ending with a root label inside the option";
const HOPS: &str = "at most 64 compression pointers in a name";

/// `count` labels of 63 bytes, then one of `last` bytes (if not 0), then the root.
fn long_name(count: usize, last: usize) -> Vec<u8> {
    let mut v = Vec::new();
    for _ in 0..count {
        v.push(63);
        v.extend_from_slice(&[b'x'; 63]);
    }
    if last > 0 {
        v.push(last as u8);
        v.extend(std::iter::repeat_n(b'y', last));
    }
    v.push(0);
    v
}

/// Name 0 is "a"; each of the next `names` names is "b" and a pointer to
/// the one before: name k follows k pointers.
fn pointer_chain(names: usize) -> Vec<u8> {
    let mut v = vec![1, b'a', 0];
    let mut prev = 0usize;
    for _ in 0..names {
        let start = v.len();
        v.extend_from_slice(&[1, b'b', 0xc0 | (prev >> 8) as u8, prev as u8]);
        prev = start;
    }
    v
}

#[test]
fn dns_names_malformed() {
    let mut via_pointer = long_name(3, 61); // 255 bytes
    via_pointer.extend_from_slice(&[1, b'z', 0xc0, 0x00]);
    let mut label_64 = vec![64];
    label_64.extend_from_slice(&[b'x'; 64]);
    label_64.push(0);
    let mut fqdn_long = vec![0x05, 0, 0];
    fqdn_long.extend_from_slice(&long_name(5, 0));
    let mut fqdn_label = vec![0x05, 0, 0];
    fqdn_label.extend_from_slice(&label_64);
    let mut sip_label = vec![0];
    sip_label.extend_from_slice(&label_64);
    let rows: Vec<(&str, u8, Vec<u8>, Error)> = vec![
        (
            "119 self pointer",
            119,
            vec![0xc0, 0x00],
            invalid_value(119, 242, FORWARD),
        ),
        (
            "119 pointer to its own first label",
            119,
            vec![1, b'a', 0xc0, 0x00],
            invalid_value(119, 244, LOOP),
        ),
        (
            "119 pointer into its own labels",
            119,
            vec![1, b'a', 1, b'b', 0xc0, 0x02],
            invalid_value(119, 246, LOOP),
        ),
        (
            "119 two names pointing at each other",
            119,
            vec![1, b'a', 0xc0, 0x04, 1, b'b', 0xc0, 0x00],
            invalid_value(119, 244, FORWARD),
        ),
        (
            "119 forward pointer",
            119,
            vec![0xc0, 0x02, 1, b'a', 0],
            invalid_value(119, 242, FORWARD),
        ),
        (
            "119 pointer past the end",
            119,
            vec![1, b'a', 0, 0xc0, 0x10],
            invalid_value(119, 245, PAST_END),
        ),
        (
            "119 pointer 0x3fff",
            119,
            vec![0xff, 0xff],
            invalid_value(119, 242, PAST_END),
        ),
        (
            "119 pointer cut after one byte",
            119,
            vec![1, b'a', 0, 0xc0],
            invalid_value(119, 245, SHORT_POINTER),
        ),
        (
            "119 label of 64",
            119,
            label_64.clone(),
            invalid_value(119, 242, LABEL),
        ),
        (
            "119 reserved label type 0x80",
            119,
            vec![0x80, 1],
            invalid_value(119, 242, LABEL),
        ),
        (
            "119 label past the end",
            119,
            vec![5, b'a', b'b', 0],
            invalid_value(119, 242, LABEL_INSIDE),
        ),
        (
            "119 no root label",
            119,
            vec![1, b'a'],
            // At the length byte of the unterminated label, not past the value.
            invalid_value(119, 242, NO_ROOT),
        ),
        (
            "119 name of 256 bytes",
            119,
            long_name(3, 62),
            invalid_value(119, 242 + 192, NAME_255),
        ),
        (
            "119 name over 255 bytes through a pointer",
            119,
            via_pointer,
            invalid_value(119, 242 + 192, NAME_255),
        ),
        (
            "119 chain of 65 backward pointers",
            119,
            pointer_chain(65),
            invalid_value(119, 247, HOPS),
        ),
        (
            "120 self pointer",
            120,
            vec![0, 0xc0, 0x00],
            invalid_value(120, 243, FORWARD),
        ),
        (
            "120 pointer loop",
            120,
            vec![0, 1, b'a', 0xc0, 0x00],
            invalid_value(120, 245, LOOP),
        ),
        (
            "120 label of 64",
            120,
            sip_label,
            invalid_value(120, 243, LABEL),
        ),
        (
            "120 pointer past the end",
            120,
            vec![0, 1, b'a', 0, 0xc0, 0x09],
            invalid_value(120, 246, PAST_END),
        ),
        (
            "81 compression pointer",
            81,
            vec![0x05, 0, 0, 1, b'a', 0xc0, 0],
            invalid_value(81, 247, "an uncompressed name (no compression pointer)"),
        ),
        (
            "81 label of 64",
            81,
            fqdn_label,
            invalid_value(81, 245, LABEL),
        ),
        (
            "81 name of 320 bytes",
            81,
            fqdn_long,
            invalid_value(81, 245 + 192, NAME_255),
        ),
        (
            "81 label past the end",
            81,
            vec![0x05, 0, 0, 3, b'a', b'b'],
            invalid_value(81, 245, LABEL_INSIDE),
        ),
        (
            "81 bytes after the root label",
            81,
            vec![0x05, 0, 0, 1, b'a', 0, 1],
            invalid_value(81, 248, "nothing after the name's root label"),
        ),
    ];
    for (name, code, data, err) in &rows {
        assert_eq!(decode(*code, data), Err(*err), "{name}");
    }
}

#[test]
fn dns_names_legal_edge_cases() {
    // A 63-byte label.
    let mut label_63 = vec![63];
    label_63.extend_from_slice(&[b'x'; 63]);
    label_63.push(0);
    let DhcpOption::DomainSearch(list) = decode(119, &label_63).unwrap() else {
        panic!()
    };
    assert_eq!(
        list.names().map(|n| n.to_string()).collect::<Vec<_>>(),
        ["x".repeat(63)]
    );
    // A name of exactly 255 bytes.
    let name_255 = long_name(3, 61);
    assert_eq!(name_255.len(), 255);
    let DhcpOption::DomainSearch(list) = decode(119, &name_255).unwrap() else {
        panic!()
    };
    assert_eq!(list.names().next().unwrap().labels().count(), 4);
    // 64 backward pointers in one name: the bound is inclusive.
    let chain = pointer_chain(64);
    let DhcpOption::DomainSearch(list) = decode(119, &chain).unwrap() else {
        panic!()
    };
    assert_eq!(list.names().count(), 65);
    let last = list.names().last().unwrap();
    assert_eq!(last.labels().count(), 65);
    assert_eq!(last.to_string(), format!("{}a", "b.".repeat(64)));
    // 81 with the E flag clear: the name is ASCII, pointer-like bytes allowed.
    let DhcpOption::ClientFqdn(f) = decode(81, &[0x01, 0, 0, 0xc0, 0xc0]).unwrap() else {
        panic!()
    };
    assert_eq!(f.ascii_name().unwrap().as_bytes(), &[0xc0, 0xc0]);
    // The same list seen through DomainList::check at another base.
    assert_eq!(
        DomainList::check(119, &[0xc0, 0x00], 1000).err(),
        Some(invalid_value(119, 1000, FORWARD))
    );
}

// ---------------------------------------------------------------------------
// 9. classless static routes (121, 249)
// ---------------------------------------------------------------------------

#[test]
fn classless_routes_malformed() {
    const PREFIX: &str = "a prefix length of at most 32";
    const DEST: &str = "a complete route (truncated destination)";
    const ROUTER: &str = "a complete route (truncated router)";
    let rows: Vec<(&str, u8, Vec<u8>, Error)> = vec![
        (
            "121 prefix 33",
            121,
            vec![33, 10, 0, 0, 0, 10, 0, 0, 1],
            invalid_value(121, 242, PREFIX),
        ),
        (
            "121 prefix 255 in the second route",
            121,
            vec![0, 10, 0, 0, 1, 255, 1, 2, 3, 4, 5, 6, 7, 8],
            invalid_value(121, 247, PREFIX),
        ),
        (
            "121 truncated destination",
            121,
            vec![0, 10, 0, 0, 1, 24, 10],
            invalid_value(121, 247, DEST),
        ),
        (
            "121 truncated router",
            121,
            vec![24, 10, 0, 0, 10, 0, 0],
            invalid_value(121, 242, ROUTER),
        ),
        (
            "121 zero length",
            121,
            vec![],
            invalid_len(121, 240, 0, "at least 5 bytes"),
        ),
        (
            "121 four bytes",
            121,
            vec![0, 10, 0, 0],
            invalid_len(121, 240, 4, "at least 5 bytes"),
        ),
        (
            "249 prefix 33",
            249,
            vec![33, 10, 0, 0, 0, 10, 0, 0, 1],
            invalid_value(249, 242, PREFIX),
        ),
        (
            "249 truncated destination",
            249,
            vec![32, 10, 0, 0, 1, 10, 0, 0, 1, 32, 10, 0],
            invalid_value(249, 251, DEST),
        ),
        (
            "249 zero length",
            249,
            vec![],
            invalid_len(249, 240, 0, "at least 5 bytes"),
        ),
    ];
    for (name, code, data, err) in &rows {
        assert_eq!(decode(*code, data), Err(*err), "{name}");
    }
}

fn routes_of(opt: DhcpOption<'_>) -> Vec<Route> {
    match opt {
        DhcpOption::ClasslessStaticRoute(r) | DhcpOption::MsClasslessStaticRoute(r) => {
            r.iter().collect()
        }
        other => panic!("not routes: {other:?}"),
    }
}

#[test]
fn classless_routes_default_and_host_route() {
    let default = decode(121, &[0, 192, 168, 1, 1]).unwrap();
    assert_eq!(default.to_string(), "default via 192.168.1.1");
    assert_eq!(
        routes_of(default),
        [Route {
            destination: Ipv4Addr::UNSPECIFIED,
            prefix_len: 0,
            router: Ipv4Addr::new(192, 168, 1, 1)
        }]
    );
    let host = decode(249, &[32, 10, 1, 2, 3, 10, 0, 0, 1, 0, 10, 0, 0, 2]).unwrap();
    assert_eq!(
        host.to_string(),
        "10.1.2.3/32 via 10.0.0.1, default via 10.0.0.2"
    );
    assert_eq!(
        routes_of(host),
        [
            Route {
                destination: Ipv4Addr::new(10, 1, 2, 3),
                prefix_len: 32,
                router: Ipv4Addr::new(10, 0, 0, 1)
            },
            Route {
                destination: Ipv4Addr::UNSPECIFIED,
                prefix_len: 0,
                router: Ipv4Addr::new(10, 0, 0, 2)
            }
        ]
    );
}

#[test]
fn classless_route_error_inside_a_message_has_the_message_offset() {
    let bytes = dhcp(&[53, 1, 5, 121, 9, 33, 10, 0, 0, 0, 10, 0, 0, 1, 255]);
    assert_eq!(
        parse(&bytes).typed(OptionCode::CLASSLESS_STATIC_ROUTE),
        Err(invalid_value(121, 245, "a prefix length of at most 32"))
    );
    // The walk itself is fine: a malformed value is an error for it only.
    assert_eq!(parse(&bytes).message_type(), Ok(Some(MessageType::Ack)));
}

// ---------------------------------------------------------------------------
// 10. nested lengths overrunning their parent: 82, 43, 124, 125
// ---------------------------------------------------------------------------

const ENTRY: &str = "an entry inside the option (enterprise number, length, data)";
const NO_SUB_LEN: &str = "a length byte, but the parent option ends";

#[test]
fn nested_lengths_overrunning_their_parent() {
    let rows: Vec<(&str, u8, Vec<u8>, Error)> = vec![
        (
            "82 sub-option 1 claims 4 of 3",
            82,
            vec![1, 4, b'e', b't', b'h'],
            sub_overrun(82, 1, 242, 4, 3),
        ),
        (
            "82 second sub-option claims 200 of 2",
            82,
            vec![1, 1, b'x', 2, 200, 1, 2],
            sub_overrun(82, 2, 245, 200, 2),
        ),
        (
            "82 sub-option length byte is its last byte",
            82,
            vec![1, 255],
            sub_overrun(82, 1, 242, 255, 0),
        ),
        (
            "82 sub-option without a length byte",
            82,
            vec![1, 1, b'x', 2],
            Error::InvalidSubOption {
                code: 82,
                sub_code: 2,
                offset: 245,
                expected: NO_SUB_LEN,
            },
        ),
        (
            "124 entry claims 9 of 1",
            124,
            vec![0, 0, 0x11, 0x8b, 9, b'x'],
            invalid_value(124, 242, ENTRY),
        ),
        (
            "124 second entry header cut",
            124,
            vec![0, 0, 0, 9, 1, b'a', 0, 0, 0],
            invalid_value(124, 248, ENTRY),
        ),
        (
            "125 entry claims 9 of 3",
            125,
            vec![0, 0, 0x11, 0x8b, 9, 1, 1, 1],
            invalid_value(125, 242, ENTRY),
        ),
        (
            "125 sub-option claims 5 of 2 in its entry",
            125,
            vec![0, 0, 0x11, 0x8b, 4, 1, 5, 1, 2],
            sub_overrun(125, 1, 247, 5, 2),
        ),
        (
            "125 sub-option without a length byte in its entry",
            125,
            vec![0, 0, 0x11, 0x8b, 4, 1, 1, b'a', 2],
            Error::InvalidSubOption {
                code: 125,
                sub_code: 2,
                offset: 250,
                expected: NO_SUB_LEN,
            },
        ),
    ];
    for (name, code, data, err) in &rows {
        assert_eq!(decode(*code, data), Err(*err), "{name}");
    }
}

#[test]
fn relay_sub_option_9_nested_entries_overrun() {
    // Sub-option 9 (RFC 4243) holds option-125-shaped entries.
    for (value, err) in [
        (
            // The entry claims 9 bytes, 2 follow: a sub-option 9 error at
            // the entry.
            vec![9, 7, 0, 0, 0x11, 0x8b, 9, 1, 1],
            Error::InvalidSubOption {
                code: 82,
                sub_code: 9,
                offset: 244,
                expected: ENTRY,
            },
        ),
        (
            // The entry's sub-option claims 5 bytes, 1 follows.
            vec![9, 8, 0, 0, 0x11, 0x8b, 3, 1, 5, b'a'],
            sub_overrun(82, 1, 249, 5, 1),
        ),
    ] {
        let DhcpOption::RelayAgentInformation(subs) = decode(82, &value).unwrap() else {
            panic!()
        };
        let sub = subs.clone().next().unwrap().unwrap();
        assert_eq!((sub.code, sub.offset), (9, 242));
        assert_eq!(sub.decode_relay(), Err(err), "{value:?}");
    }
}

#[test]
fn relay_sub_option_overrun_inside_a_message() {
    // Offsets are the message's: 82 after a message type, and 82 first.
    for (bytes, at, err, raw) in [
        (
            dhcp(&[53, 1, 1, 82, 5, 1, 4, b'e', b't', b'h', 255]),
            245,
            sub_overrun(82, 1, 245, 4, 3),
            &[1u8, 4, b'e', b't', b'h'][..],
        ),
        (
            dhcp(&[82, 4, 1, 4, b'e', b't', 53, 1, 1, 255]),
            242,
            sub_overrun(82, 1, 242, 4, 2),
            &[1u8, 4, b'e', b't'][..],
        ),
    ] {
        let msg = parse(&bytes);
        assert_eq!(
            msg.typed(OptionCode::RELAY_AGENT_INFORMATION),
            Err(err),
            "{raw:?}"
        );
        assert!(err.to_string().contains(&format!("offset {at}")), "{at}");
        // The walk goes on and the raw bytes stay available.
        assert_eq!(msg.message_type(), Ok(Some(MessageType::Discover)));
        assert_eq!(
            msg.option(OptionCode::RELAY_AGENT_INFORMATION)
                .unwrap()
                .unwrap()
                .as_single(),
            Some(raw)
        );
    }
}

#[test]
fn pxe_vendor_specific_nested_overruns() {
    let pxe = Some(&b"PXEClient:Arch:00000:UNDI:002001"[..]);
    let rows: Vec<(&str, Vec<u8>, Error)> = vec![
        (
            "sub-option 6 claims 2 of 1",
            vec![6, 2, 3],
            sub_overrun(43, 6, 242, 2, 1),
        ),
        (
            "sub-option 8 without a length byte",
            vec![6, 1, 3, 8],
            Error::InvalidSubOption {
                code: 43,
                sub_code: 8,
                offset: 245,
                expected: "a length byte, but the parent option ends",
            },
        ),
        (
            "boot servers: count 2, one address",
            vec![8, 7, 0x80, 0, 2, 10, 0, 0, 1],
            Error::InvalidSubOption {
                code: 43,
                sub_code: 8,
                offset: 242,
                expected: "PXE sub-option 8: servers as (type, count, addresses)",
            },
        ),
        (
            "boot menu: description claims 10 of 1",
            vec![9, 4, 0x80, 0, 10, b'a'],
            Error::InvalidSubOption {
                code: 43,
                sub_code: 9,
                offset: 242,
                expected: "PXE sub-option 9: entries as (type, length, description)",
            },
        ),
    ];
    for (name, data, err) in &rows {
        assert_eq!(
            decode_vendor_specific(data, 240, pxe).err(),
            Some(*err),
            "{name}"
        );
    }
}

#[test]
fn vendor_specific_without_pxe_class_is_opaque_and_fails_lazily() {
    let v = decode_vendor_specific(&[6, 2, 3], 240, Some(b"MSFT 5.0")).unwrap();
    assert!(!v.is_pxe());
    assert_eq!(
        v.sub_options().collect::<Vec<_>>(),
        vec![Err(sub_overrun(43, 6, 242, 2, 1))]
    );
    // PAD, END and bytes after END inside a PXE value are legal.
    let pxe =
        decode_vendor_specific(&[0, 0, 6, 1, 3, 255, 0xde, 0xad], 240, Some(b"PXEClient")).unwrap();
    assert_eq!(
        pxe.pxe_sub_options().collect::<Vec<_>>(),
        vec![Ok(PxeSubOption::DiscoveryControl(3))]
    );
    let mut subs = pxe.sub_options();
    subs.by_ref().for_each(drop);
    assert_eq!(subs.trailing(), &[0xde, 0xad]);
}

// ---------------------------------------------------------------------------
// 11. zero-length values
// ---------------------------------------------------------------------------

#[test]
fn zero_length_where_the_type_requires_data() {
    let rows: &[(u8, &str)] = &[
        (1, "4 bytes"),
        (3, "a non-zero multiple of 4 bytes"),
        (6, "a non-zero multiple of 4 bytes"),
        (12, "at least 1 byte"),
        (43, "at least 1 byte"),
        (51, "4 bytes"),
        (53, "1 byte"),
        (54, "4 bytes"),
        (55, "at least 1 byte"),
        (57, "2 bytes"),
        (60, "at least 1 byte"),
        (61, "at least 2 bytes"),
        (81, "at least 3 bytes"),
        (119, "at least 1 byte (a DNS name)"),
        (120, "at least 2 bytes"),
        (121, "at least 5 bytes"),
        (124, "at least 5 bytes"),
        (125, "at least 5 bytes"),
    ];
    for &(code, expected) in rows {
        let bytes = dhcp(&[53, 1, 1, code, 0, 255]);
        let e = invalid_len(code, 243, 0, expected);
        if code != 53 {
            assert_eq!(parse(&bytes).typed(OptionCode(code)), Err(e), "{code}");
        }
        assert_eq!(decode(code, &[]), Err(invalid_len(code, 240, 0, expected)));
    }
    // 53 through the scalar accessor: the empty second instance joins to 1
    // byte, so place it alone.
    assert_eq!(
        parse(&dhcp(&[53, 0, 255])).message_type(),
        Err(invalid_len(53, 240, 0, "1 byte"))
    );
}

#[test]
fn zero_length_where_it_is_legal() {
    let bytes = dhcp(&[80, 0, 82, 0, 68, 0, 224, 0, 255]);
    let msg = parse(&bytes);
    assert_eq!(
        msg.typed(OptionCode::RAPID_COMMIT),
        Ok(Some(DhcpOption::RapidCommit(())))
    );
    assert_eq!(
        msg.typed(OptionCode::RELAY_AGENT_INFORMATION),
        Ok(Some(DhcpOption::RelayAgentInformation(SubOptions::new(
            82,
            &[],
            246
        ))))
    );
    assert_eq!(
        msg.typed(OptionCode::MOBILE_IP_HOME_AGENT),
        Ok(Some(DhcpOption::MobileIpHomeAgent(
            Ipv4List::new_maybe_empty(&[]).unwrap()
        )))
    );
    assert_eq!(
        msg.typed(OptionCode(224)),
        Ok(Some(DhcpOption::Unknown {
            code: OptionCode(224),
            data: &[]
        }))
    );
    // And rapid commit with a value is not.
    assert_eq!(decode(80, &[0]), Err(invalid_len(80, 240, 1, "0 bytes")));
    // An empty 82 as the last two bytes of an overloaded file.
    let mut file = vec![0u8; 128];
    file[126..].copy_from_slice(&[82, 0]);
    let bytes = with_file(dhcp(&[52, 1, 1, 255]), &file);
    assert_eq!(
        walk(&bytes),
        vec![
            Ok(ro(52, &[1], 240, Area::Options)),
            Ok(ro(82, &[], 234, Area::File)),
        ]
    );
    let DhcpOption::RelayAgentInformation(subs) = parse(&bytes)
        .typed(OptionCode::RELAY_AGENT_INFORMATION)
        .unwrap()
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(subs.count(), 0);
}

#[test]
fn relay_sub_options_of_zero_length() {
    let DhcpOption::RelayAgentInformation(subs) = decode(82, &[1, 0, 152, 0]).unwrap() else {
        panic!()
    };
    let typed: Vec<_> = subs.map(|s| s.unwrap().decode_relay()).collect();
    assert_eq!(
        typed,
        vec![
            Err(Error::InvalidSubOption {
                code: 82,
                sub_code: 1,
                offset: 242,
                expected: "sub-option 1 (circuit ID): at least 1 byte"
            }),
            Ok(RelaySubOption::VirtualSubnetSelectionControl),
        ]
    );
}

// ---------------------------------------------------------------------------
// 12. option 57 below 576
// ---------------------------------------------------------------------------

/// A request carrying `opt57` as option 57's instances.
fn request_with_57(opt57: &[u8]) -> Vec<u8> {
    let mut opts = vec![53, 1, 1];
    opts.extend_from_slice(opt57);
    opts.push(255);
    dhcp(&opts)
}

/// A reply to `req` into a 2048-byte buffer, with option 224 of `k` bytes.
fn reply_with(req: &[u8], k: usize) -> Result<usize, Error> {
    let req = parse(req);
    let mut buf = vec![0u8; 2048];
    MessageBuilder::reply_to(&req, MessageType::Offer, &mut buf)?
        .option(OptionCode(224), &vec![0x5a; k])
        .finish()
}

#[test]
fn max_message_size_below_576_is_decoded_as_sent_and_built_as_576() {
    for v in [0u16, 1, 300, 575, 576] {
        let [hi, lo] = v.to_be_bytes();
        let req = request_with_57(&[57, 2, hi, lo]);
        let msg = parse(&req);
        assert_eq!(msg.max_message_size(), Some(v), "{v}");
        assert_eq!(
            msg.typed(OptionCode::MAX_MESSAGE_SIZE),
            Ok(Some(DhcpOption::MaxMessageSize(v)))
        );
        // 576 - 28 (IP and UDP headers) = 548 bytes of DHCP message:
        // 240 + 53 (3) + 224 in two fragments (k + 4) + END = 248 + k.
        assert_eq!(reply_with(&req, 300), Ok(548), "{v}");
        assert_eq!(
            reply_with(&req, 301),
            Err(Error::BufferTooSmall {
                needed: 549,
                available: 548
            }),
            "{v}"
        );
    }
}

#[test]
fn max_message_size_600_limits_to_572() {
    let req = request_with_57(&[57, 2, 0x02, 0x58]);
    // 324 bytes: two fragments (255 + 69), 328 bytes on the wire.
    assert_eq!(reply_with(&req, 324), Ok(572));
    assert_eq!(
        reply_with(&req, 325),
        Err(Error::BufferTooSmall {
            needed: 573,
            available: 572
        })
    );
}

#[test]
fn max_message_size_of_wrong_length_is_ignored_by_the_builder() {
    let req = request_with_57(&[57, 1, 5]);
    let msg = parse(&req);
    assert_eq!(msg.max_message_size(), None);
    assert_eq!(
        msg.typed(OptionCode::MAX_MESSAGE_SIZE),
        Err(invalid_len(57, 243, 1, "2 bytes"))
    );
    // Without a valid option 57 the reply keeps to the 576-byte datagram
    // every client accepts (RFC 2131 §2): 548 bytes of DHCP message.
    assert_eq!(
        reply_with(&req, 1000),
        Err(Error::BufferTooSmall {
            needed: 240 + 3 + 1000 + 2 * 4 + 1,
            available: 548
        })
    );
    assert_eq!(reply_with(&req, 290), Ok(240 + 3 + 290 + 2 * 2 + 1));
}

#[test]
fn max_message_size_split_in_two_one_byte_fragments() {
    // RFC 3396: 57 = [0x01] + [0x2c] = 300.
    let req = request_with_57(&[57, 1, 0x01, 57, 1, 0x2c]);
    let msg = parse(&req);
    assert_eq!(msg.max_message_size(), Some(300));
    assert_eq!(
        msg.typed(OptionCode::MAX_MESSAGE_SIZE),
        Err(Error::Fragmented {
            code: 57,
            offset: 243
        })
    );
    assert_eq!(reply_with(&req, 300), Ok(548));
    // Two full instances join to 4 bytes: not a size.
    let req = request_with_57(&[57, 2, 0x01, 0x2c, 57, 2, 0x05, 0xdc]);
    assert_eq!(parse(&req).max_message_size(), None);
}

// ---------------------------------------------------------------------------
// 13. Display of every hostile message
// ---------------------------------------------------------------------------

/// Every hostile message of this file, rebuilt.
fn hostile_corpus() -> Vec<Vec<u8>> {
    let mut c = Vec::new();
    let full = dhcp(&[53, 1, 1, 255]);
    for n in 0..=full.len() {
        c.push(full[..n].to_vec());
    }
    for hlen in [0u8, 16, 17, 255] {
        for htype in [1u8, 6] {
            let mut b = full.clone();
            b[1] = htype;
            b[2] = hlen;
            c.push(b);
        }
    }
    for cookie in [[99, 130, 83, 98], [99, 83, 130, 99], [0; 4]] {
        let mut b = full.clone();
        b[236..240].copy_from_slice(&cookie);
        c.push(b);
    }
    for v in [0u8, 1, 2, 3, 4, 255] {
        c.push(overload_message(&[v]));
    }
    c.push(overload_message(&[]));
    c.push(overload_message(&[1, 2]));
    c.push(dhcp(&[52, 1, 3, 255]));
    c.push(with_file(dhcp(&[52, 1, 3, 255]), &[224, 200]));
    c.push(with_sname(
        with_file(dhcp(&[52, 1, 3, 255]), &[255]),
        &[0, 0, 224, 100],
    ));
    c.push(with_file(
        dhcp(&[52, 1, 1, 255]),
        &[52, 1, 3, 12, 1, b'f', 255],
    ));
    c.push(dhcp(&[224, 4, 1, 2, 3]));
    c.push(dhcp(&[224, 255, 1]));
    c.push(dhcp(&[53, 1, 1, 224]));
    c.push(one_byte_fragments(12, &[b'x'; 3000]));
    c.push(one_byte_fragments(53, &[1; 300]));
    c.push(spread_224());
    // Every typed code with hostile values, one per message.
    let mut label_64 = vec![64];
    label_64.extend_from_slice(&[b'x'; 64]);
    let values: Vec<Vec<u8>> = vec![
        vec![],
        vec![0],
        vec![0xff],
        vec![0xc0, 0x00],
        vec![1, b'a', 0xc0, 0x00],
        vec![0xff; 4],
        vec![0xff; 5],
        vec![33, 10, 0, 0, 0, 10, 0, 0, 1],
        vec![1, 4, b'e', b't', b'h'],
        vec![0, 0, 0x11, 0x8b, 9, 1, 1, 1],
        vec![0x05, 0, 0, 1, b'a', 0xc0, 0],
        label_64,
        vec![0xff; 255],
        vec![0; 255],
        pointer_chain(60),
    ];
    for t in TYPED_CODES {
        for v in &values {
            let len = u8::try_from(v.len()).expect("every value fits one option");
            let mut opts = vec![t.code.0, len];
            opts.extend_from_slice(v);
            opts.push(255);
            c.push(dhcp(&opts));
        }
    }
    c
}

#[test]
fn display_of_every_hostile_message_never_panics() {
    let corpus = hostile_corpus();
    assert!(corpus.len() > 2000);
    for bytes in &corpus {
        let text = render(bytes);
        assert!(!text.is_empty());
    }
}

#[test]
fn display_of_hostile_messages_names_the_error_and_offset() {
    let truncated = dhcp(&[]);
    assert_eq!(
        parse(&truncated[..238]).to_string(),
        "BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length 238, xid 0xa000001, Flags [Broadcast] (0x8000)\n\
         \t  Gateway-IP 10.198.27.4\n\
         \t  Client-Ethernet-Address 0a:16:36:fb:bb:4a\n\
         \t  message truncated at offset 238: the magic cookie 99.130.83.99 at offset 236 needs 4 bytes, got 2\n"
    );
    let text = parse(&dhcp(&[224, 4, 1, 2, 3])).to_string();
    assert!(
        text.ends_with(
            "\t    error: option 224 at offset 240 in the options area claims 4 bytes but only 3 remain in the area\n"
        ),
        "{text}"
    );
    let text = parse(&with_file(dhcp(&[52, 1, 1, 255]), &[224, 200])).to_string();
    assert!(
        text.ends_with(
            "\t    error: option 224 at offset 108 in the file area claims 200 bytes but only 126 remain in the area\n"
        ),
        "{text}"
    );
    assert_eq!(
        render(&[0u8; 10]),
        "message truncated at offset 10: the fixed BOOTP header needs 236 bytes, got 10\n"
    );
}
