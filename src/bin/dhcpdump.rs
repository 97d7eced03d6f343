//! `dhcpdump`: decode DHCP messages from pcap, pcapng, tcpdump text or hex
//! lines, printed like `tcpdump -v` or as JSON Lines.
//!
//! ```text
//! cargo install dhcpwire --features cli     # then: dhcpdump [--json] [FILE...]
//! cargo run --release --all-features --example dhcpdump -- [--json] [FILE...]
//! ```
//!
//! The binary (feature `cli`) and the example are this one program: the
//! example includes this file. Without FILE it decodes the golden vectors
//! of `testdata/seed-dora.tcpdump.txt`, built into the program. Exit code 0
//! when every message decoded, 1 when any had an error, 2 for usage or I/O
//! errors.
//!
//! JSON keys are a contract (scripts read them): keys may be added, never
//! renamed or removed.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::net::Ipv4Addr;
use std::process::ExitCode;

use dhcpwire::capture::{self, Datagram, FrameError};
use dhcpwire::{Area, DhcpOption, Error, Message, MessageType, OptionCode, RawOption, builder};
use serde_json::{Map, Value, json};

/// No line of the text output is wider than this (tabs count as 8 columns);
/// longer lines continue on the next, indented 4 more.
const WIDTH: usize = 120;

/// The RFC 951 vendor area: 64 bytes, so a plain BOOTP message has at least
/// 300 (RFC 1542 §2.1 "the minimum BOOTP message size is 300 octets").
const BOOTP_VENDOR_LEN: usize = 64;

/// The golden vectors, decoded when no FILE is given: (name, contents),
/// built in so that an installed binary needs no source tree.
const DEFAULT_INPUTS: &[(&str, &str)] = &[(
    "testdata/seed-dora.tcpdump.txt",
    include_str!("../../testdata/seed-dora.tcpdump.txt"),
)];

const USAGE: &str = "usage: dhcpdump [--json] [FILE...]
  Decodes DHCP messages from pcap, pcapng, tcpdump -x/-XX text or hex lines
  (one BOOTP message per line); the format is detected.
  --json      one JSON object per message (JSON Lines)
  -h, --help  this text
  Without FILE, decodes the built-in golden vectors
  (testdata/seed-dora.tcpdump.txt).
  Exit code: 0 all decoded, 1 some message had an error, 2 usage or I/O error.";

struct Args {
    json: bool,
    files: Vec<String>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        json: false,
        files: Vec::new(),
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => args.json = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(v) => args.files.push(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(args)
}

/// Runs the program (also called by `examples/dhcpdump.rs`).
pub(crate) fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dhcpdump: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut any_error = false;
    let mut inputs: Vec<(String, Option<&'static str>)> =
        args.files.iter().map(|name| (name.clone(), None)).collect();
    if inputs.is_empty() {
        inputs = DEFAULT_INPUTS
            .iter()
            .map(|(name, text)| ((*name).to_owned(), Some(*text)))
            .collect();
    }
    for (name, builtin) in &inputs {
        let read = match builtin {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => std::fs::read(name),
        };
        let input = match read {
            Ok(b) => b,
            Err(e) => {
                let _ = out.flush();
                eprintln!("dhcpdump: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        match dump_file(&mut out, name, &input, args.json) {
            Ok(had_error) => any_error |= had_error,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dhcpdump: writing output: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("dhcpdump: writing output: {e}");
            return ExitCode::from(2);
        }
    }
    if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Decodes one file; returns whether any message or frame had an error.
fn dump_file(out: &mut impl Write, source: &str, input: &[u8], json: bool) -> io::Result<bool> {
    let frames = match capture::read(input) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("dhcpdump: {source}: {e}");
            if json {
                let obj = json!({
                    "source": source,
                    "frame": null,
                    "error": {"kind": "unreadable_capture", "offset": null, "message": e.to_string()},
                });
                writeln!(out, "{obj}")?;
            }
            return Ok(true);
        }
    };
    let mut had_error = false;
    for frame in &frames {
        match frame {
            Ok(dgram) => {
                let report = decode(dgram);
                had_error |= report.error.is_some();
                if json {
                    writeln!(out, "{}", report.to_json(source, dgram.frame))?;
                } else {
                    write_text(out, source, dgram, &report)?;
                }
            }
            Err(fe) => {
                had_error = true;
                eprintln!("dhcpdump: {source}: {fe}");
                if json {
                    writeln!(out, "{}", frame_error_json(source, fe))?;
                } else {
                    let line = format!("{source} frame {}: not decoded: {}", fe.frame, fe.kind);
                    write_wrapped(out, &line)?;
                }
            }
        }
    }
    Ok(had_error)
}

/// Everything the output needs about one message.
struct Report<'a> {
    msg: Option<Message<'a>>,
    options: Vec<RawOption<'a>>,
    /// Plain BOOTP (RFC 951): no cookie, a vendor area of at least 64
    /// bytes. A valid message with no DHCP options (not an error).
    bootp: bool,
    error: Option<Error>,
    trailing_len: Option<usize>,
    roundtrip: bool,
}

fn decode(dgram: &Datagram) -> Report<'_> {
    let bytes = dgram.payload.as_slice();
    let msg = match Message::parse(bytes) {
        Ok(m) => m,
        Err(e) => {
            return Report {
                msg: None,
                options: Vec::new(),
                bootp: false,
                error: Some(e),
                trailing_len: None,
                roundtrip: false,
            };
        }
    };
    // Without a cookie the library's walk reports `no_magic_cookie`; for a
    // whole RFC 951 vendor area that is plain BOOTP, not an error (a shorter
    // cookie-less message is neither BOOTP nor DHCP and stays one).
    let bootp = msg
        .bootp_vendor_area()
        .is_some_and(|v| v.len() >= BOOTP_VENDOR_LEN);
    let mut options = Vec::new();
    let mut error = None;
    if !bootp {
        for opt in msg.options() {
            match opt {
                Ok(o) => options.push(o),
                Err(e) => error = Some(e),
            }
        }
    }
    let trailing_len = msg.trailing().ok().map(<[u8]>::len);
    let roundtrip = error.is_none() && {
        let mut buf = vec![0u8; bytes.len()];
        matches!(builder::rebuild(&msg, &mut buf), Ok(n) if buf.get(..n) == Some(bytes))
    };
    Report {
        msg: Some(msg),
        options,
        bootp,
        error,
        trailing_len,
        roundtrip,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn error_json(e: &Error) -> Value {
    json!({"kind": e.kind(), "offset": e.offset(), "message": e.to_string()})
}

impl Report<'_> {
    fn message_type(&self) -> Option<MessageType> {
        let msg = self.msg.as_ref()?;
        match msg.message_type() {
            Ok(t) => t,
            // The walk failed later on: still report a 53 read before the error.
            Err(_) => self.options.iter().find_map(|o| match o.data {
                [t] if o.code == OptionCode::MESSAGE_TYPE => Some(MessageType::from(*t)),
                _ => None,
            }),
        }
    }

    fn to_json(&self, source: &str, frame: usize) -> Value {
        let mut obj = Map::new();
        obj.insert("source".into(), json!(source));
        obj.insert("frame".into(), json!(frame));
        let h = self.msg.as_ref().map(|m| m.header());
        let num = |f: &dyn Fn(&dhcpwire::Header) -> u64| h.map_or(Value::Null, |h| json!(f(h)));
        obj.insert("op".into(), num(&|h| u64::from(h.op)));
        obj.insert("htype".into(), num(&|h| u64::from(h.htype)));
        obj.insert("hlen".into(), num(&|h| u64::from(h.hlen)));
        obj.insert("hops".into(), num(&|h| u64::from(h.hops)));
        obj.insert("xid".into(), num(&|h| u64::from(h.xid())));
        obj.insert("secs".into(), num(&|h| u64::from(h.secs())));
        obj.insert("flags".into(), num(&|h| u64::from(h.flags().0)));
        let addr = |a: Option<Ipv4Addr>| a.map_or(Value::Null, |a| json!(a.to_string()));
        obj.insert("ciaddr".into(), addr(h.map(|h| h.ciaddr())));
        obj.insert("yiaddr".into(), addr(h.map(|h| h.yiaddr())));
        obj.insert("siaddr".into(), addr(h.map(|h| h.siaddr())));
        obj.insert("giaddr".into(), addr(h.map(|h| h.giaddr())));
        obj.insert(
            "chaddr".into(),
            h.map_or(Value::Null, |h| json!(colon_hex(h.chaddr_lossy()))),
        );
        // null only when option 52 (read before any walk error) says the
        // field carries options; text otherwise, as tshark shows it.
        let (sname, file) = match &self.msg {
            Some(m) => {
                let overload = m.declared_overload();
                let h = m.header();
                (
                    (!overload.is_some_and(|o| o.sname())).then(|| text(h.sname_bytes())),
                    (!overload.is_some_and(|o| o.file())).then(|| text(h.file_bytes())),
                )
            }
            None => (None, None),
        };
        obj.insert("sname".into(), json!(sname));
        obj.insert("file".into(), json!(file));
        obj.insert(
            "message_type".into(),
            json!(self.message_type().map(u8::from)),
        );
        let options = match &self.msg {
            Some(m) if m.is_dhcp() => Value::Array(self.options_json()),
            _ => Value::Null,
        };
        obj.insert("options".into(), options);
        obj.insert("trailing_len".into(), json!(self.trailing_len));
        obj.insert("roundtrip".into(), json!(self.roundtrip));
        obj.insert(
            "error".into(),
            self.error.as_ref().map_or(Value::Null, error_json),
        );
        // Added after the original keys: the RFC 951 vendor area (bytes 236
        // on) of a message without the DHCP cookie, in hex; null otherwise.
        obj.insert(
            "bootp_vendor_area".into(),
            json!(
                self.msg
                    .as_ref()
                    .and_then(Message::bootp_vendor_area)
                    .map(hex)
            ),
        );
        Value::Object(obj)
    }

    /// RFC 3396: the instances of each code, in walk order. One pass, so
    /// thousands of fragments stay linear.
    fn groups(&self) -> BTreeMap<u8, Vec<&RawOption<'_>>> {
        let mut groups: BTreeMap<u8, Vec<&RawOption<'_>>> = BTreeMap::new();
        for opt in &self.options {
            groups.entry(opt.code.0).or_default().push(opt);
        }
        groups
    }

    fn options_json(&self) -> Vec<Value> {
        // RFC 3396: all instances of a code are one value. It is decoded
        // once, on the first instance; later ones point back to it.
        let groups = self.groups();
        let mut out = Vec::with_capacity(self.options.len());
        for opt in &self.options {
            let mut o = Map::new();
            o.insert("code".into(), json!(opt.code.0));
            o.insert("len".into(), json!(opt.len()));
            o.insert("data".into(), json!(hex(opt.data)));
            o.insert("area".into(), json!(opt.area.name()));
            o.insert("name".into(), json!(opt.code.name()));
            let same = groups.get(&opt.code.0).map_or(&[][..], Vec::as_slice);
            let first = same.first().map_or(opt.offset, |p| p.offset);
            let decoded = if same.len() <= 1 {
                Some(opt.decode().map(|v| value_json(&v)))
            } else if first == opt.offset {
                Some(self.decode_joined(opt, same, |v| v.map(value_json)))
            } else {
                None
            };
            match decoded {
                Some(Ok(v)) => o.insert("value".into(), v),
                Some(Err(e)) => o.insert("error".into(), error_json(&e)),
                None => o.insert("value".into(), json!({ "continuation_of": first })),
            };
            out.push(Value::Object(o));
        }
        out
    }

    /// The joined value of a code that occurs several times, given to `f`.
    /// When the whole message walked cleanly the library joins it, so error
    /// offsets point into the right fragment; otherwise the instances read
    /// before the error are joined here.
    fn decode_joined<R>(
        &self,
        first: &RawOption<'_>,
        same: &[&RawOption<'_>],
        f: impl FnOnce(Result<&DhcpOption<'_>, Error>) -> R,
    ) -> R {
        if let (Some(msg), None) = (&self.msg, &self.error) {
            if let Ok(Some(value)) = msg.option(first.code) {
                let mut scratch = vec![0u8; value.len()];
                return f(value.decode_with(&mut scratch).as_ref().map_err(|e| *e));
            }
        }
        let joined: Vec<u8> = same.iter().flat_map(|p| p.data.iter().copied()).collect();
        f(DhcpOption::decode(first.code, &joined, first.offset)
            .as_ref()
            .map_err(|e| *e))
    }

    /// The text form of a message: the library's header lines, then the
    /// BOOTP vendor area or the options, one line per option value: the
    /// instances of an RFC 3396 split option are joined on the line of the
    /// first, which says from how many fragments.
    fn write_message_text(&self, t: &mut String, msg: &Message<'_>) {
        use std::fmt::Write as _;
        let _ = write!(t, "{}", msg.display_header());
        if let Err(e) = msg.cookie() {
            if !self.bootp {
                let _ = writeln!(t, "\t  {e}");
            }
            if let Some(vendor) = msg.bootp_vendor_area() {
                let _ = writeln!(
                    t,
                    "\t  BOOTP vendor area (RFC 951), length {}: {}",
                    vendor.len(),
                    colon_hex(vendor)
                );
            }
            return;
        }
        let _ = writeln!(t, "\t  Vendor-rfc1048 Extensions");
        let _ = writeln!(t, "\t    Magic Cookie 0x63825363");
        let groups = self.groups();
        for opt in &self.options {
            let same = groups.get(&opt.code.0).map_or(&[][..], Vec::as_slice);
            match same {
                [] | [_] => {
                    let _ = writeln!(t, "\t    {opt}");
                }
                [first, ..] if first.offset == opt.offset => {
                    let _ = writeln!(t, "\t    {}", self.joined_line(opt, same));
                }
                _ => {} // shown joined on the line of the first instance
            }
        }
        if let Some(e) = &self.error {
            let _ = writeln!(t, "\t    error: {e}");
        }
        if let Ok(tail) = msg.trailing() {
            if !tail.is_empty() && tail.iter().all(|&b| b == 0) {
                let _ = writeln!(t, "\t    PAD Option 0, length 0, occurs {}", tail.len());
            } else if !tail.is_empty() {
                let _ = writeln!(t, "\t    {} bytes after END", tail.len());
            }
        }
    }

    /// `Name Option N, length L (total), joined from K fragments (in areas):
    /// value` for a code with several instances.
    fn joined_line(&self, first: &RawOption<'_>, same: &[&RawOption<'_>]) -> String {
        let total: usize = same.iter().map(|p| p.len()).sum();
        let mut line = format!(
            "{} Option {}, length {total}, joined from {} fragments",
            first.code,
            first.code.0,
            same.len()
        );
        let mut areas: Vec<Area> = Vec::new();
        for p in same {
            if !areas.contains(&p.area) {
                areas.push(p.area);
            }
        }
        if areas != [Area::Options] {
            let names: Vec<&str> = areas.iter().map(|a| a.name()).collect();
            line.push_str(&format!(" (in {})", names.join(", ")));
        }
        if total == 0 {
            return line;
        }
        let value = self.decode_joined(first, same, |v| match v {
            Ok(v) => v.to_string(),
            Err(e) => {
                let joined: Vec<u8> = same.iter().flat_map(|p| p.data.iter().copied()).collect();
                format!("{} [{e}]", colon_hex(&joined))
            }
        });
        line.push_str(": ");
        line.push_str(&value);
        line
    }
}

/// The typed value of an option as JSON: the library's `serde` form
/// (addresses as dotted strings, lists as arrays, times and numbers as
/// numbers, text as strings, 61 as `{"type", "id"}`, 82 as an array of
/// `{"code", "name", "data", "value"}`, raw bytes as hex).
fn value_json(opt: &DhcpOption<'_>) -> Value {
    serde_json::to_value(opt).unwrap_or(Value::Null)
}

fn frame_error_json(source: &str, fe: &FrameError) -> Value {
    let (kind, offset) = (fe.kind.kind(), fe.kind.offset());
    let mut obj = Map::new();
    obj.insert("source".into(), json!(source));
    obj.insert("frame".into(), json!(fe.frame));
    for key in [
        "op",
        "htype",
        "hlen",
        "hops",
        "xid",
        "secs",
        "flags",
        "ciaddr",
        "yiaddr",
        "siaddr",
        "giaddr",
        "chaddr",
        "sname",
        "file",
        "message_type",
        "options",
        "trailing_len",
    ] {
        obj.insert(key.into(), Value::Null);
    }
    obj.insert("roundtrip".into(), json!(false));
    obj.insert(
        "error".into(),
        json!({"kind": kind, "offset": offset, "message": fe.kind.to_string()}),
    );
    obj.insert("bootp_vendor_area".into(), Value::Null);
    Value::Object(obj)
}

/// A capture timestamp as RFC 3339 UTC, or as raw seconds when a hostile
/// capture gives one that `SystemTime` or RFC 3339 cannot hold (past year
/// 9999).
fn unix_time(secs: u64, nanos: u32) -> String {
    use std::fmt::Write as _;
    let at = std::time::Duration::from_secs(secs)
        .checked_add(std::time::Duration::from_nanos(u64::from(nanos)))
        .and_then(|d| std::time::UNIX_EPOCH.checked_add(d));
    let mut text = String::new();
    match at {
        Some(at) if write!(text, "{}", humantime::format_rfc3339_micros(at)).is_ok() => text,
        _ => format!("@{secs}.{nanos:09}"),
    }
}

fn write_text(
    out: &mut impl Write,
    source: &str,
    dgram: &Datagram,
    report: &Report<'_>,
) -> io::Result<()> {
    let stamp = match &dgram.timestamp {
        Some(capture::Timestamp::Text(t)) => format!("{t} "),
        Some(capture::Timestamp::Unix { secs, nanos }) => format!("{} ", unix_time(*secs, *nanos)),
        _ => String::new(),
    };
    let addrs = match (dgram.source, dgram.destination) {
        (Some(s), Some(d)) => format!("IP {}.{} > {}.{}: ", s.ip(), s.port(), d.ip(), d.port()),
        _ => String::new(),
    };
    let prefix = format!("{source} frame {}: {stamp}{addrs}", dgram.frame);
    let mut text = String::new();
    match (&report.msg, &report.error) {
        (Some(msg), _) => report.write_message_text(&mut text, msg),
        (None, Some(e)) => text.push_str(&format!("not decoded: {e}\n")),
        (None, None) => text.push('\n'),
    }
    let mut lines = text.lines();
    let summary = lines.next().unwrap_or_default();
    if columns(&prefix) + columns(summary) <= WIDTH {
        writeln!(out, "{prefix}{summary}")?;
    } else {
        // Too wide for one line: the message's own summary (tcpdump's
        // "BOOTP/DHCP, Request from ...") stays whole on the next.
        write_wrapped(out, prefix.trim_end())?;
        write_wrapped(out, &format!("    {summary}"))?;
    }
    for line in lines {
        write_wrapped(out, line)?;
    }
    Ok(())
}

/// Display columns of `s`, a tab advancing to the next multiple of 8.
fn columns(s: &str) -> usize {
    s.chars().fold(
        0,
        |col, c| if c == '\t' { col / 8 * 8 + 8 } else { col + 1 },
    )
}

/// Writes `line` in lines of at most [`WIDTH`] columns: broken at the last
/// space that fits, or after the last `:`, `,` or `;` when there is none or
/// when the space would leave the line less than half full, or anywhere as
/// a last resort; continued with the line's own indentation plus 4 spaces.
fn write_wrapped(out: &mut impl Write, line: &str) -> io::Result<()> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let more = format!("{indent}    ");
    let (mut prefix, mut rest) = ("", line);
    loop {
        // Byte index of the first character of `rest` that does not fit.
        let mut col = columns(prefix);
        let fit = rest.char_indices().find_map(|(i, c)| {
            col = if c == '\t' { col / 8 * 8 + 8 } else { col + 1 };
            (col > WIDTH).then_some(i)
        });
        let Some(fit) = fit else {
            return writeln!(out, "{prefix}{rest}");
        };
        // Never break inside the first line's own indentation, and always
        // move on by at least one character.
        let body = if prefix.is_empty() { indent.len() } else { 0 };
        let head = rest.get(..fit).unwrap_or(rest);
        let space = head.rfind(' ').filter(|&i| i > body);
        let punct = head
            .rfind([':', ',', ';'])
            .map(|i| i + 1)
            .filter(|&i| i > body);
        // A long unbroken run (hex) is split at its colons rather than
        // pushed whole to the next line, leaving this one half empty.
        let cut = match (space, punct) {
            (Some(s), Some(p)) if p > s && (s - body) * 2 < fit - body => p,
            (Some(s), _) => s,
            (None, p) => p.unwrap_or(fit),
        };
        let cut = if cut > body {
            cut
        } else {
            let next = rest.get(body..).and_then(|r| r.chars().next());
            body + next.map_or(0, char::len_utf8)
        };
        match (rest.get(..cut), rest.get(cut..)) {
            (Some(now), Some(later)) if !now.trim().is_empty() => {
                writeln!(out, "{prefix}{}", now.trim_end())?;
                rest = later.trim_start_matches(' ');
            }
            _ => return writeln!(out, "{prefix}{rest}"),
        }
        if rest.is_empty() {
            return Ok(());
        }
        prefix = &more;
    }
}
