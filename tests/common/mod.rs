//! Helpers shared by the test files: a header, the cookie and option bytes
//! built by hand so each test says exactly what is on the wire, typed
//! decoding at a fixed offset, and the errors the tests expect.
#![allow(dead_code)]

use std::net::Ipv4Addr;

use dhcpwire::{
    Area, Deviation, DeviationKind, DhcpOption, Error, Flags, MAGIC_COOKIE, Message,
    MessageBuilder, MessageType, Op, OptionCode, Overload, RawOption,
};

/// The joined value of an option (works without the `alloc` feature).
pub fn joined(value: &dhcpwire::OptionValue<'_>) -> Vec<u8> {
    value
        .fragments()
        .flat_map(|f| f.data.iter().copied())
        .collect()
}

/// Decodes a value whose option code byte sits at 240 (value at 242).
pub fn decode(code: u8, data: &[u8]) -> Result<DhcpOption<'_>, Error> {
    DhcpOption::decode(OptionCode(code), data, 240)
}

pub fn invalid_len(code: u8, offset: usize, len: usize, expected: &'static str) -> Error {
    Error::InvalidLength {
        code,
        offset,
        len,
        expected,
    }
}

pub fn invalid_value(code: u8, offset: usize, expected: &'static str) -> Error {
    Error::InvalidValue {
        code,
        offset,
        expected,
    }
}

/// `OptionOverrun` for option `code` (code byte at `offset`) in `area`.
pub fn overrun(code: u8, offset: usize, len: u8, available: usize, area: Area) -> Error {
    Error::OptionOverrun {
        code,
        offset,
        len,
        available,
        area,
    }
}

/// `SubOptionOverrun` for sub-option `sub_code` of option `code`.
pub fn sub_overrun(code: u8, sub_code: u8, offset: usize, len: u8, available: usize) -> Error {
    Error::SubOptionOverrun {
        code,
        sub_code,
        offset,
        len,
        available,
    }
}

pub const XID: u32 = 0x0a00_0001;
pub const MAC: [u8; 6] = [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a];
pub const FILE: usize = 108;
pub const SNAME: usize = 44;

/// A 236-byte BOOTREQUEST header: htype 1, hlen 6, xid 0x0a000001,
/// broadcast flag, giaddr 10.198.27.4, chaddr MAC.
pub fn header() -> Vec<u8> {
    let mut v = vec![0u8; 236];
    v[0] = 1;
    v[1] = 1;
    v[2] = 6;
    v[4..8].copy_from_slice(&XID.to_be_bytes());
    v[10] = 0x80;
    v[24..28].copy_from_slice(&[10, 198, 27, 4]);
    v[28..34].copy_from_slice(&MAC);
    v
}

/// Header + cookie + `opts`.
pub fn dhcp(opts: &[u8]) -> Vec<u8> {
    let mut v = header();
    v.extend_from_slice(&MAGIC_COOKIE);
    v.extend_from_slice(opts);
    v
}

/// Header + cookie + `value` as one-byte instances of option `code`
/// (RFC 3396), then END.
pub fn one_byte_fragments(code: u8, value: &[u8]) -> Vec<u8> {
    let mut opts = Vec::with_capacity(3 * value.len() + 1);
    for &b in value {
        opts.extend_from_slice(&[code, 1, b]);
    }
    opts.push(255);
    dhcp(&opts)
}

pub fn with_file(mut v: Vec<u8>, file: &[u8]) -> Vec<u8> {
    v[FILE..FILE + file.len()].copy_from_slice(file);
    v
}

pub fn with_sname(mut v: Vec<u8>, sname: &[u8]) -> Vec<u8> {
    v[SNAME..SNAME + sname.len()].copy_from_slice(sname);
    v
}

pub fn parse(bytes: &[u8]) -> Message<'_> {
    Message::parse(bytes).expect("header parses")
}

pub fn walk(bytes: &[u8]) -> Vec<Result<RawOption<'_>, Error>> {
    parse(bytes).options().collect()
}

pub fn ro(code: u8, data: &[u8], offset: usize, area: Area) -> RawOption<'_> {
    RawOption {
        code: OptionCode(code),
        data,
        offset,
        area,
    }
}

/// The deviations of `bytes` through `for_each_deviation`, checked to be
/// what `Message::deviations` (feature `alloc`) returns.
pub fn deviations(bytes: &[u8]) -> Result<Vec<Deviation>, Error> {
    let mut v = Vec::new();
    let found = parse(bytes).for_each_deviation(|d| v.push(d)).map(|()| v);
    #[cfg(feature = "alloc")]
    assert_eq!(parse(bytes).deviations(), found, "deviations()");
    found
}

pub fn dev(kind: DeviationKind, area: Area, offset: usize) -> Deviation {
    Deviation { kind, area, offset }
}

/// Builds a message exercising every writing path (header, options, PAD,
/// overload into both fields, long values, raw bytes after END).
pub fn build_everything(buf: &mut [u8]) -> Result<usize, Error> {
    MessageBuilder::new(buf)?
        .op(Op::BootRequest)
        .htype(1)
        .chaddr(&MAC)
        .xid(XID)
        .flags(Flags::broadcast_only())
        .giaddr(Ipv4Addr::new(10, 198, 27, 4))
        .message_type(MessageType::Request)
        .overload(Overload::Both)
        .pad(3)
        .option(OptionCode(224), &[0x11; 300])
        .area(Area::File)
        .host_name(b"in-file")
        .pad(2)
        .area(Area::Sname)
        .domain_name(b"in.sname")
        .area(Area::Options)
        .lease_time(60)
        .end()
        .raw(&[0, 0, 0x42])
        .finish()
}

/// Builds with `build` into a dirty buffer of every size from 0 to one past
/// `full`: below 240 bytes `MessageBuilder::new` refuses, below `full`
/// `finish` says exactly how much is needed, from `full` on the bytes equal
/// a build into a large buffer.
pub fn assert_builds_at_every_size(
    name: &str,
    full: usize,
    build: impl Fn(&mut [u8]) -> Result<usize, Error>,
) {
    let mut reference = vec![0u8; full + 2048];
    assert_eq!(build(&mut reference), Ok(full), "{name}");
    for n in 0..=full + 1 {
        let mut buf = vec![0xa5u8; n];
        let got = build(&mut buf);
        let needed = if n < 240 { 240 } else { full };
        if n < needed {
            assert_eq!(
                got,
                Err(Error::BufferTooSmall {
                    needed,
                    available: n
                }),
                "{name} at {n}"
            );
        } else {
            assert_eq!(got, Ok(full), "{name} at {n}");
            assert_eq!(&buf[..full], &reference[..full], "{name} at {n}");
        }
    }
}
