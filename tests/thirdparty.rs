//! Differential test of `dhcpdump --json` against Wireshark's `tshark` on
//! captures from other projects' test suites (tcpdump, suricata-verify,
//! Zeek, nDPI, PcapPlusPlus, Kea, scapy), which live beside the repository
//! in `../shared/thirdparty-captures/` with their sources and licences
//! (`SOURCES.md`). They are read from there, never copied into this repo;
//! without that folder the test says so and passes.
//!
//! The method is that of `compare/compare.py` in that folder:
//!
//! * pcap/pcapng files go to both tools unchanged. Files of hex text (one
//!   BOOTP message per line, Kea's and scapy's test packets) are run through
//!   dhcpdump as they are (it must not crash), then each message is wrapped
//!   in an Ethernet/IPv4/UDP frame in a temporary pcap that both tools read;
//!   the files whose lines are whole frames (Kea's Linux SLL fuzz seed,
//!   scapy's IPv4 packets) go into a pcap of that link type.
//! * Every frame tshark shows as `dhcp or bootp` is matched with dhcpdump's
//!   record of the same frame number. Compared: op, htype, hlen, hops, xid,
//!   secs (wire bytes), flags, ciaddr, yiaddr, siaddr, giaddr, chaddr (first
//!   `hlen` bytes), sname/file (text, or null when overloaded), the message
//!   type, every option instance without PAD/END (code, length, bytes, area;
//!   options field, then `file`, then `sname`), and whether each tool
//!   reports an error (dhcpdump: the message error or an option value
//!   error; tshark: an expert item of severity Error, malformed, short).
//!   The typed text of options 12, 15, 56, 60, 66 and 67 is compared with
//!   tshark's string when both are printable (NULs trimmed, RFC 2132 §2).
//! * Frames tshark dissects as DHCP but dhcpdump does not take as a DHCP
//!   datagram (tunnels, radiotap, truncated IP) must be exactly the known
//!   capture-layer differences; their DHCP bytes (tshark's `dhcp_raw`) are
//!   then decoded by dhcpdump as hex lines and compared the same way.
//! * Every dhcpdump run exits 0 or 1, prints only JSON lines, never panics,
//!   and every message without an error re-encodes byte for byte.
//!
//! All messages must agree except three, where tshark is the one that is
//! wrong ([`TSHARK_SIDE`]).
#![cfg(feature = "cli")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

#[path = "common/tshark.rs"]
mod tshark_common;
use tshark_common::{hex, many, parse_raw, raws, to_hex, tshark_json, tshark_version};

/// The three disagreements that are tshark's, each with what dhcpdump and
/// tshark report (in file order). Everything else must agree.
///
/// 1. Kea `discoverWithValidVIVSO`: option 82 sub-option 9 (RFC 4243),
///    enterprise 4491 (CableLabs), vendor data `01 04 01 02 03 00`: one
///    sub-option, code 1, length 4. tshark's CableLabs dissector reads code
///    1 as a 2-byte "DOCSIS version", ignores the stated length 4 and parses
///    the remaining `03 00` as a new tag ("Unknown tag 3"). The lengths are
///    consistent (2 + 4 = 6); Kea's test calls this packet valid.
/// 2. scapy `s3`: option 36 (Ethernet Encapsulation) = 2. RFC 2132 §6.3
///    defines only 0 (RFC 894) and 1 (RFC 1042); tshark shows any non-zero
///    byte as "Enabled". The value is an arbitrary test value of scapy's
///    suite.
/// 3. tcpdump `dhcp-option-33.pcap` frame 5: option 33 (Static Route) of
///    length 0. RFC 2132 §5.8: "The minimum length of this option is 8, and
///    the length MUST be a multiple of 8." tshark only checks "multiple of
///    8" (the same capture's length-3 option 33, frame 4, is flagged by
///    both); tcpdump's own expected output flags it too
///    (`[length != N x 8 bytes]`).
const TSHARK_SIDE: [(&str, usize, &[&str], &[&str]); 3] = [
    (
        "kea/src/lib/dhcp/testutils/pkt_captures4.cc.discoverWithValidVIVSO.hex",
        1,
        &[],
        &["Unknown tag 3 (0 bytes)"],
    ),
    (
        "scapy/test/scapy/layers/dhcp.uts.s3.hex",
        1,
        &["option 36: option 36 at offset 271: invalid value, expected 0 (off) or 1 (on)"],
        &[],
    ),
    (
        "tcpdump/tests/dhcp-option-33.pcap",
        5,
        &[
            "option 33: option 33 at offset 255: value of 0 bytes has the wrong length, \
           expected a non-zero multiple of 8 bytes",
        ],
        &[],
    ),
];

/// Frames tshark dissects as DHCP that dhcpdump does not take as DHCP
/// datagrams: (file, frame, dhcpdump's frame error). dhcpdump reads no
/// tunnels (CAPWAP data, UDP 5247) and no radiotap, and refuses a frame
/// whose IPv4 length is past the captured bytes.
const CAPTURE_LAYER: [(&str, usize, &str); 8] = [
    (
        "nDPI/tests/cfgs/default/pcap/capwap.pcap",
        280,
        "not_dhcp_port",
    ),
    (
        "nDPI/tests/cfgs/default/pcap/capwap.pcap",
        329,
        "not_dhcp_port",
    ),
    (
        "nDPI/tests/cfgs/default/pcap/capwap.pcap",
        337,
        "not_dhcp_port",
    ),
    (
        "nDPI/tests/cfgs/default/pcap/capwap.pcap",
        347,
        "not_dhcp_port",
    ),
    (
        "nDPI/tests/cfgs/default/pcap/capwap.pcap",
        379,
        "not_dhcp_port",
    ),
    ("tcpdump/tests/bootp_asan-2.pcap", 1, "truncated"),
    ("tcpdump/tests/bootp_asan.pcap", 1, "truncated"),
    (
        "tcpdump/tests/ieee802.11_htc.pcap",
        1,
        "unsupported_link_type",
    ),
];

/// Hex files whose lines are whole link-layer frames, with their pcap
/// link type (113 Linux SLL, 101 raw IPv4).
const FRAME_HEX: [(&str, u32); 6] = [
    ("kea/src/fuzz/corp/full-dhcp-packet.pkt4", 113),
    ("scapy/test/scapy/layers/dhcp.uts.s.hex", 101),
    ("scapy/test/scapy/layers/dhcp.uts.s2.hex", 101),
    ("scapy/test/scapy/layers/dhcp.uts.s3.hex", 101),
    ("scapy/test/scapy/layers/dhcp.uts.s4.hex", 101),
    ("scapy/test/scapy/layers/dhcp.uts.s5.hex", 101),
];

/// Text options whose typed value is compared with tshark's string:
/// (code, tshark field).
const TEXT_FIELDS: [(u64, &str); 6] = [
    (12, "dhcp.option.hostname"),
    (15, "dhcp.option.domain_name"),
    (56, "dhcp.option.message"),
    (60, "dhcp.option.vendor_class_id"),
    (66, "dhcp.option.tftp_server_name"),
    (67, "dhcp.option.bootfile_name"),
];

/// dhcpdump error kinds about the frame, not the BOOTP message.
const FRAME_KINDS: [&str; 14] = [
    "truncated",
    "truncated_record",
    "not_ipv4",
    "unsupported_address_family",
    "invalid_ipv4",
    "ip_fragment",
    "not_udp",
    "invalid_udp_length",
    "not_dhcp_port",
    "invalid_link_header",
    "unsupported_link_type",
    "unknown_interface",
    "unknown_link_layer",
    "unreadable_capture",
];

/// `../shared/thirdparty-captures`, beside the repository.
fn captures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/thirdparty-captures")
}

/// Every input file: all files but `*.md` and the `compare/` folder, sorted.
fn inputs(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                if path != root.join("compare") {
                    walk(&path, root, out);
                }
            } else if path.extension().and_then(|e| e.to_str()) != Some("md") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

#[derive(Debug, PartialEq)]
enum Kind {
    Pcap,
    Hex,
    Binary,
}

fn kind(data: &[u8]) -> Kind {
    const PCAP: [[u8; 4]; 7] = [
        [0xa1, 0xb2, 0xc3, 0xd4],
        [0xd4, 0xc3, 0xb2, 0xa1],
        [0xa1, 0xb2, 0x3c, 0x4d],
        [0x4d, 0x3c, 0xb2, 0xa1],
        [0xa1, 0xb2, 0xcd, 0x34],
        [0x34, 0xcd, 0xb2, 0xa1],
        [0x0a, 0x0d, 0x0d, 0x0a], // pcapng
    ];
    if data.len() >= 4 && PCAP.iter().any(|m| data[..4] == m[..]) {
        return Kind::Pcap;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return Kind::Binary;
    };
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .peekable();
    let hex_line = |l: &str| {
        l.chars()
            .all(|c| c.is_ascii_hexdigit() || " \t:".contains(c))
    };
    if text.is_ascii() && lines.peek().is_some() && lines.all(hex_line) {
        Kind::Hex
    } else {
        Kind::Binary
    }
}

/// The messages of a hex file: one per line, `#` comments skipped, every
/// hex digit kept (an odd last digit dropped).
fn hex_messages(text: &str) -> Vec<Vec<u8>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut digits: String = l.chars().filter(char::is_ascii_hexdigit).collect();
            if digits.len() % 2 == 1 {
                digits.pop();
            }
            hex(&digits).expect("hex digits")
        })
        .collect()
}

fn checksum(data: &[u8]) -> u16 {
    let mut sum: u32 = data
        .chunks(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])))
        .sum();
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// An Ethernet/IPv4/UDP frame around a BOOTP message: 68 -> 67, or
/// 67 -> 68 for op 2 (UDP checksum 0).
fn udp_frame(payload: &[u8]) -> Vec<u8> {
    let reply = payload.first() == Some(&2);
    let (sport, dport): (u16, u16) = if reply { (67, 68) } else { (68, 67) };
    let src = if reply { [10, 0, 0, 1] } else { [0, 0, 0, 0] };
    let udp_len = u16::try_from(8 + payload.len()).expect("message fits UDP");
    let mut ip = vec![0x45, 0];
    ip.extend_from_slice(&(20 + udp_len).to_be_bytes());
    ip.extend_from_slice(&[0, 1, 0, 0, 64, 17, 0, 0]);
    ip.extend_from_slice(&src);
    ip.extend_from_slice(&[255, 255, 255, 255]);
    let sum = checksum(&ip);
    ip[10..12].copy_from_slice(&sum.to_be_bytes());
    let mut frame = vec![0xff; 6];
    frame.extend_from_slice(&[2, 0, 0, 0, 0, 1, 0x08, 0x00]);
    frame.extend_from_slice(&ip);
    frame.extend_from_slice(&sport.to_be_bytes());
    frame.extend_from_slice(&dport.to_be_bytes());
    frame.extend_from_slice(&udp_len.to_be_bytes());
    frame.extend_from_slice(&[0, 0]);
    frame.extend_from_slice(payload);
    frame
}

fn write_pcap(path: &Path, frames: &[Vec<u8>], linktype: u32) {
    let mut out = Vec::new();
    out.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&262_144u32.to_le_bytes());
    out.extend_from_slice(&linktype.to_le_bytes());
    for (i, f) in frames.iter().enumerate() {
        let len = u32::try_from(f.len()).expect("frame size");
        out.extend_from_slice(&(1_000_000_000 + i as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(f);
    }
    std::fs::write(path, out).unwrap();
}

/// What one dhcpdump run printed.
struct Run {
    records: BTreeMap<usize, Map<String, Value>>,
}

/// `dhcpdump --json PATH`, checked: exit 0 or 1 within 120 s, no panic,
/// every stdout line a JSON object.
fn dhcpdump(path: &Path, what: &str, health: &mut Vec<String>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dhcpdump"))
        .arg("--json")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    match status.and_then(|s| s.code()) {
        Some(0 | 1) if !err.contains("panicked") => {}
        code => health.push(format!("{what}: exit {code:?}, stderr {err:.300}")),
    }
    let mut records = BTreeMap::new();
    for line in out.lines() {
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => match o.get("frame").and_then(Value::as_u64) {
                Some(frame) => {
                    records.insert(frame as usize, o);
                }
                None => health.push(format!("{what}: a record without frame: {line:.200}")),
            },
            _ => health.push(format!("{what}: not a JSON object: {line:.200}")),
        }
    }
    Run { records }
}

/// Whether dhcpdump took the frame as a BOOTP message (header decoded, or a
/// message error rather than a frame error).
fn is_message(rec: &Map<String, Value>) -> bool {
    let kind = rec.get("error").and_then(|e| e.get("kind")?.as_str());
    !rec["op"].is_null() || kind.is_some_and(|k| !FRAME_KINDS.contains(&k))
}

/// tshark's view of one DHCP frame.
struct TsFrame<'j> {
    layers: &'j Map<String, Value>,
    dhcp: Option<&'j Map<String, Value>>,
    /// The BOOTP message bytes and their frame offset.
    raw: Option<(Vec<u8>, usize)>,
}

fn ts_frames(packets: &[Value]) -> BTreeMap<usize, TsFrame<'_>> {
    let mut out = BTreeMap::new();
    for p in packets {
        let layers = p
            .pointer("/_source/layers")
            .and_then(Value::as_object)
            .expect("tshark packet layers");
        let number = layers
            .get("frame")
            .and_then(|f| f.get("frame.number")?.as_str()?.parse().ok())
            .expect("frame.number");
        // A tunnelled frame may carry several DHCP layers: the first.
        let dhcp = many(layers.get("dhcp"))
            .into_iter()
            .next()
            .and_then(Value::as_object);
        let raw = raws(layers.get("dhcp_raw"))
            .ok()
            .and_then(|r| r.into_iter().next())
            .map(|r| (r.bytes, r.pos));
        out.insert(number, TsFrame { layers, dhcp, raw });
    }
    out
}

/// Every (key, value) pair anywhere under `v`, depth first.
fn walk_json<'j>(v: &'j Value, f: &mut impl FnMut(&'j str, &'j Value)) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                f(k, x);
                walk_json(x, f);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk_json(x, f)),
        _ => {}
    }
}

/// tshark's errors for a frame: expert items of severity Error, and
/// malformed or short frames.
fn ts_errors(t: &TsFrame<'_>) -> Vec<String> {
    let mut errs = Vec::new();
    let mut visit = |k: &str, v: &Value| {
        if k == "_ws.expert" {
            for e in many(Some(v)) {
                if e.get("_ws.expert.severity").and_then(Value::as_str) == Some("8388608") {
                    let msg = e.get("_ws.expert.message").and_then(Value::as_str);
                    errs.push(msg.unwrap_or("expert error").to_owned());
                }
            }
        } else if k.starts_with("_ws.malformed") {
            errs.push("malformed".to_owned());
        } else if k.starts_with("_ws.short") {
            errs.push("short frame".to_owned());
        }
    };
    for (k, v) in t.layers {
        visit(k, v);
        if k == "dhcp" {
            walk_json(v, &mut visit);
        }
    }
    errs.sort();
    errs.dedup();
    errs
}

/// dhcpdump's errors for a message: the message error and option errors.
fn dd_errors(rec: &Map<String, Value>) -> Vec<String> {
    let mut errs = Vec::new();
    if let Some(e) = rec.get("error").filter(|e| !e.is_null()) {
        errs.push(format!(
            "{}: {}",
            e["kind"].as_str().unwrap(),
            e["message"].as_str().unwrap()
        ));
    }
    for o in rec["options"].as_array().into_iter().flatten() {
        if let Some(e) = o.get("error") {
            let code = o["code"].as_u64().unwrap();
            errs.push(format!("option {code}: {}", e["message"].as_str().unwrap()));
        }
    }
    errs
}

/// One option instance: (code, length byte, value hex or None when cut,
/// area).
type Instance = (u64, u64, Option<String>, &'static str);

/// tshark's option instances in RFC 2131 order (options, file, sname),
/// without PAD and END.
fn ts_options(dhcp: &Map<String, Value>, base: usize) -> Vec<Instance> {
    /// (frame offset, item bytes, stated length).
    type Item = (usize, Vec<u8>, Option<u64>);
    let mut items: Vec<Item> = Vec::new();
    fn collect(obj: &Map<String, Value>, items: &mut Vec<Item>) {
        let raw: Vec<&Value> = match obj.get("dhcp.option.type_raw") {
            Some(Value::Array(a)) if a.first().is_some_and(Value::is_array) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        let shows = many(obj.get("dhcp.option.type"));
        let trees = many(obj.get("dhcp.option.type_tree"));
        for (i, r) in raw.into_iter().enumerate() {
            let stated = trees
                .get(i)
                .and_then(|t| t.get("dhcp.option.length")?.as_str()?.parse().ok());
            match parse_raw(r) {
                Ok(r) => items.push((r.pos, r.bytes, stated)),
                // An option that overruns the message: tshark writes "field
                // length invalid!" for its bytes; the code is displayed.
                Err(_) => {
                    let pos = r.get(1).and_then(Value::as_u64).expect("raw offset");
                    let code = shows.get(i).and_then(|c| c.as_str()?.parse::<u8>().ok());
                    items.push((pos as usize, vec![code.expect("option code")], stated));
                }
            }
        }
        for v in obj.values() {
            for item in many(Some(v)) {
                if let Some(o) = item.as_object() {
                    collect(o, items);
                }
            }
        }
    }
    collect(dhcp, &mut items);
    let mut out: Vec<(usize, usize, Instance)> = Vec::new();
    for (pos, bytes, stated) in items {
        let code = bytes[0];
        if code == 0 || code == 255 {
            continue;
        }
        let offset = pos - base;
        let (rank, area) = match offset {
            44..108 => (2, "sname"),
            108..236 => (1, "file"),
            _ => (0, "options"),
        };
        let (len, data) = match bytes.get(1) {
            Some(&l) => (u64::from(l), Some(to_hex(&bytes[2..]))),
            None => (stated.unwrap_or(0), None),
        };
        out.push((rank, offset, (u64::from(code), len, data, area)));
    }
    out.sort_by_key(|o| (o.0, o.1));
    out.into_iter().map(|o| o.2).collect()
}

fn dd_options(rec: &Map<String, Value>) -> Vec<Instance> {
    let area = |a: &str| match a {
        "options" => "options",
        "file" => "file",
        "sname" => "sname",
        other => panic!("area {other}"),
    };
    rec["options"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["code"].as_u64().unwrap(),
                o["len"].as_u64().unwrap(),
                Some(o["data"].as_str().unwrap().to_owned()),
                area(o["area"].as_str().unwrap()),
            )
        })
        .collect()
}

/// A displayed tshark field of the `dhcp` object.
fn field<'j>(dhcp: &'j Map<String, Value>, key: &str) -> Option<&'j str> {
    dhcp.get(key).and_then(Value::as_str)
}

fn num(dhcp: &Map<String, Value>, key: &str) -> Option<u64> {
    let s = field(dhcp, key)?;
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

/// Bytes up to the first NUL.
fn cstr(b: &[u8]) -> &[u8] {
    b.split(|&x| x == 0).next().unwrap_or_default()
}

fn printable(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

#[derive(Default)]
struct Stats {
    files: usize,
    messages: usize,
    via_tshark_bytes: usize,
    options: usize,
    text_values: usize,
    dd_errors: usize,
    ts_errors: usize,
    roundtrip: usize,
    dhcpdump_runs: usize,
}

/// Compares one message; returns the differences as (field, dhcpdump,
/// tshark).
fn compare(
    rec: &Map<String, Value>,
    t: &TsFrame<'_>,
    msg: &[u8],
    stats: &mut Stats,
) -> Vec<(String, String, String)> {
    let mut diffs = Vec::new();
    let (dd_err, ts_err) = (dd_errors(rec), ts_errors(t));
    stats.dd_errors += usize::from(!dd_err.is_empty());
    stats.ts_errors += usize::from(!ts_err.is_empty());
    if dd_err.is_empty() != ts_err.is_empty() {
        diffs.push((
            "error".to_owned(),
            format!("{dd_err:?}"),
            format!("{ts_err:?}"),
        ));
    }
    let mut diff = |f: &str, d: String, t: String| diffs.push((f.to_owned(), d, t));
    let dhcp = t.dhcp.filter(|d| d.contains_key("dhcp.type"));
    let Some(dhcp) = dhcp else {
        if !rec["op"].is_null() {
            diff("header", "decoded".into(), "no header fields".into());
        }
        return diffs;
    };
    if rec["op"].is_null() {
        diff("header", "none".into(), "decoded".into());
        return diffs;
    }
    let base = t.raw.as_ref().map_or(0, |r| r.1);
    for (key, ts) in [
        ("op", num(dhcp, "dhcp.type")),
        ("htype", num(dhcp, "dhcp.hw.type")),
        ("hlen", num(dhcp, "dhcp.hw.len")),
        ("hops", num(dhcp, "dhcp.hops")),
        ("xid", num(dhcp, "dhcp.id")),
        ("flags", num(dhcp, "dhcp.flags")),
        // tshark may display secs little-endian (a heuristic): its raw bytes.
        (
            "secs",
            raws(dhcp.get("dhcp.secs_raw")).ok().and_then(|r| {
                Some(
                    r.first()?
                        .bytes
                        .iter()
                        .fold(0, |n, b| n * 256 + u64::from(*b)),
                )
            }),
        ),
    ] {
        if rec[key].as_u64() != ts {
            diff(key, rec[key].to_string(), format!("{ts:?}"));
        }
    }
    for (key, ts) in [
        ("ciaddr", "dhcp.ip.client"),
        ("yiaddr", "dhcp.ip.your"),
        ("siaddr", "dhcp.ip.server"),
        ("giaddr", "dhcp.ip.relay"),
    ] {
        if rec[key].as_str() != field(dhcp, ts) {
            diff(key, rec[key].to_string(), format!("{:?}", field(dhcp, ts)));
        }
    }
    let mac = raws(dhcp.get("dhcp.hw.mac_addr_raw"))
        .ok()
        .filter(|r| !r.is_empty())
        .or_else(|| raws(dhcp.get("dhcp.hw.addr_raw")).ok());
    if let Some(r) = mac.as_ref().and_then(|r| r.first()) {
        let hlen = rec["hlen"].as_u64().unwrap() as usize;
        let ts = if r.bytes.len() == 16 {
            &r.bytes[..hlen.min(16)]
        } else {
            &r.bytes[..]
        };
        let dd = rec["chaddr"].as_str().unwrap().replace(':', "");
        if dd != to_hex(ts) {
            diff("chaddr", dd, to_hex(ts));
        }
    }
    for (key, ts_key, range) in [
        ("sname", "dhcp.server", 44..108),
        ("file", "dhcp.file", 108..236),
    ] {
        let dd = rec[key].as_str();
        let ts = field(dhcp, ts_key);
        if dd.is_none() != ts.is_none() {
            diff(
                &format!("{key} overloaded"),
                dd.is_none().to_string(),
                ts.is_none().to_string(),
            );
        } else if let (Some(dd), Some(ts)) = (dd, ts) {
            let want = String::from_utf8_lossy(cstr(&msg[range])).into_owned();
            if dd != want || (printable(&want) && ts != want) {
                diff(key, dd.to_owned(), ts.to_owned());
            }
        }
    }
    let mut ts_type = None;
    walk_json(&Value::Object(dhcp.clone()), &mut |k, v| {
        if k == "dhcp.option.dhcp" && ts_type.is_none() {
            ts_type = many(Some(v))
                .first()
                .and_then(|x| x.as_str()?.parse::<u64>().ok());
        }
    });
    if rec["message_type"].as_u64() != ts_type {
        diff(
            "message_type",
            rec["message_type"].to_string(),
            format!("{ts_type:?}"),
        );
    }
    let dd = dd_options(rec);
    let mut ts = ts_options(dhcp, base);
    stats.options += dd.len().max(ts.len());
    // The option that overruns: tshark lists it cut, dhcpdump reports it as
    // the message error.
    if !rec["error"].is_null()
        && ts.len() == dd.len() + 1
        && ts.last().is_some_and(|o| o.2.is_none())
    {
        ts.pop();
    }
    if dd != ts {
        let i = dd.iter().zip(&ts).take_while(|(a, b)| a == b).count();
        diff(
            "options",
            format!("{} instances, #{i}: {:?}", dd.len(), dd.get(i)),
            format!("{} instances, #{i}: {:?}", ts.len(), ts.get(i)),
        );
    }
    // Typed text against tshark's string, for single-instance options whose
    // bytes are printable but for trailing NULs (RFC 2132 §2: receivers
    // delete them, as tshark does; other bytes tshark escapes).
    for o in rec["options"].as_array().into_iter().flatten() {
        let code = o["code"].as_u64().unwrap();
        let Some((_, ts_field)) = TEXT_FIELDS.iter().find(|f| f.0 == code) else {
            continue;
        };
        let bytes = hex(o["data"].as_str().unwrap()).unwrap();
        let single = dd.iter().filter(|x| x.0 == code).count() == 1;
        let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        if !single || end == 0 || !bytes[..end].iter().all(|b| (0x20..0x7f).contains(b)) {
            continue;
        }
        let value = o
            .get("value")
            .and_then(Value::as_str)
            .unwrap_or("<no value>");
        let mut shown = None;
        walk_json(&Value::Object(dhcp.clone()), &mut |k, v| {
            if k == *ts_field && shown.is_none() {
                shown = v.as_str().map(str::to_owned);
            }
        });
        stats.text_values += 1;
        if shown.as_deref() != Some(value) {
            diff(
                &format!("option {code} text"),
                value.to_owned(),
                format!("{shown:?}"),
            );
        }
    }
    diffs
}

/// A message on which the tools disagree.
#[derive(Debug, Clone, PartialEq)]
struct Disagreement {
    file: String,
    frame: usize,
    /// (field, dhcpdump, tshark).
    fields: Vec<(String, String, String)>,
    /// dhcpdump's message and option errors.
    dhcpdump: Vec<String>,
    /// tshark's errors.
    tshark: Vec<String>,
}

#[derive(Default)]
struct Outcome {
    stats: Stats,
    disagreements: Vec<Disagreement>,
    capture_layer: Vec<(String, usize, String)>,
    dhcpdump_only: Vec<(String, usize)>,
    roundtrip_defects: Vec<(String, usize)>,
    health: Vec<String>,
}

fn compare_file(root: &Path, path: &Path, tmp: &Path, o: &mut Outcome) {
    let rel = path
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let data = std::fs::read(path).unwrap();
    let kind = kind(&data);
    o.stats.files += 1;
    // The pcap both tools read, and the message bytes of each frame for
    // wrapped raw messages.
    let mut wrapped: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
    let capture = if kind == Kind::Pcap {
        path.to_owned()
    } else {
        let msgs = match kind {
            Kind::Hex => hex_messages(std::str::from_utf8(&data).unwrap()),
            _ => vec![data.clone()],
        };
        // Crash check on the file as it is (binary: as one hex line).
        let given = if kind == Kind::Hex {
            path.to_owned()
        } else {
            let p = tmp.join("given.hex");
            std::fs::write(&p, format!("{}\n", to_hex(&data))).unwrap();
            p
        };
        dhcpdump(&given, &format!("{rel} (as given)"), &mut o.health);
        o.stats.dhcpdump_runs += 1;
        let pcap = tmp.join("wrapped.pcap");
        match FRAME_HEX.iter().find(|f| f.0 == rel) {
            Some(&(_, linktype)) => write_pcap(&pcap, &msgs, linktype),
            None => {
                let frames: Vec<Vec<u8>> = msgs.iter().map(|m| udp_frame(m)).collect();
                write_pcap(&pcap, &frames, 1);
                wrapped = msgs
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| (i + 1, m))
                    .collect();
            }
        }
        pcap
    };
    let run = dhcpdump(&capture, &rel, &mut o.health);
    o.stats.dhcpdump_runs += 1;
    let packets = tshark_json(
        &capture,
        &["-Y", "dhcp or bootp", "-J", "frame eth ip udp dhcp"],
    );
    let ts = ts_frames(&packets);
    let mut todo: Vec<(usize, Map<String, Value>, Vec<u8>)> = Vec::new();
    let mut by_bytes: Vec<(usize, Vec<u8>)> = Vec::new();
    for (&frame, t) in &ts {
        match run.records.get(&frame) {
            Some(rec) if is_message(rec) => {
                let msg = wrapped
                    .get(&frame)
                    .cloned()
                    .or_else(|| t.raw.as_ref().map(|r| r.0.clone()))
                    .unwrap_or_default();
                todo.push((frame, rec.clone(), msg));
            }
            rec => {
                let kind = rec
                    .and_then(|r| r.get("error")?.get("kind")?.as_str())
                    .unwrap_or("no record");
                o.capture_layer.push((rel.clone(), frame, kind.to_owned()));
                if let Some((bytes, _)) = &t.raw {
                    by_bytes.push((frame, bytes.clone()));
                }
            }
        }
    }
    for (&frame, rec) in &run.records {
        if is_message(rec) && !ts.contains_key(&frame) {
            o.dhcpdump_only.push((rel.clone(), frame));
        }
    }
    // Frames dhcpdump does not take as DHCP datagrams: their DHCP bytes as
    // hex lines.
    if !by_bytes.is_empty() {
        let lines = tmp.join("tshark-bytes.hex");
        let text: String = by_bytes.iter().map(|(_, b)| to_hex(b) + "\n").collect();
        std::fs::write(&lines, text).unwrap();
        let run = dhcpdump(&lines, &format!("{rel} (tshark bytes)"), &mut o.health);
        o.stats.dhcpdump_runs += 1;
        for (i, (frame, bytes)) in by_bytes.into_iter().enumerate() {
            if let Some(rec) = run.records.get(&(i + 1)) {
                o.stats.via_tshark_bytes += 1;
                todo.push((frame, rec.clone(), bytes));
            }
        }
    }
    for (frame, rec, msg) in todo {
        o.stats.messages += 1;
        let t = &ts[&frame];
        let diffs = compare(&rec, t, &msg, &mut o.stats);
        if rec["roundtrip"] == true {
            o.stats.roundtrip += 1;
        } else if rec["error"].is_null() && !rec["op"].is_null() {
            o.roundtrip_defects.push((rel.clone(), frame));
        }
        if !diffs.is_empty() {
            o.disagreements.push(Disagreement {
                file: rel.clone(),
                frame,
                fields: diffs,
                dhcpdump: dd_errors(&rec),
                tshark: ts_errors(t),
            });
        }
    }
}

#[test]
#[ignore = "needs tshark and ../shared/thirdparty-captures (both provided by .ci/run); run with --ignored"]
fn dhcpdump_agrees_with_tshark_on_third_party_captures() {
    let root = captures_dir();
    if !root.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent (the third-party captures live beside the repository, not in it)",
            root.display()
        );
        return;
    }
    let root = root.canonicalize().unwrap();
    let started = Instant::now();
    let version = tshark_version();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("thirdparty");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut o = Outcome::default();
    for path in inputs(&root) {
        compare_file(&root, &path, &tmp, &mut o);
    }
    let s = &o.stats;
    let agreeing = s.messages - o.disagreements.len();
    let summary = format!(
        "{version}: {} files, {} dhcpdump runs, {} messages ({} via tshark's bytes), {agreeing} agree, \
         {} disagree; {} option instances, {} text values compared; errors: dhcpdump {}, tshark {}; \
         {} round-trip; {:.1?}",
        s.files,
        s.dhcpdump_runs,
        s.messages,
        s.via_tshark_bytes,
        o.disagreements.len(),
        s.options,
        s.text_values,
        s.dd_errors,
        s.ts_errors,
        s.roundtrip,
        started.elapsed()
    );
    eprintln!("{summary}");
    for d in &o.disagreements {
        eprintln!(
            "DISAGREE {} frame {}: {:?} dhcpdump {:?} tshark {:?}",
            d.file, d.frame, d.fields, d.dhcpdump, d.tshark
        );
    }
    assert!(o.health.is_empty(), "dhcpdump health: {:#?}", o.health);
    assert!(
        o.roundtrip_defects.is_empty(),
        "no error but no round trip: {:?}",
        o.roundtrip_defects
    );
    assert!(
        o.dhcpdump_only.is_empty(),
        "frames only dhcpdump decodes: {:?}",
        o.dhcpdump_only
    );
    let layer: Vec<(&str, usize, &str)> = o
        .capture_layer
        .iter()
        .map(|(f, n, k)| (f.as_str(), *n, k.as_str()))
        .collect();
    assert_eq!(layer, CAPTURE_LAYER, "capture-layer differences");
    // Exactly the three tshark-side disagreements, on the error flag only.
    let got: Vec<Disagreement> = o
        .disagreements
        .iter()
        .map(|d| Disagreement {
            fields: d
                .fields
                .iter()
                .map(|f| (f.0.clone(), String::new(), String::new()))
                .collect(),
            ..d.clone()
        })
        .collect();
    let want: Vec<Disagreement> = TSHARK_SIDE
        .iter()
        .map(|(file, frame, dd, ts)| Disagreement {
            file: (*file).to_owned(),
            frame: *frame,
            fields: vec![("error".to_owned(), String::new(), String::new())],
            dhcpdump: dd.iter().map(|x| (*x).to_owned()).collect(),
            tshark: ts.iter().map(|x| (*x).to_owned()).collect(),
        })
        .collect();
    assert_eq!(got, want, "{summary}");
    // The totals of SOURCES.md's 74 files (a change here means the folder
    // or a decoder changed: look at the summary above).
    assert_eq!(
        (s.files, s.messages, s.via_tshark_bytes, agreeing, s.options),
        (74, 10_863, 8, 10_860, 12_992),
        "{summary}"
    );
    assert_eq!(
        (s.dd_errors, s.ts_errors, s.roundtrip),
        (14, 13, 10_854),
        "{summary}"
    );
}
