//! The [`Generate`] implementations of the RFC modules' value types
//! (`rfc2132` to `rfc9463`), each drawing only values its decode accepts.

use super::*;

impl Generate for rfc2132::Ipv4Pairs<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, length: Length, out: &mut Out<'_>) {
        let n = items(g, length, 8, out);
        for _ in 0..n {
            let a = g.ipv4();
            out.push(&a);
            let prefix = g.below(33) as u32;
            let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
            out.push(&mask.to_be_bytes());
        }
    }
}

impl Generate for rfc2132::U16List<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, length: Length, out: &mut Out<'_>) {
        let n = items(g, length, 2, out);
        for _ in 0..n {
            let v = if g.likely(128) {
                g.pick(&[68, 296, 508, 576, 1006, 1492, 1500, 2002, 4352, 8166])
                    .unwrap_or(68)
            } else {
                g.u16()
            };
            out.push(&v.to_be_bytes());
        }
    }
}

impl Generate for rfc2132::NetbiosNodeType {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = g.pick(&[1, 2, 4, 8]).unwrap_or(1);
        out.byte(v);
    }
}

impl Generate for rfc2563::AutoConfigure {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let b = g.byte() & 1;
        out.byte(b);
    }
}

impl Generate for rfc2610::SlpDirectoryAgent<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let mandatory = g.byte() & 1;
        out.byte(mandatory);
        let n = g.count(0, out.room() / 4);
        for _ in 0..n {
            let a = g.ipv4();
            out.push(&a);
        }
    }
}

impl Generate for rfc2610::SlpServiceScope<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let mandatory = g.byte() & 1;
        out.byte(mandatory);
        if g.likely(192) {
            let room = out.room();
            g.text(out, 0, room);
        }
    }
}

impl Generate for rfc3004::UserClass<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.likely(160) {
            // RFC 3004 instances: a length, then that many bytes.
            let n = g.count(1, 4);
            for i in 0..n {
                if i > 0 && out.room() < 2 {
                    break;
                }
                let max = out.room().saturating_sub(1).min(255);
                out.with_len8(|out| g.text(out, 1, max));
            }
        } else {
            let room = out.room();
            g.text(out, 1, room);
        }
    }
}

impl Generate for rfc3118::Authentication<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let protocol = g.below(4) as u8;
        out.byte(protocol);
        out.random(g, 10);
        let n = g.count(0, out.room());
        out.random(g, n);
    }
}

impl Generate for rfc3361::SipServers<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.likely(128) {
            out.byte(0);
            g.dns_names(out, 1);
        } else {
            out.byte(1);
            let n = g.count(1, out.room() / 4);
            for _ in 0..n {
                let a = g.ipv4();
                out.push(&a);
            }
        }
    }
}

impl Generate for rfc3442::Routes<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let n = g.count(1, out.room() / 9);
        for _ in 0..n {
            let width = g.below(33);
            out.byte(width as u8);
            let dest = g.ipv4();
            out.push(dest.get(..width.div_ceil(8)).unwrap_or(&[]));
            let router = g.ipv4();
            out.push(&router);
        }
    }
}

/// Entries of RFC 3925 options 124 and 125 (and relay sub-option 9): an
/// enterprise number, a length, and data from `data`; at least one.
pub(super) fn enterprise_entries(
    g: &mut Gen<'_, '_>,
    out: &mut Out<'_>,
    mut data: impl FnMut(&mut Gen<'_, '_>, &mut Out<'_>, usize),
) {
    let n = g.count(1, 3);
    for i in 0..n {
        if i > 0 && out.room() < 6 {
            break;
        }
        let enterprise = if g.likely(160) {
            g.pick(&[3561u32, 4491, 9, 311, 343, 2636]).unwrap_or(3561)
        } else {
            g.u32()
        };
        out.push(&enterprise.to_be_bytes());
        let max = out.room().saturating_sub(1).min(255);
        out.with_len8(|out| data(g, out, max));
    }
}

impl Generate for rfc3925::VendorClasses<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        // Each entry's data: RFC 3004 instances (length, bytes), zero or
        // more.
        enterprise_entries(g, out, |g, out, max| {
            let end = out.len() + max;
            let n = g.count(0, 3);
            for _ in 0..n {
                let room = end.saturating_sub(out.len());
                if room < 2 {
                    break;
                }
                out.with_len8(|out| g.text(out, 1, room - 1));
            }
        });
    }
}

impl Generate for rfc3925::VendorOptions<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        enterprise_entries(g, out, |g, out, max| g.sub_options(out, max));
    }
}

impl Generate for rfc4174::Isns<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        out.random(g, 10);
        let n = g.count(1, out.room() / 4);
        for _ in 0..n {
            let a = g.ipv4();
            out.push(&a);
        }
    }
}

impl Generate for rfc4578::ArchList<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, length: Length, out: &mut Out<'_>) {
        let n = items(g, length, 2, out);
        for _ in 0..n {
            let arch = if g.likely(224) {
                g.below(42) as u16
            } else {
                g.u16()
            };
            out.push(&arch.to_be_bytes());
        }
    }
}

impl Generate for rfc4578::NetworkInterfaceId {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.likely(192) {
            out.push(&[1, 2, 1]);
        } else {
            out.random(g, 3);
        }
    }
}

impl Generate for rfc4578::MachineId<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.likely(192) {
            out.byte(0);
            out.random(g, 16);
        } else {
            let kind = 1 + g.below(255) as u8;
            out.byte(kind);
            let n = g.count(0, out.room());
            out.random(g, n);
        }
    }
}

impl Generate for rfc4578::VendorSpecific<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        if g.pxe {
            pxe_sub_options(g, out);
            return;
        }
        match g.below(3) {
            0 => pxe_sub_options(g, out),
            1 => {
                let room = out.room();
                g.sub_options(out, room);
                if out.len() == 0 {
                    out.byte(255);
                }
            }
            _ => {
                let n = g.count(1, out.room());
                out.random(g, n);
            }
        }
    }
}

/// PXE sub-options of option 43 (PXE 2.1 §2.4) that
/// `decode_vendor_specific` accepts with a `PXEClient` vendor class, now
/// and then closed by END: at least one byte.
fn pxe_sub_options(g: &mut Gen<'_, '_>, out: &mut Out<'_>) {
    const CODES: &[u8] = &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 71, 128, 175, 254];
    let n = g.count(1, 6);
    for i in 0..n {
        if i > 0 && out.room() < 24 {
            break;
        }
        let code = g.pick(CODES).unwrap_or(6);
        out.byte(code);
        out.with_len8(|out| match code {
            1 | 7 => out.push(&[224, 0, 1, 2 + g.byte() % 8]),
            2 | 3 => {
                let p = g.u16();
                out.push(&p.to_be_bytes());
            }
            4..=6 => {
                let b = g.byte();
                out.byte(b);
            }
            8 => {
                let servers = g.count(1, 3);
                for _ in 0..servers {
                    let kind = g.u16();
                    out.push(&kind.to_be_bytes());
                    let count = 1 + g.below(3);
                    out.byte(count as u8);
                    for _ in 0..count {
                        let a = g.ipv4();
                        out.push(&a);
                    }
                }
            }
            9 => {
                let entries = g.count(1, 3);
                for _ in 0..entries {
                    let kind = g.u16();
                    out.push(&kind.to_be_bytes());
                    out.with_len8(|out| g.text(out, 0, 20));
                }
            }
            10 => {
                let timeout = g.byte();
                out.byte(timeout);
                g.text(out, 0, 40);
            }
            12 => {
                let k = g.count(1, 4);
                out.random(g, 4 * k);
            }
            71 => out.random(g, 4),
            _ => {
                let k = g.count(0, 20);
                out.random(g, k);
            }
        });
    }
    if g.likely(128) {
        out.byte(255);
    }
}

impl Generate for rfc4702::ClientFqdn<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let wire = g.likely(192);
        let flags = (g.byte() & 0x0b) | if wire { rfc4702::ClientFqdn::E } else { 0 };
        out.byte(flags);
        let rcode = if g.likely(192) { 0 } else { 255 };
        out.push(&[rcode, rcode]);
        if wire {
            if g.likely(224) {
                g.dns_name(out, true);
            }
        } else {
            let room = out.room();
            g.text(out, 0, room);
        }
    }
}

impl Generate for rfc4776::CivicLocation<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let what = g.below(3) as u8;
        out.byte(what);
        let country = g.pick(&[*b"US", *b"DE", *b"FR", *b"JP"]).unwrap_or(*b"US");
        out.push(&country);
        let n = g.count(0, 6);
        for _ in 0..n {
            if out.room() < 2 {
                break;
            }
            let kind = g.byte();
            out.byte(kind);
            // Up to 40 bytes: `text` keeps to the room left after the length.
            out.with_len8(|out| g.text(out, 0, 40));
        }
    }
}

impl Generate for rfc5969::SixRd<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let mask = g.below(33) as u8;
        let plen = g.below(129) as u8;
        out.push(&[mask, plen]);
        out.random(g, 16);
        let n = g.count(1, out.room() / 4);
        for _ in 0..n {
            let a = g.ipv4();
            out.push(&a);
        }
    }
}

impl Generate for rfc6225::GeoLocation {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        out.random(g, 16);
    }
}

impl Generate for rfc6607::VirtualSubnet<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        virtual_subnet(g, out);
    }
}

/// An RFC 6607 VSS value: type 0 (text), 1 (7-byte VPN id), 255 (global,
/// empty) or another type with any data.
pub(super) fn virtual_subnet(g: &mut Gen<'_, '_>, out: &mut Out<'_>) {
    match g.below(4) {
        0 => {
            out.byte(0);
            g.text(out, 0, 32);
        }
        1 => {
            out.byte(1);
            out.random(g, 7);
        }
        2 => out.byte(255),
        _ => {
            let kind = 2 + g.below(253) as u8;
            out.byte(kind);
            let n = g.count(0, 16);
            out.random(g, n);
        }
    }
}

impl Generate for rfc6656::SubnetAllocation<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let flags = g.byte() & 3;
        out.byte(flags);
        let room = out.room();
        g.sub_options(out, room);
    }
}

impl Generate for rfc6704::NonceAlgorithms<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let n = g.count(1, 4);
        for _ in 0..n {
            let a = if g.likely(192) { 1 } else { g.byte() };
            out.byte(a);
        }
    }
}

impl Generate for rfc6731::RdnssSelection<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let prf = g.byte() & 0x18;
        out.byte(prf);
        let primary = g.ipv4();
        out.push(&primary);
        let secondary = g.ipv4();
        out.push(&secondary);
        if g.likely(192) {
            g.dns_names(out, 1);
        }
    }
}

impl Generate for rfc6926::StatusCode<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let code = g.below(7) as u8;
        out.byte(code);
        if g.likely(128) {
            g.text(out, 0, 40);
        }
    }
}

impl Generate for rfc6926::DhcpState {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = 1 + g.below(8) as u8;
        out.byte(v);
    }
}

impl Generate for rfc6926::DataSource {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let v = g.byte();
        out.byte(v);
    }
}

impl Generate for rfc7291::PcpServers<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let n = g.count(1, out.room() / 5);
        for i in 0..n {
            if i > 0 && out.room() < 5 {
                break;
            }
            let k = g.count(1, (out.room().saturating_sub(1) / 4).min(63));
            out.with_len8(|out| {
                for _ in 0..k {
                    let a = g.ipv4();
                    out.push(&a);
                }
            });
        }
    }
}

impl Generate for rfc7618::PortParams {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let offset = g.below(16) as u8;
        let len = g.below(17) as u8;
        out.push(&[offset, len]);
        out.random(g, 2);
    }
}

impl Generate for rfc8572::UriList<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        const URIS: &[&[u8]] = &[
            b"https://sztp.example.com:8443/restconf/operations/ietf-sztp-bootstrap-server:get-bootstrapping-data",
            b"https://[2001:db8::1]/",
            b"https://10.0.0.1",
        ];
        let n = g.count(1, 3);
        for i in 0..n {
            if i > 0 && out.room() < 3 {
                break;
            }
            let max = out.room().saturating_sub(2);
            out.with_len16(|out| {
                if g.likely(160) {
                    if let Some(u) = g.pick(URIS) {
                        out.push(u.get(..u.len().min(max.max(1))).unwrap_or(&[]));
                    }
                } else {
                    g.text(out, 1, max);
                }
            });
        }
    }
}

impl Generate for rfc9463::Dnr<'_> {
    fn generate(g: &mut Gen<'_, '_>, _: OptionCode, _: Length, out: &mut Out<'_>) {
        let n = g.count(1, 3);
        for i in 0..n {
            if i > 0 && out.room() < 80 {
                break;
            }
            out.with_len16(|out| {
                let priority = g.u16();
                out.push(&priority.to_be_bytes());
                out.with_len8(|out| g.dns_name(out, false));
                // ADN-only mode, or addresses and SvcParams.
                if g.likely(192) {
                    let k = g.count(1, 4);
                    out.with_len8(|out| {
                        for _ in 0..k {
                            let a = g.ipv4();
                            out.push(&a);
                        }
                    });
                    if g.likely(128) {
                        // SvcParams: alpn=dot.
                        out.push(&[0, 1, 0, 4, 3, b'd', b'o', b't']);
                    }
                }
            });
        }
    }
}
