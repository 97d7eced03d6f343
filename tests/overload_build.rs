//! Overload on build (RFC 2131 §4.1, RFC 2132 §9.3): options that do not fit
//! the options area within the maximum size move to `file`, then `sname`,
//! in the caller's order, with option 52 saying so; and options the caller
//! places in `file` and `sname` by hand.

use std::net::Ipv4Addr;

use dhcpwire::{
    Area, DeviationKind, Error, Message, MessageBuilder, MessageType, Op, OptionCode, Overload,
    builder,
};

mod common;
use common::{MAC, XID, build_everything, dev, deviations, joined, parse};

/// (code, area, offset, len) of every option, in walk order.
fn walk(bytes: &[u8]) -> Vec<(u8, Area, usize, usize)> {
    Message::parse(bytes)
        .unwrap()
        .options()
        .map(|o| {
            let o = o.unwrap();
            (o.code.0, o.area, o.offset, o.len())
        })
        .collect()
}

fn rebuilds_identically(bytes: &[u8]) {
    let msg = Message::parse(bytes).unwrap();
    // A dirty buffer: every byte must be written.
    let mut out = vec![0x5au8; bytes.len()];
    let n = builder::rebuild(&msg, &mut out).unwrap();
    assert_eq!(&out[..n], bytes);
}

#[test]
fn spills_into_file_in_caller_order() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .message_type(MessageType::Ack) // 240..243
        .option(OptionCode(224), &[1; 40]) // 243..285
        .option(OptionCode(225), &[2; 20]) // 22 bytes: 285 + 3 (52) ... does not fit with END
        .option(OptionCode(226), &[3; 2]) // would fit in main, but order is kept: file
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        vec![
            (53, Area::Options, 240, 1),
            (224, Area::Options, 243, 40),
            (52, Area::Options, 285, 1),
            (225, Area::File, 108, 20),
            (226, Area::File, 130, 2),
        ]
    );
    assert_eq!(buf[287], 1); // option 52 = file
    assert_eq!(buf[288], 255); // END of the options area
    assert_eq!(buf[134], 255); // END of file
    assert!(buf[135..236].iter().all(|&b| b == 0));
    let msg = Message::parse(&buf[..len]).unwrap();
    assert_eq!(msg.overload().unwrap(), Some(Overload::File));
    assert_eq!(msg.file().unwrap(), None);
    assert_eq!(msg.sname().unwrap(), Some(&b""[..]));
    rebuilds_identically(&buf[..len]);
}

#[test]
fn spills_into_sname_when_file_is_full_and_sets_both() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .min_len(0)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50]) // 240..292
        .option(OptionCode(225), &[2; 120]) // main full: file 108..230
        .option(OptionCode(226), &[3; 30]) // file full: sname 44..76
        .finish()
        .unwrap();
    assert_eq!(
        walk(&buf[..len]),
        vec![
            (224, Area::Options, 240, 50),
            (52, Area::Options, 292, 1),
            (225, Area::File, 108, 120),
            (226, Area::Sname, 44, 30),
        ]
    );
    let msg = Message::parse(&buf[..len]).unwrap();
    assert_eq!(msg.overload().unwrap(), Some(Overload::Both));
    assert_eq!((msg.file().unwrap(), msg.sname().unwrap()), (None, None));
    assert_eq!(len, 296); // 292 + 52 (3) + END
    rebuilds_identically(&buf[..len]);
}

#[test]
fn a_named_file_is_never_overloaded() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .file(b"pxelinux.0")
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..len]).unwrap();
    assert_eq!(msg.overload().unwrap(), Some(Overload::Sname));
    assert_eq!(msg.file().unwrap(), Some(&b"pxelinux.0"[..]));
    assert_eq!(walk(&buf[..len]).last(), Some(&(225, Area::Sname, 44, 20)));
    rebuilds_identically(&buf[..len]);
}

/// `sname` as `file`: a name keeps the field out of the automatic
/// overload; an empty name is no name.
#[test]
fn a_named_sname_is_never_overloaded_and_an_empty_name_is_none() {
    let build = |buf: &mut [u8], name: &[u8]| {
        MessageBuilder::new(buf)
            .unwrap()
            .max_size(300)
            .sname(name)
            .overload_when_full(true)
            .option(OptionCode(224), &[1; 50]) // 240..292
            .option(OptionCode(225), &[2; 120]) // file 108..230
            .option(OptionCode(226), &[3; 30]) // sname, if it may
            .finish()
    };
    let mut buf = [0u8; 1500];
    let len = build(&mut buf, b"").unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 50),
            (52, Area::Options, 292, 1),
            (225, Area::File, 108, 120),
            (226, Area::Sname, 44, 30),
        ]
    );
    assert_eq!(buf[294], 3); // option 52 = both
    // Named: 226 has nowhere to go. Without overload it needs 240 + 52 +
    // 122 + 32 + END.
    let mut buf = [0u8; 1500];
    assert_eq!(
        build(&mut buf, b"srv"),
        Err(Error::BufferTooSmall {
            needed: 447,
            available: 300
        })
    );
    assert_eq!(buf[44..48], *b"srv\0");
}

/// Only `file` and `sname` opened by hand make the layout the caller's:
/// directing options back to the options field does not, and the
/// automatic overload still moves what does not fit.
#[test]
fn area_options_leaves_the_overload_to_the_builder() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .area(Area::Options)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .finish()
        .unwrap();
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 50),
            (52, Area::Options, 292, 1),
            (225, Area::File, 108, 20),
        ]
    );
    assert_eq!(buf[294], 1);
}

/// Opening `file` or `sname` for options zeroes the field (a name set
/// before is gone, not left behind the options' END).
#[test]
fn opening_file_or_sname_zeroes_the_field() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .file(&[b'f'; 128])
        .sname(&[b's'; 64])
        .overload(Overload::Both)
        .area(Area::File)
        .option(OptionCode::HOST_NAME, b"h")
        .area(Area::Sname)
        .option(OptionCode::DOMAIN_NAME, b"d")
        .finish()
        .unwrap();
    let mut file = [0u8; 128];
    file[..4].copy_from_slice(&[12, 1, b'h', 255]);
    let mut sname = [0u8; 64];
    sname[..4].copy_from_slice(&[15, 1, b'd', 255]);
    assert_eq!(buf[108..236], file);
    assert_eq!(buf[44..108], sname);
    assert_eq!(deviations(&buf[..len]), Ok(vec![]));
}

/// With overload on, an option that fits the options field but leaves no
/// byte for END moves on, here an empty one (rapid commit) with 2 bytes
/// left: the option before it goes to `file` to make room for option 52
/// and END, and it follows.
#[test]
fn an_option_that_leaves_no_room_for_end_moves_on() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 56]) // 240..298
        .option(OptionCode::RAPID_COMMIT, &[])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (52, Area::Options, 240, 1),
            (224, Area::File, 108, 56),
            (80, Area::File, 166, 0),
        ]
    );
    assert_eq!(buf[240..244], [52, 1, 1, 255]);
    assert_eq!(buf[166..169], [80, 0, 255]);
    // The same for an empty address list where one may be empty (68,
    // RFC 2132 §8.3), through the list setters' own path.
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 56]) // 240..298
        .addresses(OptionCode::MOBILE_IP_HOME_AGENT, &[] as &[Ipv4Addr])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (52, Area::Options, 240, 1),
            (224, Area::File, 108, 56),
            (68, Area::File, 166, 0),
        ]
    );
}

/// The typed setters of fixed size lay out as option() does: option 53
/// (1 byte) with 3 bytes left and overload on moves on with the option
/// before it, since END would not fit after it. (Only a 53 already in the
/// options field is kept there; one written last goes where any option
/// would.)
#[test]
fn a_fixed_size_setter_at_the_limit_moves_on_as_option_does() {
    let build = |buf: &mut [u8], typed: bool| {
        let mut b = MessageBuilder::new(buf).unwrap();
        b.max_size(300)
            .overload_when_full(true)
            .option(OptionCode(224), &[1; 55]); // 240..297
        if typed {
            b.message_type(MessageType::Discover);
        } else {
            b.option(OptionCode::MESSAGE_TYPE, &[1]);
        }
        b.finish().unwrap()
    };
    let mut typed = [0u8; 1500];
    let mut raw = [0u8; 1500];
    assert_eq!(build(&mut typed, true), 300);
    assert_eq!(build(&mut raw, false), 300);
    assert_eq!(typed[..300], raw[..300]);
    assert_eq!(
        walk(&typed[..300]),
        [
            (52, Area::Options, 240, 1),
            (224, Area::File, 108, 55),
            (53, Area::File, 165, 1),
        ]
    );
}

/// An option split across the three areas (RFC 3396 §7) is written from
/// whatever pieces its setter hands over, an empty one in the middle
/// included: relay agent information with an empty circuit ID.
#[test]
fn a_split_option_takes_its_value_in_pieces_even_empty_ones() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .split_when_full(true)
        .relay_agent_information(&[(1, &[]), (2, &[7; 196])])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    // 52 first; then 54 + 125 + 21 = 200 value bytes, each area keeping a
    // byte for its END.
    assert_eq!(
        walk(&buf[..len]),
        [
            (52, Area::Options, 240, 1),
            (82, Area::Options, 243, 54),
            (82, Area::File, 108, 125),
            (82, Area::Sname, 44, 21),
        ]
    );
    assert_eq!(buf[242], 3);
    assert_eq!(buf[243..249], [82, 54, 1, 0, 2, 196]);
    let value: Vec<u8> = [&[1u8, 0, 2, 196][..], &[7; 196]].concat();
    let msg = Message::parse(&buf[..len]).unwrap();
    assert_eq!(joined(&msg.option(OptionCode(82)).unwrap().unwrap()), value);
}

/// PAD bytes in the options field count in the size an overloading build
/// that failed reports: the size with nothing moved.
#[test]
fn the_size_needed_counts_pad_in_the_options_field() {
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .pad(10)
        .option(OptionCode(224), &[1; 200])
        .finish()
        .unwrap_err();
    // 240 + 10 + 202 + END.
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 453,
            available: 300
        }
    );
    // PAD in `file` is not in the options field: it does not count.
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .pad(10)
        .option(OptionCode(226), &[3; 200])
        .finish()
        .unwrap_err();
    // 240 + 52 + 22 + 202 + END.
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 517,
            available: 300
        }
    );
    // Raw bytes too: in the options field they count, in `file` not.
    // 240 + (10) + 42 + 22 + 202 + END.
    for (raw_in_file, needed) in [(false, 517), (true, 507)] {
        let mut buf = [0u8; 1500];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.max_size(300).overload_when_full(true);
        if !raw_in_file {
            b.raw(&[0; 10]);
        }
        b.option(OptionCode(224), &[1; 40])
            .option(OptionCode(225), &[2; 20]);
        if raw_in_file {
            b.raw(&[0; 10]);
        }
        let err = b.option(OptionCode(226), &[3; 200]).finish().unwrap_err();
        assert_eq!(
            err,
            Error::BufferTooSmall {
                needed,
                available: 300
            },
            "raw in file: {raw_in_file}"
        );
    }
}

#[test]
fn nothing_fits_anywhere_says_how_much_was_needed() {
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 200])
        .finish()
        .unwrap_err();
    // 240 + 202 + END: more than 300, and more than file (128) or sname (64).
    // The option 52 the builder tried does not count: without overload
    // nothing moves and no option 52 is needed.
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 443,
            available: 300
        }
    );
}

#[test]
fn without_overload_the_error_gives_the_full_size() {
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 240 + 52 + 22 + 1,
            available: 300
        }
    );
}

#[test]
fn reply_respects_the_clients_maximum_message_size() {
    // A client that accepts at most 576-byte IP datagrams: 548 bytes of DHCP.
    let mut req = [0u8; 300];
    let n = MessageBuilder::new(&mut req)
        .unwrap()
        .message_type(MessageType::Request)
        .max_message_size(576)
        .finish()
        .unwrap();
    let request = Message::parse(&req[..n]).unwrap();
    let mut buf = [0u8; 1500];
    let mut b = MessageBuilder::reply_to(&request, MessageType::Ack, &mut buf).unwrap();
    b.overload_when_full(true);
    for code in 224..=230u8 {
        b.option(OptionCode(code), &[code; 60]);
    }
    let len = b.finish().unwrap();
    assert!(len <= 548, "{len}");
    let areas: Vec<Area> = walk(&buf[..len]).iter().map(|w| w.1).collect();
    assert!(areas.contains(&Area::File), "{areas:?}");
    let msg = Message::parse(&buf[..len]).unwrap();
    for code in 224..=230u8 {
        assert_eq!(
            joined(&msg.option(OptionCode(code)).unwrap().unwrap()),
            vec![code; 60]
        );
    }
    rebuilds_identically(&buf[..len]);
}

/// An OFFER that needs 435 bytes without overload; with
/// `overload_when_full` what does not fit moves to `file`, then `sname`.
fn build_overloaded(buf: &mut [u8], max: usize) -> Result<usize, Error> {
    MessageBuilder::new(buf)?
        .min_len(0)
        .max_size(max)
        .overload_when_full(true)
        .op(Op::BootReply)
        .htype(1)
        .chaddr(&MAC)
        .xid(XID)
        .message_type(MessageType::Offer)
        .server_identifier(Ipv4Addr::new(10, 228, 18, 1))
        .lease_time(3600)
        .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
        .routers([Ipv4Addr::new(10, 198, 27, 1)])
        .dns_servers([Ipv4Addr::new(8, 8, 8, 8), Ipv4Addr::new(8, 8, 4, 4)])
        .domain_name(b"example.org")
        .option(OptionCode(224), &[0x5a; 100])
        .option(OptionCode(225), &[0xa5; 40])
        .finish()
}

const OVERLOAD_CODES: [u8; 9] = [53, 54, 51, 1, 3, 6, 15, 224, 225];

#[test]
fn builder_with_overload_at_every_buffer_size() {
    let mut reference = vec![0u8; 2048];
    let full = build_overloaded(&mut reference, 2048).unwrap();
    assert_eq!(full, 435);
    let ref_msg = parse(&reference[..full]);
    assert_eq!(ref_msg.overload(), Ok(None));
    // The smallest layout: main holds 53 54 51 1 3 + 52 + END (271 bytes),
    // file holds 6 15 224 (125 + END), sname holds 225 (42 + END).
    let first_ok = 271;
    // Below 271 every limit fails and from 271 on every limit fits: once a
    // layout fits, every larger limit must fit too.
    for n in 0..=full + 1 {
        // The limit comes from the buffer, or from max_size on a large buffer.
        for (how, buf_len, max) in [("buffer", n, 2048), ("max_size", 2048, n)] {
            let mut buf = vec![0xa5u8; buf_len];
            let got = build_overloaded(&mut buf, max);
            if n < 240 {
                // A buffer under 240 bytes cannot start a message; a
                // max_size under 240 is reported against the whole message.
                let needed = if how == "buffer" { 240 } else { full };
                assert_eq!(
                    got,
                    Err(Error::BufferTooSmall {
                        needed,
                        available: n
                    }),
                    "{how} {n}"
                );
                continue;
            }
            let len = match got {
                // Below 271 no layout exists; the error reports the size
                // of the message without overload.
                Err(Error::BufferTooSmall { needed, available }) if n < first_ok => {
                    assert_eq!((needed, available), (full, n), "{how} {n}");
                    continue;
                }
                Ok(len) if n >= first_ok => len,
                other => panic!("{how} {n}: {other:?}"),
            };
            assert!(len <= n, "{how} {n}: {len}");
            let msg = parse(&buf[..len]);
            assert_eq!(msg.options().filter(Result::is_err).count(), 0);
            assert_eq!(deviations(&buf[..len]), Ok(vec![]), "{how} {n}");
            for code in OVERLOAD_CODES {
                assert_eq!(
                    msg.option(OptionCode(code)).unwrap().map(|v| joined(&v)),
                    ref_msg
                        .option(OptionCode(code))
                        .unwrap()
                        .map(|v| joined(&v)),
                    "{how} {n}: option {code}"
                );
            }
            if n >= full {
                assert_eq!(&buf[..len], &reference[..full], "{how} {n}");
            } else {
                assert!(msg.overload().unwrap().is_some(), "{how} {n}");
            }
        }
    }
}

#[test]
fn builder_with_overload_smallest_layout_is_exact() {
    let mut buf = vec![0u8; 271];
    assert_eq!(build_overloaded(&mut buf, 2048), Ok(271));
    let got: Vec<_> = parse(&buf)
        .options()
        .map(|o| o.map(|o| (o.code.0, o.offset, o.area)))
        .collect();
    let want: Vec<Result<_, Error>> = vec![
        Ok((53, 240, Area::Options)),
        Ok((54, 243, Area::Options)),
        Ok((51, 249, Area::Options)),
        Ok((1, 255, Area::Options)),
        Ok((3, 261, Area::Options)),
        Ok((52, 267, Area::Options)),
        Ok((6, 108, Area::File)),
        Ok((15, 118, Area::File)),
        Ok((224, 131, Area::File)),
        Ok((225, 44, Area::Sname)),
    ];
    assert_eq!(got, want);
    assert_eq!(parse(&buf).overload(), Ok(Some(Overload::Both)));
    // One byte less: option 52 and END no longer fit in the main area.
    let mut buf = vec![0u8; 270];
    assert_eq!(
        build_overloaded(&mut buf, 2048),
        Err(Error::BufferTooSmall {
            needed: 435,
            available: 270
        })
    );
}

#[test]
fn built_overloaded_message_walks_in_rfc_order() {
    let mut buf = vec![0u8; 1024];
    let len = build_everything(&mut buf).unwrap();
    let bytes = &buf[..len];
    assert_eq!(
        walk(bytes),
        vec![
            (53, Area::Options, 240, 1),
            (52, Area::Options, 243, 1),
            (224, Area::Options, 249, 255),
            (224, Area::Options, 506, 45),
            (51, Area::Options, 553, 4),
            (12, Area::File, 108, 7),
            (15, Area::Sname, 44, 8),
        ]
    );
    // END at 559, then 0 0 0x42.
    assert_eq!(len, 563);
    let msg = parse(bytes);
    assert_eq!(msg.trailing(), Ok(&[0u8, 0, 0x42][..]));
    assert_eq!((msg.sname(), msg.file()), (Ok(None), Ok(None)));
    assert_eq!(
        &bytes[108..118],
        &[12, 7, b'i', b'n', b'-', b'f', b'i', b'l', b'e', 0]
    );
    // END of file after the 2 PADs.
    assert_eq!(bytes[119], 255);
    assert_eq!(
        &bytes[44..55],
        &[15, 8, b'i', b'n', b'.', b's', b'n', b'a', b'm', b'e', 255]
    );
    assert_eq!(
        deviations(bytes),
        Ok(vec![
            dev(DeviationKind::NonZeroAfterEnd, Area::Options, 562),
            // The two PADs before END in `file` (offsets 117, 118).
            dev(DeviationKind::PadInOverloadedArea, Area::File, 117),
        ])
    );
    rebuilds_identically(bytes);
}

/// Regressions from review: builder misuse is an error, never a silently
/// wrong packet.
#[test]
fn an_option_after_end_is_an_error() {
    let mut buf = [0u8; 576];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .message_type(MessageType::Discover)
        .end()
        .option(OptionCode::HOST_NAME, b"abc")
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::WriteAfterEnd {
            area: Area::Options,
            offset: 244
        }
    );
    // The same for the typed setters of fixed size and the address lists
    // (each with its own fast path).
    for list in [false, true] {
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.message_type(MessageType::Discover).end();
        if list {
            b.routers([Ipv4Addr::new(10, 0, 0, 1)]);
        } else {
            b.lease_time(60);
        }
        assert_eq!(
            b.finish(),
            Err(Error::WriteAfterEnd {
                area: Area::Options,
                offset: 244
            }),
            "list: {list}"
        );
    }
}

#[test]
fn a_name_after_overload_is_an_error_and_a_copied_name_is_kept() {
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .file(b"pxelinux.0")
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::FieldHoldsOptions {
            area: Area::File,
            offset: 108
        }
    );
    // A header copied with a boot file name: overload goes to sname instead.
    let mut h = dhcpwire::Header::zeroed();
    h.set_file(b"pxelinux.0").unwrap();
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .header(&h)
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50])
        .option(OptionCode(225), &[2; 20])
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..len]).unwrap();
    assert_eq!(msg.file().unwrap(), Some(&b"pxelinux.0"[..]));
    assert_eq!(msg.overload().unwrap(), Some(Overload::Sname));
}

#[test]
fn huge_pad_counts_are_an_error_not_an_overflow() {
    let mut buf = [0u8; 576];
    let mut b = MessageBuilder::new(&mut buf).unwrap();
    b.xid(1)
        .pad(usize::MAX - 6)
        .message_type(MessageType::Discover);
    // The size needed saturates instead of wrapping round to a small one.
    assert_eq!(
        b.finish(),
        Err(Error::BufferTooSmall {
            needed: usize::MAX,
            available: 576
        })
    );
    let mut b = MessageBuilder::new(&mut buf).unwrap();
    b.pad(usize::MAX / 2).pad(usize::MAX / 2).pad(usize::MAX);
    assert_eq!(
        b.finish(),
        Err(Error::BufferTooSmall {
            needed: usize::MAX,
            available: 576
        })
    );
}

#[test]
fn a_hand_written_overload_is_not_doubled_by_the_automatic_one() {
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .overload(Overload::Sname)
        .option(OptionCode::HOST_NAME, &[b'a'; 100])
        .finish()
        .unwrap_err();
    // 240 + 3 (the caller's 52) + 102 + END; nothing is moved by itself.
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 346,
            available: 300
        }
    );
    // The same when option 52 was written before overload was allowed.
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload(Overload::Sname)
        .overload_when_full(true)
        .option(OptionCode::HOST_NAME, &[b'a'; 100])
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 346,
            available: 300
        }
    );
    // The same when option 52 came as raw bytes before overload was
    // allowed: the builder finds it in what was written.
    let mut buf = [0u8; 1500];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .raw(&[52, 1, 2])
        .overload_when_full(true)
        .option(OptionCode::HOST_NAME, &[b'a'; 100])
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::BufferTooSmall {
            needed: 346,
            available: 300
        }
    );
    // The same with the caller placing the option in `sname` by hand.
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .overload(Overload::Sname)
        .area(Area::Sname)
        .option(OptionCode::HOST_NAME, &[b'a'; 60])
        .finish()
        .unwrap();
    let bytes = &buf[..len];
    assert_eq!(
        Message::parse(bytes).unwrap().overload(),
        Ok(Some(Overload::Sname))
    );
    assert_eq!(
        walk(bytes),
        [(52, Area::Options, 240, 1), (12, Area::Sname, 44, 60)]
    );
}

#[test]
fn a_header_copy_keeps_options_already_in_file() {
    let mut template = [0u8; 300];
    let n = MessageBuilder::new(&mut template)
        .unwrap()
        .xid(0x0a00_0001)
        .finish()
        .unwrap();
    let header = Message::parse(&template[..n]).unwrap().header().clone();
    let mut buf = [0u8; 576];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .overload(Overload::File)
        .area(Area::File)
        .option(OptionCode::HOST_NAME, b"laptop-a")
        .header(&header)
        .finish()
        .unwrap();
    let bytes = &buf[..len];
    let msg = Message::parse(bytes).unwrap();
    assert_eq!(msg.xid(), 0x0a00_0001);
    assert_eq!(
        walk(bytes),
        [(52, Area::Options, 240, 1), (12, Area::File, 108, 8)]
    );
    // A header that names the file cannot be copied over those options.
    let mut named = header.clone();
    named.set_file(b"pxelinux.0").unwrap();
    let mut buf = [0u8; 576];
    let err = MessageBuilder::new(&mut buf)
        .unwrap()
        .area(Area::File)
        .option(OptionCode::HOST_NAME, b"laptop-a")
        .header(&named)
        .finish()
        .unwrap_err();
    assert_eq!(
        err,
        Error::FieldHoldsOptions {
            area: Area::File,
            offset: 108
        }
    );
}

#[test]
fn moving_the_tail_to_file_keeps_option_53_in_the_options_field() {
    // Main is full after 224; to make room for 52 + END the builder moves
    // 224 to `file`, but never 53: clients that do not follow overload
    // read the message type from the options field.
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .message_type(MessageType::Discover) // 240..243
        .option(OptionCode(224), &[1; 54]) // 243..299
        .option(OptionCode(225), &[2; 10])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        vec![
            (53, Area::Options, 240, 1),
            (52, Area::Options, 243, 1),
            (224, Area::File, 108, 54),
            (225, Area::File, 164, 10),
        ]
    );
    rebuilds_identically(&buf[..len]);
}

/// A 53 of another length than 1 (malformed, RFC 2132 §9.6) is kept in
/// the options field too, from its code byte to the end of its value:
/// empty, and two bytes long. The options field was filled with overload
/// off; with it on, the next option finds no layout.
#[test]
fn a_malformed_option_53_stays_in_the_options_field_too() {
    for (filler, type_value) in [(56usize, &[][..]), (54, &[1, 2][..])] {
        let mut buf = [0u8; 1500];
        let got = MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(300)
            .option(OptionCode(224), &vec![1; filler])
            .option(OptionCode::MESSAGE_TYPE, type_value) // ends at 300
            .overload_when_full(true)
            .option(OptionCode(225), &[2; 10])
            .finish();
        // 240 + 2 + filler + 2 + len(53) + 12 + END.
        assert_eq!(
            got,
            Err(Error::BufferTooSmall {
                needed: 313,
                available: 300
            }),
            "53 = {type_value:?}"
        );
    }
}

/// The automatic overload never moves options into a `file` that holds a
/// name: with no room for option 52 and END in the options field, and no
/// other way, the build fails and the name is intact.
#[test]
fn moving_the_tail_never_uses_a_named_file() {
    let mut buf = [0u8; 1500];
    let got = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .file(b"pxe")
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 56]) // 240..298
        .option(OptionCode(225), &[2; 10])
        .finish();
    assert_eq!(
        got,
        Err(Error::BufferTooSmall {
            needed: 311,
            available: 300
        })
    );
    assert_eq!(buf[108..112], *b"pxe\0");
}

/// To make room for option 52 and END the builder moves as few trailing
/// options as it can: when moving the last leaves exactly 4 bytes, the
/// one before stays.
#[test]
fn moving_the_tail_moves_no_more_than_52_and_end_need() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .option(OptionCode(224), &[1; 54]) // 240..296
        .option(OptionCode(225), &[2; 2]) // 296..300
        .overload_when_full(true)
        .option(OptionCode(226), &[3; 10])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 54),
            (52, Area::Options, 296, 1),
            (225, Area::File, 108, 2),
            (226, Area::File, 112, 10),
        ]
    );
    assert_eq!(buf[296..300], [52, 1, 1, 255]);
}

/// The tail moves also behind many options: 70 of 3 bytes, then one that
/// fills the options field to its 548 bytes.
#[test]
fn moving_the_tail_after_70_options() {
    let mut buf = [0u8; 1500];
    let mut b = MessageBuilder::new(&mut buf).unwrap();
    b.max_size(548);
    for _ in 0..70 {
        b.option(OptionCode(224), &[1]); // 240..450
    }
    let len = b
        .option(OptionCode(225), &[2; 96]) // 450..548
        .overload_when_full(true)
        .option(OptionCode(226), &[3; 10])
        .finish()
        .unwrap();
    // The options field now ends at 454 (52 and END after the 70).
    assert_eq!(len, 454);
    let walked = walk(&buf[..len]);
    assert_eq!(walked.len(), 73);
    assert_eq!(
        walked[69..],
        [
            (224, Area::Options, 447, 1),
            (52, Area::Options, 450, 1),
            (225, Area::File, 108, 96),
            (226, Area::File, 206, 10),
        ]
    );
}

/// The moved tail and `file`'s END must fit its 128 bytes: a 127-byte
/// tail does, a 128-byte one does not (and nothing else makes room).
#[test]
fn moving_the_tail_fills_file_up_to_its_end() {
    let build = |buf: &mut [u8], tail: usize| {
        MessageBuilder::new(buf)
            .unwrap()
            .max_size(548)
            .option(OptionCode(224), &vec![1; 306 - tail]) // 240..548 - tail
            .option(OptionCode(225), &vec![2; tail - 2]) // ..548
            .overload_when_full(true)
            .option(OptionCode(226), &[3; 10])
            .finish()
    };
    let mut buf = [0u8; 1500];
    assert_eq!(build(&mut buf, 127), Ok(425));
    assert_eq!(
        walk(&buf[..425]),
        [
            (224, Area::Options, 240, 179),
            (52, Area::Options, 421, 1),
            (225, Area::File, 108, 125),
            (226, Area::Sname, 44, 10),
        ]
    );
    assert_eq!(buf[235], 255);
    let mut buf = [0u8; 1500];
    assert_eq!(
        build(&mut buf, 128),
        Err(Error::BufferTooSmall {
            needed: 561,
            available: 548
        })
    );
}

/// Splitting an option across the areas (RFC 3396 §7) follows the same
/// rules as moving one: never into a named field, never into a layout the
/// caller made with its own option 52, never without the builder's own
/// option 52 in the options field.
#[test]
fn a_split_respects_names_the_callers_52_and_needs_its_own_52() {
    // A named `file`: the 110-byte value goes to the options field and
    // `sname`, the name stays.
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .file(b"pxe")
        .overload_when_full(true)
        .split_when_full(true)
        .option(OptionCode(224), &[7; 110])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (52, Area::Options, 240, 1),
            (224, Area::Options, 243, 54),
            (224, Area::Sname, 44, 56),
        ]
    );
    assert_eq!(buf[242], 2);
    assert_eq!(buf[108..112], *b"pxe\0");
    // The caller's option 52 (file only): nothing is split.
    let mut buf = [0u8; 1500];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(300)
            .overload(Overload::File)
            .overload_when_full(true)
            .split_when_full(true)
            .option(OptionCode(224), &[7; 110])
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 240 + 3 + 112 + 1,
            available: 300
        })
    );
    // No room for the builder's option 52 (the options field holds only
    // 53, which stays): nothing is split.
    let mut buf = [0u8; 1500];
    assert_eq!(
        MessageBuilder::new(&mut buf)
            .unwrap()
            .max_size(244)
            .min_len(0)
            .overload_when_full(true)
            .split_when_full(true)
            .message_type(MessageType::Discover)
            .option(OptionCode(224), &[1; 10])
            .finish(),
        Err(Error::BufferTooSmall {
            needed: 256,
            available: 244
        })
    );
}

/// A split keeps the caller's order too: once options went on to `file`,
/// the room left in the options field is not used again.
#[test]
fn a_split_after_a_move_does_not_go_back_to_the_options_field() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .split_when_full(true)
        .option(OptionCode(224), &[1; 40]) // 240..282
        .option(OptionCode(225), &[2; 20]) // file 108..130, 52 at 282
        .option(OptionCode(226), &[3; 150]) // 15 bytes left at 285: unused
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 40),
            (52, Area::Options, 282, 1),
            (225, Area::File, 108, 20),
            (226, Area::File, 130, 103),
            (226, Area::Sname, 44, 47),
        ]
    );
    assert_eq!(buf[284..286], [3, 255]);
}

/// Option 52 and END fitting exactly (4 bytes left) need no move: with
/// `file` named, the option goes to `sname`.
#[test]
fn option_52_takes_the_last_4_bytes_without_moving_anything() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .file(b"pxe")
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 54]) // 240..296
        .option(OptionCode(225), &[2; 10])
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 54),
            (52, Area::Options, 296, 1),
            (225, Area::Sname, 44, 10),
        ]
    );
    assert_eq!(buf[296..300], [52, 1, 2, 255]);
}

/// An option moves on to the first area with room for it and that area's
/// END: `file` with exactly the option's size left is passed over for
/// `sname`.
#[test]
fn an_area_needs_room_for_the_option_and_its_end() {
    let mut buf = [0u8; 1500];
    let len = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .option(OptionCode(224), &[1; 50]) // 240..292
        .option(OptionCode(225), &[2; 96]) // file 108..206: 30 left
        .option(OptionCode(226), &[3; 28]) // 30 bytes: sname
        .finish()
        .unwrap();
    assert_eq!(len, 300);
    assert_eq!(
        walk(&buf[..len]),
        [
            (224, Area::Options, 240, 50),
            (52, Area::Options, 292, 1),
            (225, Area::File, 108, 96),
            (226, Area::Sname, 44, 28),
        ]
    );
    assert_eq!(buf[294], 3);
    assert_eq!(buf[206], 255);
    assert_eq!(buf[74], 255);
}

#[test]
fn no_layout_that_would_move_option_53_out_of_the_options_field() {
    // Regression: with room for only 4 option bytes the builder moved 53
    // itself into `file`, leaving 52 alone in the options field.
    let mut buf = [0u8; 1500];
    let got = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(244)
        .min_len(0)
        .overload_when_full(true)
        .message_type(MessageType::Discover)
        .option(OptionCode(224), &[1; 10])
        .finish();
    // Needed: the message without overload (240 + 3 + 12 + END).
    assert_eq!(
        got,
        Err(Error::BufferTooSmall {
            needed: 256,
            available: 244
        })
    );
}

#[test]
fn option_52_after_the_automatic_overload_is_an_error() {
    // Regression: it was written into `file`, a second 52 that no reader
    // obeys (RFC 2131 §4.1: option 52 only in the options field).
    let mut buf = [0u8; 1500];
    let got = MessageBuilder::new(&mut buf)
        .unwrap()
        .max_size(300)
        .overload_when_full(true)
        .message_type(MessageType::Discover) // 240..243
        .option(OptionCode(224), &[1; 54]) // 243..299
        .option(OptionCode(225), &[2; 10]) // spill: 224, 225 to file, 108..176
        .option(OptionCode::OVERLOAD, &[3])
        .finish();
    let err = Error::OverloadAlreadyWritten {
        area: Area::File,
        offset: 176,
    };
    assert_eq!(got, Err(err));
    assert_eq!(
        (err.kind(), err.offset()),
        ("overload_already_written", 176)
    );
}
