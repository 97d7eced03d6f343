//! `dhcpwire::proptest`: what the strategies give holds over thousands of
//! cases (parse, walk, decode, byte-exact rebuild, Table 5), and a failing
//! property shrinks to a small message.
#![cfg(feature = "proptest")]

use std::collections::BTreeSet;

use dhcpwire::arbitrary::{ArbitraryMessage, Config};
use dhcpwire::builder::rebuild;
use dhcpwire::options::typed::TYPED_CODES;
use dhcpwire::protocol::{ClientKind, RequestKind, request_kind, validate};
use dhcpwire::{DhcpOption, Message, MessageType, OptionCode};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, RngAlgorithm, TestError, TestRng, TestRunner};

/// Parses, walks, decodes every joined value but the malformed ones, and
/// rebuilds byte for byte; exactly the values made malformed fail.
fn holds(input: &ArbitraryMessage) -> Result<(), TestCaseError> {
    let bytes = input.as_bytes();
    let g = input.generated();
    let msg = Message::parse(bytes).expect("parses");
    if g.bootp {
        prop_assert!(msg.bootp_vendor_area().is_some());
    } else if g.walk_error {
        prop_assert!(msg.options().any(|o| o.is_err()));
        return Ok(());
    }
    let mut out = vec![0u8; bytes.len()];
    let n = rebuild(&msg, &mut out).expect("rebuilds");
    prop_assert_eq!(&out[..n], bytes);
    if g.bootp {
        return Ok(());
    }
    prop_assert!(msg.options().all(|o| o.is_ok()), "walk fails: {input:?}");
    let index = msg.index().expect("indexes");
    let failed = index
        .codes()
        .filter(|&c| {
            let v = msg.option(c).unwrap().unwrap().to_vec();
            DhcpOption::decode(c, &v, 0).is_err()
        })
        .count();
    prop_assert_eq!(failed, g.malformed_options);
    prop_assert_eq!(msg.message_type().unwrap(), g.message_type);
    if g.follows_rfc2131 {
        prop_assert!(validate(&msg).is_empty(), "{:?}", validate(&msg));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// 5,000 messages from the defaults.
    #[test]
    fn default_messages_parse_walk_decode_and_rebuild(input in dhcpwire::proptest::message()) {
        holds(&input)?;
    }

    /// 5,000 messages with malformed options, truncated ends and plain
    /// BOOTP.
    #[test]
    fn malformed_messages_say_so(
        input in dhcpwire::proptest::message_with(Config::DEFAULT.malformed_rate(64).bootp_rate(8))
    ) {
        holds(&input)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// 3,000 typed options of any typed code decode to their code.
    #[test]
    fn typed_options_decode(opt in dhcpwire::proptest::typed_option()) {
        let decoded = opt.decode().expect("decodes");
        prop_assert_eq!(decoded.code(), opt.code());
        prop_assert_eq!(decoded.value_len(), opt.value().len());
    }

    /// 3,000 client requests of every Table 5 kind validate.
    #[test]
    fn client_requests_follow_table_5((kind, req) in dhcpwire::proptest::client_requests()) {
        let msg = req.message().unwrap();
        prop_assert_eq!(msg.message_type().unwrap(), Some(kind.message_type()));
        prop_assert!(validate(&msg).is_empty(), "{:?}: {:?}", kind, validate(&msg));
        let expected = match kind {
            ClientKind::Selecting => Some(RequestKind::Selecting),
            ClientKind::InitReboot => Some(RequestKind::InitReboot),
            ClientKind::Renewing | ClientKind::Rebinding => Some(RequestKind::RenewingOrRebinding),
            _ => None,
        };
        prop_assert_eq!(request_kind(&msg), expected);
        holds(&req)?;
    }
}

proptest! {
    /// One strategy per code: option 121's values are routes.
    #[test]
    fn option_of_a_given_code(opt in dhcpwire::proptest::option(OptionCode::CLASSLESS_STATIC_ROUTE)) {
        prop_assert!(matches!(opt.decode(), Ok(DhcpOption::ClasslessStaticRoute(_))));
    }
}

/// A runner with a fixed seed, so that what shrinking finds is the same on
/// every run.
fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        RunnerConfig {
            cases: 2000,
            failure_persistence: None,
            ..RunnerConfig::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

/// The distinct option codes of a message.
fn codes(input: &ArbitraryMessage) -> BTreeSet<u8> {
    let msg = input.message().unwrap();
    msg.options()
        .filter_map(Result::ok)
        .map(|o| o.code.0)
        .collect()
}

/// A property that fails on messages with at least 3 option codes shrinks
/// to a small message: a few codes (not always the minimal 3: removing an
/// input byte shifts every later choice), no bigger than the 300-byte
/// minimum.
#[test]
fn failures_shrink_to_small_messages() {
    let result = runner().run(&dhcpwire::proptest::message(), |input| {
        prop_assert!(codes(&input).len() < 3);
        Ok(())
    });
    let Err(TestError::Fail(_, minimal)) = result else {
        panic!("the property should fail: {result:?}");
    };
    let msg = minimal.message().unwrap();
    let n = codes(&minimal).len();
    assert!((3..=4).contains(&n), "{n} codes: {minimal:?}\n{msg}");
    assert_eq!(minimal.as_bytes().len(), 300, "{minimal:?}\n{msg}");
}

/// A property that fails on DHCPRELEASE shrinks the request to its
/// plainest form: xid 0, 0.0.0.1, no optional option.
#[test]
fn client_requests_shrink_to_the_plainest() {
    let result = runner().run(&dhcpwire::proptest::client_requests(), |(_, req)| {
        let t = req.message().unwrap().message_type().unwrap();
        prop_assert_ne!(t, Some(MessageType::Release));
        Ok(())
    });
    let Err(TestError::Fail(_, (kind, minimal))) = result else {
        panic!("the property should fail: {result:?}");
    };
    assert_eq!(kind, ClientKind::Release);
    let msg = minimal.message().unwrap();
    assert_eq!(msg.xid(), 0);
    assert_eq!(msg.ciaddr(), std::net::Ipv4Addr::new(0, 0, 0, 1));
    // 53 and 54 only.
    let codes: Vec<u8> = msg.options().map(|o| o.unwrap().code.0).collect();
    assert_eq!(codes, [53, 54]);
}

/// Every typed code has a strategy whose values decode.
#[test]
fn every_typed_code_has_a_strategy() {
    let mut runner = runner();
    for typed in TYPED_CODES {
        let code = typed.code;
        runner
            .run(&dhcpwire::proptest::option(code), |opt| {
                prop_assert_eq!(opt.decode().expect("decodes").code(), code);
                Ok(())
            })
            .unwrap();
    }
}
