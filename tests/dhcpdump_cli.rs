//! The `dhcpdump` program (binary and example), run as a user runs it: its `--json` keys are a
//! contract, its values must equal what tcpdump printed for the seeds, and
//! its exit codes are documented.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// The `dhcpdump` binary (feature `cli`), which cargo builds for the
/// integration tests; `examples/dhcpdump.rs` runs the same code.
fn dhcpdump() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dhcpdump"))
}

fn run(args: &[&str]) -> Output {
    dhcpdump().args(args).output().unwrap()
}

/// The widest line of a text output, in columns (a tab advances to the next
/// multiple of 8).
fn widest(text: &str) -> usize {
    text.lines()
        .map(|l| {
            l.chars().fold(
                0,
                |col, c| if c == '\t' { col / 8 * 8 + 8 } else { col + 1 },
            )
        })
        .max()
        .unwrap_or(0)
}

/// Joins a line of colon-separated hex wrapped by dhcpdump, checking the
/// wrapping on the way: every line but the last ends with a colon and is
/// full (one more `xx:` group would pass 120 columns), every continuation
/// starts with `indent` (the first line's own indentation plus 4 spaces).
fn unwrap_hex(lines: &[&str], indent: &str) -> String {
    let (first, more) = lines.split_first().unwrap();
    let mut joined = (*first).to_owned();
    for (i, line) in lines.iter().enumerate() {
        assert!(widest(line) <= 120, "{line}");
        if i + 1 < lines.len() {
            assert!(line.ends_with(':'), "{line}");
            assert!(widest(line) + 3 > 120, "not full: {line}");
        }
    }
    for line in more {
        joined.push_str(line.strip_prefix(indent).unwrap());
    }
    joined
}

/// Writes `messages` as a hex-lines file (one BOOTP message per line) in a
/// fresh directory of the test's own and returns its path.
fn hex_file(name: &str, messages: &[Vec<u8>]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dhcpdump-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let text: String = messages
        .iter()
        .map(|m| m.iter().map(|b| format!("{b:02x}")).collect::<String>() + "\n")
        .collect();
    std::fs::write(&path, text).unwrap();
    path
}

/// A BOOTREQUEST header (htype 1, hlen 6, xid 0x12345678, chaddr
/// 02:00:00:00:00:01) with `sname` and `file`, 236 bytes.
fn header(sname: &[u8], file: &[u8]) -> Vec<u8> {
    let mut v = vec![0u8; 236];
    v[..4].copy_from_slice(&[1, 1, 6, 0]);
    v[4..8].copy_from_slice(&[0x12, 0x34, 0x56, 0x78]);
    v[28..34].copy_from_slice(&[2, 0, 0, 0, 0, 1]);
    v[44..44 + sname.len()].copy_from_slice(sname);
    v[108..108 + file.len()].copy_from_slice(file);
    v
}

/// A DHCP message: `header`, the cookie, then `options` as given.
fn dhcp(sname: &[u8], file: &[u8], options: &[u8]) -> Vec<u8> {
    let mut v = header(sname, file);
    v.extend_from_slice(&[99, 130, 83, 99]);
    v.extend_from_slice(options);
    v
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Exactly these keys, in this order (keys are only ever added, at the end).
const KEYS: [&str; 22] = [
    "source",
    "frame",
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
    "roundtrip",
    "error",
    "bootp_vendor_area",
];

#[test]
fn default_json_is_the_four_seeds() {
    let out = run(&["--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let objs = json_lines(&out);
    assert_eq!(objs.len(), 4);
    for (i, o) in objs.iter().enumerate() {
        let keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, KEYS, "keys of object {i}");
        assert_eq!(o["source"], "testdata/seed-dora.tcpdump.txt");
        assert_eq!(o["frame"], i + 1);
        assert_eq!(o["htype"], 1);
        assert_eq!(o["hlen"], 6);
        assert_eq!(o["hops"], 1);
        assert_eq!(o["secs"], 0);
        assert_eq!(o["chaddr"], "0a:16:36:fb:bb:4a");
        assert_eq!(o["giaddr"], "10.198.27.4");
        assert_eq!(o["ciaddr"], "0.0.0.0");
        assert_eq!(o["sname"], "");
        assert_eq!(o["file"], "");
        assert_eq!(o["roundtrip"], true);
        assert_eq!(o["error"], Value::Null);
        assert_eq!(o["bootp_vendor_area"], Value::Null);
    }
    let col = |k: &str| objs.iter().map(|o| o[k].clone()).collect::<Vec<_>>();
    assert_eq!(col("op"), [1, 2, 1, 2]);
    assert_eq!(
        col("xid"),
        [0x0a00_0001, 0x0a00_0001, 0x0a00_0002, 0x0a00_0002]
    );
    assert_eq!(col("flags"), [0x8000, 0x8000, 0, 0]);
    assert_eq!(col("message_type"), [1, 2, 3, 5]);
    assert_eq!(col("trailing_len"), [0, 26, 0, 26]);
    assert_eq!(
        col("yiaddr"),
        ["0.0.0.0", "10.198.27.8", "0.0.0.0", "10.198.27.8"]
    );
    assert_eq!(
        col("siaddr"),
        ["0.0.0.0", "10.228.18.1", "0.0.0.0", "10.228.18.1"]
    );

    let codes = |o: &Value| -> Vec<u64> {
        o["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["code"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(codes(&objs[0]), [53, 60, 55, 61, 12, 51, 82]);
    assert_eq!(codes(&objs[1]), [53, 54, 51, 58, 59, 1]);
    assert_eq!(codes(&objs[2]), [53, 60, 55, 61, 50, 54, 12, 51, 82]);
    assert_eq!(codes(&objs[3]), [53, 54, 51, 58, 59, 1]);

    let discover = &objs[0]["options"];
    assert_eq!(discover[0]["len"], 1);
    assert_eq!(discover[0]["data"], "01");
    assert_eq!(discover[0]["area"], "options");
    assert_eq!(discover[0]["name"], "DHCP Message Type");
    assert_eq!(discover[1]["value"], "EricssonVendor");
    assert_eq!(
        discover[2]["value"],
        serde_json::json!([1, 15, 3, 6, 44, 46, 47, 31, 33, 43, 252])
    );
    assert_eq!(discover[3]["data"], "010a1636fbbb4a");
    assert_eq!(discover[4]["value"], "HostClient11090528025418");
    assert_eq!(discover[5]["value"], 1);
    assert_eq!(discover[6]["len"], 0);
    assert_eq!(discover[6]["data"], "");
    assert_eq!(discover[6]["value"], serde_json::json!([]));

    let offer = &objs[1]["options"];
    assert_eq!(offer[1]["value"], "10.228.18.1");
    assert_eq!(offer[2]["value"], 300);
    assert_eq!(offer[3]["value"], 150);
    assert_eq!(offer[4]["value"], 262);
    assert_eq!(offer[5]["value"], "255.255.0.0");
    assert_eq!(objs[2]["options"][4]["value"], "10.198.27.8");
}

#[test]
fn text_output_is_tcpdump_like() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // The capture prefix and the summary do not fit in 120 columns: the
    // summary goes whole on a continuation line.
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "testdata/seed-dora.tcpdump.txt frame 1: 2020-01-01 15:26:27.173559 IP 10.198.27.4.67 > 10.228.18.1.67:"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "    BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length 316, hops 1, xid 0xa000001, Flags [Broadcast] (0x8000)"
        )
    );
    // Option 55 of the Discover, wrapped at a space.
    assert!(text.contains(
        "\t    Parameter Request List Option 55, length 11: Subnet Mask, Domain Name, Router, Domain Name Server, NetBIOS\n\
         \t        Name Server, NetBIOS Node Type, NetBIOS Scope, Perform Router Discovery, Static Route, Vendor-Specific\n\
         \t        Information, Proxy Auto-Discovery (WPAD)\n"
    ));
    assert_eq!(widest(&text), 118);
    assert!(text.contains("\t  Your-IP 10.198.27.8\n"));
    assert!(text.contains("DHCP Message Type Option 53, length 1: ACK"));
    assert!(text.contains("PAD Option 0, length 0, occurs 26"));
}

/// Regression: a pcapng time past what `SystemTime` holds panicked in the
/// text output; it is printed as raw seconds instead.
#[test]
fn a_timestamp_past_any_clock_is_printed_raw() {
    let out = dhcpdump()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("testdata/capture/far-future.pcapng")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let first: Vec<&str> = text.lines().take(2).collect();
    assert_eq!(
        first,
        [
            "testdata/capture/far-future.pcapng frame 1: @18446744069414584320.000000000 IP 10.198.27.4.67 > 10.228.18.1.67:",
            "    BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length 316, hops 1, xid 0xa000001, Flags [Broadcast] (0x8000)"
        ]
    );
}

#[test]
fn exit_codes() {
    let dir = std::env::temp_dir().join(format!("dhcpdump-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // Missing file: I/O error, 2.
    let out = run(&[dir.join("absent.pcap").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());

    // Usage error: 2.
    assert_eq!(run(&["--bogus"]).status.code(), Some(2));

    // A hex line holding a truncated message: a JSON object with the error, 1.
    let short = dir.join("short.hex");
    std::fs::write(&short, "01 01 06 00 de ad be ef\n").unwrap();
    let out = run(&["--json", short.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let objs = json_lines(&out);
    assert_eq!(objs.len(), 1);
    assert_eq!(objs[0]["frame"], 1);
    assert_eq!(objs[0]["error"]["kind"], "truncated_header");
    assert_eq!(objs[0]["error"]["offset"], 8);
    assert_eq!(objs[0]["op"], Value::Null);
    assert_eq!(objs[0]["roundtrip"], false);

    // An option overrunning the area: header fields kept, error with offset.
    let mut msg = vec![0u8; 240];
    msg[0] = 1;
    msg[236..240].copy_from_slice(&[99, 130, 83, 99]);
    msg.extend_from_slice(&[53, 1, 3, 12, 9, b'x']);
    let hexline: String = msg.iter().map(|b| format!("{b:02x}")).collect();
    let bad = dir.join("bad.hex");
    std::fs::write(&bad, format!("{hexline}\n")).unwrap();
    let out = run(&["--json", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let o = &json_lines(&out)[0];
    assert_eq!(o["op"], 1);
    assert_eq!(o["message_type"], 3);
    assert_eq!(o["error"]["kind"], "option_overrun");
    assert_eq!(o["error"]["offset"], 243);
    assert_eq!(o["options"].as_array().unwrap().len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// RFC 3396: the instances of one code are one value, decoded on the first
/// instance; the others point back at it.
#[test]
fn split_options_are_one_value() {
    let dir = std::env::temp_dir().join(format!("dhcpdump-split-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut msg = vec![0u8; 240];
    msg[0] = 1;
    msg[236..240].copy_from_slice(&[99, 130, 83, 99]);
    // Host name "abc" as 12:"a", 53:Discover, 12:"b", 12:"c", END.
    msg.extend_from_slice(&[12, 1, b'a', 53, 1, 1, 12, 1, b'b', 12, 1, b'c', 255]);
    let hexline: String = msg.iter().map(|b| format!("{b:02x}")).collect();
    let file = dir.join("split.hex");
    std::fs::write(&file, format!("{hexline}\n")).unwrap();
    let out = run(&["--json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let o = &json_lines(&out)[0];
    let opts = o["options"].as_array().unwrap();
    let summary: Vec<(u64, u64, Value)> = opts
        .iter()
        .map(|x| {
            (
                x["code"].as_u64().unwrap(),
                x["len"].as_u64().unwrap(),
                x["value"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (12, 1, Value::from("abc")),
            (53, 1, Value::from(1)),
            (12, 1, serde_json::json!({"continuation_of": 240})),
            (12, 1, serde_json::json!({"continuation_of": 240})),
        ]
    );
    assert_eq!(o["roundtrip"], true);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Regression: a plain BOOTP message (RFC 951: no magic cookie, a 64-byte
/// vendor area) was reported as error `no_magic_cookie`, exit 1, and never
/// round-tripped. It is a valid message: no error, exit 0, re-encoded byte
/// for byte, its vendor area shown.
#[test]
fn plain_bootp_is_a_valid_message() {
    let mut bootp = header(b"srv", b"boot.img");
    let mut vendor = [0u8; 64];
    vendor[..4].copy_from_slice(&[1, 2, 3, 4]); // RFC 951 "vend" is free-form
    bootp.extend_from_slice(&vendor);
    assert_eq!(bootp.len(), 300);
    let path = hex_file("bootp.hex", &[bootp.clone()]);
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let o = &json_lines(&out)[0];
    let keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, KEYS);
    assert_eq!(o["op"], 1);
    assert_eq!(o["xid"], 0x1234_5678);
    assert_eq!(o["chaddr"], "02:00:00:00:00:01");
    assert_eq!(o["sname"], "srv");
    assert_eq!(o["file"], "boot.img");
    assert_eq!(o["message_type"], Value::Null);
    assert_eq!(o["options"], Value::Null);
    assert_eq!(o["trailing_len"], Value::Null);
    assert_eq!(o["error"], Value::Null);
    assert_eq!(o["roundtrip"], true);
    assert_eq!(
        o["bootp_vendor_area"],
        format!("01020304{}", "00".repeat(60))
    );

    let out = run(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let body: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("BOOTP/DHCP, Request from 02:00:00:00:00:01, length 300,"))
        .skip(1)
        .collect();
    assert_eq!(
        body[..3],
        [
            "\t  Client-Ethernet-Address 02:00:00:00:00:01",
            "\t  sname \"srv\"",
            "\t  file \"boot.img\"",
        ]
    );
    let vendor = format!("01:02:03:04{}", ":00".repeat(60));
    assert_eq!(
        unwrap_hex(&body[3..], "\t      "),
        format!("\t  BOOTP vendor area (RFC 951), length 64: {vendor}")
    );
    assert!(!text.contains("cookie"), "{text}");
    // Shorter than the RFC 951 vendor area: neither DHCP nor BOOTP, still
    // the cookie error (tshark calls it malformed too).
    let short = hex_file("bootp-short.hex", &[bootp[..250].to_vec()]);
    let out = run(&["--json", short.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let o = &json_lines(&out)[0];
    assert_eq!(o["error"]["kind"], "no_magic_cookie");
    assert_eq!(o["error"]["offset"], 236);
    assert_eq!(o["roundtrip"], false);
    assert_eq!(o["options"], Value::Null);
    assert_eq!(o["bootp_vendor_area"], "0102030400000000000000000000");
}

/// Regression: option 12 `nas1\0` was shown as `"nas1\u0000"`. RFC 2132
/// §2: receivers must be prepared to delete trailing NULs; `data` keeps
/// every byte, `value` and the text output do not show them.
#[test]
fn text_values_lose_trailing_nuls() {
    let msg = dhcp(
        b"",
        b"",
        &[
            53, 1, 1, 12, 5, b'n', b'a', b's', b'1', 0, 15, 8, b'u', b'n', b'x', b'.', b'c', b'a',
            0, 0, 255,
        ],
    );
    let path = hex_file("nul.hex", &[msg]);
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let o = &json_lines(&out)[0];
    let opts = o["options"].as_array().unwrap();
    assert_eq!(opts[1]["code"], 12);
    assert_eq!(opts[1]["len"], 5);
    assert_eq!(opts[1]["data"], "6e61733100");
    assert_eq!(opts[1]["value"], "nas1");
    assert_eq!(opts[2]["code"], 15);
    assert_eq!(opts[2]["data"], "756e782e63610000");
    assert_eq!(opts[2]["value"], "unx.ca");
    assert_eq!(o["roundtrip"], true);

    let text = String::from_utf8(run(&[path.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("\t    Host Name Option 12, length 5: \"nas1\"\n"));
    assert!(text.contains("\t    Domain Name Option 15, length 8: \"unx.ca\"\n"));
}

/// Regression: when the option walk failed before any option 52, `sname`
/// and `file` were printed as null ("overloaded"). They are text, as tshark
/// shows them, unless an option 52 read before the error says they carry
/// options.
#[test]
fn names_are_text_unless_option_52_says_they_carry_options() {
    // Option 60 claims 49 bytes, 5 follow: the walk fails, no 52 before.
    let overrun = [53, 1, 1, 60, 49, b'x', b'y', b'z', b'w', b'v'];
    let no_52 = dhcp(b"srv", b"boot.img", &overrun);
    let mut with_52 = vec![52, 1, 1];
    with_52.extend_from_slice(&overrun);
    let file_overloaded = dhcp(b"srv", b"boot.img", &with_52);
    let path = hex_file("names.hex", &[no_52, file_overloaded]);
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let objs = json_lines(&out);
    assert_eq!(objs[0]["sname"], "srv");
    assert_eq!(objs[0]["file"], "boot.img");
    assert_eq!(objs[0]["error"]["kind"], "option_overrun");
    assert_eq!(objs[0]["error"]["offset"], 243);
    assert_eq!(objs[0]["message_type"], 1);
    assert_eq!(objs[1]["sname"], "srv");
    assert_eq!(objs[1]["file"], Value::Null);
    assert_eq!(objs[1]["error"]["kind"], "option_overrun");
    assert_eq!(objs[1]["error"]["offset"], 246);

    let text = String::from_utf8(run(&[path.to_str().unwrap()]).stdout).unwrap();
    let frames: Vec<&str> = text.split("names.hex frame ").skip(1).collect();
    assert!(frames[0].contains("\t  sname \"srv\"\n\t  file \"boot.img\"\n"));
    assert!(frames[1].contains("\t  sname \"srv\"\n"));
    assert!(!frames[1].contains("boot.img"));
}

/// Regression: inside option 82 sub-option 9 (RFC 4243) the vendor's
/// sub-option 1 was named "Agent Circuit ID" and typed as one (Kea's
/// `captureRelayedDiscover`); the enterprise defines those codes.
#[test]
fn vendor_data_in_relay_sub_option_9_is_not_named_as_relay_sub_options() {
    // 82: circuit id 20000002, sub-option 9 = enterprise 4491 (CableLabs)
    // with its own sub-option 1 = 03 00.
    let relay = [1, 4, 0x20, 0, 0, 2, 9, 9, 0, 0, 0x11, 0x8b, 4, 1, 2, 3, 0];
    let mut options = vec![53, 1, 1, 82, relay.len() as u8];
    options.extend_from_slice(&relay);
    options.push(255);
    let path = hex_file("relay9.hex", &[dhcp(b"", b"", &options)]);
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let o = &json_lines(&out)[0];
    assert_eq!(
        o["options"][1]["value"],
        serde_json::json!([
            {"code": 1, "name": "Agent Circuit ID", "data": "20000002", "value": "20000002"},
            {"code": 9, "name": "Vendor-Specific Information", "data": "0000118b0401020300",
             "value": [{"enterprise": 4491, "options": [
                 {"code": 1, "name": "Unknown", "data": "0300", "value": "0300"}
             ]}]}
        ])
    );
    let text = String::from_utf8(run(&[path.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains(
        "\t    Relay Agent Information Option 82, length 17: Agent Circuit ID SubOption 1, length 4: 20:00:00:02;\n\
         \t        Vendor-Specific Information SubOption 9, length 9: enterprise 4491 (CableLabs): [1] 03:00\n"
    ));
}

/// The text output shows an RFC 3396 split option once, joined, on the line
/// of its first instance (the JSON already did), and no line of it is wider
/// than 120 columns.
#[test]
fn text_output_joins_split_options_and_wraps_at_120_columns() {
    // Host name "abc" as 12:"a", 53:Discover, 12:"b", 12:"c"; then option
    // 224 of 300 bytes as 255 + 45, the second instance in `file`.
    let mut options = vec![
        52, 1, 1, 12, 1, b'a', 53, 1, 1, 12, 1, b'b', 12, 1, b'c', 224, 255,
    ];
    options.extend_from_slice(&[0xab; 255]);
    options.push(255);
    let mut file = vec![224, 45];
    file.extend_from_slice(&[0xcd; 45]);
    file.push(255);
    let msg = dhcp(b"", &file, &options);
    let path = hex_file("joined.hex", &[msg]);
    let out = run(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let options: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Magic Cookie"))
        .skip(1)
        .collect();
    assert_eq!(
        options[..4],
        [
            "\t    Option Overload Option 52, length 1: file",
            "\t    Host Name Option 12, length 3, joined from 3 fragments: \"abc\"",
            "\t    DHCP Message Type Option 53, length 1: Discover",
            // The space before the hex leaves this line more than half
            // full: the break is there.
            "\t    Private Use (224) Option 224, length 300, joined from 2 fragments (in options, file):",
        ]
    );
    let hex = |b: &str, n: usize| vec![b; n].join(":");
    assert_eq!(
        unwrap_hex(&options[4..], "\t        "),
        format!("\t        {}:{}", hex("ab", 255), hex("cd", 45))
    );
    assert_eq!(options.len(), 4 + 9);
    assert!(widest(&text) <= 120, "{text}");
}

#[test]
fn help_is_the_usage_on_stdout() {
    for flag in ["-h", "--help"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(out.stderr.is_empty(), "{flag}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with("usage: dhcpdump [--json] [FILE...]\n"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "  Exit code: 0 all decoded, 1 some message had an error, 2 usage or I/O error.\n"
            ),
            "{text}"
        );
    }
}

/// Output that nobody reads any more (`dhcpdump | head`) ends the program
/// quietly with 0; any other write error is reported, with 2. Both when
/// the error comes while writing (more output than the 8 KiB buffer) and
/// at the final flush.
#[test]
fn broken_pipe_is_quiet_other_write_errors_are_not() {
    let msg = dhcp(b"", b"", &[53, 1, 1, 12, 4, b'h', b'o', b's', b't', 255]);
    let small = hex_file("pipe-small.hex", std::slice::from_ref(&msg));
    let large = hex_file("pipe-large.hex", &vec![msg; 100]);
    let out = run(&[large.to_str().unwrap()]);
    assert!(out.stdout.len() > 3 * 8192, "{}", out.stdout.len());
    for file in [&small, &large] {
        // A socket whose peer is gone: writing to it fails with EPIPE, as
        // a pipe whose reader has exited does.
        let (writer, reader) = std::os::unix::net::UnixStream::pair().unwrap();
        drop(reader);
        let writer = std::os::fd::OwnedFd::from(writer);
        let out = dhcpdump().arg(file).stdout(writer).output().unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stderr)),
            (Some(0), "".into()),
            "{file:?}"
        );
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = dhcpdump().arg(file).stdout(full).output().unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stderr)),
            (
                Some(2),
                "dhcpdump: writing output: No space left on device (os error 28)\n".into()
            ),
            "{file:?}"
        );
    }
}

/// When the walk fails after option 53, the message type is still the 53
/// read before the error, not another one-byte option before it.
#[test]
fn message_type_read_before_a_walk_error() {
    let msg = dhcp(b"", b"", &[12, 1, b'x', 53, 1, 3, 12, 9, b'x']);
    let path = hex_file("type-before-error.hex", &[msg]);
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let o = &json_lines(&out)[0];
    assert_eq!(o["message_type"], 3);
    assert_eq!(o["error"]["kind"], "option_overrun");
    assert_eq!(o["options"].as_array().unwrap().len(), 2);
}

/// A frame that is not a DHCP datagram: every key, all null but the frame,
/// the error and roundtrip.
#[test]
fn frame_error_json_has_every_key() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dhcpdump-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("garbage.txt");
    std::fs::write(
        &path,
        "\t0x0000:  1212 1212 1212 1212 1212 1212 1212 1212\n",
    )
    .unwrap();
    let out = run(&["--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let objs = json_lines(&out);
    assert_eq!(objs.len(), 1);
    let o = objs[0].as_object().unwrap();
    let keys: Vec<&str> = o.keys().map(String::as_str).collect();
    assert_eq!(keys, KEYS);
    for (key, value) in o {
        match key.as_str() {
            "source" => assert_eq!(value, path.to_str().unwrap()),
            "frame" => assert_eq!(value, 1),
            "roundtrip" => assert_eq!(value, false),
            "error" => assert_eq!(
                *value,
                serde_json::json!({
                    "kind": "unknown_link_layer",
                    "offset": 0,
                    "message": "cannot tell the link layer: expected an IPv4 header, or an Ethernet, \
                                Linux SLL/SLL2 or loopback header carrying IPv4 (no link-type line given)"
                })
            ),
            _ => assert_eq!(*value, Value::Null, "{key}"),
        }
    }
}

/// A pcapng block (little-endian): type, total length, body padded to 32
/// bits, total length.
fn ng_block(block_type: u32, body: &[u8]) -> Vec<u8> {
    let padded = body.len().div_ceil(4) * 4;
    let total = (12 + padded) as u32;
    let mut out = Vec::new();
    out.extend_from_slice(&block_type.to_le_bytes());
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(body);
    out.resize(8 + padded, 0);
    out.extend_from_slice(&total.to_le_bytes());
    out
}

/// A pcapng file of raw IPv4 frames (link type 101, microseconds), one
/// per (timestamp in microseconds, DHCP message), 10.0.0.1:68 ->
/// 10.0.0.2:67.
fn pcapng_file(name: &str, packets: &[(u64, Vec<u8>)]) -> PathBuf {
    let mut file = ng_block(
        0x0a0d_0d0a,
        &[
            0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        ],
    );
    file.extend(ng_block(1, &[101, 0, 0, 0, 0, 0, 0, 0]));
    for (micros, msg) in packets {
        let mut ip = Vec::new();
        etherparse::PacketBuilder::ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
            .udp(68, 67)
            .write(&mut ip, msg)
            .unwrap();
        let mut body = Vec::new();
        for v in [
            0,
            (micros >> 32) as u32,
            *micros as u32,
            ip.len() as u32,
            ip.len() as u32,
        ] {
            body.extend_from_slice(&v.to_le_bytes());
        }
        body.extend_from_slice(&ip);
        file.extend(ng_block(6, &body));
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dhcpdump-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, file).unwrap();
    path
}

/// Capture times print as RFC 3339 UTC, and past year 9999 (which RFC
/// 3339 cannot hold) as raw seconds.
#[test]
fn capture_times_as_rfc_3339_or_raw_past_year_9999() {
    let msg = dhcp(b"", b"", &[53, 1, 1, 255]);
    let path = pcapng_file(
        "times.pcapng",
        &[
            (1_600_000_000_123_456, msg.clone()),
            (253_402_300_800_000_000, msg),
        ],
    );
    let out = run(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let firsts: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" frame "))
        .map(|l| l.strip_prefix(path.to_str().unwrap()).unwrap())
        .collect();
    assert_eq!(
        firsts,
        [
            " frame 1: 2020-09-13T12:26:40.123456Z IP 10.0.0.1.68 > 10.0.0.2.67:",
            " frame 2: @253402300800.000000000 IP 10.0.0.1.68 > 10.0.0.2.67:",
        ]
    );
}

/// Files named so that tabs, spaces and colons in the name land where the
/// text wrapping has to decide; `dir` is the working directory and the
/// names are given as they are, so they start the lines.
fn run_in(dir: &std::path::Path, names: &[&str]) -> (Option<i32>, String) {
    let out = dhcpdump().current_dir(dir).args(names).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn named_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("dhcpdump-cli")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const GARBAGE: &str = "\t0x0000:  1212 1212 1212 1212 1212 1212 1212 1212\n";
const NOT_DECODED: &str = "frame 1: not decoded: cannot tell the link layer: expected an IPv4 header, or an \
                           Ethernet, Linux SLL/SLL2 or loopback header carrying IPv4 (no link-type line given)";

/// A tab counts to the next multiple of 8 columns: after 10 columns, it
/// ends at 16. The summary stays on the line of the frame's prefix when
/// both fit in 120 columns, exactly (`abcdefghij\tk`: 27 + 93), and goes to
/// the next line when they do not (`abcdefghij\tk1234`: 31 + 93).
#[test]
fn text_width_counts_tabs_to_the_next_multiple_of_8() {
    let dir = named_dir("tabs");
    let msg = dhcp(b"", b"", &[53, 1, 1, 255]);
    let hex: String = msg.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(dir.join("abcdefghij\tk"), format!("{hex}\n")).unwrap();
    std::fs::write(dir.join("abcdefghij\tk1234"), format!("{hex}\n")).unwrap();
    std::fs::write(dir.join("abcdefghij\tm"), GARBAGE).unwrap();
    let summary = "BOOTP/DHCP, Request from 02:00:00:00:00:01, length 244, xid 0x12345678, Flags [none] (0x0000)";
    let body = "\t  Client-Ethernet-Address 02:00:00:00:00:01\n\
                \t  Vendor-rfc1048 Extensions\n\
                \t    Magic Cookie 0x63825363\n\
                \t    DHCP Message Type Option 53, length 1: Discover\n";
    let (code, text) = run_in(
        &dir,
        &["abcdefghij\tk", "abcdefghij\tk1234", "abcdefghij\tm"],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        text,
        format!(
            "abcdefghij\tk frame 1: {summary}\n{body}\
             abcdefghij\tk1234 frame 1:\n    {summary}\n{body}\
             abcdefghij\tm frame 1: not decoded: cannot tell the link layer: expected an IPv4 header, or an Ethernet, Linux\n\
             \x20   SLL/SLL2 or loopback header carrying IPv4 (no link-type line given)\n"
        )
    );
}

/// A line breaks at the last space within 120 columns: one in column 120
/// itself counts (the first line is then 119 wide).
#[test]
fn text_wraps_at_a_space_in_column_120() {
    let dir = named_dir("col120");
    std::fs::write(dir.join("0123456789"), GARBAGE).unwrap();
    let (code, text) = run_in(&dir, &["0123456789"]);
    assert_eq!(code, Some(1));
    let line = format!("0123456789 {NOT_DECODED}");
    assert_eq!(&line[119..120], " ");
    assert_eq!(text, format!("{}\n    {}\n", &line[..119], &line[120..]));
}

/// A long run after the last space (hex, say) is split after its last
/// `:` `,` or `;` when the space would leave the line less than half full
/// (counted after the indentation), and broken at the space otherwise.
#[test]
fn text_wraps_a_long_run_at_its_colon_when_the_space_is_before_half() {
    let dir = named_dir("half");
    let name = |a: usize| {
        format!(
            "    {} {}:{}",
            "x".repeat(a),
            "y".repeat(20),
            "z".repeat(60)
        )
    };
    // With 4 columns of indentation, 116 are left before column 120: a
    // space after 58 of them is at half, after 54 before it.
    for (a, first) in [
        (58, format!("    {}", "x".repeat(58))),
        (54, format!("    {} {}:", "x".repeat(54), "y".repeat(20))),
    ] {
        std::fs::write(dir.join(name(a)), GARBAGE).unwrap();
        let (code, text) = run_in(&dir, &[&name(a)]);
        assert_eq!(code, Some(1));
        assert_eq!(text.lines().next(), Some(first.as_str()), "{a}");
        let joined: String = text
            .lines()
            .map(|l| l.trim_start())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            joined.replace(": z", ":z"),
            format!("{} {NOT_DECODED}", name(a).trim_start())
        );
    }
}

/// Hostile names: indentation reaching column 120 still moves on by one
/// character a line; a continuation that would be only tabs is written
/// whole instead.
#[test]
fn text_wrapping_always_moves_on() {
    let dir = named_dir("indent");
    let tabs = "\t".repeat(15);
    let deep = format!("{tabs}m");
    std::fs::write(dir.join(&deep), GARBAGE).unwrap();
    let (code, text) = run_in(&dir, &[&deep]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        [deep.clone(), format!("{tabs}    f"), format!("{tabs}    r")]
    );
    let rest: String = lines[1..]
        .iter()
        .map(|l| l.strip_prefix(&format!("{tabs}    ")).unwrap())
        .collect();
    assert_eq!(rest, NOT_DECODED.replace(' ', ""));

    let tabbed = format!("aaa:{}b", "\t".repeat(16));
    std::fs::write(dir.join(&tabbed), GARBAGE).unwrap();
    let (code, text) = run_in(&dir, &[&tabbed]);
    assert_eq!(code, Some(1));
    assert_eq!(
        text,
        format!("aaa:\n    {}b {NOT_DECODED}\n", "\t".repeat(16))
    );
}
