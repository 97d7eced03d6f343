//! tshark helpers shared by the differential tests (`tests/tshark.rs`,
//! `tests/thirdparty.rs`): the command, its JSON, and its `*_raw` values.
#![allow(dead_code)] // each test file uses its own subset

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A tshark command isolated from the user's Wireshark profile, so that
/// personal preferences cannot change the dissection.
pub fn tshark() -> Command {
    let config = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tshark-config");
    std::fs::create_dir_all(&config).expect("create tshark config dir");
    let mut cmd = Command::new("tshark");
    cmd.env("WIRESHARK_CONFIG_DIR", &config);
    cmd
}

/// The first line of `tshark --version`; panics with a hint when tshark
/// cannot run.
pub fn tshark_version() -> String {
    match tshark().arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
        Ok(out) => panic!(
            "needs tshark (installed by .ci/run): `tshark --version` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!("needs tshark (installed by .ci/run): cannot run `tshark`: {e}"),
    }
}

/// `tshark -n -r PATH -T json -x --no-duplicate-keys EXTRA...`: one value
/// per packet.
pub fn tshark_json(path: &Path, extra: &[&str]) -> Vec<Value> {
    let out = tshark()
        .args(["-n", "-r"])
        .arg(path)
        .args(["-T", "json", "-x", "--no-duplicate-keys"])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("needs tshark (installed by .ci/run): {e}"));
    assert!(
        out.status.success(),
        "tshark failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout) {
        Ok(Value::Array(packets)) => packets,
        other => panic!("{}: tshark JSON is not an array: {other:?}", path.display()),
    }
}

pub fn hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:02x}");
        s
    })
}

/// One `*_raw` value: bytes and frame offset.
#[derive(Debug, Clone)]
pub struct Raw {
    pub bytes: Vec<u8>,
    pub pos: usize,
}

pub fn parse_raw(v: &Value) -> Result<Raw, String> {
    let a = v
        .as_array()
        .ok_or_else(|| format!("raw value {v} is not an array"))?;
    let bytes = a
        .first()
        .and_then(Value::as_str)
        .and_then(hex)
        .ok_or_else(|| format!("raw value {v}: bad hex"))?;
    let pos = a
        .get(1)
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("raw value {v}: no offset"))?;
    let len = a
        .get(2)
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("raw value {v}: no length"))?;
    if len as usize != bytes.len() {
        return Err(format!(
            "raw value {v}: length {len} != {} bytes",
            bytes.len()
        ));
    }
    Ok(Raw {
        bytes,
        pos: pos as usize,
    })
}

/// All `*_raw` values under one key (one, or several merged into an array).
pub fn raws(v: Option<&Value>) -> Result<Vec<Raw>, String> {
    match v {
        None => Ok(Vec::new()),
        Some(Value::Array(a)) if a.first().is_some_and(Value::is_array) => {
            a.iter().map(parse_raw).collect()
        }
        Some(v) => Ok(vec![parse_raw(v)?]),
    }
}

/// All values under one non-raw key (one, or several merged into an array).
pub fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    }
}
