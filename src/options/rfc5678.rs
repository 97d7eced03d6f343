//! Mobility services (RFC 5678): options 139 (addresses) and 140 (domain
//! names) are sequences of sub-options, one per service type.

use core::fmt;

use super::common::{Ipv4List, SubOption};
use super::dns::DomainList;
use crate::fmt::Hex;

/// The name of a mobility services (options 139 and 140) sub-option
/// (RFC 5678 §3, §4).
pub const fn sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "IS (Information Service)",
        2 => "CS (Command Service)",
        3 => "ES (Event Service)",
        _ => "Unknown",
    }
}

/// The value of a sub-option of option `parent` (139: addresses, 140:
/// domain names), or its bytes in hex when malformed.
pub(crate) fn show_value(
    parent: u8,
    sub: &SubOption<'_>,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match parent {
        139 => match Ipv4List::new(sub.data) {
            Some(list) => write!(f, "{list}"),
            None => write!(f, "{}", Hex(sub.data)),
        },
        _ => match DomainList::check(140, sub.data, 0) {
            Ok(names) => write!(f, "{names}"),
            Err(_) => write!(f, "{}", Hex(sub.data)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_option_has_its_name() {
        // RFC 5678 §3 and §4: the three service types.
        assert_eq!(sub_option_name(1), "IS (Information Service)");
        assert_eq!(sub_option_name(2), "CS (Command Service)");
        assert_eq!(sub_option_name(3), "ES (Event Service)");
        assert_eq!(sub_option_name(0), "Unknown");
        assert_eq!(sub_option_name(4), "Unknown");
    }
}
