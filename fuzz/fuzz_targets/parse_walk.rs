//! Parse anything, walk and decode everything, and check the invariants the
//! crate documents: no panic, error offsets inside the input, walked options
//! inside their areas and consistent with the RFC 3396 joined look-ups.
//!
//! Error offsets: every error of the parse/walk/decode paths points at a byte
//! of the input (`offset < len`), except `TruncatedHeader` and
//! `TruncatedCookie`, whose offset is where the bytes ran out
//! (`offset == len`). A `MissingEnd` deviation likewise points one past the
//! end of its area (for the options area: `offset == len`). Errors that name
//! a byte must point at it: the option's code byte, or the sub-option's code
//! byte in the message (also inside an RFC 3396 joined value).

#![no_main]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dhcpwire::{Area, DhcpOption, Error, Message, OptionCode, RawOption};
use libfuzzer_sys::fuzz_target;

/// Size of the stack buffer `decode_with` joins fragments into; larger
/// values go through a heap buffer of the exact size.
const SCRATCH: usize = 576;

/// Checks an error of the parse/walk/decode paths: its offset is inside the
/// input (at its end for the truncation errors) and, where the variant says
/// which byte it is about, that byte holds what the error claims.
fn check_err(e: &Error, data: &[u8], what: &str) {
    let len = data.len();
    match *e {
        Error::TruncatedHeader { len: l } | Error::TruncatedCookie { len: l } => {
            assert_eq!(l, len, "{what}: {e:?} must report the input length");
            assert_eq!(e.offset(), len, "{what}: {e:?}");
        }
        _ => assert!(
            e.offset() < len,
            "{what}: error offset {} not inside the input of {len} bytes: {e:?}",
            e.offset()
        ),
    }
    match *e {
        Error::MissingOptionLength { code, offset, .. }
        | Error::InvalidLength { code, offset, .. }
        | Error::JoinBufferTooSmall { code, offset, .. }
        | Error::Fragmented { code, offset } => {
            assert_eq!(
                data[offset], code,
                "{what}: {e:?} does not point at option {code}"
            );
        }
        Error::OptionOverrun {
            code,
            offset,
            len: l,
            ..
        } => {
            assert_eq!(
                (data[offset], data[offset + 1]),
                (code, l),
                "{what}: {e:?} does not point at the option"
            );
        }
        // The sub-option's code byte in the message, also when the parent
        // value is joined from several fragments.
        Error::SubOptionOverrun {
            sub_code, offset, ..
        } => {
            assert_eq!(
                data[offset], sub_code,
                "{what}: {e:?} does not point at the sub-option"
            );
        }
        Error::NoMagicCookie { found, offset } => {
            assert_eq!(
                (offset, &data[236..240]),
                (236, &found[..]),
                "{what}: {e:?}"
            );
        }
        _ => {}
    }
    // Display must not panic either.
    let _ = e.to_string();
    let _ = e.kind();
}

/// Area bounds in the message: (start, end).
fn bounds(area: Area, len: usize) -> (usize, usize) {
    match area {
        Area::Options => (240, len),
        Area::File => (108, 236),
        Area::Sname => (44, 108),
    }
}

fn area_rank(area: Area) -> u8 {
    match area {
        Area::Options => 0,
        Area::File => 1,
        Area::Sname => 2,
    }
}

fuzz_target!(|data: &[u8]| {
    let len = data.len();
    let msg = match Message::parse(data) {
        Ok(m) => m,
        Err(e) => {
            assert!(len < 236, "parse failed on {len} bytes: {e:?}");
            check_err(&e, data, "parse");
            return;
        }
    };
    assert!(len >= 236);
    assert_eq!(msg.len(), len);
    if let Err(e) = msg.cookie() {
        check_err(&e, data, "cookie");
    }

    // The overload-aware walk.
    let mut walked: Vec<RawOption<'_>> = Vec::new();
    let mut walk_err: Option<Error> = None;
    for item in msg.options() {
        assert!(walk_err.is_none(), "walk yielded an item after an error");
        match item {
            Ok(opt) => {
                let (start, end) = bounds(opt.area, len);
                assert!(
                    opt.offset >= start && opt.offset + 2 + opt.len() <= end,
                    "option {opt:?} outside its area {start}..{end}"
                );
                assert_eq!(
                    &data[opt.value_offset()..opt.value_offset() + opt.len()],
                    opt.data,
                    "option data is not the input bytes at its offset"
                );
                assert!(opt.code.0 != 0 && opt.code.0 != 255, "PAD/END yielded");
                if let Some(prev) = walked.last() {
                    let (pr, r) = (area_rank(prev.area), area_rank(opt.area));
                    assert!(pr <= r, "areas out of order: {prev:?} then {opt:?}");
                    if pr == r {
                        assert!(
                            opt.offset >= prev.offset + 2 + prev.len(),
                            "options overlap: {prev:?} then {opt:?}"
                        );
                    }
                }
                match opt.decode() {
                    Ok(v) => {
                        assert_eq!(v.code(), opt.code);
                        assert_eq!(v.value_len(), opt.len(), "typed length of {opt:?}");
                        let mut re = Vec::with_capacity(opt.len());
                        v.write_value(&mut |p| re.extend_from_slice(p));
                        assert_eq!(re, opt.data, "typed value re-encodes differently");
                        // Sub-options of a single instance: message offsets.
                        if let DhcpOption::RelayAgentInformation(subs) = &v {
                            for sub in subs.clone() {
                                let sub = sub.expect("validated on decode");
                                assert_eq!(
                                    (data[sub.offset], usize::from(data[sub.offset + 1])),
                                    (sub.code, sub.data.len()),
                                    "sub-option offset of {sub:?}"
                                );
                            }
                        }
                        let _ = v.to_string();
                        // dhcpdump's JSON values: serialising must not panic.
                        let _ = serde_json::to_string(&v);
                    }
                    Err(e) => check_err(&e, data, "decode"),
                }
                let _ = opt.to_string();
                walked.push(opt);
            }
            Err(e) => {
                check_err(&e, data, "walk");
                walk_err = Some(e);
            }
        }
    }
    assert!(walked.len() <= len, "more options than bytes");
    // Tighter: every option takes at least two bytes of the input.
    assert!(
        2 * walked.len() <= len,
        "{} options in {len} bytes",
        walked.len()
    );

    // RFC 3396 look-ups for every distinct code (plus one absent code).
    let mut per_code: BTreeMap<u8, Vec<RawOption<'_>>> = BTreeMap::new();
    for o in &walked {
        per_code.entry(o.code.0).or_default().push(*o);
    }
    let probe_absent = (1..=254u8).find(|c| !per_code.contains_key(c));
    let codes = per_code.keys().copied().chain(probe_absent);
    let mut scratch = [0u8; SCRATCH];
    for code in codes {
        let res = msg.option(OptionCode(code));
        let value = match (res, msg.cookie(), walk_err) {
            (Err(e), Err(c), _) => {
                assert_eq!(e, c, "option({code}) without cookie");
                continue;
            }
            (Err(e), Ok(()), Some(w)) => {
                assert_eq!(e, w, "option({code}) must report the walk error");
                continue;
            }
            (Err(e), Ok(()), None) => panic!("option({code}) failed on a clean walk: {e:?}"),
            (Ok(_), _, Some(w)) => {
                panic!("option({code}) succeeded although the walk failed: {w:?}")
            }
            (Ok(v), _, None) => v,
        };
        let Some(instances) = per_code.get(&code) else {
            assert!(value.is_none(), "absent code {code} found");
            continue;
        };
        let v = value.unwrap_or_else(|| panic!("code {code} walked but not found"));
        assert_eq!(v.code().0, code);
        assert_eq!(v.fragment_count(), instances.len());
        assert_eq!(v.offset(), instances[0].offset);
        assert_eq!(v.first(), instances[0]);
        let total: usize = instances.iter().map(|o| o.len()).sum();
        assert_eq!(v.len(), total);
        let frags: Vec<_> = v.fragments().collect();
        assert_eq!(&frags, instances, "fragments() differs from the walk");
        let joined: Vec<u8> = instances
            .iter()
            .flat_map(|o| o.data.iter().copied())
            .collect();
        assert_eq!(v.to_vec(), joined);
        match v.copy_to(&mut scratch) {
            Ok(j) => assert_eq!(j, &joined[..]),
            Err(e) => {
                assert!(total > SCRATCH, "copy_to failed with room: {e:?}");
                assert!(matches!(e, Error::JoinBufferTooSmall { needed, .. } if needed == total));
            }
        }
        if instances.len() == 1 {
            assert_eq!(v.as_single(), Some(instances[0].data));
            assert_eq!(v.decode(), instances[0].decode());
        } else {
            assert!(v.as_single().is_none());
            assert!(matches!(v.decode(), Err(Error::Fragmented { .. })));
        }
        match v.decode_with(&mut scratch) {
            Ok(t) => {
                assert_eq!(t.code().0, code);
                assert_eq!(t.value_len(), total);
                let _ = t.to_string();
            }
            Err(Error::JoinBufferTooSmall {
                needed, available, ..
            }) => {
                assert_eq!((needed, available), (total, SCRATCH));
                let mut big = vec![0u8; total];
                match v.decode_with(&mut big) {
                    Ok(t) => assert_eq!(t.value_len(), total),
                    Err(e) => {
                        assert!(!matches!(e, Error::JoinBufferTooSmall { .. }));
                        check_err(&e, data, "decode_with (heap)");
                    }
                }
            }
            Err(e) => check_err(&e, data, "decode_with"),
        }
        let _ = msg.typed(OptionCode(code));
    }

    // Accessors.
    match msg.message_type() {
        Ok(t) => {
            if walk_err.is_none() && msg.is_dhcp() {
                assert_eq!(t.is_some(), per_code.contains_key(&53));
            }
        }
        Err(e) => check_err(&e, data, "message_type"),
    }
    let overload = msg.overload();
    if let Err(e) = overload {
        check_err(&e, data, "overload");
    }
    for r in [msg.sname(), msg.file()] {
        if let Err(e) = r {
            check_err(&e, data, "sname/file");
        }
    }
    if let Err(e) = msg.trailing() {
        check_err(&e, data, "trailing");
    }
    if let Ok(t) = msg.trailing() {
        assert!(t.len() <= len.saturating_sub(241));
    }
    let _ = (
        msg.max_message_size(),
        msg.server_identifier(),
        msg.requested_ip(),
        msg.lease_time(),
    );
    let _ = (
        msg.chaddr(),
        msg.chaddr_lossy(),
        msg.bootp_vendor_area(),
        msg.options_area(),
    );
    // The index: the walk's error, or a look-up per code that agrees with
    // the walk, and strict accessors whose errors point into the input.
    match msg.index() {
        Ok(idx) => {
            assert!(walk_err.is_none() && msg.is_dhcp());
            assert_eq!(idx.len(), per_code.len());
            for (&code, instances) in &per_code {
                let fragments = instances.len();
                let total: usize = instances.iter().map(|o| o.len()).sum();
                let v = idx.get(OptionCode(code)).expect("indexed");
                assert_eq!((v.fragment_count(), v.len()), (fragments, total));
                let joined = v.joined();
                assert_eq!(joined.chunks().map(<[u8]>::len).sum::<usize>(), total);
                assert_eq!(joined.bytes().len(), total);
            }
            let errors = [
                idx.message_type().err(),
                idx.server_identifier().err(),
                idx.requested_ip().err(),
                idx.lease_time().err(),
                idx.max_message_size().err(),
                idx.host_name().err(),
                idx.dns_servers().err(),
                idx.parameter_request_list().err(),
                idx.client_identifier().err(),
                idx.relay_agent_information().err(),
            ];
            for e in errors.into_iter().flatten() {
                check_err(&e, data, "index accessor");
            }
            if let Ok(Some(relay)) = idx.relay_agent_information() {
                for sub in relay.iter() {
                    assert!(sub.offset < len, "relay sub-option beyond {len}");
                    let _ = (sub.data.to_vec(), sub.data.as_slice());
                }
            }
        }
        Err(e) => {
            assert!(walk_err.is_some() || !msg.is_dhcp());
            check_err(&e, data, "index");
        }
    }

    let dev = msg.for_each_deviation(|d| {
        assert!(d.offset <= len, "deviation {d:?} beyond {len}");
        let _ = d.to_string();
    });
    match dev {
        Ok(()) => assert!(
            walk_err.is_none(),
            "deviations walked a message whose walk fails"
        ),
        Err(e) => check_err(&e, data, "for_each_deviation"),
    }

    check_protocol(&msg);

    let mut s = String::new();
    write!(s, "{msg}").expect("Display of a Message");
    assert!(s.starts_with("BOOTP/DHCP"));
    let _ = format!("{msg:?}");
});

/// The protocol layer over the same input: validation, request
/// classification, lease timers, and a reply of every kind built for it
/// (which must parse, validate against it and have a destination).
fn check_protocol(msg: &Message<'_>) {
    use dhcpwire::protocol::{
        self, LeaseTimers, Policy, Reply, request_kind, validate_reply_with, validate_with,
    };
    use std::net::Ipv4Addr;
    for v in validate_with(msg, &Policy::REAL_WORLD).iter() {
        let _ = v.to_string();
    }
    let _ = validate_reply_with(msg, msg, &Policy::REAL_WORLD);
    let _ = request_kind(msg);
    let _ = LeaseTimers::from_message(msg);
    let yiaddr = Ipv4Addr::new(10, 0, 0, 9);
    let server = Ipv4Addr::new(10, 0, 0, 1);
    let mut out = [0u8; 1500];
    let built = match Reply::offer(msg, &mut out) {
        Ok(mut r) => r
            .yiaddr(yiaddr)
            .server_identifier(server)
            .lease_time(60)
            .finish(),
        Err(_) => match Reply::ack(msg, &mut out) {
            Ok(mut r) => r
                .yiaddr(yiaddr)
                .server_identifier(server)
                .lease_time(60)
                .finish(),
            Err(_) => match Reply::nak(msg, &mut out) {
                Ok(mut r) => r.server_identifier(server).finish(),
                Err(e) => {
                    let _ = e.to_string();
                    return;
                }
            },
        },
    };
    let Ok(n) = built else { return };
    let reply = Message::parse(&out[..n]).expect("a built reply parses");
    let _ = validate_reply_with(msg, &reply, &Policy::REAL_WORLD);
    let _ = protocol::reply_destination(msg, &reply);
}
