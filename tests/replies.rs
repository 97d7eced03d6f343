//! Every reply passes the checker: a server built on `protocol::Reply`
//! answers every real client message (testdata/ and, when present,
//! ../shared/thirdparty-captures/) and every hostile one under three
//! configurations, and `validate_reply` finds nothing in what it sends.
//! A request gets no reply only for a defect of its own, which the
//! refusal names. Then one regression test per disagreement found when
//! real servers were moved onto `Reply`.

// Serving the captures needs the capture readers; without them only the
// regression tests run, and the serving helpers go unused.
#![cfg_attr(not(feature = "capture"), allow(dead_code, unused_imports))]

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use dhcpwire::protocol::{
    EchoRelayInfo, Leases, Policy, ProtocolError, Reply, Rule, Subject, validate, validate_reply,
    validate_with,
};
use dhcpwire::{Error, Flags, Message, MessageBuilder, MessageType, Op, OptionCode};

const SERVER: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 1);
const OFFERED: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 100);
const RELAY: Ipv4Addr = Ipv4Addr::new(10, 9, 0, 1);

/// What a server hands out.
struct Config {
    name: &'static str,
    mask: Ipv4Addr,
    routers: Vec<Ipv4Addr>,
    dns: Vec<Ipv4Addr>,
    lease: u32,
}

fn configs() -> [Config; 3] {
    let mask = Ipv4Addr::new(255, 255, 255, 0);
    [
        Config {
            name: "typical",
            mask,
            routers: vec![SERVER],
            dns: vec![Ipv4Addr::new(10, 0, 0, 53), Ipv4Addr::new(10, 0, 0, 54)],
            lease: 3600,
        },
        Config {
            name: "empty router and DNS lists",
            mask,
            routers: vec![],
            dns: vec![],
            lease: 3600,
        },
        Config {
            name: "70 DNS servers",
            mask,
            routers: vec![SERVER],
            dns: (1..=70).map(|i| Ipv4Addr::new(10, 0, 1, i)).collect(),
            lease: 3600,
        },
    ]
}

/// What serving one message came to.
#[derive(Default, Debug)]
struct Tally {
    /// Messages of a client type (DISCOVER, REQUEST, DECLINE, RELEASE,
    /// INFORM), or whose options do not walk.
    requests: usize,
    /// Replies built, by type.
    replies: BTreeMap<&'static str, usize>,
    /// Refusals, by the defect of the request they name.
    refusals: BTreeMap<String, usize>,
    /// DECLINE and RELEASE: no reply is called for.
    no_reply_called_for: usize,
    /// Not client messages: server replies, plain BOOTP, other types.
    skipped: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.requests += other.requests;
        self.no_reply_called_for += other.no_reply_called_for;
        self.skipped += other.skipped;
        for (k, v) in other.replies {
            *self.replies.entry(k).or_default() += v;
        }
        for (k, v) in other.refusals {
            *self.refusals.entry(k).or_default() += v;
        }
    }

    fn replies(&self) -> usize {
        self.replies.values().sum()
    }
}

/// The defect of `request` that `e` names, checked against the request
/// itself; panics on a refusal that is the server's doing (a violation, a
/// managed option, a buffer the server made too small).
fn defect(request: &Message<'_>, e: ProtocolError, what: &str) -> String {
    match e {
        ProtocolError::NotARequest { found } => {
            assert_eq!(found, request.op(), "{what}");
            assert_ne!(found, Op::BootRequest, "{what}");
            "op is not BOOTREQUEST".into()
        }
        ProtocolError::Wire(Error::HardwareAddressTooLong { hlen, offset: 2 }) => {
            assert!(hlen > 16 && hlen == request.hlen(), "{what}");
            "hlen over 16".into()
        }
        ProtocolError::Wire(e @ Error::InvalidLength { code: 53, .. }) => {
            assert!(request.index().is_ok_and(|i| i.message_type().is_err()));
            format!("malformed option 53 ({})", e.kind())
        }
        // The only refusal that is not the request's alone: what the reply
        // must carry (the echoed 61 and 82 with the server's options)
        // fits no layout of the client's maximum size; the error says how
        // much it needed.
        ProtocolError::Wire(Error::BufferTooSmall { needed, available }) => {
            assert!(needed > available, "{what}");
            "no layout fits the client's maximum size".into()
        }
        ProtocolError::Wire(e) => {
            // A walk error: the request's options are malformed.
            assert_eq!(request.index().err(), Some(e), "{what}");
            format!("options do not walk ({})", e.kind())
        }
        other => panic!("{what}: refused for a reason not the request's: {other:?}"),
    }
}

/// Fills in a lease of `address` as `config` says and finishes the reply.
fn lease<K: Leases>(
    r: &mut Reply<'_, '_, K>,
    config: &Config,
    address: Ipv4Addr,
) -> Result<usize, ProtocolError> {
    r.yiaddr(address)
        .server_identifier(SERVER)
        .lease_time(config.lease)
        .subnet_mask(config.mask)
        .routers(&config.routers)
        .dns_servers(&config.dns);
    r.finish()
}

/// Answers `request` as a server with `config` would: an OFFER to a
/// DISCOVER, an ACK and a NAK to a REQUEST, an ACK to an INFORM; checks
/// every reply with `validate_reply`.
fn serve(request: &Message<'_>, config: &Config, what: &str) -> Tally {
    let mut tally = Tally::default();
    let index = match request.index() {
        Ok(index) => index,
        Err(e) if request.cookie().is_ok() => {
            tally.requests += 1;
            let key = defect(request, ProtocolError::Wire(e), what);
            *tally.refusals.entry(key).or_default() += 1;
            return tally;
        }
        // Plain BOOTP: a BOOTREPLY, not a DHCP reply, answers it.
        Err(_) => {
            tally.skipped += 1;
            return tally;
        }
    };
    let kind = match index.message_type() {
        Ok(Some(t)) => t,
        Ok(None) => {
            tally.skipped += 1;
            return tally;
        }
        Err(e) => {
            // Which reply it calls for cannot be told; any refuses it.
            tally.requests += 1;
            let refused = Reply::offer(&index, &mut [0u8; 576]).map(|_| ());
            let key = defect(request, refused.unwrap_err(), what);
            assert!(key.contains("53"), "{what}: {e:?}");
            *tally.refusals.entry(key).or_default() += 1;
            return tally;
        }
    };
    // A server offers what is asked when it can; 0.0.0.0 it cannot.
    let asked = index
        .requested_ip()
        .ok()
        .flatten()
        .filter(|a| !a.is_unspecified());
    let address = asked.unwrap_or(if request.ciaddr().is_unspecified() {
        OFFERED
    } else {
        request.ciaddr()
    });
    let mut built = Vec::new();
    match kind {
        MessageType::Discover => {
            tally.requests += 1;
            let mut buf = [0u8; 1500];
            let r = Reply::offer(&index, &mut buf).and_then(|mut r| lease(&mut r, config, address));
            built.push(("OFFER", r.map(|n| buf[..n].to_vec())));
        }
        MessageType::Request => {
            tally.requests += 1;
            let mut buf = [0u8; 1500];
            let r = Reply::ack(&index, &mut buf).and_then(|mut r| lease(&mut r, config, address));
            built.push(("ACK", r.map(|n| buf[..n].to_vec())));
            let r = Reply::nak(&index, &mut buf).and_then(|mut r| {
                r.server_identifier(SERVER)
                    .message(b"requested address not available");
                r.finish()
            });
            built.push(("NAK", r.map(|n| buf[..n].to_vec())));
        }
        MessageType::Inform => {
            tally.requests += 1;
            let mut buf = [0u8; 1500];
            let r = Reply::ack_inform(&index, &mut buf).and_then(|mut r| {
                r.server_identifier(SERVER)
                    .subnet_mask(config.mask)
                    .routers(&config.routers)
                    .dns_servers(&config.dns);
                r.finish()
            });
            built.push(("ACK to INFORM", r.map(|n| buf[..n].to_vec())));
        }
        MessageType::Decline | MessageType::Release => {
            tally.requests += 1;
            tally.no_reply_called_for += 1;
        }
        _ => tally.skipped += 1,
    }
    for (name, result) in built {
        match result {
            Ok(bytes) => {
                let reply = Message::parse(&bytes).expect("a built reply parses");
                let found = validate_reply(request, &reply);
                assert!(
                    found.is_empty(),
                    "{what}, {} config, {name}: {found:?}\nrequest:\n{request}\nreply:\n{reply}",
                    config.name
                );
                *tally.replies.entry(name).or_default() += 1;
            }
            Err(e) => {
                let key = defect(
                    request,
                    e,
                    &format!("{what}, {} config, {name}", config.name),
                );
                *tally.refusals.entry(key).or_default() += 1;
            }
        }
    }
    tally
}

/// Every message of every capture under `root` (recursively), with its
/// file and frame number.
#[cfg(feature = "capture")]
fn captured_messages(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(frames) = dhcpwire::capture::read(&std::fs::read(&path).unwrap()) else {
                continue;
            };
            for (i, dgram) in frames.into_iter().enumerate() {
                let Ok(dgram) = dgram else { continue };
                if Message::parse(&dgram.payload).is_ok() {
                    out.push((
                        format!("{} frame {}", path.display(), i + 1),
                        dgram.payload.to_vec(),
                    ));
                }
            }
        }
    }
    out
}

fn serve_all(messages: &[(String, Vec<u8>)]) -> Tally {
    let mut tally = Tally::default();
    for config in configs() {
        for (what, bytes) in messages {
            let msg = Message::parse(bytes).unwrap();
            tally.add(serve(&msg, &config, what));
        }
    }
    tally
}

#[cfg(feature = "capture")]
#[test]
fn every_client_message_in_testdata_gets_a_valid_reply() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let messages = captured_messages(&root);
    let tally = serve_all(&messages);
    eprintln!("testdata: {} messages, {tally:?}", messages.len());
    // Per configuration: 150 client messages of the 279 (the others are
    // server replies and plain BOOTP): 55 DISCOVERs, 66 REQUESTs (an ACK
    // and a NAK each), 3 INFORMs, 26 DECLINEs and RELEASEs.
    assert_eq!(tally.requests, 3 * 150, "{tally:?}");
    assert!(tally.refusals.is_empty(), "{tally:?}");
    assert_eq!(tally.no_reply_called_for, 3 * 26, "{tally:?}");
    let expected = [
        ("ACK", 66),
        ("ACK to INFORM", 3),
        ("NAK", 66),
        ("OFFER", 55),
    ];
    let expected: BTreeMap<_, _> = expected.into_iter().map(|(k, n)| (k, 3 * n)).collect();
    assert_eq!(tally.replies, expected);
}

#[cfg(feature = "capture")]
#[test]
fn every_client_message_in_third_party_captures_gets_a_valid_reply_or_a_named_refusal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/thirdparty-captures");
    if !root.is_dir() {
        eprintln!("skipped: {} is absent", root.display());
        return;
    }
    let messages = captured_messages(&root);
    let tally = serve_all(&messages);
    eprintln!("third party: {} messages, {tally:?}", messages.len());
    assert!(tally.requests > 3 * 4_000, "{tally:?}");
    // Every refusal was checked by `defect`; none is the server's doing.
    assert!(tally.replies() > 3 * 4_000, "{tally:?}");
}

// ---------------------------------------------------------------------------
// Hostile requests
// ---------------------------------------------------------------------------

/// `request` rebuilt with its header changed by `header`, the options in
/// `drop` left out and `extra` appended (values over 255 bytes split per
/// RFC 3396). Options are copied fragment by fragment from every area.
fn variant(
    request: &[u8],
    header: impl FnOnce(&mut dhcpwire::Header),
    drop: &[u8],
    extra: &[(u8, &[u8])],
) -> Option<Vec<u8>> {
    let msg = Message::parse(request).ok()?;
    let mut buf = vec![0u8; 1500];
    let mut h = msg.header().clone();
    header(&mut h);
    let mut b = MessageBuilder::new(&mut buf).ok()?;
    b.header(&h).max_size(1500);
    for opt in msg.options() {
        let opt = opt.ok()?;
        if !drop.contains(&opt.code.0) && opt.code != OptionCode::OVERLOAD {
            b.option(opt.code, opt.data);
        }
    }
    for (code, value) in extra {
        b.option(OptionCode(*code), value);
    }
    let n = b.finish().ok()?;
    buf.truncate(n);
    Some(buf)
}

/// The hostile variants of one real request: each a defect or an oddity
/// a server meets in the field.
fn hostile_variants(request: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let long_82: Vec<u8> = [&[1u8, 200][..], &[0xc1; 200], &[2, 100], &[0x2e; 100]].concat();
    let vendor_82: Vec<u8> = [&[9u8, 255][..], &[0x5a; 255]].concat();
    // The longest RFC 4361 identifier: type 255, IAID, a 130-byte DUID.
    let id_61 = [0xffu8; 135];
    let mut out: Vec<(&'static str, Option<Vec<u8>>)> = vec![
        (
            "reserved flag bits set",
            variant(request, |h| h.set_flags(Flags(0x7fff)), &[], &[]),
        ),
        (
            "all flag bits set",
            variant(request, |h| h.set_flags(Flags(0xffff)), &[], &[]),
        ),
        ("hlen 0", variant(request, |h| h.hlen = 0, &[], &[])),
        ("hlen 16", variant(request, |h| h.hlen = 16, &[], &[])),
        ("hlen 17", variant(request, |h| h.hlen = 17, &[], &[])),
        ("hlen 255", variant(request, |h| h.hlen = 255, &[], &[])),
        ("htype 0", variant(request, |h| h.htype = 0, &[], &[])),
        (
            "op BOOTREPLY",
            variant(request, |h| h.set_op(Op::BootReply), &[], &[]),
        ),
        ("op 0", variant(request, |h| h.op = 0, &[], &[])),
        ("op 7", variant(request, |h| h.op = 7, &[], &[])),
        (
            "chaddr bytes past hlen",
            variant(request, |h| h.chaddr[6..].fill(0xee), &[], &[]),
        ),
        (
            "zero-length 61",
            variant(request, |_| {}, &[61], &[(61, &[])]),
        ),
        (
            "one-byte 61",
            variant(request, |_| {}, &[61], &[(61, &[1])]),
        ),
        (
            "135-byte 61",
            variant(request, |_| {}, &[61], &[(61, &id_61)]),
        ),
        (
            "304-byte 82, relayed",
            variant(
                request,
                |h| h.giaddr = RELAY.octets(),
                &[82],
                &[(82, &long_82)],
            ),
        ),
        (
            "304-byte 82, not relayed",
            variant(request, |h| h.giaddr = [0; 4], &[82], &[(82, &long_82)]),
        ),
        (
            "259-byte 82 (vendor sub-option), relayed",
            variant(
                request,
                |h| h.giaddr = RELAY.octets(),
                &[82],
                &[(82, &vendor_82)],
            ),
        ),
        (
            "empty 82, relayed",
            variant(request, |h| h.giaddr = RELAY.octets(), &[82], &[(82, &[])]),
        ),
        (
            "malformed 82, relayed",
            variant(
                request,
                |h| h.giaddr = RELAY.octets(),
                &[82],
                &[(82, &[1, 9, 0])],
            ),
        ),
        (
            "option 57 of 0",
            variant(request, |_| {}, &[57], &[(57, &[0, 0])]),
        ),
        (
            "option 57 of 65535",
            variant(request, |_| {}, &[57], &[(57, &[0xff, 0xff])]),
        ),
        (
            "malformed option 57",
            variant(request, |_| {}, &[57], &[(57, &[2])]),
        ),
        (
            "malformed option 53",
            variant(request, |_| {}, &[], &[(53, &[1])]),
        ),
        (
            "requested address 0.0.0.0",
            variant(request, |_| {}, &[50], &[(50, &[0; 4])]),
        ),
        (
            "malformed option 50",
            variant(request, |_| {}, &[50], &[(50, &[10, 0])]),
        ),
        (
            "255 unknown options",
            variant(request, |_| {}, &[], &[(224, &[0x11; 255])]),
        ),
        (
            "file and sname overloaded by the request",
            variant(request, |h| h.file[0] = 0xff, &[], &[(52, &[3])]),
        ),
    ];
    // Byte-level damage, with no rebuild: truncated options, a length
    // byte run past the end.
    let cut = request.len().min(250);
    out.push(("cut after 10 option bytes", Some(request[..cut].to_vec())));
    let mut overrun = request.to_vec();
    if overrun.len() > 241 {
        overrun[241] = 0xff;
        out.push(("first option length 255", Some(overrun)));
    }
    out.into_iter()
        .filter_map(|(name, bytes)| bytes.map(|b| (name, b)))
        .collect()
}

/// The fuzz seeds and saved regressions: hostile inputs found by libFuzzer.
fn fuzz_inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in [
        "seeds/messages",
        "regressions",
        "corpus/parse_walk",
        "corpus/roundtrip",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            out.push((path.display().to_string(), bytes));
        }
    }
    out
}

#[cfg(feature = "capture")]
#[test]
fn hostile_requests_get_a_valid_reply_or_a_named_refusal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut hostile = Vec::new();
    for (what, bytes) in captured_messages(&root) {
        let msg = Message::parse(&bytes).unwrap();
        // The client messages only: the variants damage requests.
        if msg.op() != Op::BootRequest || msg.index().is_err() {
            continue;
        }
        for (name, variant) in hostile_variants(&bytes) {
            hostile.push((format!("{what}, {name}"), variant));
        }
    }
    let variants = hostile.len();
    hostile.extend(fuzz_inputs());
    let mut tally = Tally::default();
    for config in configs() {
        for (what, bytes) in &hostile {
            // Anything that is no message at all is not a request.
            let Ok(msg) = Message::parse(bytes) else {
                continue;
            };
            tally.add(serve(&msg, &config, what));
        }
    }
    eprintln!(
        "hostile: {variants} variants of real requests and {} fuzz inputs: {tally:?}",
        hostile.len() - variants
    );
    // Each kind of defect refused, and named.
    for reason in [
        "op is not BOOTREQUEST",
        "hlen over 16",
        "malformed option 53 (invalid_length)",
        "options do not walk (option_overrun)",
    ] {
        assert!(tally.refusals.contains_key(reason), "{reason}: {tally:?}");
    }
    assert!(tally.replies() > 10_000, "{tally:?}");
}

// ---------------------------------------------------------------------------
// Regressions: one per disagreement between `Reply` and `validate_reply`
// ---------------------------------------------------------------------------

/// A DISCOVER from the corpus's real dhclient, as bytes.
fn discover_with(
    header: impl FnOnce(&mut dhcpwire::Header),
    drop: &[u8],
    extra: &[(u8, &[u8])],
) -> Vec<u8> {
    let mut buf = [0u8; 576];
    let n = dhcpwire::protocol::ClientMessage::discover(&mut buf, 0x1234, &[2, 0, 0, 0, 0, 7])
        .unwrap()
        .client_identifier(1, &[2, 0, 0, 0, 0, 7])
        .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
        .finish()
        .unwrap();
    variant(&buf[..n], header, drop, extra).unwrap()
}

fn offer(request: &Message<'_>, config: &Config, buf: &mut [u8]) -> Result<usize, ProtocolError> {
    lease(&mut Reply::offer(request, buf)?, config, OFFERED)
}

#[test]
fn empty_router_and_dns_lists_write_no_option() {
    let q = discover_with(|_| {}, &[], &[]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 576];
    let n = offer(&request, &configs()[1], &mut buf).unwrap();
    let reply = Message::parse(&buf[..n]).unwrap();
    let codes: Vec<u8> = reply.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(codes, [53, 54, 51, 1, 61]);
    assert!(validate_reply(&request, &reply).is_empty());
    // The builder underneath: nothing for 3 and 6, `44 00` for 68, which
    // may be empty (RFC 2132 §8.3), and for a code it does not know.
    let mut buf = [0u8; 300];
    let n = MessageBuilder::request(&mut buf)
        .unwrap()
        .routers(&[] as &[Ipv4Addr])
        .dns_servers(std::iter::empty::<Ipv4Addr>())
        .addresses(OptionCode::MOBILE_IP_HOME_AGENT, &[] as &[Ipv4Addr])
        .addresses(OptionCode(230), &[] as &[Ipv4Addr])
        .parameter_request_list(&[] as &[OptionCode])
        .finish()
        .unwrap();
    assert_eq!(&buf[240..n][..5], [68, 0, 230, 0, 255]);
}

#[test]
fn option_82_is_echoed_when_relayed_by_default_and_as_the_policy_says() {
    let sub = [1u8, 3, b'p', b'o', b'e'];
    for (relayed, policy, echoed) in [
        (true, None, true),
        (false, None, false),
        (false, Some(EchoRelayInfo::WhenRelayed), false),
        (false, Some(EchoRelayInfo::Always), true),
        (true, Some(EchoRelayInfo::Never), false),
    ] {
        let giaddr = if relayed { RELAY.octets() } else { [0; 4] };
        let q = discover_with(|h| h.giaddr = giaddr, &[], &[(82, &sub)]);
        let request = Message::parse(&q).unwrap();
        let mut buf = [0u8; 576];
        let mut r = Reply::offer(&request, &mut buf).unwrap();
        if let Some(p) = policy {
            r.echo_relay_agent_information(p);
        }
        let n = r
            .yiaddr(OFFERED)
            .server_identifier(SERVER)
            .lease_time(60)
            .finish()
            .unwrap();
        let reply = Message::parse(&buf[..n]).unwrap();
        let got = reply.option(OptionCode::RELAY_AGENT_INFORMATION).unwrap();
        assert_eq!(
            got.map(|v| v.as_single().unwrap().to_vec()),
            echoed.then(|| sub.to_vec()),
            "relayed {relayed}, {policy:?}"
        );
        let found = validate_reply(&request, &reply);
        if relayed && !echoed {
            // Never, on a relayed request: the checker says what is missing.
            let found: Vec<_> = found.iter().map(|v| (v.rule, v.subject)).collect();
            assert_eq!(found, [(Rule::NotCopied, Subject::Option(OptionCode(82)))]);
        } else {
            assert!(found.is_empty(), "{policy:?}: {found:?}");
        }
    }
}

#[test]
fn an_option_82_in_empty_fragments_is_echoed_as_one_empty_option() {
    let q = discover_with(|h| h.giaddr = RELAY.octets(), &[], &[(82, &[]), (82, &[])]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 576];
    let n = offer(&request, &configs()[0], &mut buf).unwrap();
    let reply = Message::parse(&buf[..n]).unwrap();
    let echoed: Vec<_> = reply
        .options()
        .map(|o| o.unwrap())
        .filter(|o| o.code.0 == 82)
        .map(|o| o.data)
        .collect();
    assert_eq!(echoed, [&[] as &[u8]]);
    assert!(validate_reply(&request, &reply).is_empty());
}

#[test]
fn a_304_byte_option_82_does_not_leave_a_request_unanswered() {
    // No option 57: 548 bytes at most. 82 (2 + 304 in two fragments) with
    // the rest does not fit the 308-byte options area.
    let long_82: Vec<u8> = [&[1u8, 200][..], &[0xc1; 200], &[2, 100], &[0x2e; 100]].concat();
    let echoed_len = 2 + 200 + 2 + 104;
    // Relayed: the relay strips 82 before the client sees the reply (RFC
    // 3046 §2.1), so 82 is written after the 548 bytes the client takes.
    let q = discover_with(|h| h.giaddr = RELAY.octets(), &[], &[(82, &long_82)]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 1500];
    let n = offer(&request, &configs()[0], &mut buf).unwrap();
    let reply = Message::parse(&buf[..n]).unwrap();
    assert_eq!(reply.overload(), Ok(None));
    let echoed = reply.option(OptionCode(82)).unwrap().unwrap();
    assert!(echoed.joined() == long_82[..]);
    assert_eq!(echoed.fragments().last().unwrap().offset + 2 + 49, n - 1);
    assert!(n - echoed_len <= 548, "{n}");
    assert!(validate_reply(&request, &reply).is_empty());
    // Past the client's limit the echo needs only its own bytes (2 + 255
    // and 2 + 49, and END): a buffer of exactly the reply's length does.
    let mut exact = vec![0u8; n];
    assert_eq!(offer(&request, &configs()[0], &mut exact), Ok(n));
    assert_eq!(exact, buf[..n]);
    // With 70 DNS servers the other options overflow into `file`; 82 is
    // still the last option of the options field, where relays look for it.
    let n = offer(&request, &configs()[2], &mut buf).unwrap();
    let reply = Message::parse(&buf[..n]).unwrap();
    assert!(reply.overload().unwrap().is_some());
    let main: Vec<_> = reply
        .options()
        .map(|o| o.unwrap())
        .filter(|o| o.area == dhcpwire::Area::Options)
        .map(|o| o.code.0)
        .collect();
    assert_eq!(main.last(), Some(&82), "{main:?}");
    assert!(reply.option(OptionCode(82)).unwrap().unwrap().joined() == long_82[..]);
    assert!(validate_reply(&request, &reply).is_empty());
    // A NAK may not use `file`/`sname` (Table 3): the same holds.
    let q = discover_with(
        |h| h.giaddr = RELAY.octets(),
        &[53],
        &[(53, &[3]), (82, &long_82)],
    );
    let request = Message::parse(&q).unwrap();
    let nak = Reply::nak(&request, &mut buf)
        .unwrap()
        .server_identifier(SERVER)
        .message(b"no")
        .finish_message()
        .unwrap();
    assert!(validate_reply(&request, &nak).is_empty());
    // Not relayed, echoed anyway: no relay strips it, so it is split
    // across the options field, `file` and `sname` (RFC 3396 §7) to stay
    // within 548 bytes.
    let q = discover_with(|h| h.giaddr = [0; 4], &[], &[(82, &long_82)]);
    let request = Message::parse(&q).unwrap();
    let mut r = Reply::offer(&request, &mut buf).unwrap();
    r.echo_relay_agent_information(EchoRelayInfo::Always)
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(3600)
        .subnet_mask(configs()[0].mask);
    let reply = r.finish_message().unwrap();
    assert!(reply.len() <= 548);
    assert!(reply.overload().unwrap().is_some());
    let echoed = reply.option(OptionCode(82)).unwrap().unwrap();
    let areas: Vec<_> = echoed.fragments().map(|f| f.area).collect();
    assert!(
        areas.len() >= 2 && areas.contains(&dhcpwire::Area::File),
        "{areas:?}"
    );
    assert!(echoed.joined() == long_82[..]);
    assert!(validate_reply(&request, &reply).is_empty());
    // Without overload that reply cannot be built: the caller is told how
    // much it needed.
    let mut r = Reply::offer(&request, &mut buf).unwrap();
    r.echo_relay_agent_information(EchoRelayInfo::Always)
        .overload_when_full(false)
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(3600);
    assert!(matches!(
        r.finish(),
        Err(ProtocolError::Wire(Error::BufferTooSmall { needed, available: 548 })) if needed > 548
    ));
}

/// The echo of a relayed 82 goes past the client's 548 bytes only when the
/// buffer has room for it there; in a buffer of exactly 548 bytes it is
/// laid out as any option, here moved into `file` (option 52 = 1).
#[test]
fn an_echoed_82_without_room_past_the_limit_is_laid_out_as_any_option() {
    let sub = [1u8, 4, b'p', b'o', b'r', b't'];
    let q = discover_with(|h| h.giaddr = RELAY.octets(), &[61], &[(82, &sub)]);
    let request = Message::parse(&q).unwrap();
    let build = |buf: &mut [u8]| {
        // 53, 54 and 51 end at 255; 224 and 225 fill the options field
        // to 542, where 82 (8 bytes) and END no longer fit 548.
        Reply::offer(&request, buf)
            .unwrap()
            .yiaddr(OFFERED)
            .server_identifier(SERVER)
            .lease_time(3600)
            .option(OptionCode(224), &[7; 200])
            .option(OptionCode(225), &[8; 83])
            .finish()
    };
    let mut buf = [0u8; 548];
    assert_eq!(build(&mut buf), Ok(546));
    assert_eq!(buf[542..546], [52, 1, 1, 255]);
    assert_eq!(buf[108..117], [82, 6, 1, 4, b'p', b'o', b'r', b't', 255]);
    let reply = Message::parse(&buf[..546]).unwrap();
    let codes: Vec<_> = reply
        .options()
        .map(|o| o.map(|o| (o.code.0, o.offset)))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        codes,
        [
            (53, 240),
            (54, 243),
            (51, 249),
            (224, 255),
            (225, 457),
            (52, 542),
            (82, 108)
        ]
    );
    assert!(validate_reply(&request, &reply).is_empty());
    // With room in the buffer, 82 goes last in the options field instead,
    // past the 548 bytes.
    let mut big = [0u8; 1500];
    assert_eq!(build(&mut big), Ok(551));
    assert_eq!(big[542..551], [82, 6, 1, 4, b'p', b'o', b'r', b't', 255]);
}

#[test]
fn a_reply_that_fits_no_layout_is_refused_with_the_size_it_needed() {
    // A 200-byte client identifier echoed with 70 DNS servers: 756 bytes
    // where the client takes 548, even with `file` and `sname` used.
    let q = discover_with(|_| {}, &[61], &[(61, &[0xff; 200])]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 1500];
    assert_eq!(
        offer(&request, &configs()[2], &mut buf),
        Err(ProtocolError::Wire(Error::BufferTooSmall {
            needed: 754,
            available: 548
        }))
    );
}

#[test]
fn the_echoed_client_identifier_moves_to_file_with_70_dns_servers() {
    let q = discover_with(|_| {}, &[], &[]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 1500];
    let n = offer(&request, &configs()[2], &mut buf).unwrap();
    assert!(n <= 548);
    let reply = Message::parse(&buf[..n]).unwrap();
    let dns = reply
        .option(OptionCode::DOMAIN_NAME_SERVER)
        .unwrap()
        .unwrap();
    assert_eq!(dns.len(), 280);
    let id = reply
        .option(OptionCode::CLIENT_IDENTIFIER)
        .unwrap()
        .unwrap();
    assert!(id.joined() == [1, 2, 0, 0, 0, 0, 7]);
    assert_eq!(id.first().area, dhcpwire::Area::File);
    assert!(validate_reply(&request, &reply).is_empty());
}

#[test]
fn a_malformed_client_identifier_is_not_echoed() {
    for id in [&[][..], &[1][..]] {
        let q = discover_with(|_| {}, &[61], &[(61, id)]);
        let request = Message::parse(&q).unwrap();
        let mut buf = [0u8; 576];
        let n = offer(&request, &configs()[0], &mut buf).unwrap();
        let reply = Message::parse(&buf[..n]).unwrap();
        assert!(matches!(
            reply.option(OptionCode::CLIENT_IDENTIFIER),
            Ok(None)
        ));
        assert!(validate_reply(&request, &reply).is_empty());
    }
    // A well-formed one missing from the reply is still reported.
    let q = discover_with(|_| {}, &[], &[]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 576];
    let n = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf)
        .unwrap()
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(60)
        .finish()
        .unwrap();
    let reply = Message::parse(&buf[..n]).unwrap();
    let found = validate_reply(&request, &reply);
    assert_eq!(
        found
            .iter()
            .map(|v| (v.rule, v.subject))
            .collect::<Vec<_>>(),
        [(Rule::NotCopied, Subject::Option(OptionCode(61)))]
    );
}

#[test]
fn only_the_broadcast_bit_of_flags_is_copied_and_compared() {
    for (flags, expected) in [(0x7fff, 0), (0xffff, 0x8000), (0x8000, 0x8000)] {
        let q = discover_with(|h| h.set_flags(Flags(flags)), &[], &[]);
        let request = Message::parse(&q).unwrap();
        let mut buf = [0u8; 576];
        let n = offer(&request, &configs()[0], &mut buf).unwrap();
        let reply = Message::parse(&buf[..n]).unwrap();
        assert_eq!(reply.flags(), Flags(expected));
        assert!(validate_reply(&request, &reply).is_empty());
        // A reply that copied the reserved bits breaks RFC 2131 §2, and is
        // told so, not that flags were "not copied".
        let mut copied = buf[..n].to_vec();
        copied[10..12].copy_from_slice(&flags.to_be_bytes());
        let copied = Message::parse(&copied).unwrap();
        let found = validate_reply(&request, &copied);
        let rules: Vec<_> = found.iter().map(|v| (v.rule, v.subject)).collect();
        if flags & 0x7fff != 0 {
            assert_eq!(rules.len(), 1, "{rules:?}");
            assert_eq!(rules[0].1, Subject::Field(dhcpwire::protocol::Field::Flags));
            assert_ne!(rules[0].0, Rule::NotCopied);
        } else {
            assert!(rules.is_empty());
        }
    }
}

#[test]
fn chaddr_is_compared_to_hlen_and_a_request_over_16_is_refused() {
    let q = discover_with(|h| h.chaddr[6..].fill(0xee), &[], &[]);
    let request = Message::parse(&q).unwrap();
    let mut buf = [0u8; 576];
    let n = offer(&request, &configs()[0], &mut buf).unwrap();
    // The reply copies all 16 bytes; one that zeroes those past hlen is
    // as good.
    buf[34..44].fill(0);
    let reply = Message::parse(&buf[..n]).unwrap();
    assert!(validate_reply(&request, &reply).is_empty());
    for hlen in [17, 255] {
        let q = discover_with(|h| h.hlen = hlen, &[], &[]);
        let request = Message::parse(&q).unwrap();
        assert_eq!(
            Reply::offer(&request, &mut buf).err(),
            Some(ProtocolError::Wire(Error::HardwareAddressTooLong {
                hlen,
                offset: 2
            }))
        );
    }
}

#[test]
fn dhclient_release_with_a_lease_time_is_a_known_deviation() {
    // ISC dhclient with `send dhcp-lease-time` puts 51 in its RELEASE.
    let mut buf = [0u8; 300];
    let n = MessageBuilder::request(&mut buf)
        .unwrap()
        .xid(0x5d1e_a5e0)
        .chaddr(&[2, 0, 0, 0, 0, 7])
        .ciaddr(OFFERED)
        .message_type(MessageType::Release)
        .server_identifier(SERVER)
        .client_identifier(1, &[2, 0, 0, 0, 0, 7])
        .lease_time(3600)
        .host_name(b"corpus-dhclient")
        .finish()
        .unwrap();
    let release = Message::parse(&buf[..n]).unwrap();
    let strict: Vec<_> = validate(&release)
        .iter()
        .map(|v| (v.rule, v.subject))
        .collect();
    assert_eq!(
        strict,
        [
            (Rule::NotAllowed, Subject::Option(OptionCode(12))),
            (Rule::NotAllowed, Subject::Option(OptionCode(51)))
        ]
    );
    assert!(validate_with(&release, &Policy::REAL_WORLD).is_empty());
}

#[test]
fn a_reply_is_refused_for_a_request_that_is_not_one() {
    let mut buf = [0u8; 576];
    let q = discover_with(|h| h.set_op(Op::BootReply), &[], &[]);
    let request = Message::parse(&q).unwrap();
    assert_eq!(
        Reply::offer(&request, &mut buf).err(),
        Some(ProtocolError::NotARequest {
            found: Op::BootReply
        })
    );
    // Options that do not walk: the walk error, with its offset.
    let mut q = discover_with(|_| {}, &[], &[]);
    q[241] = 200;
    let request = Message::parse(&q).unwrap();
    assert!(matches!(
        Reply::offer(&request, &mut buf),
        Err(ProtocolError::Wire(Error::OptionOverrun {
            offset: 240,
            ..
        }))
    ));
}

#[test]
fn an_ack_may_clear_ciaddr() {
    let mut q = [0u8; 576];
    let n = dhcpwire::protocol::ClientMessage::request(
        &mut q,
        9,
        &[2, 0, 0, 0, 0, 7],
        dhcpwire::protocol::RequestState::Renewing {
            ciaddr: OFFERED,
            server: SERVER,
        },
    )
    .unwrap()
    .finish()
    .unwrap();
    let request = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let mut ack = Reply::ack(&request, &mut buf).unwrap();
    ack.yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(3600)
        .clear_ciaddr();
    let reply = ack.finish_message().unwrap();
    assert_eq!(reply.ciaddr(), Ipv4Addr::UNSPECIFIED);
    assert!(validate_reply(&request, &reply).is_empty());
}

/// The README once answered with `MessageBuilder::reply_to`, which echoes
/// neither 61 nor 82: on the real relayed DISCOVER of the corpus that is
/// two MUST violations, and none through `Reply::offer`.
#[cfg(feature = "capture")]
#[test]
fn the_relayed_discover_of_the_corpus_is_answered_without_violations_through_reply() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus/leasequery-iscdhcpd.pcap");
    let frames = dhcpwire::capture::read(&std::fs::read(path).unwrap()).unwrap();
    let discover = frames
        .iter()
        .flatten()
        .find_map(|d| {
            let msg = Message::parse(&d.payload).ok()?;
            (msg.message_type() == Ok(Some(MessageType::Discover))).then_some(d.payload.clone())
        })
        .unwrap();
    let request = Message::parse(&discover).unwrap();
    assert_eq!(request.giaddr(), Ipv4Addr::new(10, 99, 25, 1));
    let mut buf = [0u8; 1500];
    let n = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf)
        .unwrap()
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(300)
        .finish()
        .unwrap();
    let by_hand = Message::parse(&buf[..n]).unwrap();
    let found: Vec<_> = validate_reply(&request, &by_hand)
        .iter()
        .map(|v| (v.rule, v.subject, v.severity))
        .collect();
    let must = dhcpwire::protocol::Severity::Must;
    assert_eq!(
        found,
        [
            (Rule::NotCopied, Subject::Option(OptionCode(61)), must),
            (Rule::NotCopied, Subject::Option(OptionCode(82)), must)
        ]
    );
    let mut buf = [0u8; 1500];
    let offer = Reply::offer(&request, &mut buf)
        .unwrap()
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(300)
        .finish_message()
        .unwrap();
    assert!(validate_reply(&request, &offer).is_empty());
}

/// Through a relay and back: the relay adds a 304-byte option 82 with
/// `MessageBuilder::relay`, the server echoes it past the client's 548
/// bytes, and the relay's copy for the client, 82 stripped, fits them.
#[test]
fn a_relay_adds_82_and_strips_it_from_the_reply_which_then_fits_the_client() {
    let mut frame = [0u8; 1500];
    let discover = dhcpwire::protocol::ClientMessage::discover(&mut frame, 9, &[2, 0, 0, 0, 0, 9])
        .unwrap()
        .client_identifier(1, &[2, 0, 0, 0, 0, 9])
        .finish_message()
        .unwrap();
    let circuit = [0xc1u8; 200];
    let remote = [0x2eu8; 100];
    let mut relayed = [0u8; 1500];
    let request = MessageBuilder::relay(&discover, None, &mut relayed)
        .unwrap()
        .giaddr(RELAY)
        .hops(1)
        .relay_agent_information(&[(1, &circuit), (2, &remote)])
        .finish_message()
        .unwrap();
    let codes: Vec<u8> = request.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(codes, [53, 61, 82, 82]);
    let mut buf = [0u8; 1500];
    let reply = Reply::offer(&request, &mut buf)
        .unwrap()
        .yiaddr(OFFERED)
        .server_identifier(SERVER)
        .lease_time(3600)
        .dns_servers(&configs()[2].dns[..40])
        .finish_message()
        .unwrap();
    assert!(reply.len() > 548);
    assert!(validate_reply(&request, &reply).is_empty());
    let mut out = [0u8; 1500];
    let to_client = MessageBuilder::relay(&reply, Some(OptionCode(82)), &mut out)
        .unwrap()
        .finish_message()
        .unwrap();
    assert!(to_client.len() <= 548, "{}", to_client.len());
    assert!(to_client.option(OptionCode(82)).unwrap().is_none());
    // Against what the client sent, only giaddr differs: the relay's.
    let found: Vec<_> = validate_reply(&discover, &to_client)
        .iter()
        .map(|v| (v.rule, v.subject))
        .collect();
    let giaddr = Subject::Field(dhcpwire::protocol::Field::Giaddr);
    assert_eq!(found, [(Rule::NotCopied, giaddr)]);
    // A request whose options do not walk is not forwarded.
    let mut broken = discover.as_bytes().to_vec();
    broken[241] = 250;
    let broken = Message::parse(&broken).unwrap();
    assert!(matches!(
        MessageBuilder::relay(&broken, None, &mut out),
        Err(Error::OptionOverrun { offset: 240, .. })
    ));
}

/// The first option of a reply, 53, is written by its own inline path
/// (so that the reply is built in registers): a buffer that holds the
/// header but not option 53 is refused at `finish` with the size needed,
/// as every other option that does not fit, for `Reply` and for
/// `MessageBuilder::reply_to` alike.
#[test]
fn a_buffer_without_room_for_option_53_is_refused_with_the_size_it_needed() {
    let q = discover_with(|_| {}, &[], &[]);
    let request = Message::parse(&q).unwrap();
    for len in 240..=242 {
        let mut buf = vec![0u8; len];
        let mut reply = Reply::offer(&request, &mut buf).unwrap();
        reply
            .yiaddr(OFFERED)
            .server_identifier(SERVER)
            .lease_time(3600);
        // The 300-byte BOOTP minimum is what the message needs in the end.
        let too_small = Error::BufferTooSmall {
            needed: 300,
            available: len,
        };
        assert_eq!(reply.finish(), Err(ProtocolError::Wire(too_small)));
        let mut buf = vec![0u8; len];
        let mut b = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf).unwrap();
        assert_eq!(
            b.error(),
            Some(Error::BufferTooSmall {
                needed: 243,
                available: len
            })
        );
        assert_eq!(b.finish(), Err(too_small));
        // What a refused option 53 leaves counted: an option after it
        // reports the size the whole message needs.
        let mut buf = vec![0u8; len];
        let mut b = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf).unwrap();
        b.option(OptionCode::DOMAIN_NAME, &[b'x'; 100]);
        // 240 + 3 (53) + 102 (15) + 1 (END).
        assert_eq!(
            b.finish(),
            Err(Error::BufferTooSmall {
                needed: 346,
                available: len
            })
        );
    }
    let mut buf = vec![0u8; 243];
    let mut b = MessageBuilder::reply_to(&request, MessageType::Offer, &mut buf).unwrap();
    assert_eq!(b.error(), None);
    assert_eq!(
        b.finish(),
        Err(Error::BufferTooSmall {
            needed: 300,
            available: 243
        })
    );
    assert_eq!(buf[240..243], [53, 1, 2]);
}
