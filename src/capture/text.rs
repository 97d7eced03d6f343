//! `tcpdump -x` / `-XX` text dumps and plain hex lines.

use std::string::{String, ToString};
use std::vec::Vec;

use super::frame::{decode, guess_link, looks_like_ipv4, plausible};
use super::{
    CaptureError, CaptureOptions, Datagram, FrameError, FrameErrorKind, Frames, LinkType, Timestamp,
};

/// Bytes on one full tcpdump hex line.
const BYTES_PER_LINE: usize = 16;

/// Splits a hex-dump line `\t0x0010:  4500 0148 ...  E..H..` into its
/// offset and the text after the colon, or `None` if it is not one (the
/// shape is `^\s*0x[0-9a-fA-F]{4,}:\s`).
fn split_hex_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("0x")?;
    let digits = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
    let offset = rest.get(..digits)?;
    let body = rest.get(digits..)?.strip_prefix(':')?;
    (digits >= 4 && body.starts_with(|c: char| c.is_ascii_whitespace())).then_some((offset, body))
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes an even-length run of hex digits; `None` if any is not hex.
fn decode_hex(token: &[u8], out: &mut Vec<u8>) -> Option<()> {
    if token.len() % 2 != 0 {
        return None;
    }
    for pair in token.chunks_exact(2) {
        let (hi, lo) = (hex_value(*pair.first()?)?, hex_value(*pair.get(1)?)?);
        out.push(hi << 4 | lo);
    }
    Some(())
}

/// Parses the data of one tcpdump hex line: groups of 4 hex digits (the last
/// may have 2) separated by single spaces. The ASCII column that `-X`/`-XX`
/// append is separated by at least two spaces (tcpdump pads the hex part to
/// a fixed width), so a run of two or more blanks ends the hex data, as do a
/// 2-digit group, 16 bytes, or a word that is not 2 or 4 hex digits. This way
/// an ASCII column that looks like hex (`6162  ab`) is never taken as data.
fn parse_hex_body(body: &str, line: usize, column: usize) -> Result<Vec<u8>, CaptureError> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(BYTES_PER_LINE);
    let mut pos = 0usize;
    loop {
        let blanks = bytes
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let tab = bytes
            .get(pos..pos.saturating_add(blanks))
            .unwrap_or_default()
            .contains(&b'\t');
        if !out.is_empty() && (blanks >= 2 || tab) {
            break;
        }
        pos = pos.saturating_add(blanks);
        let word_len = bytes
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| !b.is_ascii_whitespace())
            .count();
        if word_len == 0 {
            break;
        }
        let word = bytes
            .get(pos..pos.saturating_add(word_len))
            .unwrap_or_default();
        let before = out.len();
        let is_group = (word_len == 4 || word_len == 2) && decode_hex(word, &mut out).is_some();
        if !is_group {
            out.truncate(before);
            if out.is_empty() {
                return Err(CaptureError::InvalidHex {
                    line,
                    column: column.saturating_add(pos).saturating_add(1),
                    reason: std::format!(
                        "expected a group of 4 hex digits after the offset, found {:?}",
                        String::from_utf8_lossy(word)
                    ),
                });
            }
            break;
        }
        pos = pos.saturating_add(word_len);
        if word_len == 2 || out.len() >= BYTES_PER_LINE {
            break;
        }
    }
    Ok(out)
}

/// Link type named on a `tcpdump: listening on eth0, link-type EN10MB
/// (Ethernet), ...` or `reading from file x, link-type ...` line.
/// `Some(None)` means a link-type line with a name we do not support.
fn link_type_line(line: &str) -> Option<Option<LinkType>> {
    let (_, after) = line.split_once("link-type ")?;
    let name = after
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    Some(LinkType::from_tcpdump_name(name))
}

fn is_time(token: &str) -> bool {
    // HH:MM:SS or HH:MM:SS.ffffff (also -ttt/-ttttt deltas).
    let mut parts = token.splitn(2, '.');
    let hms = parts.next().unwrap_or_default();
    let frac_ok = parts
        .next()
        .is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let fields: Vec<&str> = hms.split(':').collect();
    frac_ok
        && fields.len() == 3
        && fields
            .iter()
            .all(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

fn is_date(token: &str) -> bool {
    let fields: Vec<&str> = token.split('-').collect();
    fields.len() == 3
        && fields
            .iter()
            .all(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

fn is_epoch(token: &str) -> bool {
    matches!(token.split_once('.'), Some((s, f))
        if !s.is_empty() && !f.is_empty()
            && s.bytes().all(|b| b.is_ascii_digit())
            && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The timestamp at the start of a tcpdump packet line (`-tttt`: date and
/// time, default: time, `-tt`: epoch seconds), if any.
fn timestamp_of(line: &str) -> Option<String> {
    if line.starts_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    let mut words = line.split_ascii_whitespace();
    let first = words.next()?;
    if is_date(first) {
        let second = words.next().filter(|w| is_time(w))?;
        Some(std::format!("{first} {second}"))
    } else if is_time(first) || is_epoch(first) {
        Some(first.to_string())
    } else {
        None
    }
}

/// A packet being collected from hex lines.
struct Pending {
    bytes: Vec<u8>,
    declared: Option<LinkType>,
    timestamp: Option<String>,
}

fn finish(p: Pending, frame: usize, opts: &CaptureOptions) -> Result<Datagram, FrameError> {
    let link = match (opts.link_type, p.declared) {
        (Some(forced), _) => Some(forced),
        // `-x` prints no link header even when the link type is declared.
        (None, Some(declared)) => {
            if plausible(declared, &p.bytes) || !looks_like_ipv4(&p.bytes) {
                Some(declared)
            } else {
                Some(LinkType::Raw)
            }
        }
        (None, None) => guess_link(&p.bytes),
    };
    let timestamp = p.timestamp.map(Timestamp::Text);
    match link {
        Some(link) => decode(link, &p.bytes, frame, timestamp, opts),
        None => Err(FrameError {
            frame,
            kind: FrameErrorKind::UnknownLinkLayer,
        }),
    }
}

/// Reads `tcpdump -x`/`-xx`/`-X`/`-XX` text.
pub(crate) fn read_tcpdump(text: &str, opts: &CaptureOptions) -> Result<Frames, CaptureError> {
    let mut frames = Vec::new();
    let mut declared: Option<LinkType> = None;
    let mut last_timestamp: Option<String> = None;
    let mut current: Option<Pending> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index.saturating_add(1);
        let Some((offset_text, body)) = split_hex_line(line) else {
            if let Some(link) = link_type_line(line) {
                declared = link;
            }
            if let Some(ts) = timestamp_of(line) {
                last_timestamp = Some(ts);
            }
            continue;
        };
        let column = line.len().saturating_sub(body.len());
        let offset =
            usize::from_str_radix(offset_text, 16).map_err(|_| CaptureError::InvalidHex {
                line: number,
                column: line
                    .len()
                    .saturating_sub(line.trim_start().len())
                    .saturating_add(1),
                reason: std::format!("offset 0x{offset_text} is too large"),
            })?;
        let data = parse_hex_body(body, number, column)?;
        if offset == 0 {
            if let Some(done) = current.take() {
                frames.push(finish(done, frames.len().saturating_add(1), opts));
            }
            current = Some(Pending {
                bytes: Vec::new(),
                declared,
                timestamp: last_timestamp.take(),
            });
        }
        let Some(pending) = current.as_mut() else {
            return Err(CaptureError::TcpdumpOffset {
                line: number,
                expected: 0,
                found: offset,
            });
        };
        if offset != pending.bytes.len() {
            return Err(CaptureError::TcpdumpOffset {
                line: number,
                expected: pending.bytes.len(),
                found: offset,
            });
        }
        pending.bytes.extend_from_slice(&data);
    }
    if let Some(done) = current.take() {
        frames.push(finish(done, frames.len().saturating_add(1), opts));
    }
    Ok(frames)
}

/// Reads one hex-encoded BOOTP message per line.
pub(crate) fn read_hex_lines(text: &str) -> Result<Frames, CaptureError> {
    let mut frames = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index.saturating_add(1);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut payload = Vec::new();
        let bytes = line.as_bytes();
        let mut pos = 0usize;
        while pos < bytes.len() {
            let sep = bytes
                .get(pos..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_whitespace() || **b == b':')
                .count();
            pos = pos.saturating_add(sep);
            let token_len = bytes
                .get(pos..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| !(b.is_ascii_whitespace() || **b == b':'))
                .count();
            if token_len == 0 {
                break;
            }
            let token = bytes
                .get(pos..pos.saturating_add(token_len))
                .unwrap_or_default();
            let digits = token
                .strip_prefix(b"0x")
                .or_else(|| token.strip_prefix(b"0X"))
                .unwrap_or(token);
            let before = payload.len();
            if digits.is_empty() || decode_hex(digits, &mut payload).is_none() {
                payload.truncate(before);
                let bad = digits.iter().position(|b| hex_value(*b).is_none());
                let skipped = token.len().saturating_sub(digits.len());
                let (column, reason) = match bad {
                    Some(i) => (
                        pos.saturating_add(skipped).saturating_add(i),
                        std::format!(
                            "expected a hex digit, found {:?}",
                            char::from(*digits.get(i).unwrap_or(&b'?'))
                        ),
                    ),
                    None if digits.is_empty() => {
                        (pos, "expected hex digits after the 0x prefix".to_string())
                    }
                    None => (
                        pos,
                        std::format!(
                            "expected an even number of hex digits, found {} in {:?}",
                            digits.len(),
                            String::from_utf8_lossy(token)
                        ),
                    ),
                };
                return Err(CaptureError::InvalidHex {
                    line: number,
                    column: column.saturating_add(1),
                    reason,
                });
            }
            pos = pos.saturating_add(token_len);
        }
        frames.push(Ok(Datagram {
            frame: number,
            payload,
            source: None,
            destination: None,
            timestamp: None,
        }));
    }
    Ok(frames)
}
