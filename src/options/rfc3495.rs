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
