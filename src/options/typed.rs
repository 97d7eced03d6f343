//! Typed option values, borrowing from the packet.
//!
//! [`DhcpOption::decode`] never panics and never trusts a length: a value
//! malformed for its type is an [`Error`](crate::Error) for that option only, and the raw
//! bytes stay available in the [`RawOption`](super::RawOption) it came from.
//!
//! Every typed value encodes back to the bytes it was decoded from:
//! [`DhcpOption::value_len`] and [`DhcpOption::write_value`] reproduce the
//! input exactly (DNS names keep their compression pointers).
//!
//! [`TYPED_CODES`] lists the typed codes with their references. Codes not in
//! it decode to [`DhcpOption::Unknown`]: the unassigned and removed codes
//! of RFC 3679 (84, 95, 96, 102–107, 110, 111, 115, 126, 127, ...), the PXE
//! codes 128–135 whose meaning is vendor-defined, the tentative 175–177,
//! and the site-specific range 224–254 except 249 (Microsoft classless
//! static route) and 252 (WPAD).

pub use super::catalogue::{DhcpOption, TYPED_CODES, TypedCode};
pub use super::common::{ClientId, CodeList, Ipv4Iter, Ipv4List, Seconds, Text};
pub use super::value::{Length, OptionData};
