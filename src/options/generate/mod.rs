//! Generators of option values that decode (feature `arbitrary`): one
//! [`Generate`] implementation per value type of the catalogue, which
//! [`DhcpOption::generate_value`](super::typed::DhcpOption) dispatches to
//! per code, and the sub-option generators of the parents that type their
//! sub-options (82, PXE 43). What [`crate::arbitrary`] builds messages from.
//!
//! Every choice takes its bytes from an [`Unstructured`], and a zero byte
//! (or no byte left) always takes the plainest branch, so that inputs that
//! shrink toward zeros give small, ordinary values.

use core::net::Ipv4Addr;

use arbitrary::Unstructured;

use super::value::Length;
use super::{
    Overload, common, dns, rfc2132, rfc2563, rfc2610, rfc3004, rfc3118, rfc3361, rfc3442, rfc3925,
    rfc4174, rfc4578, rfc4702, rfc4776, rfc5969, rfc6225, rfc6607, rfc6656, rfc6704, rfc6731,
    rfc6926, rfc7291, rfc7618, rfc8572, rfc9463,
};
use crate::code::{MessageType, OptionCode};

mod rfc;
use rfc::{enterprise_entries, virtual_subnet};

/// A bounded writer: bytes that do not fit are dropped and remembered as
/// an overflow, which the caller checks once at the end.
#[derive(Debug)]
pub(crate) struct Out<'b> {
    buf: &'b mut [u8],
    len: usize,
    overflow: bool,
}

impl<'b> Out<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        Out {
            buf,
            len: 0,
            overflow: false,
        }
    }

    /// Appends `bytes`, or records an overflow.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        match self.buf.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(bytes);
                self.len = end;
            }
            None => self.overflow = true,
        }
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.push(&[b]);
    }

    /// Bytes still free.
    pub(crate) fn room(&self) -> usize {
        self.buf.len().saturating_sub(self.len)
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether everything written fitted.
    pub(crate) fn fits(&self) -> bool {
        !self.overflow
    }

    pub(crate) fn written(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    pub(crate) fn written_mut(&mut self) -> &mut [u8] {
        self.buf.get_mut(..self.len).unwrap_or(&mut [])
    }

    /// Cuts what was written back to `len` bytes.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// Overwrites the byte at `at` (a length written before its value).
    pub(crate) fn patch(&mut self, at: usize, value: u8) {
        if let Some(b) = self.buf.get_mut(at) {
            *b = value;
        }
    }

    /// `n` bytes from `g`.
    pub(crate) fn random(&mut self, g: &mut Gen<'_, '_>, n: usize) {
        let end = self.len.saturating_add(n);
        match self.buf.get_mut(self.len..end) {
            Some(dst) => {
                g.fill(dst);
                self.len = end;
            }
            None => self.overflow = true,
        }
    }

    /// Writes a one-byte length, then what `f` writes, then patches the
    /// length; records an overflow when that is more than 255 bytes.
    pub(crate) fn with_len8(&mut self, f: impl FnOnce(&mut Self)) {
        let at = self.len;
        self.byte(0);
        f(self);
        let n = self.len.saturating_sub(at + 1);
        match u8::try_from(n) {
            Ok(n) => self.patch(at, n),
            Err(_) => self.overflow = true,
        }
    }

    /// As [`with_len8`](Self::with_len8) with a two-byte big-endian length.
    pub(crate) fn with_len16(&mut self, f: impl FnOnce(&mut Self)) {
        let at = self.len;
        self.push(&[0, 0]);
        f(self);
        let n = self.len.saturating_sub(at + 2);
        match u16::try_from(n) {
            Ok(n) => {
                let [hi, lo] = n.to_be_bytes();
                self.patch(at, hi);
                self.patch(at + 1, lo);
            }
            Err(_) => self.overflow = true,
        }
    }
}

/// Where the choices come from, and the values a caller wants seen often.
pub(crate) struct Gen<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    /// Addresses to draw often (a server's own, its pool).
    pub(crate) addresses: &'static [Ipv4Addr],
    /// Hardware addresses to draw often.
    pub(crate) hardware: &'static [[u8; 6]],
    /// Option 43 must be PXE's (option 60 says `PXEClient`).
    pub(crate) pxe: bool,
}

impl<'u, 'a> Gen<'u, 'a> {
    pub(crate) fn new(u: &'u mut Unstructured<'a>) -> Self {
        Gen {
            u,
            addresses: &[],
            hardware: &[],
            pxe: false,
        }
    }

    /// One byte; 0 once the input is used up.
    pub(crate) fn byte(&mut self) -> u8 {
        self.u.arbitrary::<u8>().unwrap_or(0)
    }

    pub(crate) fn u16(&mut self) -> u16 {
        u16::from_be_bytes([self.byte(), self.byte()])
    }

    pub(crate) fn u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill(&mut b);
        u32::from_be_bytes(b)
    }

    /// Fills `out` (zeros once the input is used up).
    pub(crate) fn fill(&mut self, out: &mut [u8]) {
        if self.u.fill_buffer(out).is_err() {
            out.fill(0);
        }
    }

    /// A number in `0..n` (0 for `n` ≤ 1 or no input).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        // A one-value range takes no input (`int_in_range` returns it).
        match n.checked_sub(1) {
            Some(max) => self.u.int_in_range(0..=max).unwrap_or(0),
            None => 0,
        }
    }

    /// A number in `min..=max` (`min` when `max` ≤ `min`).
    pub(crate) fn between(&mut self, min: usize, max: usize) -> usize {
        min.saturating_add(self.below(max.saturating_sub(min).saturating_add(1)))
    }

    /// True with probability `rate`/256, and for a zero byte.
    pub(crate) fn likely(&mut self, rate: u8) -> bool {
        self.byte() < rate
    }

    /// True with probability `rate`/256, never for a zero byte.
    pub(crate) fn unlikely(&mut self, rate: u8) -> bool {
        self.byte() > 255 - rate
    }

    /// One of `items` (the first for no input); `None` when empty.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        let i = self.below(items.len());
        items.get(i).copied()
    }

    /// How many items between `min` and `max`: mostly up to 8 more than
    /// `min`, now and then anything up to `max`.
    pub(crate) fn count(&mut self, min: usize, max: usize) -> usize {
        if max <= min {
            return min;
        }
        if self.unlikely(24) {
            self.between(min, max)
        } else {
            self.between(min, max.min(min + 8))
        }
    }

    /// An address: one of the caller's often, else any.
    pub(crate) fn ipv4(&mut self) -> [u8; 4] {
        if !self.addresses.is_empty() && self.likely(160) {
            if let Some(a) = self.pick(self.addresses) {
                return a.octets();
            }
        }
        let mut a = [0u8; 4];
        self.fill(&mut a);
        a
    }

    /// An address that is not 0.0.0.0.
    pub(crate) fn ipv4_set(&mut self) -> [u8; 4] {
        let mut a = self.ipv4();
        if a == [0; 4] {
            a = [10, 0, 0, 1];
        }
        a
    }

    /// A hardware address: one of the caller's often, else any.
    pub(crate) fn mac(&mut self) -> [u8; 6] {
        if !self.hardware.is_empty() && self.likely(160) {
            if let Some(m) = self.pick(self.hardware) {
                return m;
            }
        }
        let mut m = [0u8; 6];
        self.fill(&mut m);
        m
    }

    /// One of a few real-world strings, cut to `max` bytes.
    fn text_word(&mut self, out: &mut Out<'_>, max: usize) {
        const WORDS: &[&[u8]] = &[
            b"laptop-a",
            b"example.com",
            b"MSFT 5.0",
            b"udhcp 1.35.0",
            b"dhcpcd-9.4.1:Linux-6.1.0:x86_64:GenuineIntel",
            b"android-dhcp-14",
            b"pxelinux.0",
            b"http://wpad.example.com/wpad.dat",
            b"EST5EDT4,M3.2.0/02:00,M11.1.0/02:00",
            b"Europe/Berlin",
            b"eth0/3:vlan17",
            b"iPXE",
            b"docsis3.0",
            b"a",
        ];
        if let Some(word) = self.pick(WORDS) {
            let n = word.len().min(max);
            out.push(word.get(..n).unwrap_or(&[]));
        }
    }

    /// Text of `min..=max` bytes: a real-world string, printable ASCII, or
    /// (now and then) any bytes, sometimes with a trailing NUL.
    pub(crate) fn text(&mut self, out: &mut Out<'_>, min: usize, max: usize) {
        let max = max.min(out.room());
        if max < min {
            // Too little room: write the minimum anyway (the caller sees
            // the overflow).
            out.random(self, min);
            return;
        }
        if max == 0 {
            return;
        }
        let start = out.len();
        match self.below(4) {
            0 | 1 => self.text_word(out, max),
            2 => {
                let n = self.count(min.max(1), max);
                for _ in 0..n {
                    let c = b' ' + (self.byte() % 95);
                    out.byte(c);
                }
            }
            _ => {
                let n = self.count(min, max);
                out.random(self, n);
            }
        }
        while out.len() - start < min {
            out.byte(b'x');
        }
        if out.len() - start < max && self.unlikely(16) {
            out.byte(0);
        }
    }

    /// A name of 1 to `max` printable ASCII bytes: a real-world string or
    /// random letters.
    pub(crate) fn printable(&mut self, out: &mut Out<'_>, max: usize) {
        let max = max.max(1);
        if self.likely(128) {
            // At least one byte, since `max` is.
            self.text_word(out, max);
            return;
        }
        let n = self.count(1, max);
        for _ in 0..n {
            let c = b' ' + (self.byte() % 95);
            out.byte(c);
        }
    }

    /// A DNS name in wire form, uncompressed, ending with the root label
    /// (or, for `partial`, ending without it now and then): up to four
    /// labels of up to 15 bytes, at most 65 bytes.
    pub(crate) fn dns_name(&mut self, out: &mut Out<'_>, partial: bool) {
        let labels = self.below(5);
        for _ in 0..labels {
            let n = 1 + self.below(15);
            out.byte(n as u8);
            for _ in 0..n {
                let c = match self.below(3) {
                    0 => b'a' + self.byte() % 26,
                    1 => b'0' + self.byte() % 10,
                    _ => self.pick(b"-_xyz").unwrap_or(b'x'),
                };
                out.byte(c);
            }
        }
        if !(partial && labels > 0 && self.unlikely(64)) {
            out.byte(0);
        }
    }

    /// A list of DNS names (RFC 1035), now and then ending in a compression
    /// pointer to an earlier name (offsets count from where the list
    /// starts); at least `min` names.
    pub(crate) fn dns_names(&mut self, out: &mut Out<'_>, min: usize) {
        let base = out.len();
        // Starts of earlier names that end with a root label of their own,
        // relative to `base`: a pointer to one adds at most 65 bytes.
        let mut plain = [0usize; 8];
        let mut plains = 0usize;
        let n = self.count(min, 8);
        for _ in 0..n {
            if out.room() < 70 && out.len() > base {
                break;
            }
            let start = out.len() - base;
            if plains > 0 && self.unlikely(64) {
                let labels = self.below(3);
                for _ in 0..labels {
                    let len = 1 + self.below(10);
                    out.byte(len as u8);
                    for _ in 0..len {
                        let c = b'a' + self.byte() % 26;
                        out.byte(c);
                    }
                }
                let target = plain.get(self.below(plains)).copied().unwrap_or(0);
                out.push(&[0xc0 | ((target >> 8) as u8 & 0x3f), target as u8]);
            } else {
                self.dns_name(out, false);
                if let Some(slot) = plain.get_mut(plains) {
                    *slot = start;
                    plains += 1;
                }
            }
        }
    }

    /// Sub-options (`code len value`, any codes) filling at most `max`
    /// bytes: zero or more.
    pub(crate) fn sub_options(&mut self, out: &mut Out<'_>, max: usize) {
        let end = out.len().saturating_add(max.min(out.room()));
        let n = self.count(0, 16);
        for _ in 0..n {
            let room = end.saturating_sub(out.len());
            if room < 2 {
                break;
            }
            let code = self.byte();
            let len = self.count(0, (room - 2).min(255));
            out.byte(code);
            out.with_len8(|out| {
                if self.likely(128) {
                    self.text(out, len, len);
                } else {
                    out.random(self, len);
                }
            });
        }
    }
}

/// A value type of the catalogue that can produce values its decoder
/// accepts. The catalogue calls it for every row (or the row's own
/// `generate =` function), so a new value type does not build with
/// feature `arbitrary` until it has a generator.
pub(crate) trait Generate {
    /// Writes a value of this type for option `code`, whose row says
    /// `length`, sized to `out`'s room where the type allows (the caller
    /// drops a value that overflowed).
    fn generate(g: &mut Gen<'_, '_>, code: OptionCode, length: Length, out: &mut Out<'_>);
}

/// Items of `unit` bytes under `length`, fitting `out`.
fn items(g: &mut Gen<'_, '_>, length: Length, unit: usize, out: &Out<'_>) -> usize {
    let min = match length {
        Length::Items { min, unit } => min.div_ceil(unit.max(1)),
        _ => 1,
    };
    g.count(min, out.room() / unit.max(1))
}

impl Generate for Ipv4Addr {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        out.push(&g.ipv4());
    }
}

impl Generate for core::net::Ipv6Addr {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        out.random(g, 16);
    }
}

impl Generate for u32 {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = match g.below(4) {
            0 => u32::from(g.u16()),
            1 => 60 * (1 + g.below(100_000) as u32),
            2 => u32::MAX,
            _ => g.u32(),
        };
        out.push(&v.to_be_bytes());
    }
}

impl Generate for i32 {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = match g.below(3) {
            0 => 3600 * (g.below(27) as i32 - 12),
            _ => g.u32() as i32,
        };
        out.push(&v.to_be_bytes());
    }
}

impl Generate for u16 {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = match g.below(3) {
            0 => g.pick(&[576, 1500, 68, 0, 9000, u16::MAX]).unwrap_or(576),
            _ => g.u16(),
        };
        out.push(&v.to_be_bytes());
    }
}

impl Generate for u8 {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let b = g.byte();
        out.byte(b);
    }
}

impl Generate for bool {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let b = g.byte() & 1;
        out.byte(b);
    }
}

impl Generate for [u8; 4] {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.likely(192) {
            out.push(&[0xf1, 0x00, 0x74, 0x7e]);
        } else {
            out.random(g, 4);
        }
    }
}

impl Generate for () {
    fn generate(_: &mut Gen<'_, '_>, _: OptionCode, _: Length, _: &mut Out<'_>) {}
}

impl Generate for Overload {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = 1 + g.below(3) as u8;
        out.byte(v);
    }
}

impl Generate for MessageType {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = if g.unlikely(16) {
            g.byte()
        } else {
            1 + g.below(18) as u8
        };
        out.byte(v);
    }
}

impl Generate for common::Ipv4List<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, length: Length, out: &mut Out<'_>) {
        let n = items(g, length, 4, out);
        for _ in 0..n {
            let a = g.ipv4();
            out.push(&a);
        }
    }
}

impl Generate for common::Text<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let room = out.room();
        g.text(out, 1, room);
    }
}

impl Generate for common::ClientId<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        match g.below(4) {
            0 => {
                out.byte(1);
                let m = g.mac();
                out.push(&m);
            }
            1 => {
                // RFC 4361: type 255, a 4-byte IAID, a DUID-LLT.
                out.byte(255);
                out.random(g, 4);
                out.push(&[0, 1, 0, 1]);
                out.random(g, 4);
                let m = g.mac();
                out.push(&m);
            }
            2 => {
                out.byte(0);
                let room = out.room();
                g.text(out, 1, room);
            }
            _ => {
                let kind = g.byte();
                out.byte(kind);
                let n = g.count(1, out.room());
                out.random(g, n);
            }
        }
    }
}

impl Generate for common::SubOptions<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let room = out.room();
        g.sub_options(out, room);
    }
}

impl Generate for dns::DomainList<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        g.dns_names(out, 1);
    }
}

/// Option 82's generator (the catalogue's `generate =` for it): relay
/// agent sub-options, each with a value its typed decode
/// ([`SubOption::decode_relay`](super::common::SubOption::decode_relay))
/// accepts, now and then an unassigned code with any value.
pub(crate) fn relay_agent_information(
    g: &mut Gen<'_, '_>,
    _: OptionCode,
    _: Length,
    out: &mut Out<'_>,
) {
    const CODES: &[u8] = &[
        1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 151, 152,
    ];
    let n = g.count(0, 6);
    for _ in 0..n {
        if out.room() < 40 {
            break;
        }
        let code = if g.unlikely(24) {
            g.byte()
        } else {
            g.pick(CODES).unwrap_or(1)
        };
        out.byte(code);
        out.with_len8(|out| relay_sub_option(g, code, out));
    }
}

/// A value of relay sub-option `code` that its typed decode accepts.
fn relay_sub_option(g: &mut Gen<'_, '_>, code: u8, out: &mut Out<'_>) {
    match code {
        1 | 2 | 12 => {
            if g.likely(128) {
                g.text(out, 1, 24);
            } else {
                let n = g.count(1, 24);
                out.random(g, n);
            }
        }
        4 | 17 => out.random(g, 4),
        5 | 11 => {
            let a = g.ipv4();
            out.push(&a);
        }
        6 | 14 | 15 | 18 => g.text(out, 1, 24),
        7 => {
            // RADIUS attributes: type, length (>= 2, counting both), value.
            let n = g.count(1, 3);
            for _ in 0..n {
                let kind = g.byte();
                out.byte(kind);
                let len = g.count(0, 12);
                out.byte(len as u8 + 2);
                out.random(g, len);
            }
        }
        8 => {
            out.random(g, 10);
            let n = g.count(0, 16);
            out.random(g, n);
        }
        9 => enterprise_entries(g, out, |g, out, max| g.sub_options(out, max.min(40))),
        10 => {
            let b = g.byte();
            out.byte(b);
        }
        13 | 19 => out.random(g, 2),
        16 => {
            let m = g.mac();
            out.push(&m);
        }
        151 => virtual_subnet(g, out),
        152 => {}
        _ => {
            let n = g.count(0, 16);
            out.random(g, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// The names of a list as `dns_names` writes them: where each name
    /// starts, and the target of each compression pointer.
    fn starts_and_pointers(list: &[u8]) -> (Vec<usize>, Vec<usize>) {
        let (mut starts, mut pointers) = (Vec::new(), Vec::new());
        let mut at = 0;
        while let Some(&first) = list.get(at) {
            starts.push(at);
            let mut len = first;
            loop {
                match len {
                    0 => {
                        at += 1;
                        break;
                    }
                    l if l & 0xc0 == 0xc0 => {
                        let low = list.get(at + 1).copied().unwrap_or(0);
                        pointers.push(usize::from(l & 0x3f) << 8 | usize::from(low));
                        at += 2;
                        break;
                    }
                    l => at += 1 + usize::from(l),
                }
                len = list.get(at).copied().unwrap_or(0);
            }
        }
        (starts, pointers)
    }

    /// Every pointer of a generated name list points at the start of an
    /// earlier name, past byte 255 too (where its high bits are used).
    #[test]
    fn name_list_pointers_point_at_earlier_names() {
        let mut seed = 0x5eed_u64;
        let mut far = 0;
        for _ in 0..4000 {
            let input: Vec<u8> = (0..700)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Bytes that draw many long labels, and now and then a
                    // pointer, so that lists reach past byte 255.
                    [4, 14, 14, 250][(seed % 4) as usize]
                })
                .collect();
            let mut u = Unstructured::new(&input);
            let mut g = Gen::new(&mut u);
            let mut buf = [0u8; 1024];
            let mut out = Out::new(&mut buf);
            g.dns_names(&mut out, 6);
            let (starts, pointers) = starts_and_pointers(out.written());
            for target in pointers {
                assert!(
                    starts.contains(&target),
                    "{target} in {:02x?}",
                    out.written()
                );
                far += usize::from(target > 255);
            }
        }
        assert!(far > 0, "no pointer past byte 255");
    }
}
