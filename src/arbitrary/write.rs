//! Writing one generated message: the header, then options in the three
//! areas, as [`Config`] asks ([`write_message`] and its `Writer`).

use super::*;

const AREAS: [Area; 3] = [Area::Options, Area::File, Area::Sname];

/// The largest value generated when values may be split.
const MAX_VALUE: usize = 1024;

/// At most this many instances per option.
const MAX_FRAGMENTS: usize = 24;

/// Writes a generated message into `buf` (at most [`Config::max_size`]
/// bytes of it) and says what it wrote. Never allocates; never fails for a
/// buffer of 244 bytes or more, whatever `u` holds (an `Unstructured` that
/// runs out gives zeros).
///
/// ```
/// use arbitrary::Unstructured;
/// use dhcpwire::Message;
/// use dhcpwire::arbitrary::{Config, write_message};
///
/// let mut buf = [0u8; 1500];
/// let mut u = Unstructured::new(&[42; 64]);
/// let generated = write_message(&mut u, &Config::DEFAULT, &mut buf).unwrap();
/// let msg = Message::parse(&buf[..generated.len]).unwrap();
/// assert_eq!(msg.message_type().unwrap(), generated.message_type);
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `buf` (or `max_size`) is under 244 bytes.
pub fn write_message(
    u: &mut Unstructured<'_>,
    config: &Config,
    buf: &mut [u8],
) -> Result<Generated, Error> {
    const MIN: usize = MIN_DHCP_LEN + 4;
    let limit = buf.len().min(config.max_size).min(usize::from(u16::MAX));
    let too_small = Error::BufferTooSmall {
        needed: MIN,
        available: limit,
    };
    if limit < MIN {
        return Err(too_small);
    }
    let buf = buf.get_mut(..limit).ok_or(too_small)?;
    buf.fill(0);
    let (head, options) = buf.split_at_mut_checked(MIN_DHCP_LEN).ok_or(too_small)?;
    let (fixed, names) = head.split_at_mut_checked(offset::SNAME).ok_or(too_small)?;
    let (sname, rest) = names.split_at_mut_checked(64).ok_or(too_small)?;
    let (file, cookie) = rest.split_at_mut_checked(128).ok_or(too_small)?;
    cookie.copy_from_slice(&MAGIC_COOKIE);

    let mut g = Gen::new(u);
    g.addresses = config.addresses;
    g.hardware = config.hardware_addresses;
    let mut w = Writer {
        config,
        areas: Areas {
            main: Out::new(options),
            file: Out::new(file),
            sname: Out::new(sname),
            overload: None,
        },
        used: [false; 256],
        generated: Generated::NOTHING,
        conform: false,
        lease: 0,
    };
    w.message(&mut g, fixed, cookie);
    Ok(w.generated)
}

/// The state of one message being written.
struct Writer<'c, 'b> {
    config: &'c Config,
    areas: Areas<'b>,
    /// Codes written so far: each at most once (its fragments aside), so
    /// that RFC 3396 joins only what was split.
    used: [bool; 256],
    generated: Generated,
    /// Following RFC 2131 Tables 3 and 5.
    conform: bool,
    /// The lease time options 51, 58 and 59 agree on when conforming.
    lease: u32,
}

impl Writer<'_, '_> {
    fn message(&mut self, g: &mut Gen<'_, '_>, fixed: &mut [u8], cookie: &mut [u8]) {
        let config = self.config;
        let quirks = config.quirks;
        if g.unlikely(config.bootp_rate) {
            self.bootp(g, fixed, cookie);
            return;
        }
        // Option 53, and the table rules of its type.
        let types = config.message_types;
        let mut mtype = g.pick(types).unwrap_or(MessageType::Discover);
        let mut write_53 = true;
        if quirks && g.unlikely(8) {
            if g.likely(128) {
                write_53 = false;
            } else {
                mtype = MessageType::Unknown(19 + g.below(237) as u8);
            }
        }
        let state = g.below(3);
        let assigned = (1..=18).contains(&u8::from(mtype));
        let rate = config.rfc2131_rate;
        self.conform = write_53 && assigned && (rate == u8::MAX || g.likely(rate));
        let rules = if self.conform {
            Rules::of(mtype, state)
        } else {
            Rules::ANY
        };
        self.lease = match g.below(3) {
            0 => 3600,
            1 => 8 * (1 + g.below(100_000) as u32),
            _ => u32::MAX,
        };
        self.header(g, fixed, mtype, &rules);

        // Option overload: 52 in the options field, then options may go to
        // `file` and `sname`, which then hold no names.
        let overload = if config.overload && !rules.nak && g.unlikely(48) {
            Overload::from_u8(1 + g.below(3) as u8)
        } else {
            None
        };
        if overload.is_none() {
            self.names(g, &rules);
        }

        // What the message type needs, in the options field first.
        let at_end = write_53 && quirks && g.unlikely(16);
        let mut wrote_53 = false;
        if write_53 && !at_end {
            wrote_53 = self.fixed_option(OptionCode::MESSAGE_TYPE, &[u8::from(mtype)]);
        }
        if let Some(o) = overload {
            if self.fixed_option(OptionCode::OVERLOAD, &[o.to_u8()]) {
                self.areas.overload = Some(o);
                self.generated.overload = Some(o);
            }
        }
        if at_end {
            wrote_53 = self.fixed_option(OptionCode::MESSAGE_TYPE, &[u8::from(mtype)]);
        }
        if wrote_53 {
            self.generated.message_type = Some(mtype);
        }
        // What the table requires; a message too small for it (a tiny
        // `max_size`) does not follow RFC 2131.
        for &code in rules.required {
            if !self.option(g, OptionCode(code), false) {
                self.conform = false;
            }
        }
        self.conform &= wrote_53;
        // A PXE client: option 60 says so, option 43 has PXE sub-options.
        if rules.only.is_none() && g.unlikely(24) {
            self.fixed_option(
                OptionCode::VENDOR_CLASS_IDENTIFIER,
                b"PXEClient:Arch:00007:UNDI:003016",
            );
            g.pxe = true;
            self.option(g, OptionCode::VENDOR_SPECIFIC, false);
            g.pxe = false;
            // Never another option 43 (which would not be PXE's), even when
            // this one did not fit.
            if let Some(u) = self
                .used
                .get_mut(usize::from(OptionCode::VENDOR_SPECIFIC.0))
            {
                *u = true;
            }
        }
        let n = g.below(config.max_options.saturating_add(1));
        for _ in 0..n {
            if let Some(code) = self.pick_code(g, &rules) {
                self.option(g, code, true);
            }
        }
        self.finish(g);
        self.generated.follows_rfc2131 =
            self.conform && self.generated.malformed_options == 0 && !self.generated.walk_error;
    }

    /// A plain BOOTP message (RFC 951): no magic cookie, a 64-byte vendor
    /// area of zeros or any bytes, 300 bytes in all.
    fn bootp(&mut self, g: &mut Gen<'_, '_>, fixed: &mut [u8], cookie: &mut [u8]) {
        let mtype = if g.likely(128) {
            MessageType::Discover
        } else {
            MessageType::Offer
        };
        self.header(g, fixed, mtype, &Rules::ANY);
        self.names(g, &Rules::ANY);
        let zeros = g.likely(128);
        if zeros {
            cookie.fill(0);
        } else {
            g.fill(cookie);
            not_the_cookie(cookie);
        }
        let main = &mut self.areas.main;
        let n = main.room().min(60);
        if zeros {
            main.push([0u8; 60].get(..n).unwrap_or(&[]));
        } else {
            main.random(g, n);
        }
        self.generated.bootp = true;
        self.generated.len = MIN_DHCP_LEN + main.len();
    }

    /// The fixed header fields (not `sname`/`file`).
    fn header(&mut self, g: &mut Gen<'_, '_>, fixed: &mut [u8], mtype: MessageType, r: &Rules) {
        let conform = self.conform;
        let quirks = self.config.quirks;
        let op = if conform || g.likely(224) {
            match mtype {
                MessageType::Offer
                | MessageType::Ack
                | MessageType::Nak
                | MessageType::ForceRenew
                | MessageType::LeaseUnassigned
                | MessageType::LeaseUnknown
                | MessageType::LeaseActive
                | MessageType::LeaseQueryDone
                | MessageType::LeaseQueryStatus => 2,
                _ => 1,
            }
        } else {
            g.byte()
        };
        // htype, hlen, chaddr: Ethernet most of the time.
        let mut chaddr = [0u8; 16];
        let (htype, mut hlen) = match g.below(8) {
            0..=4 => {
                let mac = g.mac();
                if let Some(dst) = chaddr.get_mut(..6) {
                    dst.copy_from_slice(&mac);
                }
                (1, 6)
            }
            5 => (g.byte(), 0),
            6 => {
                g.fill(&mut chaddr);
                (g.byte(), 16)
            }
            _ => {
                let hlen = g.between(1, 16);
                if let Some(dst) = chaddr.get_mut(..hlen) {
                    g.fill(dst);
                }
                (g.byte(), hlen as u8)
            }
        };
        if !conform && g.unlikely(self.config.oversized_hlen_rate) {
            hlen = 17 + g.below(239) as u8;
        }
        if quirks && g.unlikely(8) {
            // Bytes after the first `hlen` that senders forgot to clear.
            if let Some(tail) = chaddr.get_mut(usize::from(hlen).min(16)..) {
                g.fill(tail);
            }
        }
        let relayed = g.unlikely(48);
        let giaddr = if relayed { g.ipv4_set() } else { [0; 4] };
        let hops = match (conform, relayed) {
            (true, false) => 0,
            (true, true) if r.server => 0,
            (true, true) => g.between(1, 4) as u8,
            (false, _) if g.likely(192) => u8::from(relayed),
            (false, _) => g.byte(),
        };
        let xid = g.u32();
        let secs = if conform && (r.quiet || r.server) {
            0
        } else if g.likely(192) {
            g.below(30) as u16
        } else {
            g.u16()
        };
        let flags = if conform {
            if r.quiet {
                0
            } else if (r.nak && relayed) || g.unlikely(96) {
                0x8000
            } else {
                0
            }
        } else if g.likely(192) {
            if g.unlikely(96) { 0x8000 } else { 0 }
        } else {
            g.u16()
        };
        let addr = |g: &mut Gen<'_, '_>, rule: Option<bool>| match rule {
            Some(true) => g.ipv4_set(),
            Some(false) => [0; 4],
            None if g.likely(160) => [0; 4],
            None => g.ipv4(),
        };
        let ciaddr = addr(g, r.ciaddr);
        let yiaddr = addr(g, r.yiaddr);
        let siaddr = addr(g, r.siaddr);
        let xid = xid.to_be_bytes();
        let secs = secs.to_be_bytes();
        let flags = flags.to_be_bytes();
        let fields: [(usize, &[u8]); 11] = [
            (offset::OP, &[op]),
            (offset::HTYPE, &[htype]),
            (offset::HLEN, &[hlen]),
            (offset::HOPS, &[hops]),
            (offset::XID, &xid),
            (offset::SECS, &secs),
            (offset::FLAGS, &flags),
            (offset::CIADDR, &ciaddr),
            (offset::YIADDR, &yiaddr),
            (offset::SIADDR, &siaddr),
            (offset::CHADDR, &chaddr),
        ];
        for (at, bytes) in fields {
            if let Some(dst) = fixed.get_mut(at..at + bytes.len()) {
                dst.copy_from_slice(bytes);
            }
        }
        if let Some(dst) = fixed.get_mut(offset::GIADDR..offset::GIADDR + 4) {
            dst.copy_from_slice(&giaddr);
        }
    }

    /// `sname` and `file` as names (no overload): empty, a NUL-terminated
    /// name, or (a quirk) any bytes.
    fn names(&mut self, g: &mut Gen<'_, '_>, r: &Rules) {
        if r.nak && self.conform {
            return;
        }
        let quirks = self.config.quirks;
        for area in [Area::Sname, Area::File] {
            let out = self.areas.get(area);
            if quirks && g.unlikely(8) {
                let n = out.room();
                out.random(g, n);
            } else if g.unlikely(64) {
                // At most 40 bytes: the NULs after it end the name.
                g.printable(out, 40);
            }
        }
    }

    /// Picks a code to draw at random: typed mostly, now and then any
    /// other; one that `rules` allow and that is not in the message yet.
    fn pick_code(&mut self, g: &mut Gen<'_, '_>, rules: &Rules) -> Option<OptionCode> {
        for _ in 0..4 {
            let code = match rules.only {
                Some(only) => g.pick(only)?,
                None if g.unlikely(24) => g.byte(),
                None => g.pick(TYPED_CODES).map_or(1, |t| t.code.0),
            };
            let taken = self.used.get(usize::from(code)).copied().unwrap_or(true);
            let reserved = matches!(code, 0 | 52 | 53 | 255);
            if !taken && !reserved && rules.allows(code) {
                return Some(OptionCode(code));
            }
        }
        None
    }

    /// Writes option 52 or 53 (or the PXE vendor class) as one instance in
    /// the options field, keeping a byte for END; false when it does not
    /// fit.
    fn fixed_option(&mut self, code: OptionCode, value: &[u8]) -> bool {
        let main = &mut self.areas.main;
        if main.room() < value.len() + 3 {
            return false;
        }
        main.byte(code.0);
        main.with_len8(|out| out.push(value));
        if let Some(u) = self.used.get_mut(usize::from(code.0)) {
            *u = true;
        }
        true
    }

    /// Generates a value for `code` and writes it, split or not, into the
    /// open areas; drops it when it does not fit (and returns false).
    fn option(&mut self, g: &mut Gen<'_, '_>, code: OptionCode, drawn: bool) -> bool {
        let config = self.config;
        let mut scratch = [0u8; MAX_VALUE];
        let cap = if config.splits { MAX_VALUE } else { 255 };
        let room = self.areas.room(Area::Options)
            + self.areas.room(Area::File)
            + self.areas.room(Area::Sname);
        let cap = cap.min(room.saturating_sub(2));
        let Some(scratch) = scratch.get_mut(..cap) else {
            return false;
        };
        let mut out = Out::new(scratch);
        let typed = DhcpOption::generate_value(code, g, &mut out);
        if !typed {
            let n = g.count(0, out.room().min(255));
            if g.likely(128) {
                g.text(&mut out, n, n);
            } else {
                out.random(g, n);
            }
        }
        if !out.fits() {
            return false;
        }
        if self.conform {
            self.conform_value(code, out.written_mut());
        }
        not_a_pxe_class(code, out.written_mut());
        let mut malformed = false;
        if typed && drawn && g.unlikely(config.malformed_rate) {
            malformed = malform(g, code, &mut out);
        }
        let placed = self.place(g, code, out.written());
        if placed && malformed {
            self.generated.malformed_options += 1;
        }
        placed
    }

    /// Makes a conforming message's value follow RFC 2131 and the RFC
    /// 2132 value rules: T1 < T2 < lease, 57 ≥ 576, MTUs ≥ 68, ...
    fn conform_value(&self, code: OptionCode, value: &mut [u8]) {
        let timer = match code {
            OptionCode::LEASE_TIME => Some(self.lease),
            OptionCode::RENEWAL_TIME => Some(self.lease / 2),
            OptionCode::REBINDING_TIME => Some(self.lease / 8 * 7),
            _ => None,
        };
        if let (Some(t), Ok(v)) = (timer, <&mut [u8; 4]>::try_from(&mut *value)) {
            *v = t.to_be_bytes();
        }
        match value_rule(code) {
            Some(ValueRule::U8Min(min, _)) => {
                if let Some(b) = value.first_mut() {
                    *b = (*b).max(min);
                }
            }
            Some(ValueRule::U16Min(min, _) | ValueRule::U16ListMin(min, _)) => {
                for pair in value.chunks_exact_mut(2) {
                    if let Ok(v) = <&mut [u8; 2]>::try_from(pair) {
                        *v = u16::from_be_bytes(*v).max(min).to_be_bytes();
                    }
                }
            }
            Some(ValueRule::OneOf(allowed, _)) => {
                if let (Some(b), Some(&first)) = (value.first_mut(), allowed.first()) {
                    if !allowed.contains(b) {
                        *b = first;
                    }
                }
            }
            Some(ValueRule::Bool) => {
                if let Some(b) = value.first_mut() {
                    *b &= 1;
                }
            }
            None => {}
        }
    }

    /// Writes `value` as option `code`: one instance, or (with
    /// [`Config::splits`], and always past 255 bytes) several, in the
    /// options field or, when overloaded, in `file`/`sname`, never going
    /// back to an earlier area (RFC 3396 joins in walk order). Returns
    /// whether it was written.
    fn place(&mut self, g: &mut Gen<'_, '_>, code: OptionCode, value: &[u8]) -> bool {
        let quirks = self.config.quirks;
        // Fragment lengths: one instance, or (split) at least two, the
        // first four of any length, then 255 bytes each; now and then an
        // empty one (a quirk).
        let mut sizes = [0usize; MAX_FRAGMENTS];
        let mut count = 0;
        let split = self.config.splits && (value.len() > 255 || g.unlikely(16));
        let mut rest = value.len();
        let mut push = |size: usize, count: &mut usize| match sizes.get_mut(*count) {
            Some(slot) => {
                *slot = size;
                *count += 1;
                true
            }
            None => false,
        };
        if split && value.len() >= 2 {
            while rest > 0 {
                let max = rest.min(255);
                let size = if count >= 4 {
                    max
                } else if count == 0 {
                    g.between(1, max.min(rest - 1))
                } else if quirks && g.unlikely(8) {
                    0
                } else {
                    g.between(1, max)
                };
                if !push(size, &mut count) {
                    return false;
                }
                rest -= size;
            }
        } else if split && quirks {
            // A value of 0 or 1 byte, and an empty instance before or after.
            let first = g.likely(128);
            push(if first { rest } else { 0 }, &mut count);
            push(if first { 0 } else { rest }, &mut count);
        } else {
            loop {
                let size = rest.min(255);
                if !push(size, &mut count) {
                    return false;
                }
                rest -= size;
                if rest == 0 {
                    break;
                }
            }
        }
        if count > 1 {
            self.generated.split_options += 1;
        }
        // PAD bytes before the option.
        let pads = if quirks && g.unlikely(24) {
            g.between(1, 8)
        } else {
            0
        };
        // The first area: the options field mostly.
        let mut rooms = AREAS.map(|a| self.areas.room(a));
        let mut area = 0;
        if self.areas.overload.is_some() && g.unlikely(96) {
            area = 1 + g.below(2);
            if rooms.get(area).is_none_or(|&r| r == 0) {
                area = 0;
            }
        }
        // Plan: which area each fragment goes to.
        let mut plan = [0usize; MAX_FRAGMENTS];
        for (i, &size) in sizes.iter().take(count).enumerate() {
            let need = size + 2 + if i == 0 { pads } else { 0 };
            // A later fragment in a later area now and then (RFC 3396
            // joins across areas, in walk order).
            if i > 0 && self.areas.overload.is_some() && g.unlikely(64) {
                if let Some(next) =
                    (area + 1..AREAS.len()).find(|&a| rooms.get(a).is_some_and(|&r| r >= need))
                {
                    area = next;
                }
            }
            while rooms.get(area).is_some_and(|&r| r < need) {
                area += 1;
            }
            let (Some(r), Some(p)) = (rooms.get_mut(area), plan.get_mut(i)) else {
                return false;
            };
            *r -= need;
            *p = area;
        }
        // Write.
        let mut at = 0;
        for (i, (&size, &area)) in sizes.iter().zip(&plan).take(count).enumerate() {
            let Some(&a) = AREAS.get(area) else {
                return false;
            };
            let out = self.areas.get(a);
            if i == 0 {
                out.push([0u8; 8].get(..pads).unwrap_or(&[]));
            }
            out.byte(code.0);
            out.byte(size as u8);
            out.push(value.get(at..at + size).unwrap_or(&[]));
            at += size;
        }
        if let Some(u) = self.used.get_mut(usize::from(code.0)) {
            *u = true;
        }
        true
    }

    /// Closes the areas: END (or, a quirk, none), bytes after END, padding
    /// to 300 bytes; or a truncated last option ([`Config::malformed_rate`]).
    fn finish(&mut self, g: &mut Gen<'_, '_>) {
        let quirks = self.config.quirks;
        let overload = self.areas.overload;
        for (area, open) in [
            (Area::File, overload.is_some_and(Overload::file)),
            (Area::Sname, overload.is_some_and(Overload::sname)),
        ] {
            if !open {
                continue;
            }
            let out = self.areas.get(area);
            // Without END, the rest of the field is PAD (already zero).
            if !(quirks && g.unlikely(24)) {
                out.byte(255);
                if quirks && g.unlikely(16) {
                    let n = g.between(1, out.room());
                    out.random(g, n);
                }
            }
        }
        let main = &mut self.areas.main;
        if g.unlikely(self.config.malformed_rate) && main.room() >= 3 {
            // A last option that claims more bytes than the message has,
            // or a last code without its length byte.
            let code = g.between(1, 254) as u8;
            main.byte(code);
            if g.likely(224) {
                let have = g.below(main.room().min(40) - 1);
                main.byte((have + 1 + g.below(200)).min(255) as u8);
                main.random(g, have);
            }
            self.generated.walk_error = true;
            self.generated.len = MIN_DHCP_LEN + main.len();
            return;
        }
        // Without END (a quirk), only PAD may follow the last option: the
        // zeros of the padding.
        if !(quirks && g.unlikely(16)) {
            main.byte(255);
            if quirks && g.unlikely(24) {
                let n = g.between(1, main.room().min(32));
                main.random(g, n);
            }
        }
        let len = MIN_DHCP_LEN + main.len();
        let padded = if quirks && g.unlikely(48) {
            len
        } else {
            len.max(300)
        };
        self.generated.len = padded.min(MIN_DHCP_LEN + main.len() + main.room());
    }
}

/// Makes `out`'s value malformed for `code`'s type: a length the type
/// does not allow, or a compound value cut short or lengthened. Returns
/// whether the typed decode now fails.
fn malform(g: &mut Gen<'_, '_>, code: OptionCode, out: &mut Out<'_>) -> bool {
    let len = out.len();
    match DhcpOption::length_rule(code) {
        Some(Length::Fixed(n)) => {
            if n > 0 && g.likely(128) {
                out.truncate(n - 1);
            } else {
                out.truncate(n);
                out.random(g, 1);
            }
        }
        Some(Length::Items { unit, .. }) if unit > 1 => {
            if len > 0 && g.likely(128) {
                out.truncate(len - 1);
            } else {
                out.random(g, 1);
            }
        }
        // One byte short of the minimum (every such type has one).
        Some(Length::Items { min, .. }) => out.truncate(min.saturating_sub(1)),
        _ => {
            if len > 1 && g.likely(160) {
                let cut = g.between(1, len - 1);
                out.truncate(cut);
            } else {
                out.truncate(0);
            }
        }
    }
    out.fits() && DhcpOption::decode(code, out.written(), 0).is_err()
}

/// A random option 60 that happens to say `PXEClient` gets a lower-case
/// `p`: only a PXE client's does (it makes option 43 PXE's).
fn not_a_pxe_class(code: OptionCode, value: &mut [u8]) {
    if code == OptionCode::VENDOR_CLASS_IDENTIFIER && value.starts_with(b"PXEClient") {
        if let Some(first) = value.first_mut() {
            *first = b'p';
        }
    }
}

/// Random bytes where a plain BOOTP message has its vendor area: changed
/// in one bit when they happen to be the magic cookie, which would make
/// the message DHCP.
fn not_the_cookie(cookie: &mut [u8]) {
    if cookie == MAGIC_COOKIE {
        if let Some(b) = cookie.first_mut() {
            *b ^= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_that_are_the_cookie_are_changed_in_one_bit() {
        let mut cookie = MAGIC_COOKIE;
        not_the_cookie(&mut cookie);
        assert_eq!(cookie, [0x62, 0x82, 0x53, 0x63]);
        let mut other = [0x63, 0x82, 0x53, 0x62];
        not_the_cookie(&mut other);
        assert_eq!(other, [0x63, 0x82, 0x53, 0x62]);
    }

    #[test]
    fn only_option_60_is_kept_from_saying_pxeclient() {
        let mut class = *b"PXEClient:Arch:00000";
        not_a_pxe_class(OptionCode::VENDOR_CLASS_IDENTIFIER, &mut class);
        assert_eq!(&class, b"pXEClient:Arch:00000");
        let mut name = *b"PXEClient";
        not_a_pxe_class(OptionCode::HOST_NAME, &mut name);
        assert_eq!(&name, b"PXEClient");
        let mut short = *b"PXEClien";
        not_a_pxe_class(OptionCode::VENDOR_CLASS_IDENTIFIER, &mut short);
        assert_eq!(&short, b"PXEClien");
    }
}
