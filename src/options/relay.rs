//! Sub-option TLVs: option 82 (RFC 3046) and other options whose value is a
//! list of `code len value` triples without PAD or END.

use core::fmt;
use core::iter::FusedIterator;

use crate::error::Error;

/// One sub-option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubOption<'a> {
    /// Sub-option code.
    pub code: u8,
    /// Sub-option value.
    pub data: &'a [u8],
    /// Offset of the sub-option's code byte: within the message when the
    /// parent value is a single fragment, within the joined value otherwise.
    pub offset: usize,
}

/// Iterator over sub-options (`code len value`, no PAD, no END), fused after
/// the first error.
///
/// ```
/// use dhcpwire::options::relay::SubOptions;
/// // Option 82: circuit id "eth0", remote id 00:11:22.
/// let value = [1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22];
/// let subs: Vec<_> = SubOptions::new(82, &value, 0).map(|s| s.unwrap()).collect();
/// assert_eq!(subs[0].code, 1);
/// assert_eq!(subs[0].data, b"eth0");
/// assert_eq!(subs[1].data, &[0x00, 0x11, 0x22]);
/// ```
#[derive(Debug, Clone)]
pub struct SubOptions<'a> {
    parent: u8,
    data: &'a [u8],
    base: usize,
    pos: usize,
    failed: bool,
}

impl<'a> SubOptions<'a> {
    /// Iterates the sub-options of option `parent`'s value `data`, whose
    /// first byte is at `base`.
    pub fn new(parent: u8, data: &'a [u8], base: usize) -> Self {
        SubOptions {
            parent,
            data,
            base,
            pos: 0,
            failed: false,
        }
    }

    /// The whole value.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.data
    }

    /// Checks every sub-option, returning the first error.
    ///
    /// # Errors
    /// [`Error::SubOptionOverrun`] for a sub-option running past its parent.
    pub fn validate(&self) -> Result<(), Error> {
        for sub in self.clone() {
            sub?;
        }
        Ok(())
    }

    /// The first sub-option with `code`.
    pub fn find(&self, code: u8) -> Option<SubOption<'a>> {
        self.clone().flatten().find(|s| s.code == code)
    }
}

impl<'a> Iterator for SubOptions<'a> {
    type Item = Result<SubOption<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let code = *self.data.get(self.pos)?;
        let offset = self.base.saturating_add(self.pos);
        let overrun = |len: u8, available: usize| Error::SubOptionOverrun {
            code: self.parent,
            sub_code: code,
            offset,
            len,
            available,
        };
        let Some(&len) = self.data.get(self.pos + 1) else {
            self.failed = true;
            return Some(Err(overrun(0, 0)));
        };
        let start = self.pos + 2;
        let end = start + usize::from(len);
        match self.data.get(start..end) {
            Some(data) => {
                self.pos = end;
                Some(Ok(SubOption { code, data, offset }))
            }
            None => {
                self.failed = true;
                Some(Err(overrun(len, self.data.len().saturating_sub(start))))
            }
        }
    }
}

impl FusedIterator for SubOptions<'_> {}

impl PartialEq for SubOptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.data == other.data
    }
}

impl Eq for SubOptions<'_> {}

/// The name of a relay agent information (option 82) sub-option, from the
/// IANA "DHCP Relay Agent Sub-Option Codes" registry.
pub const fn relay_sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "Agent Circuit ID",
        2 => "Agent Remote ID",
        4 => "DOCSIS Device Class",
        5 => "Link Selection",
        6 => "Subscriber ID",
        7 => "RADIUS Attributes",
        8 => "Authentication",
        9 => "Vendor-Specific Information",
        10 => "Relay Agent Flags",
        11 => "Server Identifier Override",
        12 => "Relay Agent Identifier",
        13 => "Access-Technology-Type",
        14 => "Access-Network-Name",
        15 => "Access-Point-Name",
        16 => "Access-Point-BSSID",
        17 => "Operator-Identifier",
        18 => "Operator-Realm",
        19 => "Relay Source Port",
        151 => "Virtual Subnet Selection",
        152 => "Virtual Subnet Selection Control",
        _ => "Unknown",
    }
}

impl fmt::Display for SubOption<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} SubOption {}, length {}: {}",
            relay_sub_option_name(self.code),
            self.code,
            self.data.len(),
            crate::fmt::TextOrHex(self.data)
        )
    }
}
