//! The option index (`Message::index`): it answers every look-up as the
//! message walk does, joins RFC 3396 fragments in place, and its strict
//! accessors report a malformed option instead of hiding it.

use std::net::Ipv4Addr;

use dhcpwire::message::{Addresses, FIXED_CODES, INDEXED_CODES};
use dhcpwire::{Area, Error, Message, MessageBuilder, MessageType, OptionCode, OptionIndex};

mod common;

/// The joined bytes (without the `alloc`-only `to_vec`).
fn joined_bytes(j: dhcpwire::Joined<'_>) -> Vec<u8> {
    j.bytes().collect()
}
use common::{dhcp, invalid_len, joined, parse, sub_overrun, with_file, with_sname};

/// Everything the index says about `msg` equals what a walk per code says.
fn assert_index_agrees(msg: &Message<'_>) {
    let idx = msg.index().expect("walks");
    let mut present = Vec::new();
    for code in (0..=255u8).map(OptionCode) {
        let walked = msg.option(code).expect("walks");
        let indexed = idx.get(code);
        assert_eq!(idx.contains(code), walked.is_some(), "{code:?}");
        match (walked, indexed) {
            (None, None) => {}
            (Some(w), Some(i)) => {
                present.push(code);
                assert_eq!(i.first(), w.first(), "{code:?}");
                assert_eq!(
                    (i.fragment_count(), i.len(), i.offset()),
                    (w.fragment_count(), w.len(), w.offset()),
                    "{code:?}"
                );
                let from_index: Vec<_> = i.fragments().collect();
                let from_walk: Vec<_> = w.fragments().collect();
                assert_eq!(from_index, from_walk, "{code:?}");
                assert_eq!(joined_bytes(i.joined()), joined(&w), "{code:?}");
                assert!(i.joined() == joined(&w)[..], "{code:?}");
            }
            (w, i) => panic!("{code:?}: walk {w:?}, index {i:?}"),
        }
    }
    let mut codes: Vec<_> = idx.codes().collect();
    assert_eq!(codes.len(), idx.len());
    codes.sort();
    assert_eq!(codes, present);
    assert_eq!(idx.values().count(), present.len());
    assert_eq!(idx.overload(), msg.overload().expect("walks"));
    assert_eq!(
        idx.message_type(),
        msg.message_type(),
        "message_type must agree"
    );
}

/// `values()` decodes every option whole, split or not, exactly as
/// joining into a buffer of one's own does.
#[cfg(feature = "capture")]
fn assert_values_decode(msg: &Message<'_>) {
    let idx = msg.index().unwrap();
    let mut scratch = vec![0u8; msg.len()];
    for value in idx.values() {
        let whole = value.decode().map(|v| v.to_string());
        let by_hand = value.decode_with(&mut scratch).map(|v| v.to_string());
        assert_eq!(whole, by_hand, "{:?}", value.code());
    }
}

/// Every DHCP message of every capture in testdata/ (the golden vectors and
/// the corpus of real DHCP software).
#[cfg(feature = "capture")]
#[test]
fn index_agrees_with_the_walk_on_every_captured_message() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut messages = 0;
    for dir in ["corpus", "capture", "."] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let path = entry.path();
            let name = path.to_string_lossy().into_owned();
            if !(name.ends_with(".pcap") || name.ends_with(".pcapng") || name.ends_with(".txt")) {
                continue;
            }
            let Ok(frames) = dhcpwire::capture::read(&std::fs::read(&path).unwrap()) else {
                continue;
            };
            for dgram in frames.into_iter().flatten() {
                let Ok(msg) = Message::parse_dhcp(&dgram.payload) else {
                    continue;
                };
                assert_index_agrees(&msg);
                assert_values_decode(&msg);
                messages += 1;
            }
        }
    }
    // Every DHCP message of testdata/ (tests/corpus.rs counts them per file).
    assert_eq!(messages, 279);
}

/// The same over the captures of other projects' test suites, when
/// `../shared/thirdparty-captures` is beside the repository (raw hex files
/// are skipped: they are not captures).
#[cfg(feature = "capture")]
#[test]
fn index_agrees_with_the_walk_on_third_party_captures() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/thirdparty-captures");
    if !root.is_dir() {
        eprintln!("skipped: {} is absent", root.display());
        return;
    }
    let mut stack = vec![root];
    let (mut messages, mut malformed) = (0, 0);
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(frames) = dhcpwire::capture::read(&std::fs::read(&path).unwrap()) else {
                continue;
            };
            for dgram in frames.into_iter().flatten() {
                let Ok(msg) = Message::parse_dhcp(&dgram.payload) else {
                    continue;
                };
                if msg.options().any(|o| o.is_err()) {
                    // The index is the walk's error, as the walk is.
                    assert!(msg.index().is_err());
                    malformed += 1;
                    continue;
                }
                assert_index_agrees(&msg);
                messages += 1;
            }
        }
    }
    eprintln!("{messages} messages, {malformed} malformed");
    assert!(
        messages > 10_000,
        "{messages} messages, {malformed} malformed"
    );
}

#[test]
fn index_agrees_across_overloaded_areas_and_fragments() {
    // Main: 53, 12 (first half), 52 = both; file: 12 (second half), 6;
    // sname: 12 (third part), 81.
    let bytes = with_sname(
        with_file(
            dhcp(&[53, 1, 1, 12, 2, b'a', b'b', 52, 1, 3, 255]),
            &[12, 1, b'c', 6, 4, 10, 0, 0, 1, 255],
        ),
        &[12, 2, b'd', b'e', 81, 3, 0, 0, 0, 255],
    );
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    let host = idx.host_name().unwrap().unwrap();
    assert_eq!(joined_bytes(host), b"abcde");
    assert_eq!(host.as_slice(), None);
    assert_eq!(host.chunks().collect::<Vec<_>>(), [&b"ab"[..], b"c", b"de"]);
    assert_eq!(
        idx.get(OptionCode::HOST_NAME).unwrap().first().area,
        Area::Options
    );
    // Each fragment's offset, from the resumed walk: 242, file 108, sname 44.
    let offsets: Vec<_> = idx
        .get(OptionCode::HOST_NAME)
        .unwrap()
        .fragments()
        .map(|f| (f.offset, f.area))
        .collect();
    assert_eq!(
        offsets,
        [(243, Area::Options), (108, Area::File), (44, Area::Sname)]
    );
    let dns: Vec<_> = idx.dns_servers().unwrap().unwrap().iter().collect();
    assert_eq!(dns, [Ipv4Addr::new(10, 0, 0, 1)]);
}

#[test]
fn a_second_option_52_after_a_split_value_does_not_change_the_resumed_walk() {
    // 52 once (file overloaded), host name split into main and file, then
    // another 52 in file (never followed).
    let bytes = with_file(
        dhcp(&[52, 1, 1, 12, 1, b'x', 255]),
        &[12, 1, b'y', 52, 1, 3, 255],
    );
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    assert_eq!(joined_bytes(idx.host_name().unwrap().unwrap()), b"xy");
}

#[test]
fn more_distinct_codes_than_the_table_holds_are_found_by_a_walk() {
    // 200 distinct codes (1..=200 without 52 and 53), each one byte, two
    // fragments for the last ones.
    let mut opts = vec![53, 1, 3];
    let codes: Vec<u8> = (1..=200u8).filter(|c| *c != 52 && *c != 53).collect();
    for &c in &codes {
        opts.extend_from_slice(&[c, 1, c]);
    }
    for &c in codes.iter().rev().take(3) {
        opts.extend_from_slice(&[c, 1, 0xee]);
    }
    opts.push(255);
    let bytes = dhcp(&opts);
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    assert_eq!(idx.len(), codes.len() + 1);
    assert!(idx.len() > INDEXED_CODES);
    let last = *codes.last().unwrap();
    let v = idx.get(OptionCode(last)).unwrap();
    assert_eq!(
        (v.fragment_count(), joined_bytes(v.joined())),
        (2, vec![last, 0xee])
    );
    // First-seen order: 53, then the codes as written.
    let order: Vec<u8> = idx.codes().map(|c| c.0).take(4).collect();
    assert_eq!(order, [53, 1, 2, 3]);
}

#[test]
fn a_split_value_past_a_full_table_of_other_codes_is_joined_by_a_walk() {
    // Regression (found by `tlv_messages_never_panic`): code 163, outside
    // the fixed codes, first in the table, then more other codes than the
    // table holds, then 163's second fragment. The table's one instance
    // of 163 must not be taken for the whole value.
    assert!(!FIXED_CODES.contains(&163));
    let mut opts = vec![53, 1, 1, 163, 2, 0xaa, 0xbb];
    let others: Vec<u8> = (160..=200u8)
        .filter(|c| *c != 163 && !FIXED_CODES.contains(c))
        .take(INDEXED_CODES)
        .collect();
    assert_eq!(others.len(), INDEXED_CODES);
    for &c in &others {
        opts.extend_from_slice(&[c, 1, c]);
    }
    opts.extend_from_slice(&[163, 1, 0xcc, 255]);
    let bytes = dhcp(&opts);
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let v = msg.index().unwrap().get(OptionCode(163)).unwrap();
    assert_eq!(
        (v.fragment_count(), joined_bytes(v.joined())),
        (2, vec![0xaa, 0xbb, 0xcc])
    );
}

#[test]
fn options_past_64_kib_are_found_by_a_walk() {
    // A message longer than any UDP datagram (as a test or a file may
    // hold): option 12 once past offset 65535, option 15 before it and
    // again after it, option 163 only after it.
    let mut bytes = dhcp(&[53, 1, 1, 15, 1, b'a']);
    bytes.resize(65_600, 0); // PAD
    bytes.extend_from_slice(&[12, 2, b'h', b'x', 15, 1, b'b', 163, 1, 7, 255]);
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    assert_eq!(joined_bytes(idx.host_name().unwrap().unwrap()), b"hx");
    assert_eq!(joined_bytes(idx.domain_name().unwrap().unwrap()), b"ab");
    assert_eq!(idx.get_as::<u8>(OptionCode(163)).unwrap(), Some(7));
    assert_eq!(idx.len(), 4);
    assert!(!idx.contains(OptionCode(164)));
}

#[cfg(feature = "alloc")]
#[test]
fn split_values_decode_whole_through_values() {
    // A domain search list of 357 bytes in 255 + 102 (as ISC dhclient
    // splits it), and a routes option of 2 fragments.
    let names: Vec<u8> = (0..51)
        .flat_map(|i| [5, b'h', b'o', b's', b't', b'a' + (i % 26) as u8, 0])
        .collect();
    assert_eq!(names.len(), 357);
    let mut opts = vec![53, 1, 5, 119, 255];
    opts.extend_from_slice(&names[..255]);
    opts.extend_from_slice(&[119, 102]);
    opts.extend_from_slice(&names[255..]);
    opts.extend_from_slice(&[121, 3, 8, 10, 10, 121, 3, 0, 0, 1, 255]);
    let bytes = dhcp(&opts);
    let msg = parse(&bytes);
    let idx = msg.index().unwrap();
    let decoded: Vec<String> = idx
        .values()
        .map(|v| v.decode().unwrap().to_string())
        .collect();
    assert_eq!(decoded.len(), 3);
    assert_eq!(decoded[0], "ACK");
    assert!(
        decoded[1].starts_with("hosta, hostb, hostc, "),
        "{}",
        decoded[1]
    );
    assert!(decoded[1].ends_with(", hostx, hosty"), "{}", decoded[1]);
    assert_eq!(decoded[1].matches(", ").count(), 50);
    assert_eq!(decoded[2], "10.0.0.0/8 via 10.0.0.1");
    // A split value that is malformed points into the message: a name of
    // 9 bytes where 7 remain, in the second fragment.
    let bytes = dhcp(&[119, 2, 3, b'a', 119, 3, b'b', b'c', 9, 255]);
    let idx = parse(&bytes).index().unwrap();
    let err = idx.values().next().unwrap().decode().unwrap_err();
    assert_eq!(err.offset(), 248);
}

#[test]
fn fqdn_and_routes_are_typed_or_errors() {
    // 81: flags 0x05 (S, E: DNS form), RCODEs 0, name "pc.example"; 121:
    // 10.0.0.0/8 via 10.0.0.1.
    let mut opts = vec![81, 15, 5, 0, 0, 2, b'p', b'c', 7];
    opts.extend_from_slice(b"example");
    opts.extend_from_slice(&[0, 121, 6, 8, 10, 10, 0, 0, 1, 255]);
    let bytes = dhcp(&opts);
    let idx = parse(&bytes).index().unwrap();
    let fqdn = idx.client_fqdn().unwrap().unwrap();
    assert_eq!(fqdn.to_string(), "[S,E] rcodes 0/0 \"pc.example.\"");
    let routes: Vec<String> = idx
        .classless_static_routes()
        .unwrap()
        .unwrap()
        .iter()
        .map(|r| r.to_string())
        .collect();
    assert_eq!(routes, ["10.0.0.0/8 via 10.0.0.1"]);
    // A route list cut short is an error, not None.
    let bytes = dhcp(&[121, 3, 24, 10, 0, 255]);
    let idx = parse(&bytes).index().unwrap();
    assert_eq!(
        idx.classless_static_routes().map(|_| ()),
        Err(invalid_len(121, 240, 3, "at least 5 bytes"))
    );
    // Split: said so, with the first fragment's offset.
    let bytes = dhcp(&[121, 3, 8, 10, 10, 121, 3, 0, 0, 1, 255]);
    let idx = parse(&bytes).index().unwrap();
    assert_eq!(
        idx.classless_static_routes(),
        Err(Error::Fragmented {
            code: 121,
            offset: 240
        })
    );
}

#[test]
fn three_thousand_fragments_index_and_join() {
    let mut opts = Vec::new();
    for i in 0..3000u32 {
        opts.extend_from_slice(&[12, 1, b'a' + (i % 26) as u8]);
    }
    opts.push(255);
    let bytes = dhcp(&opts);
    let msg = parse(&bytes);
    let idx = msg.index().unwrap();
    let v = idx.get(OptionCode::HOST_NAME).unwrap();
    assert_eq!((v.fragment_count(), v.len()), (3000, 3000));
    let name = idx.host_name().unwrap().unwrap();
    assert_eq!(name.get(2999), Some(b'a' + (2999 % 26) as u8));
    assert_eq!(joined_bytes(name.slice(26, 3).unwrap()), b"abc");
    assert_eq!(name.message_offset(0), Some(242));
    assert_eq!(name.message_offset(1), Some(245));
}

#[test]
fn strict_accessors_report_malformed_options() {
    // A 5-byte server identifier, a 3-byte requested address, a 2-byte
    // lease time, an empty host name, a 6-byte router list, a 1-byte
    // client identifier.
    let bytes = dhcp(&[
        53, 1, 3, 54, 5, 10, 0, 0, 1, 9, 50, 3, 10, 0, 0, 51, 2, 0, 1, 12, 0, 3, 6, 1, 2, 3, 4, 5,
        6, 61, 1, 1, 255,
    ]);
    let idx = parse(&bytes).index().unwrap();
    assert_eq!(idx.message_type(), Ok(Some(MessageType::Request)));
    assert_eq!(
        idx.server_identifier(),
        Err(invalid_len(54, 243, 5, "4 bytes"))
    );
    assert_eq!(idx.requested_ip(), Err(invalid_len(50, 250, 3, "4 bytes")));
    assert_eq!(idx.lease_time(), Err(invalid_len(51, 255, 2, "4 bytes")));
    assert_eq!(
        idx.host_name(),
        Err(invalid_len(12, 259, 0, "at least 1 byte"))
    );
    assert_eq!(
        idx.routers(),
        Err(invalid_len(3, 261, 6, "a non-zero multiple of 4 bytes"))
    );
    assert_eq!(
        idx.client_identifier(),
        Err(invalid_len(61, 269, 1, "at least 2 bytes"))
    );
    // Absent is None, not an error.
    assert_eq!(idx.max_message_size(), Ok(None));
    assert_eq!(idx.renewal_time(), Ok(None));
    assert_eq!(idx.rebinding_time(), Ok(None));
    assert_eq!(idx.relay_agent_information(), Ok(None));
    assert_eq!(idx.rapid_commit(), Ok(false));
    // The lenient Message accessors hide the same defects.
    let msg = parse(&bytes);
    assert_eq!(msg.server_identifier(), None);
}

#[test]
fn well_formed_accessors_read_their_values() {
    let mut buf = [0u8; 1024];
    let dns: Vec<Ipv4Addr> = (1..=70).map(|i| Ipv4Addr::new(10, 0, 0, i)).collect();
    let n = MessageBuilder::new(&mut buf)
        .unwrap()
        .message_type(MessageType::Ack)
        .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
        .routers([Ipv4Addr::new(10, 0, 0, 254)])
        .dns_servers(&dns) // 280 bytes: two fragments
        .lease_time(3600)
        .renewal_time(1800)
        .rebinding_time(3150)
        .max_message_size(1500)
        .client_identifier(1, &[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a])
        .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
        .vendor_class_identifier(b"MSFT 5.0")
        .domain_name(b"example.org")
        .option(OptionCode::RAPID_COMMIT, &[])
        .option(OptionCode::SUBNET_SELECTION, &[10, 9, 0, 0])
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..n]).unwrap();
    let idx = msg.index().unwrap();
    assert_eq!(idx.subnet_mask(), Ok(Some(Ipv4Addr::new(255, 255, 255, 0))));
    let routers: Addresses<'_> = idx.routers().unwrap().unwrap();
    assert_eq!(
        routers.iter().collect::<Vec<_>>(),
        [Ipv4Addr::new(10, 0, 0, 254)]
    );
    let servers = idx.dns_servers().unwrap().unwrap();
    assert_eq!(servers.len(), 70);
    assert_eq!(servers.iter().collect::<Vec<_>>(), dns);
    assert_eq!(
        idx.get(OptionCode::DOMAIN_NAME_SERVER)
            .unwrap()
            .fragment_count(),
        2
    );
    assert_eq!(idx.lease_time(), Ok(Some(3600)));
    assert_eq!(idx.renewal_time(), Ok(Some(1800)));
    assert_eq!(idx.rebinding_time(), Ok(Some(3150)));
    assert_eq!(idx.max_message_size(), Ok(Some(1500)));
    let id = idx.client_identifier().unwrap().unwrap();
    assert_eq!(id.kind, 1);
    assert!(id.id == [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]);
    assert!(id.bytes == [1, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]);
    let prl = idx.parameter_request_list().unwrap().unwrap();
    assert!(prl.contains(OptionCode::ROUTER));
    assert!(!prl.contains(OptionCode::DOMAIN_NAME_SERVER));
    assert_eq!(
        prl.iter().collect::<Vec<_>>(),
        [OptionCode::SUBNET_MASK, OptionCode::ROUTER]
    );
    assert_eq!(
        idx.vendor_class_identifier().unwrap().unwrap().as_slice(),
        Some(&b"MSFT 5.0"[..])
    );
    assert_eq!(
        idx.domain_name().unwrap().unwrap().to_string(),
        "\"example.org\""
    );
    assert_eq!(idx.rapid_commit(), Ok(true));
    assert_eq!(idx.client_fqdn(), Ok(None));
    assert_eq!(idx.classless_static_routes(), Ok(None));
    assert_eq!(idx.subnet_selection(), Ok(Some(Ipv4Addr::new(10, 9, 0, 0))));
    assert_eq!(
        idx.get_as::<u32>(OptionCode::LEASE_TIME),
        Ok(Some(3600)),
        "the generic look-up"
    );
    assert_index_agrees(&msg);
}

#[test]
fn a_client_identifier_knows_its_bytes_and_offsets_in_one_fragment_or_two() {
    // 53 at 240, 61 at 243: the type byte at 245, the identifier from 246.
    let one = dhcp(&[53, 1, 1, 61, 4, 1, 0xaa, 0xbb, 0xcc, 255]);
    let two = dhcp(&[53, 1, 1, 61, 2, 1, 0xaa, 61, 2, 0xbb, 0xcc, 255]);
    for (bytes, fragments) in [(one, 1), (two, 2)] {
        let idx = parse(&bytes).index().unwrap();
        let id = idx.client_identifier().unwrap().unwrap();
        assert_eq!(id.kind, 1, "{fragments}");
        assert!(id.id == [0xaa, 0xbb, 0xcc], "{fragments}");
        assert!(id.bytes == [1, 0xaa, 0xbb, 0xcc], "{fragments}");
        assert_eq!(id.bytes.message_offset(0), Some(245), "{fragments}");
        assert_eq!(id.id.message_offset(0), Some(246), "{fragments}");
    }
    // Two bytes is the shortest (RFC 2132 §9.14): a type and one byte.
    let shortest = dhcp(&[61, 2, 0, 7, 255]);
    let idx = parse(&shortest).index().unwrap();
    let id = idx.client_identifier().unwrap().unwrap();
    assert_eq!((id.kind, id.id.as_slice()), (0, Some(&[7][..])));
    let short = dhcp(&[61, 1, 0, 255]);
    assert_eq!(
        parse(&short).index().unwrap().client_identifier(),
        Err(invalid_len(61, 240, 1, "at least 2 bytes"))
    );
}

fn relayed(subs: &[u8], split_at: usize) -> Vec<u8> {
    let (a, b) = subs.split_at(split_at);
    let mut opts = vec![53, 1, 1];
    opts.extend_from_slice(&[82, a.len() as u8]);
    opts.extend_from_slice(a);
    if !b.is_empty() {
        opts.extend_from_slice(&[82, b.len() as u8]);
        opts.extend_from_slice(b);
    }
    opts.push(255);
    dhcp(&opts)
}

#[test]
fn relay_agent_information_across_fragments() {
    // circuit id "eth0/1", remote id 00:1b:21, subscriber id "sub-7", link
    // selection 10.1.2.0, server id override 10.0.0.1.
    let subs = [
        1, 6, b'e', b't', b'h', b'0', b'/', b'1', 2, 3, 0x00, 0x1b, 0x21, 6, 5, b's', b'u', b'b',
        b'-', b'7', 5, 4, 10, 1, 2, 0, 11, 4, 10, 0, 0, 1,
    ];
    for split_at in [subs.len(), 1, 4, 9, 11, 20, 30] {
        let bytes = relayed(&subs, split_at);
        let idx = parse(&bytes).index().unwrap();
        let relay = idx.relay_agent_information().unwrap().unwrap();
        assert!(
            relay.circuit_id().unwrap() == b"eth0/1"[..],
            "at {split_at}"
        );
        assert!(
            relay.remote_id().unwrap() == [0x00, 0x1b, 0x21],
            "at {split_at}"
        );
        assert!(
            relay.subscriber_id().unwrap() == b"sub-7"[..],
            "at {split_at}"
        );
        assert_eq!(relay.link_selection(), Some(Ipv4Addr::new(10, 1, 2, 0)));
        assert_eq!(relay.server_id_override(), Some(Ipv4Addr::new(10, 0, 0, 1)));
        assert_eq!(relay.get(9), None);
        let codes: Vec<u8> = relay.iter().map(|s| s.code).collect();
        assert_eq!(codes, [1, 2, 6, 5, 11], "at {split_at}");
        // Sub-option offsets are message offsets: the first sub-option's
        // code byte is at 245 (after 53 and the 82 header).
        assert_eq!(relay.iter().next().unwrap().offset, 245);
        assert!(relay.as_joined() == subs[..]);
    }
    // Split inside the circuit id: its value straddles the fragments.
    let bytes = relayed(&subs, 4);
    let idx = parse(&bytes).index().unwrap();
    let circuit = idx
        .relay_agent_information()
        .unwrap()
        .unwrap()
        .circuit_id()
        .unwrap();
    assert_eq!(circuit.as_slice(), None);
    assert_eq!(circuit.chunks().collect::<Vec<_>>(), [&b"et"[..], b"h0/1"]);
    // The remote id (after the split) sits after the second 82 header.
    let remote = idx
        .relay_agent_information()
        .unwrap()
        .unwrap()
        .iter()
        .nth(1)
        .unwrap();
    assert_eq!(remote.offset, 243 + 2 + 4 + 2 + 4);
}

#[test]
fn malformed_relay_agent_information_is_an_error_at_its_offset() {
    // Sub-option 2 claims 9 bytes, 3 remain.
    let bytes = relayed(&[1, 1, b'x', 2, 9, 1, 2, 3], 8);
    assert_eq!(
        parse(&bytes).index().unwrap().relay_agent_information(),
        Err(sub_overrun(82, 2, 248, 9, 3))
    );
    // Split after the code byte of sub-option 2: the error offset is that
    // byte, in the first fragment.
    let bytes = relayed(&[1, 1, b'x', 2, 9, 1, 2, 3], 4);
    assert_eq!(
        parse(&bytes).index().unwrap().relay_agent_information(),
        Err(sub_overrun(82, 2, 248, 9, 3))
    );
    // A code byte with no length byte.
    let bytes = relayed(&[1, 1, b'x', 2], 4);
    assert_eq!(
        parse(&bytes).index().unwrap().relay_agent_information(),
        Err(Error::InvalidSubOption {
            code: 82,
            sub_code: 2,
            offset: 248,
            expected: "a length byte, but the parent option ends"
        })
    );
    // An empty option 82 (some relays send one): no sub-options.
    let bytes = dhcp(&[53, 1, 1, 82, 0, 255]);
    let relay = parse(&bytes).index().unwrap().relay_agent_information();
    assert_eq!(relay.map(|r| r.map(|r| r.iter().count())), Ok(Some(0)));
}

#[test]
fn index_of_a_malformed_message_is_its_walk_error() {
    let bytes = dhcp(&[53, 1, 1, 12, 9, b'a']);
    assert_eq!(
        parse(&bytes).index().map(|i| i.len()),
        Err(parse(&bytes).options().last().unwrap().unwrap_err())
    );
    let mut plain = common::header();
    plain.extend_from_slice(&[0; 64]);
    assert!(matches!(
        parse(&plain).index().map(|i: OptionIndex<'_>| i.len()),
        Err(Error::NoMagicCookie { offset: 236, .. })
    ));
}

#[test]
fn index_size_debug_and_a_code_without_length_at_an_area_end() {
    let empty = dhcp(&[255]);
    let idx = parse(&empty).index().unwrap();
    assert!(idx.is_empty());
    assert_eq!(idx.len(), 0);
    assert_eq!(
        format!("{idx:?}"),
        "OptionIndex { codes: [], overload: None }"
    );
    let bytes = dhcp(&[53, 1, 1, 0, 12, 1, b'x', 12, 1, b'y', 255]);
    let idx = parse(&bytes).index().unwrap();
    assert!(!idx.is_empty());
    assert_eq!(idx.len(), 2);
    assert_eq!(
        format!("{idx:?}"),
        "OptionIndex { codes: [53, 12], overload: None }"
    );
    // A code byte with no length byte, last in the options field, and last
    // in `file` after PAD.
    let bytes = dhcp(&[53, 1, 1, 12]);
    let missing = |code, offset, area| Error::MissingOptionLength { code, offset, area };
    assert_eq!(
        parse(&bytes).index().map(|i| i.len()),
        Err(missing(12, 243, Area::Options))
    );
    let mut file = [0u8; 128];
    file[127] = 15;
    let bytes = with_file(dhcp(&[52, 1, 1, 255]), &file);
    assert_eq!(
        parse(&bytes).index().map(|i| i.len()),
        Err(missing(15, 235, Area::File))
    );
}

#[test]
fn address_and_code_lists_across_fragments() {
    // Routers split inside the second address, 55 split in two, an empty
    // option 68 (RFC 2132 §8.3 allows it).
    let bytes = dhcp(&[
        3, 6, 10, 0, 0, 1, 10, 0, 3, 2, 2, 2, 55, 2, 1, 3, 55, 1, 6, 68, 0, 255,
    ]);
    let idx = parse(&bytes).index().unwrap();
    let routers = idx.routers().unwrap().unwrap();
    assert_eq!((routers.len(), routers.is_empty()), (2, false));
    assert_eq!(routers.to_string(), "10.0.0.1,10.0.2.2");
    let mut it = routers.iter();
    assert_eq!((it.len(), it.size_hint()), (2, (2, Some(2))));
    assert_eq!(it.next(), Some(Ipv4Addr::new(10, 0, 0, 1)));
    assert_eq!(it.size_hint(), (1, Some(1)));
    let prl = idx.parameter_request_list().unwrap().unwrap();
    assert_eq!((prl.len(), prl.is_empty()), (3, false));
    assert!(prl.contains(OptionCode::DOMAIN_NAME_SERVER));
    assert!(!prl.contains(OptionCode::HOST_NAME));
    let home_agents = idx
        .addresses(OptionCode::MOBILE_IP_HOME_AGENT)
        .unwrap()
        .unwrap();
    assert_eq!((home_agents.len(), home_agents.is_empty()), (0, true));
    assert_eq!(home_agents.to_string(), "");
    // Read as addresses, a value of another kind must still be whole ones.
    let bytes = dhcp(&[12, 5, b'h', b'o', b's', b't', b's', 255]);
    assert_eq!(
        parse(&bytes)
            .index()
            .unwrap()
            .addresses(OptionCode::HOST_NAME),
        Err(invalid_len(12, 240, 5, "a non-zero multiple of 4 bytes"))
    );
}

#[test]
fn relay_sub_option_values_know_their_message_offsets() {
    // 53 at 240, 82 at 243: circuit id value at 247, remote id value at 251.
    let bytes = relayed(&[1, 2, b'p', b'0', 2, 3, 0x00, 0x1b, 0x21], 9);
    let idx = parse(&bytes).index().unwrap();
    let relay = idx.relay_agent_information().unwrap().unwrap();
    let circuit = relay.circuit_id().unwrap();
    assert_eq!(
        (circuit.message_offset(0), circuit.message_offset(2)),
        (Some(247), Some(249))
    );
    assert_eq!(relay.remote_id().unwrap().message_offset(0), Some(251));
}

#[test]
fn a_long_value_at_the_start_of_sname_is_read_from_its_slot() {
    // 60 bytes at offset 46: longer than their own offset.
    let mut sname = vec![15, 60];
    sname.extend_from_slice(&[b'a'; 60]);
    sname.push(255);
    let bytes = with_sname(dhcp(&[53, 1, 2, 52, 1, 2, 255]), &sname);
    let idx = parse(&bytes).index().unwrap();
    let name = idx.domain_name().unwrap().unwrap();
    assert_eq!(name.as_slice(), Some(&[b'a'; 60][..]));
    assert_eq!(name.message_offset(0), Some(46));
}

#[test]
fn joined_bytes_fold_over_every_fragment_and_window() {
    // Option 12 in three fragments: "ab", "cd", "ef".
    let bytes = dhcp(&[12, 2, b'a', b'b', 12, 2, b'c', b'd', 12, 2, b'e', b'f', 255]);
    let msg = parse(&bytes);
    let name = msg.index().unwrap().host_name().unwrap().unwrap();
    let push = |mut v: Vec<u8>, b: u8| {
        v.push(b);
        v
    };
    assert_eq!(name.bytes().fold(Vec::new(), push), b"abcdef");
    assert_eq!(
        name.bytes().map(u32::from).sum::<u32>(),
        (b'a'..=b'f').map(u32::from).sum()
    );
    // Part of the first chunk read one by one, the rest folded.
    let mut rest = name.bytes();
    assert_eq!(rest.next(), Some(b'a'));
    assert_eq!(rest.fold(Vec::new(), push), b"bcdef");
    // A window across the fragments.
    let window = name.slice(1, 4).unwrap();
    assert_eq!(window.bytes().fold(Vec::new(), push), b"bcde");
}

#[test]
fn a_value_split_from_past_64_kib_into_file_is_joined_by_a_walk() {
    // Option 12's first fragment past offset 65535 (not recordable), its
    // second in `file` (recordable, at 108): the index must not take the
    // second fragment for the whole value.
    let mut bytes = dhcp(&[53, 1, 1, 52, 1, 1]);
    bytes.resize(65_600, 0); // PAD
    bytes.extend_from_slice(&[12, 2, b'h', b'x', 255]);
    let bytes = with_file(bytes, &[12, 1, b'y', 255]);
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    assert_eq!(joined_bytes(idx.host_name().unwrap().unwrap()), b"hxy");
}

#[test]
fn a_fixed_code_at_offset_65534_then_in_file_is_joined_whole() {
    // Option 12's first fragment's code byte at exactly 65534 (the largest
    // offset the table could hold, but one of its marks), its second in
    // `file`: the index must not answer with the second alone.
    let mut bytes = dhcp(&[53, 1, 1, 52, 1, 1]);
    bytes.resize(65_534, 0); // PAD
    bytes.extend_from_slice(&[12, 2, b'a', b'b', 255]);
    let bytes = with_file(bytes, &[12, 1, b'c', 255]);
    let msg = parse(&bytes);
    assert_index_agrees(&msg);
    let idx = msg.index().unwrap();
    let got = idx.get(OptionCode::HOST_NAME).unwrap();
    assert_eq!(
        (got.offset(), got.fragment_count(), got.len()),
        (65_534, 2, 3)
    );
    assert_eq!(joined_bytes(idx.host_name().unwrap().unwrap()), b"abc");
}

#[test]
fn codes_come_in_first_appearance_order_past_any_table() {
    // 53, then 33 codes in descending order: more distinct codes than the
    // old table held, whose overflow used to come out in numeric order.
    let mut opts = vec![53, 1, 1];
    for code in (168..=200u8).rev() {
        opts.extend_from_slice(&[code, 1, code]);
    }
    opts.push(255);
    let bytes = dhcp(&opts);
    let msg = parse(&bytes);
    let idx = msg.index().unwrap();
    let codes: Vec<u8> = idx.codes().map(|c| c.0).collect();
    let want: Vec<u8> = [53].into_iter().chain((168..=200u8).rev()).collect();
    assert_eq!(codes, want);
    let values: Vec<u8> = idx.values().map(|v| v.code().0).collect();
    assert_eq!(values, want);
}
