//! Differential test against Wireshark's `tshark`.
//!
//! Every pcap/pcapng under `testdata/` is read twice: by
//! `dhcpwire::capture::read` + `Message::parse`, and by
//! `tshark -n -r FILE -T json -x --no-duplicate-keys`. The two are compared
//! frame by frame (tshark's `frame.number` against `Datagram::frame`):
//!
//! * which frames are DHCP at all, and the BOOTP bytes of each;
//! * every header field (op, htype, hlen, hops, xid, secs, flags and its
//!   broadcast/reserved bits, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname,
//!   file, magic cookie, "is plain BOOTP");
//! * every option instance, per area (options, file, sname): offset, code,
//!   length byte and value bytes; where each area's END is; the bytes after
//!   END in the options area.
//!
//! Any disagreement fails the test, naming the file, frame and field.
//!
//! # How tshark's display is normalised (tshark 4.0)
//!
//! Only display conventions are normalised; every wire value is compared.
//!
//! 1. JSON shape: `--no-duplicate-keys` makes tshark merge repeated keys of
//!    one object (e.g. every `dhcp.option.type` of a message) into one array,
//!    in dissection order; a key seen once stays a scalar. Every `*_raw` value
//!    is `[hex, frame offset, length, bitmask, type]`. Offsets are taken
//!    relative to `dhcp_raw`'s frame offset, so they are message offsets.
//! 2. Option overload: tshark dissects the options it finds in `file` and
//!    `sname` *inside the tree of option 52* (under a text item "Boot file
//!    name option overload" / "Server host name option overload"), so its
//!    document order interleaves areas. Options are therefore collected from
//!    the whole `dhcp` tree, assigned to an area by offset (44..108 sname,
//!    108..236 file, 240.. options) and, within an area, ordered by offset,
//!    which is wire order; dhcpwire's walk is grouped the same way.
//! 3. PAD: tshark shows a run of PAD bytes as one `dhcp.option.type` item
//!    ("(0) Padding", displayed value 0) over the first byte, with a child
//!    `dhcp.option.padding` over the whole run. dhcpwire skips PAD. Such
//!    items are checked (one 0x00 byte, a child of zero bytes starting
//!    there) and then dropped; because every other option is compared by
//!    offset, a PAD run that the two walks cover differently still shows up
//!    as an offset mismatch of the next option or END.
//! 4. END: tshark shows END as a `dhcp.option.type` item whose *displayed*
//!    value is 0 (it is added with value 0 and the text "(255) End"); its raw
//!    byte is 0xff and its child `dhcp.option.end` is 255. It is compared
//!    with `AreaOptions::end_offset` of the same area, not as an option.
//! 5. Bytes after END: tshark shows them as a top-level `dhcp.option.padding`
//!    for the options area only (never for an overloaded `file`/`sname`, and
//!    not when there are none); compared with `Message::trailing`.
//! 6. RFC 3396: tshark 4.0 shows each instance of a split option as its own
//!    item (no reassembly), so instances are compared one by one.
//! 7. Header display: op, hlen, hops, secs are decimal; htype is `0x%02x`,
//!    xid `0x%08x`, flags `0x%04x`; flags text ("Unicast"/"Broadcast") is in
//!    the showname only and is not used. The broadcast bit shows as "0"/"1".
//! 8. chaddr (packet-dhcp.c): when 0 < hlen <= 16 and htype is 1 or 6 with
//!    hlen 6, `dhcp.hw.mac_addr` covers the 6 bytes; otherwise
//!    `dhcp.hw.addr` covers all 16 bytes (its first hlen bytes are the
//!    address); `dhcp.hw.addr_padding` covers the other 16 - hlen. When hlen
//!    is 0 or above 16 tshark shows only the text "Client address not
//!    given" (dhcpwire: `chaddr()` is empty or an error).
//! 9. sname/file (tshark 4.0): when option 52 makes tshark walk the field
//!    it shows only the text "Server name option overloaded by DHCP" /
//!    "Boot file name option overloaded by DHCP" (dhcpwire: `sname()` /
//!    `file()` is `None`), even when the field starts with a NUL (checked on
//!    a synthetic capture); otherwise `dhcp.server`/`dhcp.file` shows the
//!    name up to its first NUL, "" when the first byte is NUL (dhcpwire:
//!    `Some(name)`). The displayed name is compared when it is printable
//!    ASCII (tshark escapes other bytes for display); the raw 64/128 bytes
//!    are compared always.
//! 10. `dhcp.bootp` ("Frame is BOOTP") is shown when the message has no
//!     option 53: compared with `Message::message_type() == Ok(None)`.

#![cfg(feature = "capture")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dhcpwire::capture::{self, Datagram};
use dhcpwire::options::AreaOptions;
use dhcpwire::{Area, Message};
use serde_json::{Map, Value};

#[path = "common/tshark.rs"]
mod tshark_common;
use tshark_common::{many, raws, to_hex, tshark_json, tshark_version};

/// Header field offsets in the BOOTP message (RFC 2131 §2).
const OP: usize = 0;
const HTYPE: usize = 1;
const HLEN: usize = 2;
const HOPS: usize = 3;
const XID: usize = 4;
const SECS: usize = 8;
const FLAGS: usize = 10;
const CIADDR: usize = 12;
const YIADDR: usize = 16;
const SIADDR: usize = 20;
const GIADDR: usize = 24;
const CHADDR: usize = 28;
const SNAME: usize = 44;
const FILE: usize = 108;
const COOKIE: usize = 236;
const OPTIONS: usize = 240;

/// Every capture under `testdata/`, recursively, sorted.
fn captures() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("pcap" | "pcapng")
            ) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata"),
        &mut out,
    );
    out.sort();
    out
}

/// One `dhcp.option.type` item as tshark shows it.
struct TsOption<'j> {
    /// Message offset of the code byte.
    offset: usize,
    /// The whole item: code, length, value (or the PAD run, or 0xff).
    bytes: Vec<u8>,
    /// The displayed `dhcp.option.type`.
    show: String,
    tree: Option<&'j Map<String, Value>>,
}

/// Collects every `dhcp.option.type` item anywhere in the `dhcp` tree.
fn collect_options<'j>(
    obj: &'j Map<String, Value>,
    base: usize,
    out: &mut Vec<TsOption<'j>>,
) -> Result<(), String> {
    if obj.contains_key("dhcp.option.type_raw") {
        let items = raws(obj.get("dhcp.option.type_raw"))?;
        let shows = many(obj.get("dhcp.option.type"));
        let trees = many(obj.get("dhcp.option.type_tree"));
        if shows.len() != items.len() || trees.len() != items.len() {
            return Err(format!(
                "tshark JSON: {} dhcp.option.type_raw, {} dhcp.option.type, {} trees",
                items.len(),
                shows.len(),
                trees.len()
            ));
        }
        for ((raw, show), tree) in items.into_iter().zip(shows).zip(trees) {
            let offset = raw
                .pos
                .checked_sub(base)
                .ok_or_else(|| format!("option at frame offset {} before dhcp", raw.pos))?;
            out.push(TsOption {
                offset,
                bytes: raw.bytes,
                show: show.as_str().unwrap_or_default().to_owned(),
                tree: tree.as_object(),
            });
        }
    }
    for v in obj.values() {
        for item in many(Some(v)) {
            if let Some(o) = item.as_object() {
                collect_options(o, base, out)?;
            }
        }
    }
    Ok(())
}

fn area_of(offset: usize) -> Option<Area> {
    match offset {
        SNAME..FILE => Some(Area::Sname),
        FILE..COOKIE => Some(Area::File),
        o if o >= OPTIONS => Some(Area::Options),
        _ => None,
    }
}

/// What both sides say about one area.
#[derive(Default)]
struct AreaView {
    /// (offset, code, value) of every option but PAD and END.
    options: Vec<(usize, u8, Vec<u8>)>,
    /// Offset of END.
    end: Vec<usize>,
}

#[derive(Default)]
struct Stats {
    files: usize,
    frames: usize,
    messages: usize,
    header_fields: usize,
    options: usize,
    ends: usize,
    trailing: usize,
}

/// Compares one message; pushes every disagreement to `errs`.
struct Check<'a> {
    file: &'a str,
    frame: usize,
    errs: &'a mut Vec<String>,
}

impl Check<'_> {
    fn fail(&mut self, field: &str, dhcpwire: impl std::fmt::Debug, tshark: impl std::fmt::Debug) {
        self.errs.push(format!(
            "{} frame {}: {field}: dhcpwire {dhcpwire:?}, tshark {tshark:?}",
            self.file, self.frame
        ));
    }

    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, field: &str, dhcpwire: T, tshark: T) -> bool {
        if dhcpwire == tshark {
            true
        } else {
            self.fail(field, dhcpwire, tshark);
            false
        }
    }
}

/// tshark's `dhcp` object for one message, with the frame offset of the
/// message and dhcpwire's bytes of it.
struct Dissected<'a> {
    dhcp: &'a Map<String, Value>,
    base: usize,
    payload: &'a [u8],
}

/// A top-level header field of tshark's `dhcp` object: its displayed value,
/// after checking that its raw bytes sit at `offset` and match the message.
fn field(
    c: &mut Check<'_>,
    stats: &mut Stats,
    ts: &Dissected<'_>,
    key: &str,
    offset: usize,
    len: usize,
) -> Option<String> {
    let Dissected {
        dhcp,
        base,
        payload,
    } = *ts;
    let show = dhcp.get(key).and_then(Value::as_str);
    let raw = raws(dhcp.get(&format!("{key}_raw")));
    let (Some(show), Ok(raw)) = (show, raw) else {
        c.fail(key, "a header field", "missing or malformed");
        return None;
    };
    let [raw] = &raw[..] else {
        c.fail(key, 1, raw.len());
        return None;
    };
    stats.header_fields += 1;
    c.eq(
        &format!("{key} position"),
        (offset, len),
        (raw.pos.wrapping_sub(base), raw.bytes.len()),
    );
    c.eq(
        &format!("{key} raw bytes"),
        payload.get(offset..offset + len).map(to_hex),
        Some(to_hex(&raw.bytes)),
    );
    Some(show.to_owned())
}

fn printable(b: &[u8]) -> bool {
    b.iter().all(|&x| (0x20..0x7f).contains(&x))
}

#[allow(clippy::too_many_lines)]
fn compare_message(
    c: &mut Check<'_>,
    stats: &mut Stats,
    d: &Datagram,
    dhcp: &Map<String, Value>,
    base: usize,
) {
    let payload = &d.payload[..];
    let msg = match Message::parse(payload) {
        Ok(m) => m,
        Err(e) => {
            c.fail("Message::parse", e.to_string(), "dissected as DHCP");
            return;
        }
    };
    let h = msg.header();
    stats.messages += 1;
    let shown = Dissected {
        dhcp,
        base,
        payload,
    };

    // Rule 7: numeric header fields.
    let mut num = |c: &mut Check<'_>, key: &str, off: usize, len: usize, want: String| {
        if let Some(show) = field(c, stats, &shown, key, off, len) {
            c.eq(key, want, show);
        }
    };
    num(c, "dhcp.type", OP, 1, u8::from(msg.op()).to_string());
    num(c, "dhcp.hw.type", HTYPE, 1, format!("0x{:02x}", h.htype));
    num(c, "dhcp.hw.len", HLEN, 1, h.hlen.to_string());
    num(c, "dhcp.hops", HOPS, 1, h.hops.to_string());
    num(c, "dhcp.id", XID, 4, format!("0x{:08x}", msg.xid()));
    num(c, "dhcp.secs", SECS, 2, msg.secs().to_string());
    num(
        c,
        "dhcp.flags",
        FLAGS,
        2,
        format!("0x{:04x}", msg.flags().0),
    );
    num(c, "dhcp.ip.client", CIADDR, 4, msg.ciaddr().to_string());
    num(c, "dhcp.ip.your", YIADDR, 4, msg.yiaddr().to_string());
    num(c, "dhcp.ip.server", SIADDR, 4, msg.siaddr().to_string());
    num(c, "dhcp.ip.relay", GIADDR, 4, msg.giaddr().to_string());
    let flags_tree = dhcp.get("dhcp.flags_tree").and_then(Value::as_object);
    let bc = flags_tree.and_then(|t| t.get("dhcp.flags.bc")?.as_str());
    let flags = msg.flags();
    c.eq(
        "dhcp.flags.bc",
        Some(if flags.broadcast() { "1" } else { "0" }),
        bc,
    );
    let reserved = flags_tree.and_then(|t| t.get("dhcp.flags.reserved")?.as_str());
    c.eq(
        "dhcp.flags.reserved",
        Some(format!("0x{:04x}", flags.reserved())),
        reserved.map(str::to_owned),
    );
    stats.header_fields += 2;

    // Rule 8: chaddr.
    let hlen = usize::from(h.hlen);
    let chaddr = msg.chaddr();
    if (1..=16).contains(&hlen) {
        let ether = matches!(h.htype, 1 | 6) && hlen == 6;
        let (key, len) = if ether {
            ("dhcp.hw.mac_addr", 6)
        } else {
            ("dhcp.hw.addr", 16)
        };
        if let Some(show) = field(c, stats, &shown, key, CHADDR, len) {
            if ether {
                let want = msg
                    .chaddr_lossy()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(":");
                c.eq(key, want, show);
            }
        }
        c.eq("chaddr", Ok(&h.chaddr[..hlen]), chaddr);
        if hlen < 16 {
            field(
                c,
                stats,
                &shown,
                "dhcp.hw.addr_padding",
                CHADDR + hlen,
                16 - hlen,
            );
        }
    } else {
        c.eq(
            "chaddr (tshark: \"Client address not given\")",
            true,
            chaddr.map_or(true, <[u8]>::is_empty),
        );
        c.eq(
            "chaddr text",
            true,
            dhcp.contains_key("Client address not given"),
        );
        stats.header_fields += 1;
    }

    // Rule 9: sname and file.
    for (key, text, off, len, name) in [
        (
            "dhcp.server",
            "Server name option overloaded by DHCP",
            SNAME,
            64,
            msg.sname(),
        ),
        (
            "dhcp.file",
            "Boot file name option overloaded by DHCP",
            FILE,
            128,
            msg.file(),
        ),
    ] {
        let name = match name {
            Ok(n) => n,
            Err(e) => {
                c.fail(key, e.to_string(), "a header field");
                continue;
            }
        };
        stats.header_fields += 1;
        if dhcp.contains_key(text) {
            if let Some(n) = name {
                c.fail(
                    key,
                    String::from_utf8_lossy(n),
                    "overloaded: carries options",
                );
            }
            c.eq(&format!("{key} both shown"), false, dhcp.contains_key(key));
            continue;
        }
        let Some(show) = field(c, stats, &shown, key, off, len) else {
            continue;
        };
        match name {
            None => c.fail(key, "None (overloaded: carries options)", show),
            Some(n) if printable(n) => {
                c.eq(key, String::from_utf8_lossy(n), show.into());
            }
            Some(_) => {}
        }
    }

    // Cookie, BOOTP flag (rule 10).
    let cookie = dhcp.get("dhcp.cookie").and_then(Value::as_str);
    c.eq(
        "dhcp.cookie",
        msg.is_dhcp().then_some("99.130.83.99"),
        cookie,
    );
    if cookie.is_some() {
        field(c, stats, &shown, "dhcp.cookie", COOKIE, 4);
    }
    if let Some(vendor) = msg.bootp_vendor_area() {
        if let Ok([raw]) = raws(dhcp.get("dhcp.vendor_specific_options_raw")).as_deref() {
            c.eq("BOOTP vendor area", to_hex(vendor), to_hex(&raw.bytes));
        }
    }
    match msg.message_type() {
        Ok(t) => {
            c.eq("dhcp.bootp", t.is_none(), dhcp.contains_key("dhcp.bootp"));
        }
        Err(e) => c.fail("message type (option 53)", e.to_string(), "-"),
    }

    // Options.
    let mut ts_items = Vec::new();
    if let Err(e) = collect_options(dhcp, base, &mut ts_items) {
        c.fail("options", "-", e);
        return;
    }
    let mut ts: BTreeMap<&str, AreaView> = BTreeMap::new();
    for o in &ts_items {
        let Some(area) = area_of(o.offset) else {
            c.fail("option offset", "-", o.offset);
            continue;
        };
        let view = ts.entry(area.name()).or_default();
        let what = format!("{area} option at offset {}", o.offset);
        match o.bytes.first() {
            // Rule 3: PAD run.
            Some(0) => {
                c.eq(&format!("{what}: PAD item"), &[0u8][..], &o.bytes[..]);
                let run = o.tree.map(|t| raws(t.get("dhcp.option.padding_raw")));
                let run_ok = matches!(
                    run.as_ref().map(|r| r.as_deref()),
                    Some(Ok([r])) if r.pos.wrapping_sub(base) == o.offset
                        && !r.bytes.is_empty()
                        && r.bytes.iter().all(|&b| b == 0)
                );
                c.eq(
                    &format!("{what}: PAD run (dhcp.option.padding)"),
                    true,
                    run_ok,
                );
                c.eq(&format!("{what}: PAD shown as"), "0", &o.show);
            }
            // Rule 4: END.
            Some(255) => {
                c.eq(&format!("{what}: END item"), &[255u8][..], &o.bytes[..]);
                c.eq(&format!("{what}: END shown as"), "0", &o.show);
                let end = o.tree.and_then(|t| t.get("dhcp.option.end")?.as_str());
                c.eq(&format!("{what}: dhcp.option.end"), Some("255"), end);
                view.end.push(o.offset);
            }
            Some(&code) => {
                let len = o.bytes.get(1).copied().map(usize::from);
                let value = o.bytes.get(2..).unwrap_or_default();
                c.eq(
                    &format!("{what}: length byte vs item size"),
                    Some(value.len()),
                    len,
                );
                c.eq(
                    &format!("{what}: dhcp.option.type"),
                    code.to_string(),
                    o.show.clone(),
                );
                let tlen = o.tree.and_then(|t| t.get("dhcp.option.length")?.as_str());
                c.eq(
                    &format!("{what}: dhcp.option.length"),
                    len.map(|l| l.to_string()),
                    tlen.map(str::to_owned),
                );
                if let Some(tree) = o.tree {
                    if let Ok([v]) = raws(tree.get("dhcp.option.value_raw")).as_deref() {
                        c.eq(
                            &format!("{what}: dhcp.option.value"),
                            (o.offset + 2, to_hex(value)),
                            (v.pos.wrapping_sub(base), to_hex(&v.bytes)),
                        );
                    }
                }
                view.options.push((o.offset, code, value.to_vec()));
            }
            None => c.fail(&what, "-", "empty item"),
        }
    }
    for view in ts.values_mut() {
        view.options.sort_by_key(|o| o.0);
    }

    // dhcpwire's side: the overload-aware walk, and END per walked area.
    let mut dw: BTreeMap<&str, AreaView> = BTreeMap::new();
    if msg.is_dhcp() {
        for o in msg.options() {
            match o {
                Ok(o) => dw.entry(o.area.name()).or_default().options.push((
                    o.offset,
                    o.code.0,
                    o.data.to_vec(),
                )),
                Err(e) => c.fail("options walk", e.to_string(), "no error"),
            }
        }
        let mut areas = vec![(Area::Options, msg.options_area())];
        match msg.overload() {
            Ok(Some(ov)) => {
                if ov.file() {
                    areas.push((Area::File, &h.file[..]));
                }
                if ov.sname() {
                    areas.push((Area::Sname, &h.sname[..]));
                }
            }
            Ok(None) => {}
            Err(e) => c.fail("option 52", e.to_string(), "-"),
        }
        for (area, bytes) in areas {
            let base = if area == Area::Options {
                OPTIONS
            } else {
                area.start()
            };
            let mut walk = AreaOptions::new(bytes, base, area);
            if walk.finish().is_ok() {
                if let Some(end) = walk.end_offset() {
                    dw.entry(area.name()).or_default().end.push(end);
                }
            }
        }
    }

    for area in [Area::Options, Area::File, Area::Sname] {
        let empty = AreaView::default();
        let mine = dw.get(area.name()).unwrap_or(&empty);
        let theirs = ts.get(area.name()).unwrap_or(&empty);
        stats.ends += mine.end.len();
        c.eq(&format!("{area} END offset"), &mine.end, &theirs.end);
        if mine.options.len() != theirs.options.len() {
            let list = |v: &AreaView| {
                v.options
                    .iter()
                    .map(|(off, code, _)| format!("{code}@{off}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            c.fail(
                &format!("{area} option instances (code@offset)"),
                list(mine),
                list(theirs),
            );
            continue;
        }
        for (a, b) in mine.options.iter().zip(&theirs.options) {
            stats.options += 1;
            let what = format!("{area} option #{} at offset {}", a.1, a.0);
            // Stop at the first difference of an instance.
            let _ = c.eq(&format!("{what}: offset"), a.0, b.0)
                && c.eq(&format!("{what}: code"), a.1, b.1)
                && c.eq(&format!("{what}: length"), a.2.len(), b.2.len())
                && c.eq(&format!("{what}: value"), to_hex(&a.2), to_hex(&b.2));
        }
    }

    // Rule 5: bytes after END in the options area.
    if msg.is_dhcp() {
        let padding = raws(dhcp.get("dhcp.option.padding_raw"));
        match (msg.trailing(), padding) {
            (Ok(trailing), Ok(padding)) => {
                let end = dw
                    .get(Area::Options.name())
                    .and_then(|v| v.end.first().copied());
                let want: Vec<_> = match end {
                    Some(end) if !trailing.is_empty() => vec![(end + 1, to_hex(trailing))],
                    _ => Vec::new(),
                };
                let got: Vec<_> = padding
                    .iter()
                    .map(|r| (r.pos.wrapping_sub(base), to_hex(&r.bytes)))
                    .collect();
                stats.trailing += want.len();
                c.eq("bytes after END (dhcp.option.padding)", want, got);
            }
            (Err(e), _) => c.fail("trailing", e.to_string(), "-"),
            (_, Err(e)) => c.fail("dhcp.option.padding", "-", e),
        }
    }
}

fn compare_file(path: &Path, stats: &mut Stats, errs: &mut Vec<String>) {
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let frames = match capture::read(&bytes) {
        Ok(f) => f,
        Err(e) => {
            errs.push(format!("{rel}: dhcpwire cannot read the capture: {e}"));
            return;
        }
    };
    let packets = tshark_json(path, &[]);
    stats.files += 1;
    if frames.len() != packets.len() {
        errs.push(format!(
            "{rel}: frame count: dhcpwire {}, tshark {}",
            frames.len(),
            packets.len()
        ));
    }
    let mut messages = 0;
    for (i, packet) in packets.iter().enumerate() {
        stats.frames += 1;
        let layers = packet.pointer("/_source/layers").and_then(Value::as_object);
        let Some(layers) = layers else {
            errs.push(format!("{rel}: packet {i}: no _source.layers"));
            continue;
        };
        let number = layers
            .get("frame")
            .and_then(|f| f.get("frame.number")?.as_str()?.parse::<usize>().ok());
        let Some(number) = number else {
            errs.push(format!("{rel}: packet {i}: no frame.number"));
            continue;
        };
        let mut c = Check {
            file: &rel,
            frame: number,
            errs,
        };
        let mine = frames.iter().find(|f| match f {
            Ok(d) => d.frame == number,
            Err(e) => e.frame == number,
        });
        let dhcp = layers.get("dhcp");
        let datagram = match (mine, dhcp) {
            (None, _) => {
                c.fail("frame", "absent", "present");
                continue;
            }
            // Neither side sees DHCP here.
            (Some(Err(_)), None) => continue,
            (Some(Err(e)), Some(_)) => {
                c.fail("DHCP datagram", e.to_string(), "dissected as DHCP");
                continue;
            }
            (Some(Ok(_)), None) => {
                c.fail("DHCP datagram", "a DHCP datagram", "no dhcp layer");
                continue;
            }
            (Some(Ok(d)), Some(dhcp)) => (d, dhcp),
        };
        let (d, dhcp) = datagram;
        let Some(dhcp) = dhcp.as_object() else {
            c.fail("dhcp layer", "one DHCP message", dhcp.to_string());
            continue;
        };
        let dhcp_raw = match raws(layers.get("dhcp_raw")).as_deref() {
            Ok([r]) => r.clone(),
            other => {
                c.fail("dhcp_raw", "one raw value", format!("{other:?}"));
                continue;
            }
        };
        c.eq(
            "BOOTP message bytes",
            to_hex(&d.payload),
            to_hex(&dhcp_raw.bytes),
        );
        messages += 1;
        compare_message(&mut c, stats, d, dhcp, dhcp_raw.pos);
    }
    if messages == 0 {
        errs.push(format!("{rel}: no DHCP message compared"));
    }
}

#[test]
#[ignore = "needs tshark (installed by .ci/run); run with --ignored"]
fn dhcpwire_agrees_with_tshark() {
    let started = Instant::now();
    let version = tshark_version();
    let files = captures();
    assert!(!files.is_empty(), "no pcap/pcapng under testdata/");
    let mut stats = Stats::default();
    let mut errs = Vec::new();
    for path in &files {
        compare_file(path, &mut stats, &mut errs);
    }
    let summary = format!(
        "{version}: {} files, {} frames, {} messages, {} header fields, {} options, {} ENDs, {} trailing runs compared in {:.1?}",
        stats.files,
        stats.frames,
        stats.messages,
        stats.header_fields,
        stats.options,
        stats.ends,
        stats.trailing,
        started.elapsed()
    );
    eprintln!("{summary}");
    assert!(
        errs.is_empty(),
        "{} disagreement(s) between dhcpwire and tshark ({summary}):\n{}",
        errs.len(),
        errs.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn area_of_matches_header_layout() {
    assert_eq!(area_of(SNAME), Some(Area::Sname));
    assert_eq!(area_of(FILE - 1), Some(Area::Sname));
    assert_eq!(area_of(FILE), Some(Area::File));
    assert_eq!(area_of(COOKIE - 1), Some(Area::File));
    assert_eq!(area_of(COOKIE), None);
    assert_eq!(area_of(OPTIONS), Some(Area::Options));
    assert_eq!(Area::Options.start(), OPTIONS);
    assert_eq!(Area::File.start(), FILE);
    assert_eq!(Area::Sname.start(), SNAME);
}
