//! CableLabs client configuration (RFC 3495): option 122 is a sequence of
//! sub-options named here.

/// The name of a CableLabs client configuration (option 122) sub-option
/// (RFC 3495 §4, RFC 3594, RFC 3634).
pub const fn sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "TSP's Primary DHCP Server Address",
        2 => "TSP's Secondary DHCP Server Address",
        3 => "TSP's Provisioning Server Address",
        4 => "TSP's AS-REQ/AS-REP Backoff and Retry",
        5 => "TSP's AP-REQ/AP-REP Backoff and Retry",
        6 => "TSP's Kerberos Realm Name",
        7 => "TSP's Ticket Granting Server Utilization",
        8 => "TSP's Provisioning Timer Value",
        9 => "TSP's Security Ticket Control",
        10 => "KDC Server Address",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_option_has_its_name() {
        // RFC 3495 §4 (1 to 8), RFC 3594 (9), RFC 3634 (10).
        let names = [
            "TSP's Primary DHCP Server Address",
            "TSP's Secondary DHCP Server Address",
            "TSP's Provisioning Server Address",
            "TSP's AS-REQ/AS-REP Backoff and Retry",
            "TSP's AP-REQ/AP-REP Backoff and Retry",
            "TSP's Kerberos Realm Name",
            "TSP's Ticket Granting Server Utilization",
            "TSP's Provisioning Timer Value",
            "TSP's Security Ticket Control",
            "KDC Server Address",
        ];
        for (code, name) in (1..).zip(names) {
            assert_eq!(sub_option_name(code), name, "sub-option {code}");
        }
        assert_eq!(sub_option_name(0), "Unknown");
        assert_eq!(sub_option_name(11), "Unknown");
    }
}
