//! Validation against RFC 2131 Tables 3 and 5 and the RFC 2132 formats.

use super::formats::{ValueRule, format_of};

use super::policy::Policy;
use super::timers::timers_ordered;
use super::violation::{Rule, Subject, Violation, Violations};
use super::{
    SEC_CLIENT_ID, SEC_FLAGS, SEC_INFORM, SEC_NAK, SEC_OPTIONS, SEC_RELAY, SEC_REQUEST, SEC_TIMERS,
    TABLE3, TABLE5,
};
use crate::code::{MessageType, OptionCode};
use crate::header::Field;
use crate::header::Op;
use crate::message::{Message, OptionIndex};
use crate::options::OptionValue;

/// What a DHCPREQUEST is, judged from its fields (RFC 2131 §4.3.2).
///
/// RENEWING and REBINDING look the same on the wire (ciaddr set, no 50/54);
/// only the destination differs (unicast to the server vs broadcast).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// Option 54 present: the client answers a DHCPOFFER.
    Selecting,
    /// No 54, ciaddr 0: the client verifies a remembered address (option 50).
    InitReboot,
    /// No 54, ciaddr set: the client extends its lease.
    RenewingOrRebinding,
}

/// Classifies a DHCPREQUEST; `None` for other messages.
pub fn request_kind(msg: &Message<'_>) -> Option<RequestKind> {
    if msg.message_type().ok()? != Some(MessageType::Request) {
        return None;
    }
    let has54 = msg
        .option(OptionCode::SERVER_IDENTIFIER)
        .ok()
        .flatten()
        .is_some();
    Some(if has54 {
        RequestKind::Selecting
    } else if msg.ciaddr().is_unspecified() {
        RequestKind::InitReboot
    } else {
        RequestKind::RenewingOrRebinding
    })
}

/// Every violation in `msg`, in a fixed-capacity list, nothing left out
/// ([`Policy::STRICT`]). See [`for_each_violation`] for what is checked.
pub fn validate(msg: &Message<'_>) -> Violations {
    validate_with(msg, &Policy::STRICT)
}

/// [`validate`] leaving out what `policy` allows.
pub fn validate_with(msg: &Message<'_>, policy: &Policy) -> Violations {
    let mut out = Violations::default();
    for_each_violation(msg, |v| {
        if policy.allowed(&v, msg).is_none() {
            out.push(v);
        }
    });
    out
}

/// Every violation in `msg`, as a vector. Requires feature `alloc`
/// ([`for_each_violation`] does not allocate).
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub fn validate_vec(msg: &Message<'_>) -> alloc::vec::Vec<Violation> {
    let mut out = alloc::vec::Vec::new();
    for_each_violation(msg, |v| out.push(v));
    out
}

/// Calls `f` for every violation in `msg`:
///
/// - the options must walk (RFC 2132 §2, RFC 3396); otherwise a single
///   [`Rule::Malformed`] is reported and nothing else is checked;
/// - RFC 2132 formats of options 1–76: fixed lengths, minimum lengths,
///   lists of 4-byte addresses and 8-byte pairs, booleans, 57 ≥ 576, ...
///   (on the value joined per RFC 3396);
/// - the reserved bits of `flags` are zero (RFC 2131 §2), `hlen` ≤ 16;
/// - T1 < T2 < lease when options 58, 59, 51 are given (RFC 2131 §4.4.5;
///   SHOULD: the RFC implies the order through the client's states);
/// - for DHCP messages 1–8, the `op` and the fields and options of
///   Table 3 (DHCPOFFER, DHCPACK, DHCPNAK) and Table 5 (DHCPDISCOVER,
///   DHCPREQUEST per state, DHCPDECLINE, DHCPRELEASE, DHCPINFORM), and the
///   broadcast bit of a relayed DHCPNAK (§4.3.2).
///
/// Deliberate readings:
/// - `giaddr` and `hops` in a client message are set by relays
///   (RFC 1542 §4.1.1): not reported, except `hops` ≠ 0 with `giaddr` 0.
/// - A DHCPACK with `yiaddr` 0 is taken as the answer to a DHCPINFORM
///   (§4.3.5): option 51 must not be in it; with `yiaddr` set it answers a
///   DHCPREQUEST and needs 51.
/// - Option 61 in DHCPOFFER/DHCPACK is allowed: RFC 6842 §3 updates Table 3
///   and makes servers echo it.
/// - Option 82 is allowed everywhere: relays add it and servers echo it
///   (RFC 3046 §2.1, §2.2).
/// - Table 3 and 5 say SHOULD for option 56 (Message) in replies, DECLINE and
///   RELEASE, meaning it should carry the reason when there is one; its
///   absence is not reported. Its presence where Table 5 says SHOULD NOT
///   (DISCOVER, REQUEST, INFORM) is.
/// - Fields the tables fix to a value (e.g. `hops` 0, `yiaddr` 0 in client
///   messages) are reported as MUST.
pub fn for_each_violation(msg: &Message<'_>, mut f: impl FnMut(Violation)) {
    check(msg, &mut f);
}

/// What the rules need to know of one option code, read from the index.
#[derive(Debug, Clone, Copy, Default)]
struct CodeSeen {
    /// All fragments together (RFC 3396).
    len: usize,
    /// The first four bytes of the joined value.
    head: [u8; 4],
}

/// The options of one message as the rules read them: its index.
struct Seen<'i, 'a>(&'i OptionIndex<'a>);

impl Seen<'_, '_> {
    fn get(&self, code: OptionCode) -> CodeSeen {
        let Some(value) = self.0.get(code) else {
            return CodeSeen::default();
        };
        let mut head = [0u8; 4];
        for (slot, b) in head.iter_mut().zip(value.joined().bytes()) {
            *slot = b;
        }
        CodeSeen {
            len: value.len(),
            head,
        }
    }

    fn has(&self, code: OptionCode) -> bool {
        self.0.contains(code)
    }

    /// The codes present, in code order.
    fn codes(&self) -> impl Iterator<Item = (OptionCode, CodeSeen)> + '_ {
        (1..=254u8)
            .map(OptionCode)
            .filter(|&code| self.has(code))
            .map(|code| (code, self.get(code)))
    }

    /// Whether a list of two-byte items (option 25) holds one below `min`.
    fn u16_below(&self, code: OptionCode, min: u16) -> bool {
        let Some(value) = self.0.get(code) else {
            return false;
        };
        let mut bytes = value.joined().bytes();
        while let (Some(a), Some(b)) = (bytes.next(), bytes.next()) {
            if u16::from_be_bytes([a, b]) < min {
                return true;
            }
        }
        false
    }

    /// The joined value when it is exactly `N` bytes (`N` ≤ 4).
    fn exact<const N: usize>(&self, code: OptionCode) -> Option<[u8; N]> {
        let entry = self.get(code);
        if entry.len != N {
            return None;
        }
        entry.head.first_chunk::<N>().copied()
    }

    fn u32(&self, code: OptionCode) -> Option<u32> {
        self.exact::<4>(code).map(u32::from_be_bytes)
    }

    /// Option 53 as [`Message::message_type`] reads it (`None` for a value
    /// that is not one byte).
    fn message_type(&self) -> Option<MessageType> {
        self.exact::<1>(OptionCode::MESSAGE_TYPE)
            .map(|[t]| MessageType::from(t))
    }

    /// [`request_kind`] of a DHCPREQUEST.
    fn request_kind(&self, msg: &Message<'_>) -> RequestKind {
        if self.has(OptionCode::SERVER_IDENTIFIER) {
            RequestKind::Selecting
        } else if msg.ciaddr().is_unspecified() {
            RequestKind::InitReboot
        } else {
            RequestKind::RenewingOrRebinding
        }
    }
}

fn check(msg: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    if msg.cookie().is_err() {
        // Plain BOOTP (RFC 951): no DHCP rules apply.
        return;
    }
    match msg.index() {
        Ok(index) => check_indexed(msg, &index, f),
        Err(e) => f(Violation::must(
            Rule::Malformed(e),
            Subject::Field(Field::Op),
            SEC_OPTIONS,
        )),
    }
}

/// Every rule on a message that walks, read from its index.
fn check_indexed(msg: &Message<'_>, index: &OptionIndex<'_>, f: &mut dyn FnMut(Violation)) {
    let seen = Seen(index);
    // A bad option 53 is reported by the length rules.
    let mtype = seen.message_type();
    let mut sink = |mut v: Violation| {
        v.message_type = mtype;
        f(v);
    };
    check_formats(&seen, &mut sink);
    check_header(msg, &mut sink);
    check_timers(&seen, &mut sink);
    match mtype {
        Some(
            t @ (MessageType::Discover
            | MessageType::Request
            | MessageType::Decline
            | MessageType::Release
            | MessageType::Inform),
        ) => check_client(msg, t, &seen, &mut sink),
        Some(t @ (MessageType::Offer | MessageType::Ack | MessageType::Nak)) => {
            check_server(msg, t, &seen, &mut sink)
        }
        _ => {}
    }
}

fn check_formats(seen: &Seen<'_, '_>, f: &mut dyn FnMut(Violation)) {
    for (code, entry) in seen.codes() {
        let Some((length, value, section)) = format_of(code) else {
            continue;
        };
        let subject = Subject::Option(code);
        if !length.allows(entry.len) {
            f(Violation::must(
                Rule::Length {
                    len: entry.len,
                    expected: length.describe(),
                },
                subject,
                section,
            ));
            continue;
        }
        let bad = |expected| Violation::must(Rule::Value { expected }, subject, section);
        let [b0, b1, ..] = entry.head;
        let broken = match value {
            None => None,
            Some(ValueRule::Bool) => (b0 > 1).then_some("0 or 1"),
            Some(ValueRule::U8Min(min, expected)) => (b0 < min).then_some(expected),
            Some(ValueRule::U16Min(min, expected)) => {
                (u16::from_be_bytes([b0, b1]) < min).then_some(expected)
            }
            Some(ValueRule::OneOf(allowed, expected)) => {
                (!allowed.contains(&b0)).then_some(expected)
            }
            Some(ValueRule::U16ListMin(min, expected)) => {
                seen.u16_below(code, min).then_some(expected)
            }
        };
        if let Some(expected) = broken {
            f(bad(expected));
        }
    }
}

fn check_header(msg: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    if msg.flags().reserved() != 0 {
        f(Violation::must(
            Rule::Value {
                expected: "reserved bits zero",
            },
            Subject::Field(Field::Flags),
            SEC_FLAGS,
        ));
    }
    if msg.hlen > 16 {
        f(Violation::must(
            Rule::Value {
                expected: "at most 16",
            },
            Subject::Field(Field::Hlen),
            SEC_FLAGS,
        ));
    }
}

fn check_timers(seen: &Seen<'_, '_>, f: &mut dyn FnMut(Violation)) {
    let t1 = seen.u32(OptionCode::RENEWAL_TIME);
    let t2 = seen.u32(OptionCode::REBINDING_TIME);
    let lease = seen.u32(OptionCode::LEASE_TIME);
    if !timers_ordered(t1, t2, lease) {
        let subject = match (t1, t2) {
            (_, Some(_)) => OptionCode::REBINDING_TIME,
            _ => OptionCode::RENEWAL_TIME,
        };
        f(Violation::should(
            Rule::TimerOrder { t1, t2, lease },
            Subject::Option(subject),
            SEC_TIMERS,
        ));
    }
}

fn check_client(
    msg: &Message<'_>,
    t: MessageType,
    seen: &Seen<'_, '_>,
    f: &mut dyn FnMut(Violation),
) {
    let field = |x| Subject::Field(x);
    let opt = |c| Subject::Option(c);
    let must_not = |s| Violation::must(Rule::NotAllowed, s, TABLE5);
    let missing = |s| Violation::must(Rule::Missing, s, TABLE5);
    if msg.op() != Op::BootRequest {
        f(Violation::must(
            Rule::WrongOp {
                expected: Op::BootRequest,
            },
            field(Field::Op),
            TABLE5,
        ));
    }
    // hops and giaddr belong to relays (RFC 1542 §4.1.1).
    if msg.hops != 0 && msg.giaddr().is_unspecified() {
        f(must_not(field(Field::Hops)));
    }
    if !msg.yiaddr().is_unspecified() {
        f(must_not(field(Field::Yiaddr)));
    }
    if !msg.siaddr().is_unspecified() {
        f(must_not(field(Field::Siaddr)));
    }
    let ciaddr_set = !msg.ciaddr().is_unspecified();
    let has = |c| seen.has(c);
    let (c50, c51, c54) = (
        OptionCode::REQUESTED_IP_ADDRESS,
        OptionCode::LEASE_TIME,
        OptionCode::SERVER_IDENTIFIER,
    );
    match t {
        MessageType::Discover => {
            if ciaddr_set {
                f(must_not(field(Field::Ciaddr)));
            }
            if has(c54) {
                f(must_not(opt(c54)));
            }
        }
        MessageType::Inform => {
            if !ciaddr_set {
                f(missing(field(Field::Ciaddr)));
            }
            for c in [c50, c51, c54] {
                if has(c) {
                    f(must_not(opt(c)));
                }
            }
        }
        MessageType::Request => match seen.request_kind(msg) {
            RequestKind::Selecting => {
                if !has(c50) {
                    f(missing(opt(c50)));
                }
                if ciaddr_set {
                    f(Violation::must(
                        Rule::NotAllowed,
                        field(Field::Ciaddr),
                        SEC_REQUEST,
                    ));
                }
            }
            RequestKind::InitReboot => {
                if !has(c50) {
                    f(missing(opt(c50)));
                }
            }
            RequestKind::RenewingOrRebinding => {
                if has(c50) {
                    f(must_not(opt(c50)));
                }
            }
        },
        MessageType::Decline | MessageType::Release => {
            let decline = t == MessageType::Decline;
            if msg.secs() != 0 {
                f(must_not(field(Field::Secs)));
            }
            if msg.flags().0 != 0 {
                f(must_not(field(Field::Flags)));
            }
            if decline && ciaddr_set {
                f(must_not(field(Field::Ciaddr)));
            }
            if !decline && !ciaddr_set {
                f(missing(field(Field::Ciaddr)));
            }
            if decline && !has(c50) {
                f(missing(opt(c50)));
            }
            if !has(c54) {
                f(missing(opt(c54)));
            }
            // "All others MUST NOT": what Table 5 lets through, plus 82
            // from relays (RFC 3046) and 52 ("use file/sname: MAY").
            for (code, _) in seen.codes() {
                let allowed =
                    matches!(code.0, 52 | 53 | 54 | 56 | 61 | 82) || (decline && code.0 == 50);
                if !allowed {
                    f(must_not(opt(code)));
                }
            }
        }
        _ => {}
    }
    if matches!(
        t,
        MessageType::Discover | MessageType::Request | MessageType::Inform
    ) && has(OptionCode::MESSAGE)
    {
        f(Violation::should(
            Rule::NotAllowed,
            opt(OptionCode::MESSAGE),
            TABLE5,
        ));
    }
}

fn check_server(
    msg: &Message<'_>,
    t: MessageType,
    seen: &Seen<'_, '_>,
    f: &mut dyn FnMut(Violation),
) {
    let field = |x| Subject::Field(x);
    let opt = |c| Subject::Option(c);
    let must_not = |s| Violation::must(Rule::NotAllowed, s, TABLE3);
    let missing = |s| Violation::must(Rule::Missing, s, TABLE3);
    let has = |c| seen.has(c);
    if msg.op() != Op::BootReply {
        f(Violation::must(
            Rule::WrongOp {
                expected: Op::BootReply,
            },
            field(Field::Op),
            TABLE3,
        ));
    }
    if msg.hops != 0 {
        f(must_not(field(Field::Hops)));
    }
    if msg.secs() != 0 {
        f(must_not(field(Field::Secs)));
    }
    if !has(OptionCode::SERVER_IDENTIFIER) {
        f(missing(opt(OptionCode::SERVER_IDENTIFIER)));
    }
    for c in [
        OptionCode::REQUESTED_IP_ADDRESS,
        OptionCode::PARAMETER_REQUEST_LIST,
        OptionCode::MAX_MESSAGE_SIZE,
    ] {
        if has(c) && t != MessageType::Nak {
            f(must_not(opt(c)));
        }
    }
    let yiaddr_set = !msg.yiaddr().is_unspecified();
    match t {
        MessageType::Offer => {
            if !msg.ciaddr().is_unspecified() {
                f(must_not(field(Field::Ciaddr)));
            }
            if !yiaddr_set {
                f(missing(field(Field::Yiaddr)));
            }
            if !has(OptionCode::LEASE_TIME) {
                f(missing(opt(OptionCode::LEASE_TIME)));
            }
        }
        MessageType::Ack => {
            if yiaddr_set {
                if !has(OptionCode::LEASE_TIME) {
                    f(missing(opt(OptionCode::LEASE_TIME)));
                }
            } else if has(OptionCode::LEASE_TIME) {
                // An ACK without an address answers a DHCPINFORM.
                f(Violation::must(
                    Rule::NotAllowed,
                    opt(OptionCode::LEASE_TIME),
                    SEC_INFORM,
                ));
            }
        }
        MessageType::Nak => {
            for x in [Field::Ciaddr, Field::Yiaddr, Field::Siaddr] {
                let addr = match x {
                    Field::Ciaddr => msg.ciaddr(),
                    Field::Yiaddr => msg.yiaddr(),
                    _ => msg.siaddr(),
                };
                if !addr.is_unspecified() {
                    f(must_not(field(x)));
                }
            }
            if has(OptionCode::OVERLOAD) {
                // "Use 'file'/'sname' fields: MUST NOT" (and 52 is "all others").
                f(must_not(opt(OptionCode::OVERLOAD)));
            } else {
                for (x, bytes) in [
                    (Field::Sname, msg.sname_bytes()),
                    (Field::File, msg.file_bytes()),
                ] {
                    if !bytes.is_empty() {
                        f(Violation::should(Rule::NotAllowed, field(x), TABLE3));
                    }
                }
            }
            for (code, _) in seen.codes() {
                let allowed = matches!(code.0, 52 | 53 | 54 | 56 | 60 | 61 | 82);
                if !allowed {
                    f(must_not(opt(code)));
                }
            }
            if !msg.giaddr().is_unspecified() && !msg.flags().broadcast() {
                f(Violation::must(
                    Rule::Value {
                        expected: "broadcast bit set in a DHCPNAK sent through a relay",
                    },
                    field(Field::Flags),
                    SEC_NAK,
                ));
            }
        }
        _ => {}
    }
}

/// [`validate`] on `reply`, plus what it must take from `request`
/// (RFC 2131 Table 3): the reply type answers the request type (OFFER to
/// DISCOVER, ACK/NAK to REQUEST, ACK to INFORM), `xid`, `htype`, `hlen`,
/// `chaddr`, `giaddr` and the broadcast bit are copied (a NAK may add the broadcast
/// bit, §4.3.2; an ACK may answer a DISCOVER when both carry option 80,
/// RFC 4039 rapid commit), `ciaddr` in an ACK is the request's or 0, an
/// ACK to a DHCPINFORM has no option 51 (§4.3.5), option 61 is echoed
/// unchanged when the request's is well-formed (RFC 6842 §3), and option
/// 82 when the request came through a relay (RFC 3046 §2.2; `giaddr` set).
/// Only the broadcast bit of `flags` and the first `hlen` bytes of
/// `chaddr` are compared: the rest carry nothing a reply copies.
pub fn validate_reply(request: &Message<'_>, reply: &Message<'_>) -> Violations {
    validate_reply_with(request, reply, &Policy::STRICT)
}

/// [`validate_reply`] leaving out what `policy` allows.
pub fn validate_reply_with(
    request: &Message<'_>,
    reply: &Message<'_>,
    policy: &Policy,
) -> Violations {
    let mut out = Violations::default();
    let mut keep = |v: Violation| {
        if policy.allowed(&v, reply).is_none() {
            out.push(v);
        }
    };
    // Each message is walked once: its index serves every rule.
    let request_index = request.index().ok();
    if reply.cookie().is_ok() {
        match reply.index() {
            Ok(reply_index) => {
                check_indexed(reply, &reply_index, &mut keep);
                check_reply_pair(
                    request,
                    request_index.as_ref(),
                    reply,
                    Some(&reply_index),
                    &mut keep,
                );
            }
            Err(e) => {
                keep(Violation::must(
                    Rule::Malformed(e),
                    Subject::Field(Field::Op),
                    SEC_OPTIONS,
                ));
                check_reply_pair(request, request_index.as_ref(), reply, None, &mut keep);
            }
        }
    } else {
        check_reply_pair(request, request_index.as_ref(), reply, None, &mut keep);
    }
    out
}

fn same_value(a: Option<OptionValue<'_>>, b: Option<OptionValue<'_>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.joined() == b.joined(),
        _ => false,
    }
}

/// `code` in a message's index, when it has one.
fn value_in<'a>(index: Option<&OptionIndex<'a>>, code: OptionCode) -> Option<OptionValue<'a>> {
    index.and_then(|i| i.get(code))
}

fn check_reply_pair(
    request: &Message<'_>,
    request_index: Option<&OptionIndex<'_>>,
    reply: &Message<'_>,
    reply_index: Option<&OptionIndex<'_>>,
    f: &mut dyn FnMut(Violation),
) {
    let rtype = reply_index.and_then(|i| i.message_type().ok().flatten());
    let qtype = request_index.and_then(|i| i.message_type().ok().flatten());
    let mut sink = |mut v: Violation| {
        v.message_type = rtype;
        f(v);
    };
    let not_copied = |x| Violation::must(Rule::NotCopied, Subject::Field(x), TABLE3);
    let Some(rt @ (MessageType::Offer | MessageType::Ack | MessageType::Nak)) = rtype else {
        // Table 3 covers OFFER, ACK and NAK only.
        return;
    };
    if let Some(q) = qtype {
        let rapid_commit = |i| value_in(i, OptionCode::RAPID_COMMIT).is_some();
        let fits = matches!(
            (q, rt),
            (MessageType::Discover, MessageType::Offer)
                | (MessageType::Request, MessageType::Ack | MessageType::Nak)
                | (MessageType::Inform, MessageType::Ack)
        ) || (q == MessageType::Discover
            && rt == MessageType::Ack
            && rapid_commit(request_index)
            && rapid_commit(reply_index));
        if !fits {
            sink(Violation::must(
                Rule::WrongReplyType { request: q },
                Subject::Option(OptionCode::MESSAGE_TYPE),
                TABLE3,
            ));
        }
    }
    let (q, r) = (request.header(), reply.header());
    if q.xid != r.xid {
        sink(not_copied(Field::Xid));
    }
    if q.htype != r.htype {
        sink(not_copied(Field::Htype));
    }
    if q.hlen != r.hlen {
        sink(not_copied(Field::Hlen));
    }
    // Only the first hlen bytes of chaddr carry the address (RFC 2131 §2).
    if q.chaddr_lossy() != r.chaddr.get(..q.chaddr_lossy().len()).unwrap_or(&r.chaddr) {
        sink(not_copied(Field::Chaddr));
    }
    if q.giaddr != r.giaddr {
        sink(not_copied(Field::Giaddr));
    }
    // Only the broadcast bit is copied: the reserved bits are zero in
    // what a server sends (RFC 2131 §2, checked by validate), whatever the
    // request had. A NAK is broadcast (§4.3.2): servers set the bit
    // whether relayed or not.
    let flags_ok = rt == MessageType::Nak || q.flags().broadcast() == r.flags().broadcast();
    if !flags_ok {
        sink(not_copied(Field::Flags));
    }
    if rtype == Some(MessageType::Ack)
        && !reply.ciaddr().is_unspecified()
        && reply.ciaddr() != request.ciaddr()
    {
        sink(not_copied(Field::Ciaddr));
    }
    if rtype == Some(MessageType::Ack)
        && qtype == Some(MessageType::Inform)
        && !reply.yiaddr().is_unspecified()
    {
        // §4.3.5: "SHOULD NOT fill in 'yiaddr'"; the lease time is checked
        // by validate() once yiaddr is 0.
        sink(Violation::should(
            Rule::NotAllowed,
            Subject::Field(Field::Yiaddr),
            SEC_INFORM,
        ));
        if value_in(reply_index, OptionCode::LEASE_TIME).is_some() {
            sink(Violation::must(
                Rule::NotAllowed,
                Subject::Option(OptionCode::LEASE_TIME),
                SEC_INFORM,
            ));
        }
    }
    // Echoes only between two messages that walk (the reply does: it has
    // a type).
    let (Some(request_index), Some(reply_index)) = (request_index, reply_index) else {
        return;
    };
    for (code, section) in [
        (OptionCode::CLIENT_IDENTIFIER, SEC_CLIENT_ID),
        (OptionCode::RELAY_AGENT_INFORMATION, SEC_RELAY),
    ] {
        let requested = request_index.get(code);
        let must_echo = match requested {
            None => false,
            // A client identifier under 2 bytes is malformed (RFC 2132
            // §9.14): echoing it would make the reply malformed.
            Some(value) if code == OptionCode::CLIENT_IDENTIFIER => value.len() >= 2,
            // RFC 3046 §2.2 echoes what a relay added; with giaddr 0 no
            // relay did (§2.1 discards 82 from untrusted circuits), so a
            // server may leave it out.
            Some(_) => !q.giaddr().is_unspecified(),
        };
        if must_echo && !same_value(requested, reply_index.get(code)) {
            sink(Violation::must(
                Rule::NotCopied,
                Subject::Option(code),
                section,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::walks;
    use crate::protocol::{ClientMessage, Reply, RequestState, validate_reply};
    use core::net::Ipv4Addr;

    #[test]
    fn validate_walks_a_message_once() {
        let mut q = [0u8; 576];
        let state = RequestState::Selecting {
            server_identifier: Ipv4Addr::new(10, 0, 0, 1),
            requested: Ipv4Addr::new(10, 0, 0, 9),
        };
        let n = ClientMessage::request(&mut q, 7, &[2, 0, 0, 0, 0, 1], state)
            .unwrap()
            .host_name(b"laptop")
            .client_identifier(1, &[2, 0, 0, 0, 0, 1])
            .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
            .finish()
            .unwrap();
        let request = Message::parse(&q[..n]).unwrap();
        let mut a = [0u8; 576];
        let n = Reply::ack(&request, &mut a)
            .unwrap()
            .yiaddr(Ipv4Addr::new(10, 0, 0, 9))
            .server_identifier(Ipv4Addr::new(10, 0, 0, 1))
            .lease_time(3600)
            .renewal_time(1800)
            .rebinding_time(3150)
            .subnet_mask(Ipv4Addr::new(255, 255, 255, 0))
            .finish()
            .unwrap();
        let ack = Message::parse(&a[..n]).unwrap();
        for msg in [request, ack] {
            let mut found = Violations::default();
            assert_eq!(walks::during(|| found = validate(&msg)), 1);
            assert!(found.is_empty(), "{found:?}");
        }
        // A reply against its request: each message walked once.
        let mut found = Violations::default();
        assert_eq!(walks::during(|| found = validate_reply(&request, &ack)), 2);
        assert!(found.is_empty(), "{found:?}");
    }
}
