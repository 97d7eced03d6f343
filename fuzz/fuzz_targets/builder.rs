//! Build a message from structured input with `MessageBuilder`, parse it
//! back and check that the header and every option's RFC 3396 joined value
//! come back as given; a `BufferTooSmall { needed, .. }` must mean that a
//! buffer of `needed` bytes works.

#![no_main]

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use arbitrary::{Arbitrary, Unstructured};
use dhcpwire::{Error, Flags, Message, MessageBuilder, Op, OptionCode};
use libfuzzer_sys::fuzz_target;

const MAX_VALUE: usize = 600;
const MAX_BUF: usize = 2000;
const MAX_MIN_LEN: usize = 2100;

#[derive(Debug)]
struct Opt {
    /// 1..=254: PAD and END carry no value.
    code: u8,
    /// Up to 600 bytes: longer than 255 is split into fragments.
    value: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Opt {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let code = u.int_in_range(1..=254)?;
        let len = u.int_in_range(0..=MAX_VALUE)?;
        let len = len.min(u.len());
        let value = u.bytes(len)?.to_vec();
        Ok(Opt { code, value })
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    op: Op,
    htype: u8,
    hops: u8,
    xid: u32,
    secs: u16,
    flags: Flags,
    ciaddr: [u8; 4],
    yiaddr: [u8; 4],
    siaddr: [u8; 4],
    giaddr: [u8; 4],
    /// More than 16 bytes is a `FieldTooLong`.
    chaddr: Vec<u8>,
    sname: Option<Vec<u8>>,
    file: Option<Vec<u8>>,
    options: Vec<Opt>,
    min_len: u16,
    buf_len: u16,
}

/// Builds `input` into `buf`.
fn build(input: &Input, buf: &mut [u8]) -> Result<usize, Error> {
    let mut b = MessageBuilder::new(buf)?;
    b.op(input.op)
        .htype(input.htype)
        .hops(input.hops)
        .xid(input.xid)
        .secs(input.secs)
        .flags(input.flags)
        .ciaddr(Ipv4Addr::from(input.ciaddr))
        .yiaddr(Ipv4Addr::from(input.yiaddr))
        .siaddr(Ipv4Addr::from(input.siaddr))
        .giaddr(Ipv4Addr::from(input.giaddr))
        .chaddr(&input.chaddr)
        .min_len(usize::from(input.min_len) % (MAX_MIN_LEN + 1));
    if let Some(s) = &input.sname {
        b.sname(s);
    }
    if let Some(f) = &input.file {
        b.file(f);
    }
    for o in &input.options {
        b.option(OptionCode(o.code), &o.value);
    }
    b.finish()
}

fn field_matches(field: &[u8], given: &[u8]) -> bool {
    field.starts_with(given) && field[given.len()..].iter().all(|&b| b == 0)
}

fn check(input: &Input, bytes: &[u8]) {
    let msg = Message::parse(bytes).expect("built message parses");
    assert!(msg.is_dhcp());
    let min_len = usize::from(input.min_len) % (MAX_MIN_LEN + 1);
    assert!(
        bytes.len() >= min_len.max(241),
        "length {} < min_len {min_len}",
        bytes.len()
    );
    let h = msg.header();
    assert_eq!(h.op, u8::from(input.op));
    assert_eq!(h.htype, input.htype);
    assert_eq!(usize::from(h.hlen), input.chaddr.len());
    assert_eq!(msg.chaddr().expect("hlen <= 16"), &input.chaddr[..]);
    assert_eq!(h.hops, input.hops);
    assert_eq!(msg.xid(), input.xid);
    assert_eq!(msg.secs(), input.secs);
    assert_eq!(msg.flags(), input.flags);
    assert_eq!(h.ciaddr, input.ciaddr);
    assert_eq!(h.yiaddr, input.yiaddr);
    assert_eq!(h.siaddr, input.siaddr);
    assert_eq!(h.giaddr, input.giaddr);
    assert!(field_matches(
        &h.sname,
        input.sname.as_deref().unwrap_or(&[])
    ));
    assert!(field_matches(&h.file, input.file.as_deref().unwrap_or(&[])));

    // Expected instances on the wire: each value split into <= 255-byte
    // fragments (an empty value is one empty instance).
    let mut expected: Vec<(u8, &[u8])> = Vec::new();
    for o in &input.options {
        if o.value.is_empty() {
            expected.push((o.code, &[]));
        }
        for chunk in o.value.chunks(255) {
            expected.push((o.code, chunk));
        }
    }
    let main: Vec<(u8, &[u8])> = msg
        .main_options()
        .expect("cookie")
        .map(|o| o.map(|o| (o.code.0, o.data)))
        .collect::<Result<_, _>>()
        .expect("main area walks");
    assert_eq!(main, expected, "main area instances");
    let mut tail = msg.main_options().expect("cookie");
    tail.finish().expect("main area walks");
    assert!(tail.end_offset().is_some(), "no END written");
    assert!(tail.trailing().expect("ended").iter().all(|&b| b == 0));

    // Option 52 (exactly once, value 1..=3) makes the walk read `file` and
    // `sname`, which then hold whatever names were given: the joined values
    // are only predictable without it.
    let overload = msg.overload().expect("main area walks");
    if overload.is_some() {
        let _ = msg.options().count();
        return;
    }
    let mut joined: BTreeMap<u8, Vec<u8>> = BTreeMap::new();
    for o in &input.options {
        joined
            .entry(o.code)
            .or_default()
            .extend_from_slice(&o.value);
    }
    for (code, value) in &joined {
        let v = msg
            .option(OptionCode(*code))
            .expect("message walks")
            .unwrap_or_else(|| panic!("option {code} missing"));
        assert_eq!(&v.to_vec(), value, "joined value of option {code}");
        assert_eq!(v.len(), value.len());
    }
    let absent = (1..=254u8).find(|c| !joined.contains_key(c));
    if let Some(c) = absent {
        assert!(msg.option(OptionCode(c)).expect("message walks").is_none());
    }
    if let Some(t) = joined.get(&53) {
        match msg.message_type() {
            Ok(Some(mt)) => assert_eq!(t, &[u8::from(mt)]),
            Ok(None) => panic!("message type missing"),
            Err(e) => assert_ne!(t.len(), 1, "message_type failed on a 1-byte value: {e:?}"),
        }
    }
}

fuzz_target!(|input: Input| {
    let buf_len = usize::from(input.buf_len) % (MAX_BUF + 1);
    let mut buf = vec![0xa5u8; buf_len];
    match build(&input, &mut buf) {
        Ok(n) => {
            assert!(n <= buf_len);
            assert!(input.chaddr.len() <= 16);
            check(&input, &buf[..n]);
        }
        Err(Error::BufferTooSmall { needed, available }) => {
            assert!(needed > available, "BufferTooSmall {needed} <= {available}");
            assert!(available <= buf_len);
            if buf_len < 240 {
                // `MessageBuilder::new` refused the buffer outright: it
                // only knows the 240 bytes of header and cookie.
                assert_eq!(needed, 240);
                return;
            }
            let mut exact = vec![0x5au8; needed];
            match build(&input, &mut exact) {
                Ok(n) => {
                    assert_eq!(n, needed, "built {n} bytes, BufferTooSmall said {needed}");
                    check(&input, &exact[..n]);
                }
                Err(e) => panic!("BufferTooSmall said {needed} bytes, but that fails: {e:?}"),
            }
        }
        Err(Error::FieldTooLong {
            field, len, max, ..
        }) => {
            assert!(len > max);
            let too_long = match field {
                "chaddr" => input.chaddr.len() > 16,
                "sname" => input.sname.as_ref().is_some_and(|s| s.len() > 64),
                "file" => input.file.as_ref().is_some_and(|s| s.len() > 128),
                other => panic!("FieldTooLong for unexpected field {other}"),
            };
            assert!(too_long, "FieldTooLong {field} {len} > {max}");
        }
        Err(e) => panic!("unexpected build error: {e:?}"),
    }
});
