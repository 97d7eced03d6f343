//! RFC 2131 in practice: restricted reply and client builders, validation
//! (exact violations with rule, subject and section on hand-made bad
//! messages; none on the real captures of testdata/corpus), reply
//! destinations (§4.1, every branch) and lease timing.

use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::Duration;

use dhcpwire::protocol::{
    ClientKind, ClientMessage, Destination, Field, HardwareAddress, INFINITE, KnownDeviation,
    LeasePhase, LeaseTimers, MAX_VIOLATIONS, Policy, ProtocolError, Reply, RequestKind,
    RequestState, Rule, Severity, Subject, Violation, default_t1, default_t2, reply_destination,
    request_kind, validate, validate_reply,
};
use dhcpwire::{Flags, Message, MessageBuilder, MessageType, Op, OptionCode};

const CHADDR: [u8; 6] = [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a];
const SID: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 1);
const YI: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 100);
const GI: Ipv4Addr = Ipv4Addr::new(10, 198, 27, 4);

fn oc(code: u8) -> Subject {
    Subject::Option(OptionCode(code))
}

fn fd(f: Field) -> Subject {
    Subject::Field(f)
}

/// (rule, subject, severity, section) of every violation.
fn summary(msg: &Message<'_>) -> Vec<(Rule, Subject, Severity, &'static str)> {
    validate(msg)
        .iter()
        .map(|v| (v.rule, v.subject, v.severity, v.section))
        .collect()
}

const T3: &str = "RFC 2131 §4.3.1, Table 3";
const T5: &str = "RFC 2131 §4.4.1, Table 5";
const MUST: Severity = Severity::Must;
const SHOULD: Severity = Severity::Should;

fn discover(buf: &mut [u8], giaddr: Option<Ipv4Addr>, broadcast: bool) -> usize {
    let mut d = ClientMessage::discover(buf, 0x0a00_0001, &CHADDR).unwrap();
    d.broadcast(broadcast)
        .client_identifier(1, &CHADDR)
        .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
        .max_message_size(1500);
    let n = d.finish().unwrap();
    if let Some(g) = giaddr {
        let mut m = dhcpwire::MessageMut::parse(&mut buf[..n]).unwrap();
        m.set_giaddr(g).increment_hops().unwrap();
    }
    n
}

// ---------------------------------------------------------------------------
// Reply construction
// ---------------------------------------------------------------------------

#[test]
fn offer_copies_request_fields_and_carries_the_musts() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, Some(GI), true);
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let n = Reply::offer(&req, &mut buf)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .lease_time(3600)
        .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
        .finish()
        .unwrap();
    let offer = Message::parse(&buf[..n]).unwrap();
    assert_eq!(offer.op(), Op::BootReply);
    assert_eq!(offer.message_type().unwrap(), Some(MessageType::Offer));
    assert_eq!(offer.xid(), 0x0a00_0001);
    assert_eq!(offer.hops, 0);
    assert_eq!(offer.giaddr(), GI);
    assert!(offer.flags().broadcast());
    assert_eq!(offer.chaddr().unwrap(), &CHADDR);
    assert_eq!(offer.yiaddr(), YI);
    assert_eq!(offer.ciaddr(), Ipv4Addr::UNSPECIFIED);
    assert_eq!(offer.server_identifier(), Some(SID));
    assert_eq!(offer.lease_time(), Some(3600));
    // 61 echoed (RFC 6842), 55/57 never copied.
    let cid = offer
        .option(OptionCode::CLIENT_IDENTIFIER)
        .unwrap()
        .unwrap();
    assert_eq!(
        cid.as_single().unwrap(),
        &[1, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]
    );
    assert!(
        offer
            .option(OptionCode::PARAMETER_REQUEST_LIST)
            .unwrap()
            .is_none()
    );
    assert!(
        offer
            .option(OptionCode::MAX_MESSAGE_SIZE)
            .unwrap()
            .is_none()
    );
    assert!(validate(&offer).is_empty());
    assert!(validate_reply(&req, &offer).is_empty());
}

#[test]
fn ack_copies_ciaddr_and_echoes_option_82_last() {
    let mut q = [0u8; 576];
    let n = MessageBuilder::request(&mut q)
        .unwrap()
        .xid(9)
        .chaddr(&CHADDR)
        .ciaddr(YI)
        .giaddr(GI)
        .hops(1)
        .message_type(MessageType::Request)
        .relay_agent_information(&[(1, b"eth0"), (2, b"relay-1")])
        .finish()
        .unwrap();
    let req = Message::parse(&q[..n]).unwrap();
    assert_eq!(request_kind(&req), Some(RequestKind::RenewingOrRebinding));
    let mut buf = [0u8; 576];
    let n = Reply::ack(&req, &mut buf)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .lease_time(600)
        .renewal_time(300)
        .rebinding_time(525)
        .finish()
        .unwrap();
    let ack = Message::parse(&buf[..n]).unwrap();
    assert_eq!(ack.ciaddr(), YI);
    let codes: Vec<u8> = ack.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(codes, [53, 54, 51, 58, 59, 82]);
    let r82 = ack
        .option(OptionCode::RELAY_AGENT_INFORMATION)
        .unwrap()
        .unwrap();
    let q82 = req
        .option(OptionCode::RELAY_AGENT_INFORMATION)
        .unwrap()
        .unwrap();
    assert_eq!(r82.as_single(), q82.as_single());
    assert!(validate_reply(&req, &ack).is_empty());
}

#[test]
fn a_second_lease_time_replaces_the_one_overload_moved_into_file() {
    // Regression: the replacement searched only the main area, so a lease
    // time moved into `file` was written a second time (an 8-byte 51).
    let mut q = [0u8; 576];
    let n = ClientMessage::discover(&mut q, 3, &CHADDR)
        .unwrap()
        .finish()
        .unwrap();
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let n = Reply::offer(&req, &mut buf)
        .unwrap()
        .overload_when_full(true)
        .yiaddr(YI)
        .server_identifier(SID)
        .option(OptionCode(224), &[0x5a; 255])
        .option(OptionCode(225), &[0xa5; 40])
        .lease_time(100)
        .renewal_time(50)
        .rebinding_time(87)
        .lease_time(600)
        .renewal_time(300)
        .rebinding_time(525)
        .finish()
        .unwrap();
    let offer = Message::parse(&buf[..n]).unwrap();
    let lease = offer.option(OptionCode::LEASE_TIME).unwrap().unwrap();
    assert_eq!(lease.first().area, dhcpwire::Area::File);
    assert_eq!(
        (lease.fragment_count(), lease.as_single()),
        (1, Some(&600u32.to_be_bytes()[..]))
    );
    for (code, secs) in [
        (OptionCode::RENEWAL_TIME, 300u32),
        (OptionCode::REBINDING_TIME, 525),
    ] {
        let v = offer.option(code).unwrap().unwrap();
        assert_eq!(v.as_single(), Some(&secs.to_be_bytes()[..]), "{code:?}");
    }
    assert!(validate_reply(&req, &offer).is_empty());
}

#[test]
fn nak_carries_only_what_table_3_allows_and_sets_broadcast_when_relayed() {
    let mut q = [0u8; 576];
    let n = ClientMessage::request(
        &mut q,
        5,
        &CHADDR,
        RequestState::InitReboot {
            requested: Ipv4Addr::new(10, 0, 0, 42),
        },
    )
    .unwrap()
    .client_identifier(1, &CHADDR)
    .parameter_request_list([OptionCode::SUBNET_MASK])
    .finish()
    .unwrap();
    let mut m = dhcpwire::MessageMut::parse(&mut q[..n]).unwrap();
    m.set_giaddr(GI).increment_hops().unwrap();
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let n = Reply::nak(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .message(b"wrong network")
        .finish()
        .unwrap();
    let nak = Message::parse(&buf[..n]).unwrap();
    let codes: Vec<u8> = nak.options().map(|o| o.unwrap().code.0).collect();
    // 61 is echoed with 82 when the reply is closed, after the setters'.
    assert_eq!(codes, [53, 54, 56, 61]);
    assert!(
        nak.flags().broadcast(),
        "§4.3.2: relayed NAK has the broadcast bit"
    );
    assert_eq!(
        (nak.ciaddr(), nak.yiaddr(), nak.siaddr()),
        (
            Ipv4Addr::UNSPECIFIED,
            Ipv4Addr::UNSPECIFIED,
            Ipv4Addr::UNSPECIFIED
        )
    );
    assert!(validate_reply(&req, &nak).is_empty());
    assert_eq!(reply_destination(&req, &nak), Destination::Relay(GI));
    // A relayed request that already asks for broadcast keeps the bit.
    let len = req.len();
    dhcpwire::MessageMut::parse(&mut q[..len])
        .unwrap()
        .set_flags(Flags::broadcast_only());
    let req = Message::parse(&q[..len]).unwrap();
    let n = Reply::nak(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .finish()
        .unwrap();
    assert_eq!(Message::parse(&buf[..n]).unwrap().flags(), Flags(0x8000));
}

#[test]
fn inform_ack_has_no_lease_and_copies_ciaddr() {
    let mut q = [0u8; 576];
    let ci = Ipv4Addr::new(192, 168, 1, 50);
    let n = ClientMessage::inform(&mut q, 77, &CHADDR, ci)
        .unwrap()
        .parameter_request_list([OptionCode::DOMAIN_NAME_SERVER])
        .finish()
        .unwrap();
    let req = Message::parse(&q[..n]).unwrap();
    assert!(validate(&req).is_empty());
    let mut buf = [0u8; 576];
    let n = Reply::ack_inform(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .dns_servers([SID])
        .finish()
        .unwrap();
    let ack = Message::parse(&buf[..n]).unwrap();
    assert_eq!(ack.ciaddr(), ci);
    assert_eq!(ack.yiaddr(), Ipv4Addr::UNSPECIFIED);
    assert_eq!(ack.lease_time(), None);
    assert!(validate_reply(&req, &ack).is_empty());
    let dest = reply_destination(&req, &ack);
    assert_eq!(
        dest,
        Destination::Unicast {
            ip: ci,
            chaddr: HardwareAddress::new(req.chaddr().unwrap())
        }
    );
    assert_eq!(dest.mac(), req.chaddr_mac());
}

fn violation_of(e: ProtocolError) -> (Rule, Subject, &'static str) {
    match e {
        ProtocolError::Violation(v) => (v.rule, v.subject, v.section),
        other => panic!("expected a violation, got {other:?}"),
    }
}

#[test]
fn finish_refuses_missing_musts() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let e = Reply::offer(&req, &mut buf)
        .unwrap()
        .yiaddr(YI)
        .lease_time(60)
        .finish()
        .unwrap_err();
    assert_eq!(violation_of(e), (Rule::Missing, oc(54), T3));
    let e = Reply::offer(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .lease_time(60)
        .finish()
        .unwrap_err();
    assert_eq!(violation_of(e), (Rule::Missing, fd(Field::Yiaddr), T3));
    let e = Reply::offer(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .yiaddr(YI)
        .finish()
        .unwrap_err();
    assert_eq!(violation_of(e), (Rule::Missing, oc(51), T3));
    let e = Reply::offer(&req, &mut buf)
        .unwrap()
        .server_identifier(SID)
        .yiaddr(YI)
        .lease_time(600)
        .renewal_time(500)
        .rebinding_time(400)
        .finish()
        .unwrap_err();
    assert_eq!(
        violation_of(e),
        (
            Rule::TimerOrder {
                t1: Some(500),
                t2: Some(400),
                lease: Some(600)
            },
            oc(58),
            "RFC 2131 §4.4.5"
        )
    );
}

#[test]
fn replies_refuse_managed_options_and_wrong_requests() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let must_not = "nobody: a reply MUST NOT carry it (RFC 2131 Table 3)";
    for (code, by) in [
        (0u8, "the builder (PAD/END)"),
        (255, "the builder (PAD/END)"),
        (50, must_not),
        (51, "lease_time() (RFC 2131 Tables 3 and 5)"),
        (52, "overload_when_full()"),
        (53, "the constructor"),
        (54, "server_identifier()"),
        (55, must_not),
        (57, must_not),
        (58, "renewal_time()"),
        (59, "rebinding_time()"),
        (
            61,
            "the reply itself: it echoes the request's (RFC 6842 §3)",
        ),
        (
            82,
            "the reply itself: it echoes the request's (RFC 3046 §2.2)",
        ),
    ] {
        let e = Reply::offer(&req, &mut buf)
            .unwrap()
            .yiaddr(YI)
            .server_identifier(SID)
            .lease_time(60)
            .option(OptionCode(code), &[0, 0, 0, 0])
            .finish()
            .unwrap_err();
        assert_eq!(e, ProtocolError::ManagedOption { code, by });
    }
    let e = Reply::ack(&req, &mut buf).unwrap_err();
    assert_eq!(
        e,
        ProtocolError::WrongRequest {
            reply: MessageType::Ack,
            expected: MessageType::Request,
            found: Some(MessageType::Discover)
        }
    );
    assert_eq!(
        e.to_string(),
        "a DHCP ACK answers a DHCP Request, the request is a DHCP Discover"
    );
    assert_eq!(
        Reply::nak(&req, &mut buf).unwrap_err(),
        ProtocolError::WrongRequest {
            reply: MessageType::Nak,
            expected: MessageType::Request,
            found: Some(MessageType::Discover)
        }
    );
    assert!(matches!(
        Reply::ack_inform(&req, &mut buf),
        Err(ProtocolError::WrongRequest { .. })
    ));
}

// ---------------------------------------------------------------------------
// Client messages (Table 5)
// ---------------------------------------------------------------------------

struct Carried {
    ciaddr: Ipv4Addr,
    o50: Option<Ipv4Addr>,
    o54: Option<Ipv4Addr>,
    dest: SocketAddrV4,
}

fn carried(buf: &[u8], n: usize, dest: SocketAddrV4) -> (Carried, MessageType) {
    let msg = Message::parse(&buf[..n]).unwrap();
    assert!(validate(&msg).is_empty(), "{:?}", summary(&msg));
    assert_eq!(msg.op(), Op::BootRequest);
    (
        Carried {
            ciaddr: msg.ciaddr(),
            o50: msg.requested_ip(),
            o54: msg.server_identifier(),
            dest,
        },
        msg.message_type().unwrap().unwrap(),
    )
}

#[test]
fn client_messages_carry_table_5_fields() {
    let ci = Ipv4Addr::new(192, 168, 1, 100);
    let bcast = SocketAddrV4::new(Ipv4Addr::BROADCAST, 67);
    let server = SocketAddrV4::new(SID, 67);
    let z = Ipv4Addr::UNSPECIFIED;
    let mut buf = [0u8; 576];
    type Row = (
        &'static str,
        MessageType,
        Ipv4Addr,
        Option<Ipv4Addr>,
        Option<Ipv4Addr>,
        SocketAddrV4,
    );
    let mut rows: Vec<(Row, Carried, MessageType)> = Vec::new();
    macro_rules! row {
        ($name:expr, $t:expr, $ci:expr, $o50:expr, $o54:expr, $dest:expr, $m:expr) => {{
            let (n, dest) = {
                let mut m = $m;
                (m.finish().unwrap(), m.destination())
            };
            let (c, t) = carried(&buf, n, dest);
            rows.push((($name, $t, $ci, $o50, $o54, $dest), c, t));
        }};
    }
    row!(
        "discover",
        MessageType::Discover,
        z,
        None,
        None,
        bcast,
        ClientMessage::discover(&mut buf, 1, &CHADDR).unwrap()
    );
    row!(
        "selecting",
        MessageType::Request,
        z,
        Some(ci),
        Some(SID),
        bcast,
        ClientMessage::request(
            &mut buf,
            1,
            &CHADDR,
            RequestState::Selecting {
                server_identifier: SID,
                requested: ci
            }
        )
        .unwrap()
    );
    row!(
        "init-reboot",
        MessageType::Request,
        z,
        Some(ci),
        None,
        bcast,
        ClientMessage::request(
            &mut buf,
            1,
            &CHADDR,
            RequestState::InitReboot { requested: ci }
        )
        .unwrap()
    );
    row!(
        "renewing",
        MessageType::Request,
        ci,
        None,
        None,
        server,
        ClientMessage::request(
            &mut buf,
            1,
            &CHADDR,
            RequestState::Renewing {
                ciaddr: ci,
                server: SID
            }
        )
        .unwrap()
    );
    row!(
        "rebinding",
        MessageType::Request,
        ci,
        None,
        None,
        bcast,
        ClientMessage::request(&mut buf, 1, &CHADDR, RequestState::Rebinding { ciaddr: ci })
            .unwrap()
    );
    row!(
        "decline",
        MessageType::Decline,
        z,
        Some(ci),
        Some(SID),
        bcast,
        ClientMessage::decline(&mut buf, 1, &CHADDR, ci, SID).unwrap()
    );
    row!(
        "release",
        MessageType::Release,
        ci,
        None,
        Some(SID),
        server,
        ClientMessage::release(&mut buf, 1, &CHADDR, ci, SID).unwrap()
    );
    row!(
        "inform",
        MessageType::Inform,
        ci,
        None,
        None,
        bcast,
        ClientMessage::inform(&mut buf, 1, &CHADDR, ci).unwrap()
    );
    for ((name, t, ci, o50, o54, dest), c, got_t) in rows {
        assert_eq!(got_t, t, "{name}");
        assert_eq!(
            (c.ciaddr, c.o50, c.o54, c.dest),
            (ci, o50, o54, dest),
            "{name}"
        );
    }
}

#[test]
fn select_answers_an_offer() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, true);
    let req = Message::parse(&q[..n]).unwrap();
    let mut o = [0u8; 576];
    let n = Reply::offer(&req, &mut o)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .lease_time(60)
        .finish()
        .unwrap();
    let offer = Message::parse(&o[..n]).unwrap();
    let mut buf = [0u8; 576];
    let n = ClientMessage::select(&mut buf, &offer)
        .unwrap()
        .finish()
        .unwrap();
    let r = Message::parse(&buf[..n]).unwrap();
    assert_eq!(r.xid(), 0x0a00_0001);
    assert_eq!(r.requested_ip(), Some(YI));
    assert_eq!(r.server_identifier(), Some(SID));
    assert_eq!(request_kind(&r), Some(RequestKind::Selecting));
    let e = ClientMessage::select(&mut buf, &req).unwrap_err();
    assert!(matches!(
        e,
        ProtocolError::WrongRequest {
            found: Some(MessageType::Discover),
            ..
        }
    ));
}

#[test]
fn client_setters_refuse_what_table_5_forbids() {
    let mut buf = [0u8; 576];
    let e = ClientMessage::discover(&mut buf, 1, &CHADDR)
        .unwrap()
        .max_message_size(500)
        .finish()
        .unwrap_err();
    assert_eq!(
        violation_of(e),
        (
            Rule::Value {
                expected: "at least 576"
            },
            oc(57),
            "RFC 2132 §9.10"
        )
    );
    // 576 itself is the smallest size allowed, and is written.
    let n = ClientMessage::discover(&mut buf, 1, &CHADDR)
        .unwrap()
        .max_message_size(576)
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..n]).unwrap();
    assert_eq!(msg.max_message_size(), Some(576));
    for (code, by) in [
        (0u8, "the builder (PAD/END)"),
        (255, "the builder (PAD/END)"),
        (50, "the constructor or requested_ip() (RFC 2131 Table 5)"),
        (51, "lease_time() (RFC 2131 Tables 3 and 5)"),
        (52, "nobody: client messages are not overloaded here"),
        (53, "the constructor"),
        (54, "the message's constructor (RFC 2131 Table 5)"),
        (56, "nobody: SHOULD NOT in this message (RFC 2131 Table 5)"),
        (57, "max_message_size(), which refuses values under 576"),
        (61, "client_identifier()"),
        (82, "relay agents only (RFC 3046)"),
    ] {
        // Option 57 with 2 bytes: a well-formed size of 1, which
        // max_message_size() would refuse.
        let value: &[u8] = if code == 57 { &[0, 1] } else { &[1, 2, 3, 4] };
        let e = ClientMessage::inform(&mut buf, 1, &CHADDR, YI)
            .unwrap()
            .option(OptionCode(code), value)
            .finish()
            .unwrap_err();
        assert_eq!(e, ProtocolError::ManagedOption { code, by });
    }
}

/// The refusals are per side: option() writes in a client message what
/// only a reply's setters manage (55 through its own setter, 58 and 59:
/// Table 5 "all others MAY"), and in a reply the 56 a client message
/// refuses (Table 3 lets every reply carry a message).
#[test]
fn option_writes_what_only_the_other_side_manages() {
    let mut buf = [0u8; 576];
    let client = ClientMessage::discover(&mut buf, 1, &CHADDR)
        .unwrap()
        .option(OptionCode::PARAMETER_REQUEST_LIST, &[1, 3])
        .option(OptionCode::RENEWAL_TIME, &[0, 0, 7, 8])
        .option(OptionCode::REBINDING_TIME, &[0, 0, 12, 96])
        .finish_message()
        .unwrap();
    let idx = client.index().unwrap();
    let codes: Vec<u8> = idx.codes().map(|c| c.0).collect();
    assert_eq!(codes, [53, 55, 58, 59]);
    assert!(idx.get(OptionCode(58)).unwrap().joined() == [0, 0, 7, 8]);
    assert!(idx.get(OptionCode(59)).unwrap().joined() == [0, 0, 12, 96]);

    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    let mut r = [0u8; 576];
    let offer = Reply::offer(&req, &mut r)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .lease_time(60)
        .option(OptionCode::MESSAGE, b"welcome")
        .finish_message()
        .unwrap();
    let v = offer.option(OptionCode::MESSAGE).unwrap().unwrap();
    assert!(v.joined() == b"welcome"[..]);
}

// ---------------------------------------------------------------------------
// Validation of hand-made bad messages
// ---------------------------------------------------------------------------

fn build(f: impl FnOnce(&mut MessageBuilder<'_>)) -> Vec<u8> {
    let mut buf = [0u8; 1500];
    let mut b = MessageBuilder::new(&mut buf).unwrap();
    b.htype(1).chaddr(&CHADDR).xid(1);
    f(&mut b);
    let n = b.finish().unwrap();
    buf[..n].to_vec()
}

/// The violations of the message `build(f)` returns, as `summary` gives them.
fn violations_of(
    f: impl FnOnce(&mut MessageBuilder<'_>),
) -> Vec<(Rule, Subject, Severity, &'static str)> {
    summary(&Message::parse(&build(f)).unwrap())
}

#[test]
fn mtu_plateau_table_longer_than_one_option_is_checked_to_its_end() {
    // Regression: a value over 255 bytes was not joined, so its MTUs were
    // never checked. 150 entries (300 bytes, two RFC 3396 fragments); the
    // last is 1, under the minimum of 68.
    let table = |last: u16| -> Vec<u8> {
        let mut v: Vec<u8> = [1500u16; 149]
            .iter()
            .flat_map(|m| m.to_be_bytes())
            .collect();
        v.extend_from_slice(&last.to_be_bytes());
        v
    };
    let mtu_rule = (
        Rule::Value {
            expected: "MTU sizes of at least 68",
        },
        oc(25),
        MUST,
        "RFC 2132 §4.7",
    );
    for (last, reported) in [(1u16, true), (68, false)] {
        let value = table(last);
        let bytes = build(|b| {
            b.message_type(MessageType::Discover)
                .option(OptionCode(25), &value);
        });
        let msg = Message::parse(&bytes).unwrap();
        let v25 = msg.option(OptionCode(25)).unwrap().unwrap();
        assert_eq!((v25.fragment_count(), v25.len()), (2, 300));
        assert_eq!(
            summary(&msg).contains(&mtu_rule),
            reported,
            "last MTU {last}"
        );
    }
}

#[test]
fn bad_nak() {
    let bytes = build(|b| {
        b.op(Op::BootReply)
            .yiaddr(YI)
            .giaddr(GI)
            .message_type(MessageType::Nak)
            .lease_time(60)
            .option(OptionCode::SUBNET_MASK, &[255, 255, 255, 0]);
    });
    let msg = Message::parse(&bytes).unwrap();
    assert_eq!(
        summary(&msg),
        vec![
            (Rule::Missing, oc(54), MUST, T3),
            (Rule::NotAllowed, fd(Field::Yiaddr), MUST, T3),
            (Rule::NotAllowed, oc(1), MUST, T3),
            (Rule::NotAllowed, oc(51), MUST, T3),
            (
                Rule::Value {
                    expected: "broadcast bit set in a DHCPNAK sent through a relay"
                },
                fd(Field::Flags),
                MUST,
                "RFC 2131 §4.3.2"
            ),
        ]
    );
    let v = validate(&msg);
    let first = v.iter().next().unwrap();
    assert_eq!(first.message_type, Some(MessageType::Nak));
    assert_eq!(
        first.to_string(),
        "MUST: DHCP NACK option 54 (Server Identifier) is required but missing [RFC 2131 §4.3.1, Table 3]"
    );
    // Table 3: 'ciaddr', 'yiaddr' and 'siaddr' are 0 in a DHCPNAK; each
    // set alone is reported alone, as itself.
    for field in [Field::Ciaddr, Field::Yiaddr, Field::Siaddr] {
        let found = violations_of(|b| {
            b.op(Op::BootReply)
                .message_type(MessageType::Nak)
                .server_identifier(SID);
            match field {
                Field::Ciaddr => b.ciaddr(YI),
                Field::Yiaddr => b.yiaddr(YI),
                _ => b.siaddr(SID),
            };
        });
        assert_eq!(
            found,
            vec![(Rule::NotAllowed, fd(field), MUST, T3)],
            "{field:?}"
        );
    }
}

#[test]
fn bad_offer_and_ack() {
    let offer = build(|b| {
        b.op(Op::BootRequest)
            .ciaddr(YI)
            .hops(2)
            .secs(3)
            .message_type(MessageType::Offer)
            .requested_ip(YI)
            .parameter_request_list([OptionCode::ROUTER])
            .max_message_size(1500)
            .server_identifier(SID);
    });
    let msg = Message::parse(&offer).unwrap();
    assert_eq!(
        summary(&msg),
        vec![
            (
                Rule::WrongOp {
                    expected: Op::BootReply
                },
                fd(Field::Op),
                MUST,
                T3
            ),
            (Rule::NotAllowed, fd(Field::Hops), MUST, T3),
            (Rule::NotAllowed, fd(Field::Secs), MUST, T3),
            (Rule::NotAllowed, oc(50), MUST, T3),
            (Rule::NotAllowed, oc(55), MUST, T3),
            (Rule::NotAllowed, oc(57), MUST, T3),
            (Rule::NotAllowed, fd(Field::Ciaddr), MUST, T3),
            (Rule::Missing, fd(Field::Yiaddr), MUST, T3),
            (Rule::Missing, oc(51), MUST, T3),
        ]
    );
    // ACK with yiaddr and no lease time (answer to a REQUEST).
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootReply)
                .yiaddr(YI)
                .message_type(MessageType::Ack)
                .server_identifier(SID);
        }),
        vec![(Rule::Missing, oc(51), MUST, T3)]
    );
    // ACK without yiaddr (answer to an INFORM) with a lease time.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootReply)
                .message_type(MessageType::Ack)
                .server_identifier(SID)
                .lease_time(60);
        }),
        vec![(Rule::NotAllowed, oc(51), MUST, "RFC 2131 §4.3.5")]
    );
}

#[test]
fn bad_client_messages() {
    // DISCOVER: server id, ciaddr, yiaddr, hops without a relay, message.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .ciaddr(YI)
                .yiaddr(YI)
                .siaddr(SID)
                .hops(1)
                .message_type(MessageType::Discover)
                .server_identifier(SID)
                .option(OptionCode::MESSAGE, b"hi");
        }),
        vec![
            (Rule::NotAllowed, fd(Field::Hops), MUST, T5),
            (Rule::NotAllowed, fd(Field::Yiaddr), MUST, T5),
            (Rule::NotAllowed, fd(Field::Siaddr), MUST, T5),
            (Rule::NotAllowed, fd(Field::Ciaddr), MUST, T5),
            (Rule::NotAllowed, oc(54), MUST, T5),
            (Rule::NotAllowed, oc(56), SHOULD, T5),
        ]
    );
    // Relayed DISCOVER: giaddr and hops from the relay are fine.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .giaddr(GI)
                .hops(3)
                .message_type(MessageType::Discover);
        }),
        vec![]
    );
    // SELECTING without 50, with ciaddr.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .ciaddr(YI)
                .message_type(MessageType::Request)
                .server_identifier(SID);
        }),
        vec![
            (Rule::Missing, oc(50), MUST, T5),
            (Rule::NotAllowed, fd(Field::Ciaddr), MUST, "RFC 2131 §4.3.2"),
        ]
    );
    // INIT-REBOOT without 50.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest).message_type(MessageType::Request);
        }),
        vec![(Rule::Missing, oc(50), MUST, T5)]
    );
    // RENEWING with 50.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .ciaddr(YI)
                .message_type(MessageType::Request)
                .requested_ip(YI);
        }),
        vec![(Rule::NotAllowed, oc(50), MUST, T5)]
    );
    // DECLINE with ciaddr, no 50/54, a vendor class, secs and flags.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .ciaddr(YI)
                .secs(4)
                .flags(Flags::broadcast_only())
                .message_type(MessageType::Decline)
                .vendor_class_identifier(b"x")
                .client_identifier(1, &CHADDR);
        }),
        vec![
            (Rule::NotAllowed, fd(Field::Secs), MUST, T5),
            (Rule::NotAllowed, fd(Field::Flags), MUST, T5),
            (Rule::NotAllowed, fd(Field::Ciaddr), MUST, T5),
            (Rule::Missing, oc(50), MUST, T5),
            (Rule::Missing, oc(54), MUST, T5),
            (Rule::NotAllowed, oc(60), MUST, T5),
        ]
    );
    // RELEASE without ciaddr, with 50 and a parameter request list.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootRequest)
                .message_type(MessageType::Release)
                .server_identifier(SID)
                .requested_ip(YI)
                .parameter_request_list([OptionCode::ROUTER]);
        }),
        vec![
            (Rule::Missing, fd(Field::Ciaddr), MUST, T5),
            (Rule::NotAllowed, oc(50), MUST, T5),
            (Rule::NotAllowed, oc(55), MUST, T5),
        ]
    );
    // INFORM without ciaddr, with 50, 51 and 54; reply op.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootReply)
                .message_type(MessageType::Inform)
                .requested_ip(YI)
                .lease_time(5)
                .server_identifier(SID);
        }),
        vec![
            (
                Rule::WrongOp {
                    expected: Op::BootRequest
                },
                fd(Field::Op),
                MUST,
                T5
            ),
            (Rule::Missing, fd(Field::Ciaddr), MUST, T5),
            (Rule::NotAllowed, oc(50), MUST, T5),
            (Rule::NotAllowed, oc(51), MUST, T5),
            (Rule::NotAllowed, oc(54), MUST, T5),
        ]
    );
}

#[test]
fn rfc2132_length_and_value_rules() {
    let bytes = build(|b| {
        b.op(Op::BootRequest)
            .flags(Flags(0x8001))
            .message_type(MessageType::Discover)
            .option(OptionCode::SUBNET_MASK, &[255, 255, 0]) // 3 bytes
            .option(OptionCode::ROUTER, &[10, 0, 0, 1, 10]) // 5 bytes
            .option(OptionCode::HOST_NAME, b"") // empty text
            .option(OptionCode(19), &[2]) // boolean 2
            .option(OptionCode(26), &[0, 60]) // MTU 60 < 68
            .option(OptionCode(46), &[3]) // node type 3
            .option(OptionCode::MAX_MESSAGE_SIZE, &[0x01, 0x00]) // 256 < 576
            .option(OptionCode::CLIENT_IDENTIFIER, &[1]) // 1 byte
            .option(OptionCode(33), &[1, 2, 3, 4]) // static route: 4 bytes
            .option(OptionCode(58), &[0, 0, 0, 100])
            .option(OptionCode(59), &[0, 0, 0, 50])
            .lease_time(200);
    });
    let msg = Message::parse(&bytes).unwrap();
    let l = |len, expected| Rule::Length { len, expected };
    let v = |expected| Rule::Value { expected };
    assert_eq!(
        summary(&msg),
        vec![
            (l(3, "4"), oc(1), MUST, "RFC 2132 §3.3"),
            (
                l(5, "a multiple of 4, at least 4"),
                oc(3),
                MUST,
                "RFC 2132 §3.5"
            ),
            (l(0, "at least 1"), oc(12), MUST, "RFC 2132 §3.14"),
            (v("0 or 1"), oc(19), MUST, "RFC 2132 §4.1"),
            (v("at least 68"), oc(26), MUST, "RFC 2132 §5.1"),
            (
                l(4, "a multiple of 8, at least 8"),
                oc(33),
                MUST,
                "RFC 2132 §5.8"
            ),
            (v("1, 2, 4 or 8"), oc(46), MUST, "RFC 2132 §8.7"),
            (v("at least 576"), oc(57), MUST, "RFC 2132 §9.10"),
            (l(1, "at least 2"), oc(61), MUST, "RFC 2132 §9.14"),
            (
                v("reserved bits zero"),
                fd(Field::Flags),
                MUST,
                "RFC 2131 §2"
            ),
            (
                Rule::TimerOrder {
                    t1: Some(100),
                    t2: Some(50),
                    lease: Some(200)
                },
                oc(59),
                SHOULD,
                "RFC 2131 §4.4.5"
            ),
        ]
    );
    // A repeated fixed-length option joins (RFC 3396) into a bad length.
    assert_eq!(
        violations_of(|b| {
            b.op(Op::BootReply)
                .yiaddr(YI)
                .message_type(MessageType::Offer)
                .server_identifier(SID)
                .server_identifier(SID)
                .lease_time(60);
        }),
        vec![(l(8, "4"), oc(54), MUST, "RFC 2132 §9.7")]
    );
}

/// Each RFC 2132 value rule that a length cannot express, at its boundary:
/// the last bad value is reported (MUST, with the option's section), the
/// first good one is not. The messages have no option 53, so only the
/// format rules apply.
#[test]
fn rfc2132_value_rules_at_their_boundaries() {
    // (code, section, expected, bad values, good values)
    type Values = &'static [&'static [u8]];
    let rows: [(u8, &str, &str, Values, Values); 11] = [
        (
            19,
            "RFC 2132 §4.1",
            "0 or 1",
            &[&[2], &[255]],
            &[&[0], &[1]],
        ),
        (39, "RFC 2132 §7.3", "0 or 1", &[&[2]], &[&[1]]),
        // Maximum datagram reassembly size and maximum DHCP message size:
        // at least 576.
        (
            22,
            "RFC 2132 §4.4",
            "at least 576",
            &[&[2, 63]],
            &[&[2, 64]],
        ),
        (
            57,
            "RFC 2132 §9.10",
            "at least 576",
            &[&[2, 63]],
            &[&[2, 64]],
        ),
        // Default IP TTL and TCP default TTL: the minimum value is 1.
        (23, "RFC 2132 §4.5", "1 to 255", &[&[0]], &[&[1], &[255]]),
        (37, "RFC 2132 §7.1", "1 to 255", &[&[0]], &[&[1]]),
        // Path MTU plateau table: every entry at least 68, the last too.
        (
            25,
            "RFC 2132 §4.7",
            "MTU sizes of at least 68",
            &[&[0, 67], &[0, 68, 0, 67], &[0, 67, 5, 220]],
            &[&[0, 68], &[5, 220, 0, 68]],
        ),
        // Interface MTU: at least 68.
        (26, "RFC 2132 §5.1", "at least 68", &[&[0, 67]], &[&[0, 68]]),
        // NetBIOS node type: 0x1, 0x2, 0x4 or 0x8.
        (
            46,
            "RFC 2132 §8.7",
            "1, 2, 4 or 8",
            &[&[0], &[3], &[5], &[9]],
            &[&[1], &[2], &[4], &[8]],
        ),
        // Option overload: 1 (file), 2 (sname) or 3 (both). The walk
        // takes another value as no overload, so the message is still
        // checked.
        (
            52,
            "RFC 2132 §9.3",
            "1, 2 or 3",
            &[&[0], &[4], &[255]],
            &[&[1], &[2], &[3]],
        ),
        // Message type: the registered types (RFC 2132 §9.6 and its
        // IANA registry, 1 to 18).
        (
            53,
            "RFC 2132 §9.6",
            "a registered message type (1 to 18)",
            &[&[0], &[19]],
            &[&[18]],
        ),
    ];
    for (code, section, expected, bad, good) in rows {
        let rule = (Rule::Value { expected }, oc(code), MUST, section);
        for value in bad {
            let found = violations_of(|b| {
                b.option(OptionCode(code), value);
            });
            assert_eq!(found, vec![rule], "{code} = {value:?}");
        }
        for value in good {
            let found = violations_of(|b| {
                b.option(OptionCode(code), value);
            });
            assert_eq!(found, vec![], "{code} = {value:?}");
        }
    }
}

#[test]
fn malformed_and_plain_bootp() {
    let mut bytes = build(|b| {
        b.message_type(MessageType::Discover);
    });
    bytes[241] = 200; // option 53's length runs past the area
    let msg = Message::parse(&bytes).unwrap();
    let v: Vec<Violation> = validate(&msg).iter().copied().collect();
    assert_eq!(v.len(), 1);
    assert!(matches!(
        v[0].rule,
        Rule::Malformed(dhcpwire::Error::OptionOverrun { code: 53, .. })
    ));
    let mut bootp = [0u8; 300];
    bootp[0] = 1;
    assert!(validate(&Message::parse(&bootp).unwrap()).is_empty());
}

#[test]
fn reply_pair_rules() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    let bad = build(|b| {
        b.op(Op::BootReply)
            .xid(2)
            .chaddr(&[1, 2, 3, 4, 5, 6])
            .giaddr(GI)
            .flags(Flags::broadcast_only())
            .yiaddr(YI)
            .message_type(MessageType::Ack)
            .server_identifier(SID)
            .lease_time(60);
    });
    let rep = Message::parse(&bad).unwrap();
    let got: Vec<_> = validate_reply(&req, &rep)
        .iter()
        .map(|v| (v.rule, v.subject, v.section))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Rule::WrongReplyType {
                    request: MessageType::Discover
                },
                oc(53),
                T3
            ),
            (Rule::NotCopied, fd(Field::Xid), T3),
            (Rule::NotCopied, fd(Field::Chaddr), T3),
            (Rule::NotCopied, fd(Field::Giaddr), T3),
            (Rule::NotCopied, fd(Field::Flags), T3),
            (Rule::NotCopied, oc(61), "RFC 6842 §3"),
        ]
    );
}

/// `Violations` keeps the first `MAX_VIOLATIONS` (32) in order and counts
/// the rest; `validate_vec` keeps them all.
#[test]
fn violations_past_the_capacity_are_counted_as_dropped() {
    // A DHCPRELEASE: Table 5 "all others MUST NOT", one per option.
    let release = |codes: std::ops::Range<u8>| {
        build(|b| {
            b.op(Op::BootRequest)
                .ciaddr(YI)
                .message_type(MessageType::Release)
                .server_identifier(SID);
            for code in codes {
                b.option(OptionCode(code), &[0]);
            }
        })
    };
    let not_allowed = |code| (Rule::NotAllowed, oc(code), MUST, T5);
    for (codes, kept, dropped) in [(100..140, 32, 8), (100..102, 2, 0), (100..100, 0, 0)] {
        let bytes = release(codes.clone());
        let msg = Message::parse(&bytes).unwrap();
        let v = validate(&msg);
        assert_eq!((v.len(), v.dropped()), (kept, dropped), "{codes:?}");
        assert_eq!(v.is_empty(), kept == 0, "{codes:?}");
        assert_eq!(v.has_must(), kept > 0, "{codes:?}");
        let expected: Vec<_> = codes
            .clone()
            .take(MAX_VIOLATIONS)
            .map(not_allowed)
            .collect();
        assert_eq!(summary(&msg), expected, "{codes:?}");
        #[cfg(feature = "alloc")]
        {
            let all: Vec<_> = dhcpwire::protocol::validate_vec(&msg)
                .iter()
                .map(|v| (v.rule, v.subject, v.severity, v.section))
                .collect();
            assert_eq!(all, codes.map(not_allowed).collect::<Vec<_>>());
        }
    }
    // A SHOULD alone: a violation, but no MUST.
    let bytes = build(|b| {
        b.op(Op::BootRequest)
            .message_type(MessageType::Discover)
            .option(OptionCode::MESSAGE, b"hi");
    });
    let msg = Message::parse(&bytes).unwrap();
    let v = validate(&msg);
    assert_eq!(summary(&msg), vec![(Rule::NotAllowed, oc(56), SHOULD, T5)]);
    assert_eq!((v.len(), v.dropped(), v.is_empty()), (1, 0, false));
    assert!(!v.has_must());
}

/// Table 3: an ACK's `ciaddr` is the DHCPREQUEST's or 0 (an OFFER's is 0,
/// which `validate` checks alone); §4.3.5: the ACK to a DHCPINFORM SHOULD
/// NOT fill in `yiaddr` and MUST NOT carry a lease time.
#[test]
fn ack_ciaddr_and_inform_ack_yiaddr_against_the_request() {
    use MessageType::{Ack, Discover, Inform, Offer, Request};
    let ci = Ipv4Addr::new(192, 168, 1, 77);
    let other = Ipv4Addr::new(192, 168, 1, 78);
    let z = Ipv4Addr::UNSPECIFIED;
    let sec_inform = "RFC 2131 §4.3.5";
    // (request type, its ciaddr, reply type, reply ciaddr, reply yiaddr, violations)
    let rows = [
        (Request, ci, Ack, ci, YI, vec![]),
        (Request, ci, Ack, z, YI, vec![]),
        (
            Request,
            ci,
            Ack,
            other,
            YI,
            vec![(Rule::NotCopied, fd(Field::Ciaddr), MUST, T3)],
        ),
        (
            Discover,
            z,
            Offer,
            ci,
            YI,
            vec![(Rule::NotAllowed, fd(Field::Ciaddr), MUST, T3)],
        ),
        (Inform, ci, Ack, ci, z, vec![]),
        (
            Inform,
            ci,
            Ack,
            ci,
            YI,
            vec![
                (Rule::NotAllowed, fd(Field::Yiaddr), SHOULD, sec_inform),
                (Rule::NotAllowed, oc(51), MUST, sec_inform),
            ],
        ),
    ];
    for (qtype, qci, rtype, rci, ryi, expected) in rows {
        let q = build(|b| {
            b.op(Op::BootRequest).ciaddr(qci).message_type(qtype);
        });
        let r = build(|b| {
            b.op(Op::BootReply)
                .ciaddr(rci)
                .yiaddr(ryi)
                .message_type(rtype)
                .server_identifier(SID);
            if !ryi.is_unspecified() {
                b.lease_time(3600);
            }
        });
        let (q, r) = (Message::parse(&q).unwrap(), Message::parse(&r).unwrap());
        let found: Vec<_> = validate_reply(&q, &r)
            .iter()
            .map(|v| (v.rule, v.subject, v.severity, v.section))
            .collect();
        assert_eq!(found, expected, "{qtype} {qci} -> {rtype} {rci} {ryi}");
    }
}

/// RFC 4039 §4: a DHCPACK answers a DHCPDISCOVER only when both carry
/// Rapid Commit (option 80); a server without it answers with an OFFER.
#[test]
fn an_ack_answers_a_discover_only_with_rapid_commit_on_both_sides() {
    use MessageType::{Ack, Discover, Offer, Request};
    let wrong = |request| vec![(Rule::WrongReplyType { request }, oc(53), MUST, T3)];
    // (request type, request has 80, reply type, reply has 80, violations)
    for (qtype, q80, rtype, r80, expected) in [
        (Discover, true, Ack, true, vec![]),
        (Discover, true, Offer, false, vec![]),
        (Discover, true, Ack, false, wrong(Discover)),
        (Discover, false, Ack, true, wrong(Discover)),
        (Request, true, Offer, true, wrong(Request)),
    ] {
        let rapid = |b: &mut MessageBuilder<'_>, on: bool| {
            if on {
                b.option(OptionCode::RAPID_COMMIT, &[]);
            }
        };
        let q = build(|b| {
            b.op(Op::BootRequest).message_type(qtype);
            rapid(b, q80);
        });
        let r = build(|b| {
            b.op(Op::BootReply)
                .yiaddr(YI)
                .message_type(rtype)
                .server_identifier(SID)
                .lease_time(3600);
            rapid(b, r80);
        });
        let (q, r) = (Message::parse(&q).unwrap(), Message::parse(&r).unwrap());
        let found: Vec<_> = validate_reply(&q, &r)
            .iter()
            .map(|v| (v.rule, v.subject, v.severity, v.section))
            .collect();
        assert_eq!(found, expected, "{qtype} {q80} -> {rtype} {r80}");
    }
}

/// `Policy::REAL_WORLD` leaves out only the known deviations themselves:
/// each violation below sits next to one (same message type, same rule or
/// same subject) and is still reported. (rule, subject, the deviation it
/// is allowed as) of every violation `validate` finds.
#[test]
fn real_world_policy_allows_only_the_known_deviations() {
    use KnownDeviation as D;
    let allowed = |msg: &Message<'_>, found: &dhcpwire::protocol::Violations| {
        found
            .iter()
            .map(|v| (v.rule, v.subject, Policy::REAL_WORLD.allowed(v, msg)))
            .collect::<Vec<_>>()
    };
    let of = |bytes: &[u8]| {
        let msg = Message::parse(bytes).unwrap();
        allowed(&msg, &validate(&msg))
    };
    let offer = |b: &mut MessageBuilder<'_>| {
        b.op(Op::BootReply)
            .yiaddr(YI)
            .message_type(MessageType::Offer);
    };
    // A relayed OFFER with hops copied (allowed) and no option 54 (not):
    // no 61 in it, and it is relayed, but the missing 54 is neither
    // deviation.
    let relayed = build(|b| {
        offer(b);
        b.giaddr(GI).hops(1).lease_time(3600);
    });
    assert_eq!(
        of(&relayed),
        vec![
            (
                Rule::NotAllowed,
                fd(Field::Hops),
                Some(D::ServerCopiesHopsIntoRelayedReply)
            ),
            (Rule::Missing, oc(54), None),
        ]
    );
    // The same hops without a relay is not the relayed-reply deviation.
    let unrelayed = build(|b| {
        offer(b);
        b.hops(1).server_identifier(SID).lease_time(3600);
    });
    assert_eq!(
        of(&unrelayed),
        vec![(Rule::NotAllowed, fd(Field::Hops), None)]
    );
    // An OFFER without 51 (one of the codes dhclient puts in a RELEASE)
    // and with 50 (the code dhcping puts in a renewing REQUEST).
    let no_lease = build(|b| {
        offer(b);
        b.server_identifier(SID).requested_ip(YI);
    });
    assert_eq!(
        of(&no_lease),
        vec![
            (Rule::NotAllowed, oc(50), None),
            (Rule::Missing, oc(51), None)
        ]
    );
    // A RELEASE without 54 (allowed) and without ciaddr (not).
    let release = build(|b| {
        b.op(Op::BootRequest).message_type(MessageType::Release);
    });
    assert_eq!(
        of(&release),
        vec![
            (Rule::Missing, fd(Field::Ciaddr), None),
            (
                Rule::Missing,
                oc(54),
                Some(D::ReleaseWithoutServerIdentifier)
            ),
        ]
    );
    // Option 50 with ciaddr: allowed in a renewing REQUEST, not in an
    // INFORM; option 56 in that REQUEST is no deviation.
    let renewing = build(|b| {
        b.op(Op::BootRequest)
            .ciaddr(YI)
            .message_type(MessageType::Request)
            .requested_ip(YI)
            .option(OptionCode::MESSAGE, b"hi");
    });
    assert_eq!(
        of(&renewing),
        vec![
            (
                Rule::NotAllowed,
                oc(50),
                Some(D::RequestedAddressWhileRenewing)
            ),
            (Rule::NotAllowed, oc(56), None),
        ]
    );
    let inform = build(|b| {
        b.op(Op::BootRequest)
            .ciaddr(YI)
            .message_type(MessageType::Inform)
            .requested_ip(YI);
    });
    assert_eq!(of(&inform), vec![(Rule::NotAllowed, oc(50), None)]);
    // Option 61 not echoed: allowed when the reply has none, not when it
    // has a different one.
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    for (other_61, deviation) in [
        (None, Some(D::ClientIdentifierNotEchoed)),
        (Some(&[1, 2, 3][..]), None),
    ] {
        let bytes = build(|b| {
            offer(b);
            b.xid(0x0a00_0001).server_identifier(SID).lease_time(3600);
            if let Some(id) = other_61 {
                b.option(OptionCode::CLIENT_IDENTIFIER, id);
            }
        });
        let rep = Message::parse(&bytes).unwrap();
        assert_eq!(
            allowed(&rep, &validate_reply(&req, &rep)),
            vec![(Rule::NotCopied, oc(61), deviation)],
            "{other_61:?}"
        );
    }
    // Each prints as its stable name.
    let names: Vec<String> = D::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        [
            "server_copies_secs",
            "server_copies_hops_into_relayed_reply",
            "secs_in_release",
            "client_options_in_release",
            "release_without_server_identifier",
            "requested_address_while_renewing",
            "client_identifier_not_echoed",
        ]
    );
}

// ---------------------------------------------------------------------------
// Reply destination (§4.1), every branch
// ---------------------------------------------------------------------------

/// (name, giaddr, ciaddr, broadcast bit, reply type, reply yiaddr,
/// expected destination, expected socket address)
type Branch = (
    &'static str,
    Ipv4Addr,
    Ipv4Addr,
    bool,
    MessageType,
    Ipv4Addr,
    Destination,
    &'static str,
);

#[test]
fn reply_destination_every_branch() {
    let ci = Ipv4Addr::new(192, 168, 1, 77);
    let z = Ipv4Addr::UNSPECIFIED;
    let hwdest = |ip| Destination::Hardware {
        ip,
        htype: 1,
        chaddr: {
            // Build the expected value through the public API.
            let mut q = [0u8; 300];
            let n = MessageBuilder::new(&mut q)
                .unwrap()
                .htype(1)
                .chaddr(&CHADDR)
                .finish()
                .unwrap();
            let m = Message::parse(&q[..n]).unwrap();
            let mut r = [0u8; 300];
            let n = MessageBuilder::new(&mut r)
                .unwrap()
                .yiaddr(YI)
                .finish()
                .unwrap();
            match reply_destination(&m, &Message::parse(&r[..n]).unwrap()) {
                Destination::Hardware { chaddr, .. } => chaddr,
                other => panic!("{other:?}"),
            }
        },
    };
    // (name, giaddr, ciaddr, broadcast bit, reply type, reply yiaddr, expected, socket)
    let table: Vec<Branch> = vec![
        (
            "relayed offer",
            GI,
            z,
            false,
            MessageType::Offer,
            YI,
            Destination::Relay(GI),
            "10.198.27.4:67",
        ),
        (
            "relayed ack with ciaddr",
            GI,
            ci,
            true,
            MessageType::Ack,
            ci,
            Destination::Relay(GI),
            "10.198.27.4:67",
        ),
        (
            "relayed nak",
            GI,
            z,
            false,
            MessageType::Nak,
            z,
            Destination::Relay(GI),
            "10.198.27.4:67",
        ),
        (
            "nak, giaddr 0",
            z,
            z,
            false,
            MessageType::Nak,
            z,
            Destination::Broadcast,
            "255.255.255.255:68",
        ),
        (
            "nak to a renewing client",
            z,
            ci,
            false,
            MessageType::Nak,
            z,
            Destination::Broadcast,
            "255.255.255.255:68",
        ),
        (
            "ack to ciaddr",
            z,
            ci,
            false,
            MessageType::Ack,
            ci,
            Destination::Unicast {
                ip: ci,
                chaddr: HardwareAddress::new(&CHADDR),
            },
            "192.168.1.77:68",
        ),
        (
            "ack to ciaddr, broadcast bit",
            z,
            ci,
            true,
            MessageType::Ack,
            ci,
            Destination::Unicast {
                ip: ci,
                chaddr: HardwareAddress::new(&CHADDR),
            },
            "192.168.1.77:68",
        ),
        (
            "offer, broadcast bit",
            z,
            z,
            true,
            MessageType::Offer,
            YI,
            Destination::Broadcast,
            "255.255.255.255:68",
        ),
        (
            "offer, unicast to chaddr",
            z,
            z,
            false,
            MessageType::Offer,
            YI,
            hwdest(YI),
            "192.168.1.100:68",
        ),
        (
            "ack, unicast to chaddr",
            z,
            z,
            false,
            MessageType::Ack,
            YI,
            hwdest(YI),
            "192.168.1.100:68",
        ),
        (
            "no yiaddr: broadcast",
            z,
            z,
            false,
            MessageType::Ack,
            z,
            Destination::Broadcast,
            "255.255.255.255:68",
        ),
    ];
    for (name, gi, ci, bcast, rtype, yi, expected, socket) in table {
        let mut q = [0u8; 300];
        let n = MessageBuilder::new(&mut q)
            .unwrap()
            .htype(1)
            .chaddr(&CHADDR)
            .giaddr(gi)
            .ciaddr(ci)
            .flags(Flags::default().with_broadcast(bcast))
            .message_type(MessageType::Request)
            .finish()
            .unwrap();
        let req = Message::parse(&q[..n]).unwrap();
        let mut r = [0u8; 300];
        let n = MessageBuilder::new(&mut r)
            .unwrap()
            .op(Op::BootReply)
            .yiaddr(yi)
            .message_type(rtype)
            .finish()
            .unwrap();
        let rep = Message::parse(&r[..n]).unwrap();
        let d = reply_destination(&req, &rep);
        assert_eq!(d, expected, "{name}");
        // The link-layer destination a responder without ARP writes.
        let mac = match d {
            Destination::Relay(_) => None,
            Destination::Broadcast => Some([0xff; 6]),
            _ => Some(CHADDR),
        };
        assert_eq!(d.mac(), mac, "{name}");
        assert_eq!(d.socket_addr().to_string(), socket, "{name}");
    }
    // The hardware branch hands out the link-layer address for an ARP entry.
    match hwdest(YI) {
        Destination::Hardware { chaddr, htype, ip } => {
            assert_eq!((chaddr.as_bytes(), htype, ip), (&CHADDR[..], 1, YI));
            assert_eq!(chaddr.to_string(), "0a:16:36:fb:bb:4a");
        }
        other => panic!("{other:?}"),
    }
    // hlen 0: nothing to unicast to.
    let mut q = [0u8; 300];
    let n = MessageBuilder::new(&mut q)
        .unwrap()
        .message_type(MessageType::Discover)
        .finish()
        .unwrap();
    let req = Message::parse(&q[..n]).unwrap();
    let mut r = [0u8; 300];
    let n = MessageBuilder::new(&mut r)
        .unwrap()
        .yiaddr(YI)
        .message_type(MessageType::Offer)
        .finish()
        .unwrap();
    assert_eq!(
        reply_destination(&req, &Message::parse(&r[..n]).unwrap()),
        Destination::Broadcast
    );
}

/// A destination prints as where the datagram goes (the UDP address, and
/// the link-layer address of a unicast to `chaddr`); a hardware address
/// prints, in `Debug` too, as colon-separated hex.
#[test]
fn destinations_print_their_address_and_port() {
    let ci = Ipv4Addr::new(192, 168, 1, 77);
    let hw = HardwareAddress::new(&CHADDR).unwrap();
    assert_eq!(format!("{hw:?}"), "0a:16:36:fb:bb:4a");
    assert_eq!(format!("{hw}"), "0a:16:36:fb:bb:4a");
    let cases = [
        (Destination::Relay(GI), "relay 10.198.27.4:67"),
        (Destination::Broadcast, "broadcast 255.255.255.255:68"),
        (
            Destination::Unicast {
                ip: ci,
                chaddr: Some(hw),
            },
            "unicast 192.168.1.77:68",
        ),
        (
            Destination::Hardware {
                ip: YI,
                htype: 1,
                chaddr: hw,
            },
            "unicast 192.168.1.100:68 at 0a:16:36:fb:bb:4a",
        ),
    ];
    for (d, text) in cases {
        assert_eq!(d.to_string(), text);
    }
    assert_eq!(
        format!(
            "{:?}",
            Destination::Hardware {
                ip: YI,
                htype: 1,
                chaddr: hw
            }
        ),
        "Hardware { ip: 192.168.1.100, htype: 1, chaddr: 0a:16:36:fb:bb:4a }"
    );
}

// ---------------------------------------------------------------------------
// Lease timing
// ---------------------------------------------------------------------------

#[test]
fn default_timers_and_rounding() {
    // (lease, T1, T2)
    for (lease, t1, t2) in [
        (3600u32, 1800u32, 3150u32),
        (300, 150, 262), // the seed's server sent 150 / 262
        (1, 0, 0),
        (0, 0, 0),
        (7, 3, 6),
        (9, 4, 7),
        (0xffff_fffe, 0x7fff_ffff, 3_758_096_382),
        (INFINITE, INFINITE, INFINITE),
    ] {
        assert_eq!(
            (default_t1(lease), default_t2(lease)),
            (t1, t2),
            "lease {lease}"
        );
        let t = LeaseTimers::new(lease);
        assert_eq!((t.lease, t.t1, t.t2), (lease, t1, t2));
    }
    // Only the lease time decides whether the lease never expires.
    assert!(LeaseTimers::new(INFINITE).is_infinite());
    assert!(LeaseTimers::with(INFINITE, Some(100), Some(200)).is_infinite());
    assert!(!LeaseTimers::new(0xffff_fffe).is_infinite());
    assert!(!LeaseTimers::with(3600, Some(INFINITE), Some(INFINITE)).is_infinite());
    assert!(LeaseTimers::new(3).is_ordered());
    assert!(!LeaseTimers::new(2).is_ordered()); // T1 = T2 = 1
    assert!(!LeaseTimers::new(1).is_ordered());
    assert!(LeaseTimers::new(INFINITE).is_ordered());
    assert!(LeaseTimers::with(INFINITE, Some(100), None).is_ordered());
    assert!(!LeaseTimers::with(INFINITE, None, Some(100)).is_ordered());
    assert!(!LeaseTimers::with(600, Some(600), None).is_ordered());
    assert_eq!(
        LeaseTimers::with(600, Some(500), Some(400))
            .check()
            .unwrap_err()
            .rule,
        Rule::TimerOrder {
            t1: Some(500),
            t2: Some(400),
            lease: Some(600)
        }
    );
}

#[test]
fn instants_and_phases() {
    let t = LeaseTimers::with(600, Some(200), None);
    assert_eq!(t.t2, 525);
    let g = Duration::from_secs(10_000);
    assert_eq!(t.renew_at(g), Some(Duration::from_secs(10_200)));
    assert_eq!(t.rebind_at(g), Some(Duration::from_secs(10_525)));
    assert_eq!(t.expires_at(g), Some(Duration::from_secs(10_600)));
    for (now, phase) in [
        (10_000, LeasePhase::Bound),
        (10_199, LeasePhase::Bound),
        (10_200, LeasePhase::Renewing),
        (10_525, LeasePhase::Rebinding),
        (10_599, LeasePhase::Rebinding),
        (10_600, LeasePhase::Expired),
    ] {
        assert_eq!(t.phase(g, Duration::from_secs(now)), phase, "{now}");
    }
    let inf = LeaseTimers::new(INFINITE);
    assert_eq!(
        (inf.renew_at(g), inf.rebind_at(g), inf.expires_at(g)),
        (None, None, None)
    );
    assert_eq!(inf.phase(g, Duration::MAX), LeasePhase::Bound);
    // No overflow panic near Duration::MAX.
    assert_eq!(LeaseTimers::new(100).expires_at(Duration::MAX), None);
}

#[test]
fn timers_from_a_message() {
    let mut q = [0u8; 576];
    let n = discover(&mut q, None, false);
    let req = Message::parse(&q[..n]).unwrap();
    let mut buf = [0u8; 576];
    let n = Reply::offer(&req, &mut buf)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .timers(&LeaseTimers::new(86_400))
        .finish()
        .unwrap();
    let offer = Message::parse(&buf[..n]).unwrap();
    assert_eq!(
        LeaseTimers::from_message(&offer),
        Some(LeaseTimers {
            lease: 86_400,
            t1: 43_200,
            t2: 75_600
        })
    );
    let n = Reply::offer(&req, &mut buf)
        .unwrap()
        .yiaddr(YI)
        .server_identifier(SID)
        .lease_time(1000)
        .finish()
        .unwrap();
    let offer = Message::parse(&buf[..n]).unwrap();
    assert_eq!(
        LeaseTimers::from_message(&offer),
        Some(LeaseTimers {
            lease: 1000,
            t1: 500,
            t2: 875
        })
    );
    assert_eq!(LeaseTimers::from_message(&req), None);
}

// ---------------------------------------------------------------------------
// The real captures
// ---------------------------------------------------------------------------

#[cfg(feature = "capture")]
mod corpus {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn files() -> Vec<PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/corpus");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pcap" || e == "pcapng"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 37, "pcap/pcapng files in testdata/corpus");
        files
    }

    fn datagrams(p: &std::path::Path) -> Vec<dhcpwire::capture::Datagram> {
        let bytes = std::fs::read(p).unwrap();
        dhcpwire::capture::read(&bytes)
            .unwrap()
            .into_iter()
            .map(|d| d.unwrap())
            .collect()
    }

    fn name(p: &std::path::Path) -> String {
        p.file_name().unwrap().to_string_lossy().into_owned()
    }

    /// Zero violations once the named known deviations are allowed; and
    /// exactly which deviation each real implementation makes.
    #[test]
    fn every_message_validates() {
        let mut deviations: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut messages = 0;
        for f in files() {
            for d in datagrams(&f) {
                let msg = Message::parse(&d.payload).unwrap();
                messages += 1;
                let v = dhcpwire::protocol::validate_with(&msg, &Policy::REAL_WORLD);
                assert!(
                    v.is_empty(),
                    "{} frame {}: {:?}",
                    name(&f),
                    d.frame,
                    v.iter().map(ToString::to_string).collect::<Vec<_>>()
                );
                for v in &validate(&msg) {
                    let dev = Policy::REAL_WORLD.allowed(v, &msg).unwrap();
                    *deviations.entry(dev.name()).or_default() += 1;
                }
            }
        }
        assert_eq!(messages, 258);
        let expected: BTreeMap<&str, usize> = [
            ("server_copies_secs", 31),
            ("server_copies_hops_into_relayed_reply", 14),
            ("secs_in_release", 9),
            ("client_options_in_release", 24),
            ("release_without_server_identifier", 3),
            ("requested_address_while_renewing", 2),
        ]
        .into_iter()
        .collect();
        assert_eq!(deviations, expected);
        assert_eq!(KnownDeviation::ALL.len(), 7);
    }

    fn fits(q: &Message<'_>, r: &Message<'_>) -> bool {
        use MessageType as T;
        matches!(
            (
                q.message_type().ok().flatten(),
                r.message_type().ok().flatten()
            ),
            (Some(T::Discover), Some(T::Offer | T::Ack))
                | (Some(T::Request), Some(T::Ack | T::Nak))
                | (Some(T::Inform), Some(T::Ack))
        )
    }

    /// Each reply against its request (same xid, fitting type, same
    /// giaddr; server-side captures only, since a client-side capture sees
    /// the request before the relay set giaddr): Table 3 copies, and where
    /// the real server sent it compared with reply_destination.
    #[test]
    fn every_reply_matches_its_request_and_destination() {
        let mut pairs = 0;
        let mut not_echoed = 0;
        let mut broadcast_instead_of_unicast = Vec::new();
        for f in files() {
            if name(&f).contains("clientside") {
                continue;
            }
            let ds = datagrams(&f);
            for (i, d) in ds.iter().enumerate() {
                let rep = Message::parse(&d.payload).unwrap();
                if rep.op() != Op::BootReply {
                    continue;
                }
                let Some(q) = ds[..i]
                    .iter()
                    .rev()
                    .map(|q| Message::parse(&q.payload).unwrap())
                    .find(|q| {
                        q.op() == Op::BootRequest
                            && q.xid() == rep.xid()
                            && q.giaddr() == rep.giaddr()
                            && fits(q, &rep)
                    })
                else {
                    continue;
                };
                pairs += 1;
                let strict = validate_reply(&q, &rep);
                not_echoed += strict
                    .iter()
                    .filter(|v| (v.rule, v.subject) == (Rule::NotCopied, oc(61)))
                    .count();
                let v = dhcpwire::protocol::validate_reply_with(&q, &rep, &Policy::REAL_WORLD);
                assert!(
                    v.is_empty(),
                    "{} frame {}: {:?}",
                    name(&f),
                    d.frame,
                    v.iter().map(ToString::to_string).collect::<Vec<_>>()
                );
                let want = reply_destination(&q, &rep).socket_addr();
                let got = d.destination.unwrap();
                if got != want {
                    broadcast_instead_of_unicast.push((
                        name(&f),
                        d.frame,
                        want.to_string(),
                        got.to_string(),
                    ));
                }
            }
        }
        assert_eq!(pairs, 96);
        assert_eq!(not_echoed, 56);
        // Real servers agree with §4.1 except: busybox udhcpd broadcasts
        // where it could unicast to yiaddr/chaddr (§4.1 allows that), Kea
        // unicasts a NAK to ciaddr (where §4.1 says broadcast), and ISC
        // dhcrelay relays a LEASEUNKNOWN to 0.0.0.0 (README).
        let odd: Vec<_> = broadcast_instead_of_unicast
            .iter()
            .map(|(f, fr, want, got)| format!("{f}#{fr} {want} {got}"))
            .collect();
        assert_eq!(
            odd,
            vec![
                "dhcping-kea-inform-request.pcap#4 255.255.255.255:68 10.99.24.60:68",
                "udhcpd-dhclient-dora-release.pcap#3 10.99.33.145:68 255.255.255.255:68",
                "udhcpd-dhclient-dora-release.pcap#5 10.99.33.145:68 255.255.255.255:68",
                "udhcpd-dhclient-dora-release.pcap#6 10.99.33.145:68 255.255.255.255:68",
                "udhcpd-dhcpcd-dora-release.pcap#2 10.99.30.103:68 255.255.255.255:68",
                "udhcpd-dhcpcd-dora-release.pcap#4 10.99.30.103:68 255.255.255.255:68",
                "udhcpd-udhcpc-decline.pcap#2 10.99.5.120:68 255.255.255.255:68",
                "udhcpd-udhcpc-decline.pcap#4 10.99.5.120:68 255.255.255.255:68",
                "udhcpd-udhcpc-decline.pcap#7 10.99.5.120:68 255.255.255.255:68",
                "udhcpd-udhcpc-decline.pcap#9 10.99.5.120:68 255.255.255.255:68",
            ],
        );
    }

    #[test]
    fn request_kinds_in_the_corpus() {
        let mut kinds: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in [
            "iscdhcpd-dhclient-renew-rebind-release.pcap",
            "iscdhcpd-dhclient-initreboot-nak.pcap",
        ] {
            let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("testdata/corpus")
                .join(f);
            for d in datagrams(&p) {
                let m = Message::parse(&d.payload).unwrap();
                if let Some(k) = request_kind(&m) {
                    let dest = if d.destination.unwrap().ip().is_broadcast() {
                        "bcast"
                    } else {
                        "ucast"
                    };
                    kinds
                        .entry(f.into())
                        .or_default()
                        .push(format!("{k:?}/{dest}"));
                }
            }
        }
        // INIT-REBOOT is broadcast, NAKed, and the client starts over.
        assert_eq!(
            kinds["iscdhcpd-dhclient-initreboot-nak.pcap"],
            ["InitReboot/bcast", "Selecting/bcast"]
        );
        // One SELECTING, 11 RENEWING (unicast to the server), then 2
        // REBINDING (broadcast, RFC 2131 §4.4.5) once the server is gone.
        let mut expected = vec!["Selecting/bcast"];
        expected.extend(["RenewingOrRebinding/ucast"; 11]);
        expected.extend(["RenewingOrRebinding/bcast"; 2]);
        assert_eq!(
            kinds["iscdhcpd-dhclient-renew-rebind-release.pcap"],
            expected
        );
    }
}

/// Regression (review): a second `lease_time` call used to update the
/// check but not the packet.
#[test]
fn reply_lease_setters_replace_the_written_value() {
    let mut req = [0u8; 400];
    let n = discover(&mut req, None, false);
    let request = Message::parse(&req[..n]).unwrap();
    let mut buf = [0u8; 600];
    let len = dhcpwire::protocol::Reply::offer(&request, &mut buf)
        .unwrap()
        .yiaddr(Ipv4Addr::new(192, 168, 1, 100))
        .server_identifier(Ipv4Addr::new(192, 168, 1, 1))
        .lease_time(100)
        .lease_time(10_000)
        .renewal_time(5_000)
        .rebinding_time(8_000)
        .finish()
        .unwrap();
    let offer = Message::parse(&buf[..len]).unwrap();
    assert_eq!(offer.lease_time(), Some(10_000));
    assert_eq!(
        offer
            .options()
            .filter(|o| o.unwrap().code == OptionCode::LEASE_TIME)
            .count(),
        1
    );
}

/// A Table 5 row: kind, type, ciaddr, option 50, option 54, request kind.
type Row = (
    ClientKind,
    MessageType,
    Ipv4Addr,
    Option<Ipv4Addr>,
    Option<Ipv4Addr>,
    Option<RequestKind>,
);

/// `ClientKind::build`: each Table 5 message in one line, with exactly the
/// `ciaddr`, option 50, option 54 and destination of its row, and no
/// violation.
#[test]
fn client_kinds_build_each_table_5_message_in_one_line() {
    let client = YI;
    let server = SID;
    let rows: [Row; 8] = [
        (
            ClientKind::Discover,
            MessageType::Discover,
            Ipv4Addr::UNSPECIFIED,
            None,
            None,
            None,
        ),
        (
            ClientKind::Selecting,
            MessageType::Request,
            Ipv4Addr::UNSPECIFIED,
            Some(client),
            Some(server),
            Some(RequestKind::Selecting),
        ),
        (
            ClientKind::InitReboot,
            MessageType::Request,
            Ipv4Addr::UNSPECIFIED,
            Some(client),
            None,
            Some(RequestKind::InitReboot),
        ),
        (
            ClientKind::Renewing,
            MessageType::Request,
            client,
            None,
            None,
            Some(RequestKind::RenewingOrRebinding),
        ),
        (
            ClientKind::Rebinding,
            MessageType::Request,
            client,
            None,
            None,
            Some(RequestKind::RenewingOrRebinding),
        ),
        (
            ClientKind::Decline,
            MessageType::Decline,
            Ipv4Addr::UNSPECIFIED,
            Some(client),
            Some(server),
            None,
        ),
        (
            ClientKind::Release,
            MessageType::Release,
            client,
            None,
            Some(server),
            None,
        ),
        (
            ClientKind::Inform,
            MessageType::Inform,
            client,
            None,
            None,
            None,
        ),
    ];
    assert_eq!(rows.map(|r| r.0), ClientKind::ALL);
    for (kind, t, ciaddr, requested, server_id, request) in rows {
        let mut buf = [0u8; 576];
        let msg = kind
            .build(&mut buf, 0x0a00_0001, &CHADDR, client, server)
            .unwrap();
        assert_eq!(kind.message_type(), t);
        assert_eq!(msg.message_type().unwrap(), Some(t), "{kind:?}");
        assert_eq!(msg.op(), Op::BootRequest);
        assert_eq!(msg.xid(), 0x0a00_0001);
        assert_eq!(msg.chaddr().unwrap(), &CHADDR[..]);
        assert_eq!(msg.ciaddr(), ciaddr, "{kind:?}");
        assert_eq!(msg.requested_ip(), requested, "{kind:?}");
        assert_eq!(msg.server_identifier(), server_id, "{kind:?}");
        assert_eq!(request_kind(&msg), request, "{kind:?}");
        assert!(validate(&msg).is_empty(), "{kind:?}: {:?}", summary(&msg));
        assert_eq!(
            kind.request_state(client, server).is_some(),
            t == MessageType::Request
        );
    }
    assert_eq!(
        ClientKind::Renewing.request_state(client, server),
        Some(RequestState::Renewing {
            ciaddr: client,
            server
        })
    );
}
