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
