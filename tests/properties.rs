//! Property tests: no input makes the parser panic or loop, every error's
//! offset lies within the input, and what the builder writes parses back to
//! what it was given.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use dhcpwire::{Flags, Message, MessageBuilder, Op, OptionCode, builder};
use proptest::prelude::*;

mod common;
use common::joined;

/// Everything a reader of `bytes` can ask; panics only on a broken
/// invariant (an error offset outside the input, a walk that does not end).
fn read_everything(bytes: &[u8]) {
    let len = bytes.len();
    let msg = match Message::parse(bytes) {
        Ok(m) => m,
        Err(e) => {
            assert!(e.offset() <= len, "{e:?} for {len} bytes");
            return;
        }
    };
    let _ = msg.to_string();
    let mut steps = 0;
    let mut scratch = vec![0u8; len];
    for opt in msg.options() {
        steps += 1;
        assert!(steps <= len, "walk does not end");
        match opt {
            Ok(o) => {
                assert!(o.offset + 2 + o.len() <= len);
                let _ = o.to_string();
                if let Err(e) = o.decode() {
                    assert!(e.offset() <= len, "{e:?}");
                }
                if let Ok(Some(v)) = msg.option(o.code) {
                    if let Err(e) = v.decode_with(&mut scratch) {
                        assert!(e.offset() <= len, "{e:?}");
                    }
                }
            }
            Err(e) => assert!(e.offset() <= len, "{e:?} for {len} bytes"),
        }
    }
    // The first-match peek agrees with the strict look-up whenever the
    // latter succeeds.
    if let Ok(t) = msg.message_type() {
        assert_eq!(msg.peek_message_type(), t);
    }
    for r in [
        msg.message_type().err(),
        msg.trailing().err(),
        msg.overload().err(),
        msg.sname().err(),
        msg.for_each_deviation(|d| assert!(d.offset <= len)).err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(r.offset() <= len, "{r:?}");
    }
    // The index answers as a walk per code does, and its strict accessors
    // never panic and point inside the input.
    match msg.index() {
        Ok(idx) => {
            for code in idx.codes() {
                let walked = msg.option(code).expect("indexed, so it walks");
                let indexed = idx.get(code).expect("listed, so present");
                let walked = walked.expect("indexed, so present");
                assert_eq!(
                    (indexed.first(), indexed.fragment_count(), indexed.len()),
                    (walked.first(), walked.fragment_count(), walked.len())
                );
                assert_eq!(
                    indexed.joined().bytes().collect::<Vec<u8>>(),
                    joined(&walked)
                );
            }
            for r in [
                idx.message_type().err(),
                idx.server_identifier().err(),
                idx.requested_ip().err(),
                idx.lease_time().err(),
                idx.max_message_size().err(),
                idx.host_name().err(),
                idx.routers().err(),
                idx.parameter_request_list().err(),
                idx.client_identifier().err(),
                idx.relay_agent_information().err(),
            ]
            .into_iter()
            .flatten()
            {
                assert!(r.offset() <= len, "{r:?}");
            }
            if let Ok(Some(relay)) = idx.relay_agent_information() {
                for sub in relay.iter() {
                    assert!(sub.offset < len && sub.data.len() < len);
                }
            }
        }
        Err(e) => assert_eq!(Some(Err(e)), msg.options().find(|o| o.is_err())),
    }
    // Whatever walks cleanly is re-emitted byte for byte.
    if msg.is_dhcp() && msg.options().all(|o| o.is_ok()) {
        let mut out = vec![0u8; len];
        let n = builder::rebuild(&msg, &mut out).expect("rebuild of a clean message");
        assert_eq!(&out[..n], bytes);
    }
}

/// A message that starts like DHCP: header, cookie, then arbitrary bytes.
fn dhcp_like() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(any::<u8>(), 236),
        proptest::collection::vec(any::<u8>(), 0..1200),
    )
        .prop_map(|(mut header, tail)| {
            header.extend_from_slice(&[99, 130, 83, 99]);
            header.extend_from_slice(&tail);
            header
        })
}

/// A message whose options area is made of plausible TLVs, with option 52
/// sometimes set, so overload and fragments are exercised.
fn tlv_message() -> impl Strategy<Value = Vec<u8>> {
    let tlv = (0u8..=255, proptest::collection::vec(any::<u8>(), 0..40));
    (
        proptest::collection::vec(any::<u8>(), 236),
        proptest::collection::vec(tlv, 0..30),
        0u8..5,
        any::<bool>(),
    )
        .prop_map(|(mut m, opts, overload, end)| {
            m.extend_from_slice(&[99, 130, 83, 99]);
            if overload > 0 {
                m.extend_from_slice(&[52, 1, overload]);
            }
            for (code, v) in opts {
                m.push(code);
                if code != 0 && code != 255 {
                    m.push(v.len() as u8);
                    m.extend_from_slice(&v);
                }
            }
            if end {
                m.push(255);
            }
            m
        })
}

/// Options drawn from PAD, END, 1, 52 and 53 with short values: message
/// types split, repeated, empty or too long, overload in every form.
fn type_heavy_area(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let code = prop_oneof![Just(0u8), Just(1), Just(52), Just(53), Just(255)];
    let tlv = (code, proptest::collection::vec(0u8..5, 0..3));
    proptest::collection::vec(tlv, 0..max).prop_map(|opts| {
        let mut area = Vec::new();
        for (code, v) in opts {
            area.push(code);
            if code != 0 && code != 255 {
                area.push(v.len() as u8);
                area.extend_from_slice(&v);
            }
        }
        area
    })
}

/// A message whose options area, `file` and `sname` are all
/// [`type_heavy_area`]s, so overloaded message types are reachable.
fn type_heavy_message() -> impl Strategy<Value = Vec<u8>> {
    (
        type_heavy_area(12),
        type_heavy_area(20),
        type_heavy_area(12),
    )
        .prop_map(|(options, mut file, mut sname)| {
            let mut m = vec![0u8; 236];
            file.truncate(128);
            sname.truncate(64);
            m[108..108 + file.len()].copy_from_slice(&file);
            m[44..44 + sname.len()].copy_from_slice(&sname);
            m.extend_from_slice(&[99, 130, 83, 99]);
            m.extend_from_slice(&options);
            m
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// `peek_message_type` returns what `message_type` returns whenever the
    /// latter is not an error (RFC 3396 joins, overload, absence).
    #[test]
    fn peek_agrees_with_strict_message_type(bytes in type_heavy_message()) {
        let msg = Message::parse(&bytes).unwrap();
        if let Ok(t) = msg.message_type() {
            prop_assert_eq!(msg.peek_message_type(), t);
        }
        read_everything(&bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..700)) {
        read_everything(&bytes);
    }

    #[test]
    fn dhcp_like_bytes_never_panic(bytes in dhcp_like()) {
        read_everything(&bytes);
    }

    #[test]
    fn tlv_messages_never_panic(bytes in tlv_message()) {
        read_everything(&bytes);
    }

    /// build -> parse gives back every header field and, per code, the
    /// concatenation of the values given (RFC 3396), whatever their size.
    #[test]
    fn build_then_parse_is_identity(
        xid in any::<u32>(),
        secs in any::<u16>(),
        flags in any::<u16>(),
        hops in any::<u8>(),
        addrs in any::<[u32; 4]>(),
        chaddr in proptest::collection::vec(any::<u8>(), 0..=16),
        sname in proptest::collection::vec(1u8..=255, 0..=64),
        options in proptest::collection::vec(
            (1u8..=254, proptest::collection::vec(any::<u8>(), 0..600)), 0..8),
        min_len in 0usize..700,
    ) {
        // 52 would redirect the walk into sname/file; it has its own tests.
        let options: Vec<_> = options.into_iter().filter(|(c, _)| *c != 52).collect();
        let mut buf = vec![0u8; 8192];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.op(Op::BootReply)
            .htype(1)
            .hops(hops)
            .xid(xid)
            .secs(secs)
            .flags(Flags(flags))
            .ciaddr(Ipv4Addr::from(addrs[0]))
            .yiaddr(Ipv4Addr::from(addrs[1]))
            .siaddr(Ipv4Addr::from(addrs[2]))
            .giaddr(Ipv4Addr::from(addrs[3]))
            .chaddr(&chaddr)
            .sname(&sname)
            .min_len(min_len);
        for (code, v) in &options {
            b.option(OptionCode(*code), v);
        }
        let n = b.finish().unwrap();
        prop_assert!(n >= min_len);
        let msg = Message::parse(&buf[..n]).unwrap();
        prop_assert_eq!(msg.op(), Op::BootReply);
        prop_assert_eq!((msg.xid(), msg.secs(), msg.flags(), msg.hops), (xid, secs, Flags(flags), hops));
        prop_assert_eq!(
            [msg.ciaddr(), msg.yiaddr(), msg.siaddr(), msg.giaddr()],
            addrs.map(Ipv4Addr::from)
        );
        prop_assert_eq!(msg.chaddr().unwrap(), &chaddr[..]);
        prop_assert_eq!(msg.sname().unwrap(), Some(&sname[..]));
        let mut expected: BTreeMap<u8, Vec<u8>> = BTreeMap::new();
        for (code, v) in &options {
            expected.entry(*code).or_default().extend_from_slice(v);
        }
        for (code, want) in &expected {
            let value = msg.option(OptionCode(*code)).unwrap().unwrap();
            prop_assert_eq!(&joined(&value), want);
        }
        prop_assert_eq!(msg.options().count(), options.iter()
            .map(|(_, v)| v.len().div_ceil(255).max(1)).sum::<usize>());
    }
}

/// Every prefix of every packet in testdata/corpus and the golden text, and
/// every single-bit flip of every fourth of them, parses or fails with a
/// typed error whose offset is inside the input.
#[cfg(feature = "capture")]
#[test]
fn every_prefix_and_bit_flip_of_the_testdata() {
    let mut packets = Vec::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
    for dir in [format!("{root}/corpus"), root.to_string()] {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            let name = p.display().to_string();
            if name.ends_with(".pcap") || name.ends_with(".tcpdump.txt") {
                let frames = dhcpwire::capture::read(&std::fs::read(&p).unwrap()).unwrap();
                packets.extend(frames.into_iter().flatten().map(|d| d.payload));
            }
        }
    }
    packets.sort();
    packets.dedup();
    assert!(packets.len() >= 20);
    // Bit flips on a sample keep the debug-build run short; prefixes on all.
    for (i, p) in packets.iter().enumerate() {
        for cut in 0..=p.len() {
            read_everything(&p[..cut]);
        }
        if i % 4 == 0 {
            let mut q = p.clone();
            for bit in 0..q.len() * 8 {
                q[bit / 8] ^= 1 << (bit % 8);
                read_everything(&q);
                q[bit / 8] ^= 1 << (bit % 8);
            }
        }
    }
}
