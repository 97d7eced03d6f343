//! `dhcpwire::arbitrary`: everything the generator writes parses, walks,
//! decodes and re-encodes byte for byte; over 100,000 inputs it reaches
//! every typed code, every area, every message type and each quirk; the
//! knobs of `Config` do what they say.
#![cfg(all(feature = "arbitrary", feature = "std"))]

use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;

use arbitrary::{Arbitrary, Unstructured};
use dhcpwire::arbitrary::{ArbitraryMessage, ArbitraryOption, Config, Generated, write_message};
use dhcpwire::builder::rebuild;
use dhcpwire::options::rfc4578::decode_vendor_specific;
use dhcpwire::options::typed::TYPED_CODES;
use dhcpwire::protocol::validate;
use dhcpwire::{Area, DhcpOption, Message, MessageType, OptionCode};

/// Deterministic pseudo-random fuzzer input (xorshift64*), of any length
/// up to 2 KiB.
struct Bytes(u64);

impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn input(&mut self) -> Vec<u8> {
        let len = (self.next() % 2048) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// What the checks saw over many messages.
#[derive(Default)]
struct Seen {
    codes: BTreeSet<u8>,
    areas: BTreeSet<Area>,
    types: BTreeSet<Option<u8>>,
    overloads: BTreeSet<u8>,
    hlen_0: usize,
    hlen_16: usize,
    hlen_over_16: usize,
    split: usize,
    split_across_areas: usize,
    missing_end: usize,
    after_end: usize,
    pad_runs: usize,
    pxe: usize,
    relay_subs: BTreeSet<u8>,
    follows_rfc2131: usize,
    malformed: usize,
    walk_errors: usize,
    bootp: usize,
    max_len: usize,
}

/// Checks one generated message; panics with the reason when a promise of
/// `dhcpwire::arbitrary` is broken.
fn check(bytes: &[u8], generated: &Generated, seen: &mut Seen) {
    assert_eq!(bytes.len(), generated.len);
    seen.max_len = seen.max_len.max(bytes.len());
    let msg = Message::parse(bytes).expect("parses");
    match msg.hlen {
        0 => seen.hlen_0 += 1,
        16 => seen.hlen_16 += 1,
        17.. => seen.hlen_over_16 += 1,
        _ => {}
    }
    if generated.bootp {
        seen.bootp += 1;
        assert_eq!(msg.bootp_vendor_area().map(<[u8]>::len), Some(64));
        let mut out = vec![0u8; bytes.len()];
        let n = rebuild(&msg, &mut out).expect("rebuilds");
        assert_eq!(&out[..n], bytes, "rebuild differs");
        return;
    }
    msg.cookie().expect("has the cookie");
    if generated.walk_error {
        seen.walk_errors += 1;
        assert!(msg.options().any(|o| o.is_err()), "walk error promised");
        return;
    }
    let options: Vec<_> = msg
        .options()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("walk failed: {e} in {:?}", hex(bytes)));

    // Byte for byte through the builder.
    let mut out = vec![0u8; bytes.len()];
    let n = rebuild(&msg, &mut out).expect("rebuilds");
    assert_eq!(&out[..n], bytes, "rebuild differs");

    assert_eq!(msg.overload().expect("walks"), generated.overload);
    assert_eq!(
        msg.message_type().expect("option 53 decodes"),
        generated.message_type
    );
    seen.types.insert(generated.message_type.map(u8::from));
    if let Some(o) = generated.overload {
        seen.overloads.insert(o.to_u8());
    }

    // Every (joined) value decodes, except those made malformed.
    let index = msg.index().expect("indexes");
    let mut failed = 0;
    let mut errors = Vec::new();
    for code in index.codes() {
        let value = msg.option(code).expect("walks").expect("indexed");
        let joined = value.to_vec();
        if let Err(e) = DhcpOption::decode(code, &joined, 0) {
            failed += 1;
            errors.push(format!("{e} in {}", hex(&joined)));
        }
        if value.fragment_count() > 1 {
            seen.split += 1;
            let first = value.first().area;
            if value.fragments().any(|f| f.area != first) {
                seen.split_across_areas += 1;
            }
        }
    }
    assert_eq!(
        failed, generated.malformed_options,
        "values that fail to decode: {errors:?}\n{msg}"
    );
    seen.malformed += failed;
    for o in &options {
        seen.codes.insert(o.code.0);
        seen.areas.insert(o.area);
    }

    // A PXE client's option 43 decodes as PXE's.
    let class = msg
        .option(OptionCode::VENDOR_CLASS_IDENTIFIER)
        .expect("walks")
        .map(|v| v.to_vec());
    if let (Some(class), Some(vendor)) = (
        &class,
        msg.option(OptionCode::VENDOR_SPECIFIC).expect("walks"),
    ) {
        if class.starts_with(b"PXEClient") && generated.malformed_options == 0 {
            let vendor = vendor.to_vec();
            let v = decode_vendor_specific(&vendor, 0, Some(class)).expect("PXE sub-options");
            assert!(v.is_pxe());
            seen.pxe += 1;
        }
    }
    // Relay agent sub-options decode to their types.
    if let Some(relay) = msg
        .option(OptionCode::RELAY_AGENT_INFORMATION)
        .expect("walks")
    {
        let relay = relay.to_vec();
        if let Ok(DhcpOption::RelayAgentInformation(subs)) =
            DhcpOption::decode(OptionCode::RELAY_AGENT_INFORMATION, &relay, 0)
        {
            for sub in subs {
                let sub = sub.expect("sub-options walk");
                sub.decode_relay()
                    .unwrap_or_else(|e| panic!("relay sub-option {}: {e}", sub.code));
                seen.relay_subs.insert(sub.code);
            }
        }
    }

    // The quirks of the main area.
    let mut walk = msg.main_options().expect("cookie");
    let mut cursor = Area::Options.start();
    for o in walk.by_ref() {
        let o = o.expect("walks");
        if o.offset > cursor {
            seen.pad_runs += 1;
        }
        cursor = o.offset + 2 + o.len();
    }
    if walk.missing_end() {
        seen.missing_end += 1;
    } else if walk.trailing().expect("ended").iter().any(|&b| b != 0) {
        seen.after_end += 1;
    }

    if generated.follows_rfc2131 {
        seen.follows_rfc2131 += 1;
        let v = validate(&msg);
        assert!(
            v.is_empty(),
            "a conforming message has violations: {:?}\n{msg}",
            v.iter().map(|v| v.to_string()).collect::<Vec<_>>()
        );
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn run(config: &Config, cases: usize, seed: u64) -> Seen {
    let mut rng = Bytes(seed);
    let mut seen = Seen::default();
    let mut buf = vec![0u8; 2000];
    for _ in 0..cases {
        let input = rng.input();
        let generated = write_message(&mut Unstructured::new(&input), config, &mut buf)
            .expect("a 2000-byte buffer is large enough");
        check(&buf[..generated.len], &generated, &mut seen);
    }
    seen
}

/// 100,000 messages under the defaults: every promise holds for each, and
/// together they reach every typed code, every area, every message type,
/// each overload and each quirk.
#[test]
fn one_hundred_thousand_default_messages() {
    let seen = run(&Config::DEFAULT, 100_000, 0x5eed_d0c5);
    let typed: BTreeSet<u8> = TYPED_CODES.iter().map(|t| t.code.0).collect();
    let missing: Vec<_> = typed.difference(&seen.codes).collect();
    assert!(
        missing.is_empty(),
        "typed codes never generated: {missing:?}"
    );
    println!(
        "100,000 messages: {} distinct option codes ({} typed of {}, {} untyped), \
         {} split values ({} across areas), {} with PXE option 43, {} following RFC 2131, \
         largest {} bytes",
        seen.codes.len(),
        seen.codes.intersection(&typed).count(),
        typed.len(),
        seen.codes.difference(&typed).count(),
        seen.split,
        seen.split_across_areas,
        seen.pxe,
        seen.follows_rfc2131,
        seen.max_len,
    );
    assert_eq!(
        seen.areas,
        BTreeSet::from([Area::Options, Area::File, Area::Sname])
    );
    for t in 1..=18u8 {
        assert!(seen.types.contains(&Some(t)), "message type {t} never");
    }
    assert!(seen.types.contains(&None), "never without option 53");
    assert!(
        seen.types.iter().any(|t| t.is_some_and(|t| t > 18)),
        "never an unassigned type"
    );
    assert_eq!(seen.overloads, BTreeSet::from([1, 2, 3]));
    // hlen above 16 at the documented rate: 4/256 of the 1 in 4 messages
    // that do not follow RFC 2131 (about 390 in 100,000).
    assert!(seen.hlen_0 > 1000 && seen.hlen_16 > 1000, "hlen 0/16");
    assert!(
        (150..=800).contains(&seen.hlen_over_16),
        "hlen > 16: {}",
        seen.hlen_over_16
    );
    for (what, n) in [
        ("split values", seen.split),
        ("splits across areas", seen.split_across_areas),
        ("missing END", seen.missing_end),
        ("bytes after END", seen.after_end),
        ("PAD runs", seen.pad_runs),
        ("PXE option 43", seen.pxe),
    ] {
        assert!(n > 100, "{what}: {n}");
    }
    let relay: BTreeSet<u8> = [
        1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 151, 152,
    ]
    .into();
    assert!(relay.is_subset(&seen.relay_subs), "relay sub-options");
    // About 3 in 4 follow RFC 2131 (192/256, fewer when the type is
    // unassigned or option 53 missing).
    assert!(
        (65_000..=78_000).contains(&seen.follows_rfc2131),
        "{}",
        seen.follows_rfc2131
    );
    assert_eq!((seen.malformed, seen.walk_errors, seen.bootp), (0, 0, 0));
}

/// `bootp_rate` asks for plain BOOTP messages: no cookie, a vendor area,
/// rebuilt byte for byte.
#[test]
fn plain_bootp_when_asked() {
    let seen = run(&Config::DEFAULT.bootp_rate(16), 10_000, 5);
    // 16/256 of 10,000.
    assert!((450..=800).contains(&seen.bootp), "{}", seen.bootp);
}

/// With `malformed_rate`, some values fail their typed decode and some
/// walks fail at the end, as `Generated` says; the rest still holds.
#[test]
fn malformed_options_are_reported() {
    let config = Config::DEFAULT.malformed_rate(32);
    let seen = run(&config, 20_000, 7);
    assert!(seen.malformed > 1000, "{}", seen.malformed);
    // 32/256 of the messages end in a truncated option.
    assert!(
        (2000..=3000).contains(&seen.walk_errors),
        "{}",
        seen.walk_errors
    );
}

/// The knobs: message types, size, no overload, no splits, no quirks,
/// always RFC 2131, hints.
#[test]
fn config_knobs() {
    const ADDRS: &[Ipv4Addr] = &[Ipv4Addr::new(192, 168, 1, 1)];
    const MACS: &[[u8; 6]] = &[[2, 0, 0, 0, 0, 1]];
    let config = Config::DEFAULT
        .message_types(Config::CLIENT_TYPES)
        .max_size(400)
        .overload(false)
        .splits(false)
        .quirks(false)
        .rfc2131_rate(255)
        .addresses(ADDRS)
        .hardware_addresses(MACS);
    let mut rng = Bytes(99);
    let mut buf = vec![0u8; 2000];
    let mut types = BTreeMap::new();
    let (mut hinted_server, mut hinted_mac) = (0, 0);
    for _ in 0..5_000 {
        let input = rng.input();
        let g = write_message(&mut Unstructured::new(&input), &config, &mut buf).unwrap();
        let bytes = &buf[..g.len];
        assert!((300..=400).contains(&bytes.len()), "{}", bytes.len());
        let msg = Message::parse(bytes).unwrap();
        let t = msg.message_type().unwrap().expect("always option 53");
        assert!(Config::CLIENT_TYPES.contains(&t));
        *types.entry(u8::from(t)).or_insert(0) += 1;
        assert!(g.follows_rfc2131);
        assert_eq!(validate(&msg).len(), 0);
        assert_eq!(msg.overload().unwrap(), None);
        assert_eq!(g.split_options, 0);
        let mut walk = msg.main_options().unwrap();
        let mut cursor = 240;
        for o in walk.by_ref() {
            let o = o.unwrap();
            assert_eq!(o.offset, cursor, "no PAD between options");
            assert!(o.offset == 240 || o.code != OptionCode::MESSAGE_TYPE);
            cursor = o.offset + 2 + o.len();
        }
        assert!(walk.trailing().unwrap().iter().all(|&b| b == 0));
        assert!(msg.sname_bytes().is_empty() || msg.sname_bytes().is_ascii());
        if msg.server_identifier() == Some(ADDRS[0]) {
            hinted_server += 1;
        }
        if msg.chaddr() == Ok(&MACS[0][..]) {
            hinted_mac += 1;
        }
    }
    assert_eq!(types.len(), 5, "{types:?}");
    // Option 54 is in REQUEST (selecting), DECLINE and RELEASE: 60% of
    // those from the hint; chaddr: 5/8 Ethernet × 160/256 from the hint.
    assert!(hinted_server > 800, "{hinted_server}");
    assert!(
        (1500..=2400).contains(&hinted_mac),
        "{hinted_mac} of 5000 from the hint"
    );
}

/// A buffer under 244 bytes is refused; `ArbitraryMessage` is capped at
/// its capacity; no input gives a DHCPDISCOVER and no other option.
#[test]
fn sizes_and_the_empty_input() {
    let mut small = [0u8; 243];
    assert_eq!(
        write_message(&mut Unstructured::new(&[]), &Config::DEFAULT, &mut small),
        Err(dhcpwire::Error::BufferTooSmall {
            needed: 244,
            available: 243
        })
    );
    let empty = ArbitraryMessage::from_bytes(&[], &Config::DEFAULT);
    let msg = empty.message().unwrap();
    assert_eq!(empty.as_bytes().len(), 300);
    assert_eq!(msg.message_type().unwrap(), Some(MessageType::Discover));
    assert_eq!(msg.options().count(), 1);
    assert!(empty.generated().follows_rfc2131);
    assert!(validate(&msg).is_empty());
    let big = ArbitraryMessage::from_bytes(&[0xff; 4096], &Config::DEFAULT.max_size(9000));
    assert!(big.as_bytes().len() <= ArbitraryMessage::CAPACITY);
    let again = ArbitraryMessage::arbitrary(&mut Unstructured::new(&[0xff; 4096])).unwrap();
    assert_eq!(again.as_bytes(), big.as_bytes());
}

/// `ArbitraryOption` gives, for every typed code, values that decode.
#[test]
fn every_typed_code_has_values_that_decode() {
    let mut rng = Bytes(3);
    for typed in TYPED_CODES {
        let mut lens = BTreeSet::new();
        for _ in 0..300 {
            let input = rng.input();
            let opt = ArbitraryOption::generate(&mut Unstructured::new(&input), typed.code);
            assert_eq!(opt.code(), typed.code);
            let decoded = opt.decode().unwrap_or_else(|e| {
                panic!("{:?} {:02x?}: {e}", typed.code, opt.value());
            });
            assert_eq!(decoded.code(), typed.code);
            assert_eq!(decoded.value_len(), opt.value().len());
            lens.insert(opt.value().len());
        }
        let fixed = DhcpOption::fixed_len(typed.code).is_some();
        assert!(fixed || lens.len() > 1, "{:?}: one length only", typed.code);
    }
    let none = ArbitraryOption::generate(&mut Unstructured::new(&[1, 2, 3]), OptionCode::END);
    assert!(none.value().is_empty());
}

/// In a message too small for what its type requires, `Generated` says it
/// does not follow RFC 2131 (and has no option 53 when that did not fit).
#[test]
fn tiny_messages_say_what_they_hold() {
    let mut rng = Bytes(17);
    let mut buf = [0u8; 300];
    let (mut follow, mut not) = (0, 0);
    for max in [244, 246, 250, 256] {
        let config = Config::DEFAULT.rfc2131_rate(255).max_size(max);
        for _ in 0..5_000 {
            let input = rng.input();
            let g = write_message(&mut Unstructured::new(&input), &config, &mut buf).unwrap();
            let msg = Message::parse(&buf[..g.len]).unwrap();
            assert!(g.len <= max);
            assert_eq!(msg.message_type().unwrap(), g.message_type);
            if g.follows_rfc2131 {
                follow += 1;
                assert!(validate(&msg).is_empty(), "{:?}\n{msg}", validate(&msg));
            } else {
                not += 1;
            }
        }
    }
    assert!(follow > 1000 && not > 1000, "{follow} / {not}");
}

/// Messages that follow RFC 2131 do so for every type and request state.
#[test]
fn conforming_messages_validate() {
    let mut rng = Bytes(11);
    let config = Config::DEFAULT.rfc2131_rate(255).message_types(&[
        MessageType::Discover,
        MessageType::Request,
        MessageType::Decline,
        MessageType::Release,
        MessageType::Inform,
        MessageType::Offer,
        MessageType::Ack,
        MessageType::Nak,
    ]);
    let mut buf = [0u8; 1500];
    for _ in 0..20_000 {
        let input = rng.input();
        let g = write_message(&mut Unstructured::new(&input), &config, &mut buf).unwrap();
        let msg = Message::parse(&buf[..g.len]).unwrap();
        if g.follows_rfc2131 {
            let v = validate(&msg);
            assert!(v.is_empty(), "{v:?}\n{msg}");
        } else {
            // Only a missing or unassigned option 53 (a quirk) escapes.
            assert!(g.message_type.is_none_or(|t| u8::from(t) > 18));
        }
    }
}
