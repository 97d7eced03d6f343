//! RFC 4388 and RFC 6926 lease query: status code (151), DHCP state (156)
//! and data source (157). The times (91, 152–155) are `u32` seconds and
//! the associated addresses (92) an address list, in
//! [`DhcpOption`](crate::DhcpOption).

use core::fmt;

use super::common::Text;
use super::value::{Length, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 151: status code and message (the message may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusCode<'a> {
    /// The status code.
    pub code: u8,
    /// UTF-8 message.
    pub message: Text<'a>,
}

impl StatusCode<'_> {
    /// The registered name of the code (RFC 6926 §6.2.2, RFC 7724).
    pub const fn name(&self) -> &'static str {
        match self.code {
            0 => "Success",
            1 => "UnspecFail",
            2 => "QueryTerminated",
            3 => "MalformedQuery",
            4 => "NotAllowed",
            5 => "DataMissing",
            6 => "ConnectionActive",
            7 => "CatchUpComplete",
            8 => "TLSConnectionRefused",
            _ => "Unknown",
        }
    }
}

impl<'a> OptionData<'a> for StatusCode<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data.split_first() {
            Some((c, message)) => Ok(StatusCode {
                code: *c,
                message: Text(message),
            }),
            None => Err(invalid_len(code, data, offset, "at least 1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1 + self.message.0.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.code]);
        sink(self.message.0);
    }
}

impl fmt::Display for StatusCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.code)?;
        if !self.message.0.is_empty() {
            write!(f, " \"{}\"", self.message)?;
        }
        Ok(())
    }
}

/// Option 156: the lease's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DhcpState(pub u8);

impl DhcpState {
    /// `"AVAILABLE"`, `"ACTIVE"`, ... (RFC 6926 §6.2.7).
    pub const fn name(self) -> &'static str {
        match self.0 {
            1 => "AVAILABLE",
            2 => "ACTIVE",
            3 => "EXPIRED",
            4 => "RELEASED",
            5 => "ABANDONED",
            6 => "RESET",
            7 => "REMOTE",
            8 => "TRANSITIONING",
            _ => "Unknown",
        }
    }
}

impl OptionData<'_> for DhcpState {
    const LENGTH: Length = Length::Fixed(1);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v @ 1..=8] => Ok(DhcpState(*v)),
            [_] => Err(invalid_at(code, offset, 0, "a state from 1 to 8")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.0]);
    }
}

impl fmt::Display for DhcpState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// Option 157: data source flags; 0x01 (R) means the data came from a
/// remote (partner) server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataSource(pub u8);

impl DataSource {
    /// Whether the R (remote) bit is set.
    pub const fn remote(self) -> bool {
        self.0 & 1 != 0
    }
}

impl OptionData<'_> for DataSource {
    const LENGTH: Length = Length::Fixed(1);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v] => Ok(DataSource(*v)),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.0]);
    }
}

impl fmt::Display for DataSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", if self.remote() { "remote" } else { "local" })?;
        if self.0 & !1 != 0 {
            write!(f, " (flags {:#04x})", self.0)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    impl Serialize for StatusCode<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(3))?;
            m.serialize_entry("code", &self.code)?;
            m.serialize_entry("name", self.name())?;
            m.serialize_entry("message", &self.message)?;
            m.end()
        }
    }

    impl Serialize for DhcpState {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(self.0)
        }
    }

    impl Serialize for DataSource {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn status_code_names() {
        // RFC 6926 §6.2.2 (0 to 7) and RFC 7724 (8).
        let names = [
            "Success",
            "UnspecFail",
            "QueryTerminated",
            "MalformedQuery",
            "NotAllowed",
            "DataMissing",
            "ConnectionActive",
            "CatchUpComplete",
            "TLSConnectionRefused",
        ];
        let status = |code| StatusCode {
            code,
            message: Text(b""),
        };
        for (code, name) in (0..).zip(names) {
            assert_eq!(status(code).name(), name, "status {code}");
        }
        assert_eq!(status(9).name(), "Unknown");
        assert_eq!(format!("{}", status(0)), "Success (0)");
        let with_message = StatusCode {
            code: 3,
            message: Text(b"no client-id"),
        };
        assert_eq!(
            format!("{with_message}"),
            "MalformedQuery (3) \"no client-id\""
        );
    }

    #[test]
    fn dhcp_state_names() {
        // RFC 6926 §6.2.7.
        let names = [
            "AVAILABLE",
            "ACTIVE",
            "EXPIRED",
            "RELEASED",
            "ABANDONED",
            "RESET",
            "REMOTE",
            "TRANSITIONING",
        ];
        for (state, name) in (1..).zip(names) {
            assert_eq!(DhcpState(state).name(), name, "state {state}");
        }
        assert_eq!(DhcpState(0).name(), "Unknown");
        assert_eq!(DhcpState(9).name(), "Unknown");
        assert_eq!(format!("{}", DhcpState(2)), "ACTIVE (2)");
    }

    #[test]
    fn data_source_remote_bit_and_other_flags() {
        // RFC 6926, data source: bit 0x01 is R (remote); the others are zero.
        assert!(!DataSource(0x00).remote());
        assert!(DataSource(0x01).remote());
        assert!(!DataSource(0x02).remote());
        assert_eq!(format!("{}", DataSource(0x00)), "local");
        assert_eq!(format!("{}", DataSource(0x01)), "remote");
        assert_eq!(format!("{}", DataSource(0x03)), "remote (flags 0x03)");
        assert_eq!(format!("{}", DataSource(0x80)), "local (flags 0x80)");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_of_status_state_and_source() {
        let status = StatusCode {
            code: 4,
            message: Text(b"denied"),
        };
        assert_eq!(
            serde_json::to_string(&status).unwrap(),
            r#"{"code":4,"name":"NotAllowed","message":"denied"}"#
        );
        assert_eq!(serde_json::to_string(&DhcpState(5)).unwrap(), "5");
        assert_eq!(serde_json::to_string(&DataSource(1)).unwrap(), "1");
    }
}
