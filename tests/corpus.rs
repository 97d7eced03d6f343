//! Every capture in testdata/ (real DHCP software in network namespaces, see
//! testdata/corpus/README.md, and the golden vectors in other link types)
//! decodes with no frame error, no walk error and no typed-option error, and
//! every message re-emits byte for byte.
#![cfg(feature = "capture")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dhcpwire::{Message, MessageType, builder};

fn capture_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut files = Vec::new();
    for dir in [root.join("corpus"), root.join("capture"), root.clone()] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".pcap")
                || name.ends_with(".pcapng")
                || name.ends_with(".tcpdump.txt")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Decodes one file completely; returns the message types in order, or a
/// list of problems.
fn check_file(path: &Path) -> Result<Vec<Option<MessageType>>, Vec<String>> {
    let input = std::fs::read(path).map_err(|e| vec![e.to_string()])?;
    let frames = dhcpwire::capture::read(&input).map_err(|e| vec![e.to_string()])?;
    let mut problems = Vec::new();
    let mut types = Vec::new();
    for frame in frames {
        let dgram = match frame {
            Ok(d) => d,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let f = dgram.frame;
        let bytes = &dgram.payload;
        let msg = match Message::parse_dhcp(bytes) {
            Ok(m) => m,
            Err(e) => {
                problems.push(format!("frame {f}: {e}"));
                continue;
            }
        };
        for opt in msg.options() {
            match opt {
                Ok(o) => {
                    // A code that appears several times is one RFC 3396 value.
                    let value = msg.option(o.code).unwrap().unwrap();
                    let mut scratch = vec![0u8; value.len()];
                    if let Err(e) = value.decode_with(&mut scratch) {
                        problems.push(format!("frame {f}: {e}"));
                    }
                }
                Err(e) => problems.push(format!("frame {f}: {e}")),
            }
        }
        match msg.message_type() {
            Ok(t) => types.push(t),
            Err(e) => problems.push(format!("frame {f}: {e}")),
        }
        let mut out = vec![0u8; bytes.len()];
        match builder::rebuild(&msg, &mut out) {
            Ok(n) if out[..n] == bytes[..] => {}
            Ok(_) => problems.push(format!("frame {f}: rebuild differs")),
            Err(e) => problems.push(format!("frame {f}: rebuild: {e}")),
        }
    }
    if problems.is_empty() {
        Ok(types)
    } else {
        Err(problems)
    }
}

#[test]
fn every_capture_decodes_and_round_trips() {
    let files = capture_files();

    let mut failures = BTreeMap::new();
    let mut messages = 0;
    for path in &files {
        match check_file(path) {
            Ok(types) => {
                assert!(!types.is_empty(), "{}: no DHCP message", path.display());
                messages += types.len();
            }
            Err(p) => {
                failures.insert(path.display().to_string(), p);
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // Exact, so a capture that stops being found or read is noticed: 37 in
    // testdata/corpus, 5 in testdata/capture, the golden text.
    assert_eq!((files.len(), messages), (43, 279));
}

/// The corpus holds every message type of a full client life cycle.
#[test]
fn corpus_covers_the_exchange() {
    let mut seen = std::collections::BTreeSet::new();
    for path in capture_files() {
        if let Ok(types) = check_file(&path) {
            seen.extend(types.into_iter().flatten().map(u8::from));
        }
    }
    for t in [
        MessageType::Discover,
        MessageType::Offer,
        MessageType::Request,
        MessageType::Ack,
        MessageType::Nak,
        MessageType::Release,
        MessageType::Decline,
    ] {
        assert!(
            seen.contains(&u8::from(t)),
            "no {t:?} in the corpus: {seen:?}"
        );
    }
}

fn messages(name: &str) -> Vec<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/corpus")
        .join(name);
    let input = std::fs::read(&path).unwrap();
    dhcpwire::capture::read(&input)
        .unwrap()
        .into_iter()
        .map(|f| f.unwrap().payload)
        .collect()
}

/// ISC dhcpd, asked for more than fits in 576 bytes, moves option 119 into
/// `file` (option 52 = 1).
#[test]
fn iscdhcpd_overload_puts_domain_search_in_file() {
    use dhcpwire::{Area, OptionCode, Overload};
    let msgs = messages("overload-iscdhcpd-udhcpc.pcap");
    let mut overloaded = 0;
    for bytes in &msgs {
        let msg = Message::parse(bytes).unwrap();
        if msg.overload().unwrap() == Some(Overload::File) {
            overloaded += 1;
            let search = msg.option(OptionCode::DOMAIN_SEARCH).unwrap().unwrap();
            assert_eq!(search.first().area, Area::File);
            assert_eq!(search.first().offset, 108);
            assert_eq!(msg.file().unwrap(), None);
            assert!(bytes.len() <= 576 - 28);
        }
    }
    assert_eq!(overloaded, 2, "the Offer and the Ack");
}

/// dnsmasq overloads both fields (option 52 = 3).
#[test]
fn dnsmasq_overload_uses_file_and_sname() {
    use dhcpwire::{Area, Overload};
    let msgs = messages("overload-dnsmasq-udhcpc.pcap");
    let both: Vec<_> = msgs
        .iter()
        .filter(|b| Message::parse(b).unwrap().overload().unwrap() == Some(Overload::Both))
        .collect();
    assert!(!both.is_empty());
    for bytes in both {
        let msg = Message::parse(bytes).unwrap();
        let areas: Vec<Area> = msg.options().map(|o| o.unwrap().area).collect();
        assert!(
            areas.contains(&Area::File) && areas.contains(&Area::Sname),
            "{areas:?}"
        );
        // RFC 2131 §4.1 order: options, then file, then sname.
        let mut sorted = areas.clone();
        sorted.sort_by_key(|a| match a {
            Area::Options => 0,
            Area::File => 1,
            Area::Sname => 2,
        });
        assert_eq!(areas, sorted);
    }
}

/// ISC dhcpd splits a 400-byte option 43 into two instances (RFC 3396).
#[test]
fn iscdhcpd_splits_long_options() {
    use dhcpwire::OptionCode;
    let msgs = messages("long-options-rfc3396-iscdhcpd-dhclient.pcap");
    let mut seen = 0;
    for bytes in &msgs {
        let msg = Message::parse(bytes).unwrap();
        if let Some(v) = msg.option(OptionCode::VENDOR_SPECIFIC).unwrap() {
            if v.fragment_count() > 1 {
                seen += 1;
                assert_eq!(v.fragment_count(), 2);
                assert_eq!(v.len(), 400);
                assert_eq!(v.to_vec().len(), 400);
                assert_eq!(v.as_single(), None);
            }
        }
    }
    assert!(seen >= 1);
}

/// dhcrelay sets giaddr, counts the hop and adds option 82 with the
/// circuit id of its client-side interface ("r0").
#[test]
fn dhcrelay_adds_agent_information() {
    use dhcpwire::{DhcpOption, OptionCode};
    let msgs = messages("relay-dhcrelay-option82-serverside.pcap");
    let mut relayed = 0;
    for bytes in &msgs {
        let msg = Message::parse(bytes).unwrap();
        if let Some(DhcpOption::RelayAgentInformation(subs)) =
            msg.typed(OptionCode::RELAY_AGENT_INFORMATION).unwrap()
        {
            relayed += 1;
            assert!(!msg.giaddr().is_unspecified());
            let circuit = subs.find(1).expect("circuit id");
            assert_eq!(circuit.data, b"r0");
        }
    }
    assert!(relayed >= 4, "{relayed}");
}
