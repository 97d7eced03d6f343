//! What the generators make is a function of their input alone: the same
//! fuzzer input gives the same message on every platform and, unless the
//! CHANGELOG says otherwise, in every version, so a user's saved corpus
//! keeps reproducing what it found. These tests pin that with digests of
//! what `dhcpwire::arbitrary` makes from fixed inputs under several
//! configurations, of a value for every code, and of what the
//! `dhcpwire::proptest` strategies draw from a fixed seed. A change to
//! the generators changes a digest: update it with the change, and say in
//! the CHANGELOG that saved corpora now decode differently.
// Digests taken on a 64-bit target: a generator that draws a `usize`
// draws it from the input bytes by its width.
#![cfg(all(
    feature = "arbitrary",
    feature = "proptest",
    target_pointer_width = "64"
))]

use std::net::Ipv4Addr;

use arbitrary::{Arbitrary, Unstructured};
use dhcpwire::OptionCode;
use dhcpwire::arbitrary::{ArbitraryMessage, ArbitraryOption, Config, Generated};
use dhcpwire::protocol::ClientKind;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

/// FNV-1a, 64 bits: enough to tell two corpora apart.
struct Digest(u64);

impl Digest {
    fn new() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        // The length first, so that moving a byte between two pieces shows.
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn number(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    fn generated(&mut self, message: &ArbitraryMessage) {
        self.bytes(message.as_bytes());
        let g: &Generated = message.generated();
        for n in [
            g.len as u64,
            g.message_type.map_or(256, |t| u64::from(u8::from(t))),
            g.overload.map_or(4, |o| u64::from(o.to_u8())),
            u64::from(g.follows_rfc2131),
            g.malformed_options as u64,
            u64::from(g.walk_error),
            g.split_options as u64,
            u64::from(g.bootp),
        ] {
            self.number(n);
        }
    }
}

/// Deterministic fuzzer input (xorshift64*), up to 2 KiB.
struct Inputs(u64);

impl Inputs {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn input(&mut self, max: u64) -> Vec<u8> {
        let len = (self.next() % max) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

const ADDRESSES: &[Ipv4Addr] = &[Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(192, 168, 7, 9)];
const HARDWARE: &[[u8; 6]] = &[[2, 0, 0, 0, 0, 1], [0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42]];

/// The configurations the digests are taken under: the default, each knob
/// turned, and a client-side aim.
fn configs() -> [Config; 9] {
    [
        Config::DEFAULT,
        Config::DEFAULT.malformed_rate(64),
        Config::DEFAULT.overload(false).splits(false).quirks(false),
        Config::DEFAULT.bootp_rate(128).rfc2131_rate(0),
        Config::DEFAULT
            .message_types(Config::CLIENT_TYPES)
            .max_size(576)
            .rfc2131_rate(255),
        Config::DEFAULT
            .message_types(Config::SERVER_TYPES)
            .max_options(40)
            .oversized_hlen_rate(128)
            .addresses(ADDRESSES)
            .hardware_addresses(HARDWARE),
        Config::DEFAULT.max_size(300).max_options(3),
        // Below the smallest message and above what ArbitraryMessage holds:
        // both are clamped.
        Config::DEFAULT.max_size(100),
        Config::DEFAULT.max_size(4000),
    ]
}

/// Asserts a digest, printing the new value to copy when it changed.
fn assert_digest(what: &str, digest: &Digest, expected: u64) {
    assert_eq!(
        digest.0, expected,
        "{what}: the generated corpus changed (new digest {:#018x}); if that is meant, \
         update the constant and say so in the CHANGELOG",
        digest.0
    );
}

#[test]
fn messages_from_fixed_inputs_are_the_same_as_before() {
    let expected = [
        0x5dd3_f294_b007_b86c_u64,
        0xcd71_bfa2_1f08_f2a7,
        0x85f1_4a73_b3a8_7513,
        0x69cd_d279_8f23_5b15,
        0xde31_3438_faaa_fea5,
        0x4d79_a75b_b09c_6111,
        0xd1f1_ed5c_cd4f_f45b,
        0x5fa8_ba30_00ca_12a1,
        0xb949_aec9_3011_ef0d,
    ];
    for (i, (config, expected)) in configs().iter().zip(expected).enumerate() {
        let mut inputs = Inputs(0x9e37_79b9_7f4a_7c15 ^ i as u64);
        let mut digest = Digest::new();
        for _ in 0..300 {
            let input = inputs.input(2048);
            digest.generated(&ArbitraryMessage::from_bytes(&input, config));
            // The same bytes through `generate` and an `Unstructured`.
            let mut u = Unstructured::new(&input);
            let message = ArbitraryMessage::generate(&mut u, config);
            digest.generated(&message);
            if i == 0 {
                // What a failing property prints.
                digest.bytes(format!("{message:?}").as_bytes());
                let mut u = Unstructured::new(&input);
                digest.generated(&ArbitraryMessage::arbitrary(&mut u).expect("never fails"));
            }
        }
        assert_digest(&format!("config {i}"), &digest, expected);
    }
}

#[test]
fn option_values_for_every_code_are_the_same_as_before() {
    let mut inputs = Inputs(0x0000_ddb1_a5e5);
    let mut digest = Digest::new();
    for code in 0..=255u8 {
        for max in [1, 8, 64, 600] {
            let input = inputs.input(max);
            let option =
                ArbitraryOption::generate(&mut Unstructured::new(&input), OptionCode(code));
            digest.number(u64::from(option.code().0));
            digest.bytes(option.value());
            digest.number(u64::from(option.decode().is_ok()));
            digest.bytes(format!("{option:?}").as_bytes());
        }
    }
    // `Arbitrary` draws the code too: a typed one when the first byte is
    // under 224, any code otherwise (the edge itself included here).
    for first in 216..=232u8 {
        let input = [first, 3, 1, 4, 1, 5, 9, 2, 6];
        if let Ok(option) = ArbitraryOption::arbitrary(&mut Unstructured::new(&input)) {
            digest.number(u64::from(option.code().0));
            digest.bytes(option.value());
        }
    }
    for _ in 0..400 {
        let input = inputs.input(64);
        if let Ok(option) = ArbitraryOption::arbitrary(&mut Unstructured::new(&input)) {
            digest.number(u64::from(option.code().0));
            digest.bytes(option.value());
        }
    }
    assert_digest("options", &digest, 0xd267_95fe_2b3c_cac3);
}

/// Draws `n` values of `strategy` from a fixed seed, and shrinks each a
/// few steps, into the digest.
fn draw<S: Strategy>(
    strategy: S,
    n: usize,
    digest: &mut Digest,
    bytes: impl Fn(&S::Value) -> Vec<u8>,
) {
    let mut runner = TestRunner::new_with_rng(
        proptest::test_runner::Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    for _ in 0..n {
        let mut tree = strategy.new_tree(&mut runner).expect("a value");
        digest.bytes(&bytes(&tree.current()));
        for _ in 0..4 {
            if !tree.simplify() {
                break;
            }
            digest.bytes(&bytes(&tree.current()));
        }
    }
}

#[test]
fn strategies_from_a_fixed_seed_draw_the_same_as_before() {
    let message = |m: &ArbitraryMessage| m.as_bytes().to_vec();
    let mut digest = Digest::new();
    draw(dhcpwire::proptest::message(), 40, &mut digest, message);
    draw(
        dhcpwire::proptest::message_with(Config::DEFAULT.malformed_rate(64)),
        40,
        &mut digest,
        message,
    );
    let option = |o: &ArbitraryOption| [&[o.code().0][..], o.value()].concat();
    draw(dhcpwire::proptest::typed_option(), 60, &mut digest, option);
    draw(
        dhcpwire::proptest::option(OptionCode::RELAY_AGENT_INFORMATION),
        20,
        &mut digest,
        option,
    );
    for kind in ClientKind::ALL {
        draw(
            dhcpwire::proptest::client_request(kind),
            10,
            &mut digest,
            message,
        );
    }
    draw(
        dhcpwire::proptest::client_requests(),
        20,
        &mut digest,
        |(kind, m)| [format!("{kind:?}").as_bytes(), m.as_bytes()].concat(),
    );
    assert_digest("strategies", &digest, 0xab71_a620_b6ca_a8b0);
}
