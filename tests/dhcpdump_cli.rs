//! The `dhcpdump` example, run as a user runs it: its `--json` keys are a
//! contract, its values must equal what tcpdump printed for the seeds, and
//! its exit codes are documented.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// `cargo test` builds the examples next to the test binaries.
fn dhcpdump() -> Command {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin: PathBuf = dir.join("examples").join("dhcpdump");
    assert!(bin.exists(), "{} not built", bin.display());
    Command::new(bin)
}

fn run(args: &[&str]) -> Output {
    dhcpdump().args(args).output().unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Exactly these keys, in this order.
const KEYS: [&str; 21] = [
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
    assert!(text.contains(
        "BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length 316, hops 1, xid 0xa000001, Flags [Broadcast] (0x8000)"
    ));
    assert!(text.contains("\t  Your-IP 10.198.27.8\n"));
    assert!(text.contains("DHCP Message Type Option 53, length 1: ACK"));
    assert!(text.contains("PAD Option 0, length 0, occurs 26"));
}

/// Regression: a pcapng time past what `SystemTime` holds panicked in the
/// text output; it is printed as raw seconds instead.
#[test]
fn a_timestamp_past_any_clock_is_printed_raw() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/capture/far-future.pcapng"
    );
    let out = run(&[path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{path} frame 1: @18446744069414584320.000000000 IP 10.198.27.4.67 > 10.228.18.1.67: \
             BOOTP/DHCP, Request from 0a:16:36:fb:bb:4a, length 316, hops 1, xid 0xa000001, \
             Flags [Broadcast] (0x8000)"
        )
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
