//! NetWare/IP (RFC 2242): option 62 is a text domain name, option 63 a
//! sequence of sub-options named here.

/// The name of a NetWare/IP information (option 63) sub-option
/// (RFC 2242 §3).
pub const fn sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "NWIP_DOES_NOT_EXIST",
        2 => "NWIP_EXIST_IN_OPTIONS_AREA",
        3 => "NWIP_EXIST_IN_SNAME_FILE",
        4 => "NWIP_EXIST_BUT_TOO_BIG",
        5 => "NSQ_BROADCAST",
        6 => "PREFERRED_DSS",
        7 => "NEAREST_NWIP_SERVER",
        8 => "AUTORETRIES",
        9 => "AUTORETRY_SECS",
        10 => "NWIP_1_1",
        11 => "PRIMARY_DSS",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_option_of_rfc_2242_has_its_name() {
        // RFC 2242 §3, in code order from 1.
        let names = [
            "NWIP_DOES_NOT_EXIST",
            "NWIP_EXIST_IN_OPTIONS_AREA",
            "NWIP_EXIST_IN_SNAME_FILE",
            "NWIP_EXIST_BUT_TOO_BIG",
            "NSQ_BROADCAST",
            "PREFERRED_DSS",
            "NEAREST_NWIP_SERVER",
            "AUTORETRIES",
            "AUTORETRY_SECS",
            "NWIP_1_1",
            "PRIMARY_DSS",
        ];
        for (code, name) in (1..).zip(names) {
            assert_eq!(sub_option_name(code), name, "sub-option {code}");
        }
        assert_eq!(sub_option_name(0), "Unknown");
        assert_eq!(sub_option_name(12), "Unknown");
    }
}
