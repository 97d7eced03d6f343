//! The tcpdump -v-like rendering of a message.

use core::fmt;

use super::Message;

/// [`Message::display_header`].
pub(super) struct HeaderLines<'a>(pub(super) Message<'a>);

impl fmt::Display for HeaderLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = &self.0;
        let h = msg.header;
        write!(f, "BOOTP/DHCP, {}", h.op())?;
        // tcpdump names the client only on requests.
        if h.op() == crate::header::Op::BootRequest && h.htype == 1 && h.hlen == 6 {
            write!(f, " from {}", crate::fmt::Hex(h.chaddr_lossy()))?;
        }
        write!(f, ", length {}", msg.bytes.len())?;
        if h.hops != 0 {
            write!(f, ", hops {}", h.hops)?;
        }
        write!(f, ", xid 0x{:x}", h.xid())?;
        if h.secs() != 0 {
            write!(f, ", secs {}", h.secs())?;
        }
        writeln!(f, ", Flags {}", h.flags())?;
        for (label, addr) in [
            ("Client-IP", h.ciaddr()),
            ("Your-IP", h.yiaddr()),
            ("Server-IP", h.siaddr()),
            ("Gateway-IP", h.giaddr()),
        ] {
            if !addr.is_unspecified() {
                writeln!(f, "\t  {label} {addr}")?;
            }
        }
        if h.htype == 1 {
            writeln!(
                f,
                "\t  Client-Ethernet-Address {}",
                crate::fmt::Hex(h.chaddr_lossy())
            )?;
        } else {
            writeln!(
                f,
                "\t  Client-Hardware-Address htype {} hlen {} {}",
                h.htype,
                h.hlen,
                crate::fmt::Hex(h.chaddr_lossy())
            )?;
        }
        let overload = msg.declared_overload();
        for (label, carries_options, name) in [
            (
                "sname",
                overload.is_some_and(|o| o.sname()),
                h.sname_bytes(),
            ),
            ("file", overload.is_some_and(|o| o.file()), h.file_bytes()),
        ] {
            if !carries_options && !name.is_empty() {
                writeln!(f, "\t  {label} \"{}\"", crate::fmt::Text(name))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Message<'_> {
    /// A tcpdump -v-like rendering: summary line, non-zero header fields
    /// ([`display_header`](Message::display_header)), then one line per
    /// option instance with its typed value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_header())?;
        if let Err(e) = self.cookie() {
            return writeln!(f, "\t  {e}");
        }
        writeln!(f, "\t  Vendor-rfc1048 Extensions")?;
        writeln!(f, "\t    Magic Cookie 0x63825363")?;
        for opt in self.options() {
            match opt {
                Ok(opt) => writeln!(f, "\t    {opt}")?,
                Err(e) => writeln!(f, "\t    error: {e}")?,
            }
        }
        if let Ok(tail) = self.trailing() {
            if !tail.is_empty() && tail.iter().all(|&b| b == 0) {
                writeln!(f, "\t    PAD Option 0, length 0, occurs {}", tail.len())?;
            } else if !tail.is_empty() {
                writeln!(f, "\t    {} bytes after END", tail.len())?;
            }
        }
        Ok(())
    }
}
