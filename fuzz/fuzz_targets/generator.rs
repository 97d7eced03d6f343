//! `dhcpwire::arbitrary`: whatever the input, under each of four configs,
//! the generated message parses, walks without error (unless a truncated
//! last option was asked for, which the walk must then report, or it is
//! plain BOOTP, whose vendor area must then be there), its
//! values decode except those made malformed (exactly as many as
//! `Generated` counts), a PXE client's option 43 decodes as PXE's, option
//! 82's sub-options decode to their types, a message that follows RFC 2131
//! validates without a violation, and `builder::rebuild` reproduces it
//! byte for byte.

#![no_main]

use std::net::Ipv4Addr;

use arbitrary::Unstructured;
use dhcpwire::arbitrary::{ArbitraryMessage, Config};
use dhcpwire::builder::rebuild;
use dhcpwire::options::rfc4578::decode_vendor_specific;
use dhcpwire::protocol::validate;
use dhcpwire::{DhcpOption, Message, MessageType, OptionCode};
use libfuzzer_sys::fuzz_target;

const CONFIGS: [Config; 4] = [
    Config::DEFAULT,
    Config::DEFAULT.malformed_rate(48).bootp_rate(8),
    Config::DEFAULT
        .message_types(Config::CLIENT_TYPES)
        .quirks(false)
        .rfc2131_rate(255)
        .addresses(&[Ipv4Addr::new(192, 168, 1, 1)])
        .hardware_addresses(&[[2, 0, 0, 0, 0, 1]]),
    Config::DEFAULT
        .message_types(&[
            MessageType::Offer,
            MessageType::Ack,
            MessageType::Unknown(0),
        ])
        .max_size(300)
        .splits(false)
        .overload(false)
        .oversized_hlen_rate(128),
];

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let which = usize::from(u.arbitrary::<u8>().unwrap_or(0) % 4);
    let config = &CONFIGS[which];
    let input = ArbitraryMessage::generate(&mut u, config);
    let g = *input.generated();
    let bytes = input.as_bytes();
    assert!(bytes.len() >= 240 && bytes.len() <= config.max_size);
    let msg = Message::parse(bytes).expect("parses");
    if g.bootp {
        assert_eq!(msg.bootp_vendor_area().map(<[u8]>::len), Some(64));
        let mut out = vec![0u8; bytes.len()];
        let n = rebuild(&msg, &mut out).expect("rebuilds a BOOTP message");
        assert!(out[..n] == *bytes, "rebuild differs: {input:?}");
        return;
    }
    msg.cookie().expect("cookie");
    if g.walk_error {
        assert!(msg.options().any(|o| o.is_err()), "walk error promised");
        return;
    }
    if let Some(e) = msg.options().find_map(Result::err) {
        panic!("walk failed: {e}\n{input:?}");
    }
    let mut out = vec![0u8; bytes.len()];
    let n = rebuild(&msg, &mut out).expect("rebuilds");
    assert!(out[..n] == *bytes, "rebuild differs: {input:?}");

    assert_eq!(msg.overload().unwrap(), g.overload);
    let t = msg.message_type().expect("option 53 decodes");
    assert_eq!(t, g.message_type);
    let index = msg.index().expect("indexes");
    let mut failed = 0;
    for code in index.codes() {
        let joined = msg.option(code).unwrap().expect("indexed").to_vec();
        if DhcpOption::decode(code, &joined, 0).is_err() {
            failed += 1;
        }
    }
    assert_eq!(failed, g.malformed_options, "{input:?}");

    if g.malformed_options == 0 {
        let class = msg.option(OptionCode::VENDOR_CLASS_IDENTIFIER).unwrap();
        let vendor = msg.option(OptionCode::VENDOR_SPECIFIC).unwrap();
        if let (Some(class), Some(vendor)) = (class, vendor) {
            let class = class.to_vec();
            if class.starts_with(b"PXEClient") {
                decode_vendor_specific(&vendor.to_vec(), 0, Some(&class)).expect("PXE 43");
            }
        }
        if let Some(relay) = msg.option(OptionCode::RELAY_AGENT_INFORMATION).unwrap() {
            let relay = relay.to_vec();
            let Ok(DhcpOption::RelayAgentInformation(subs)) =
                DhcpOption::decode(OptionCode::RELAY_AGENT_INFORMATION, &relay, 0)
            else {
                panic!("option 82 decodes");
            };
            for sub in subs {
                let sub = sub.expect("sub-options walk");
                if let Err(e) = sub.decode_relay() {
                    panic!("relay sub-option {}: {e}", sub.code);
                }
            }
        }
    }
    if g.follows_rfc2131 {
        let v = validate(&msg);
        assert!(
            v.is_empty(),
            "violations {:?} in\n{msg}",
            v.iter().map(|v| v.to_string()).collect::<Vec<_>>()
        );
    }
    let _ = msg.to_string();
});
