//! The RFC 2132 format rules that validation checks. The length rule and
//! the section of each option come from the catalogue (the options whose
//! reference is RFC 2132: codes 1–61 and 64–76); only the value rules that
//! a length cannot say are kept here.

use crate::code::OptionCode;
use crate::options::typed::{DhcpOption, Length};

/// A rule on an option's value beyond its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueRule {
    /// One byte, 0 or 1.
    Bool,
    /// One byte, at least this.
    U8Min(u8, &'static str),
    /// Two bytes, at least this.
    U16Min(u16, &'static str),
    /// One byte, one of these.
    OneOf(&'static [u8], &'static str),
    /// A list of two-byte values, each at least this.
    U16ListMin(u16, &'static str),
}

/// The RFC 2132 format of `code`: its length rule, value rule and section;
/// `None` for an option RFC 2132 does not define.
pub(super) fn format_of(code: OptionCode) -> Option<(Length, Option<ValueRule>, &'static str)> {
    let section = DhcpOption::reference(code)?;
    if !section.starts_with("RFC 2132 ") {
        return None;
    }
    Some((DhcpOption::length_rule(code)?, value_rule(code), section))
}

/// The value rules of RFC 2132 that a length does not express.
pub(crate) fn value_rule(code: OptionCode) -> Option<ValueRule> {
    use ValueRule::*;
    Some(match code.0 {
        19 | 20 | 27 | 29 | 30 | 31 | 34 | 36 | 39 => Bool,
        22 | 57 => U16Min(576, "at least 576"),
        23 | 37 => U8Min(1, "1 to 255"),
        25 => U16ListMin(68, "MTU sizes of at least 68"),
        26 => U16Min(68, "at least 68"),
        46 => OneOf(&[1, 2, 4, 8], "1, 2, 4 or 8"),
        52 => OneOf(&[1, 2, 3], "1, 2 or 3"),
        53 => OneOf(
            &[
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            ],
            "a registered message type (1 to 18)",
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_2132_options_are_codes_1_to_61_and_64_to_76() {
        let codes: alloc::vec::Vec<u8> = (0..=255u8)
            .filter(|&c| format_of(OptionCode(c)).is_some())
            .collect();
        let expected: alloc::vec::Vec<u8> = (1..=61).chain(64..=76).collect();
        assert_eq!(codes, expected);
    }

    #[test]
    fn lengths_read_as_rfc_2132_states_them() {
        let rule = |c| format_of(OptionCode(c)).map(|(len, _, section)| (len.describe(), section));
        assert_eq!(rule(1), Some(("4", "RFC 2132 §3.3")));
        assert_eq!(
            rule(3),
            Some(("a multiple of 4, at least 4", "RFC 2132 §3.5"))
        );
        assert_eq!(rule(12), Some(("at least 1", "RFC 2132 §3.14")));
        assert_eq!(rule(13), Some(("2", "RFC 2132 §3.15")));
        assert_eq!(
            rule(21),
            Some(("a multiple of 8, at least 8", "RFC 2132 §4.3"))
        );
        assert_eq!(
            rule(25),
            Some(("a multiple of 2, at least 2", "RFC 2132 §4.7"))
        );
        assert_eq!(rule(43), Some(("at least 1", "RFC 2132 §8.4")));
        assert_eq!(rule(53), Some(("1", "RFC 2132 §9.6")));
        assert_eq!(rule(61), Some(("at least 2", "RFC 2132 §9.14")));
        assert_eq!(rule(68), Some(("a multiple of 4", "RFC 2132 §8.13")));
        assert_eq!(rule(62), None);
        assert_eq!(rule(118), None);
    }

    /// Every value rule is on an RFC 2132 option, and the boolean ones are
    /// the options whose value type is a flag.
    #[test]
    fn value_rules_sit_on_rfc_2132_rows() {
        for code in (0..=255u8).map(OptionCode) {
            let Some(rule) = value_rule(code) else {
                continue;
            };
            assert!(format_of(code).is_some(), "{code:?}");
            let flag = matches!(
                DhcpOption::decode(code, &[1], 0),
                Ok(DhcpOption::IpForwarding(_)
                    | DhcpOption::NonLocalSourceRouting(_)
                    | DhcpOption::AllSubnetsAreLocal(_)
                    | DhcpOption::PerformMaskDiscovery(_)
                    | DhcpOption::MaskSupplier(_)
                    | DhcpOption::PerformRouterDiscovery(_)
                    | DhcpOption::TrailerEncapsulation(_)
                    | DhcpOption::EthernetEncapsulation(_)
                    | DhcpOption::TcpKeepaliveGarbage(_))
            );
            assert_eq!(rule == ValueRule::Bool, flag, "{code:?}");
        }
    }
}
