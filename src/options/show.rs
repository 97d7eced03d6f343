//! How the catalogue shows each option value (tcpdump -v / Wireshark
//! style), for the forms that differ from the value type's own `Display`.

use core::fmt;

use super::Overload;
use super::common::{Seconds, Text, human};
use super::rfc2132::{Ipv4Pairs, U16List};
use crate::fmt::{Hex, join};

pub(crate) fn plain<T: fmt::Display>(v: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{v}")
}

pub(crate) fn quoted(t: &Text<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "\"{t}\"")
}

pub(crate) fn secs(v: &u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{}", Seconds(*v))
}

pub(crate) fn secs_signed(v: &i32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{v} (")?;
    if *v < 0 {
        f.write_str("-")?;
    }
    human(u64::from(v.unsigned_abs()), f)?;
    f.write_str(")")
}

pub(crate) fn unix_time(v: &u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let secs = i64::from(*v);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    write!(
        f,
        "{v} ({year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC)",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

pub(crate) fn flag(v: &bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(if *v { "enabled" } else { "disabled" })
}

pub(crate) fn present(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str("present")
}

pub(crate) fn ethernet_encapsulation(v: &bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(if *v {
        "IEEE 802.3 (RFC 1042)"
    } else {
        "Ethernet II (RFC 894)"
    })
}

pub(crate) fn overload(o: &Overload, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(match o {
        Overload::File => "file",
        Overload::Sname => "sname",
        Overload::Both => "file+sname",
    })
}

pub(crate) fn address_masks(p: &Ipv4Pairs<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    join(f, p.iter(), ", ", |f, (a, m)| write!(f, "{a}/{m}"))
}

pub(crate) fn dest_routers(p: &Ipv4Pairs<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    join(f, p.iter(), ", ", |f, (d, r)| write!(f, "{d} via {r}"))
}

pub(crate) fn name_services(l: &U16List<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    join(f, l.iter(), ", ", |f, c| match c {
        6 => f.write_str("DNS"),
        41 => f.write_str("NIS"),
        44 => f.write_str("NetBIOS"),
        65 => f.write_str("NIS+"),
        other => write!(f, "{other}"),
    })
}

pub(crate) fn hex4(v: &[u8; 4], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{}", Hex(v))
}
