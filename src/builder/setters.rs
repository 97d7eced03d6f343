//! The per-option setters: typed scalars and addresses written inline
//! (`fixed`), address and code lists from any cloneable iterator (`items`),
//! names, the client identifier and relay agent information. Each writes
//! through the option paths of the builder's core (`option`, `emit`).

use core::borrow::Borrow;
use core::net::Ipv4Addr;

use super::MessageBuilder;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::options::typed::DhcpOption;

impl MessageBuilder<'_> {
    /// Option 53.
    #[inline]
    pub fn message_type(&mut self, t: MessageType) -> &mut Self {
        self.fixed(OptionCode::MESSAGE_TYPE, [u8::from(t)])
    }

    /// Option 54.
    #[inline]
    pub fn server_identifier(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.fixed(OptionCode::SERVER_IDENTIFIER, addr.octets())
    }

    /// Option 50.
    #[inline]
    pub fn requested_ip(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.fixed(OptionCode::REQUESTED_IP_ADDRESS, addr.octets())
    }

    /// Option 51, seconds (`u32::MAX` is infinite).
    #[inline]
    pub fn lease_time(&mut self, secs: u32) -> &mut Self {
        self.fixed(OptionCode::LEASE_TIME, secs.to_be_bytes())
    }

    /// Option 58, seconds.
    #[inline]
    pub fn renewal_time(&mut self, secs: u32) -> &mut Self {
        self.fixed(OptionCode::RENEWAL_TIME, secs.to_be_bytes())
    }

    /// Option 59, seconds.
    #[inline]
    pub fn rebinding_time(&mut self, secs: u32) -> &mut Self {
        self.fixed(OptionCode::REBINDING_TIME, secs.to_be_bytes())
    }

    /// Option 1.
    #[inline]
    pub fn subnet_mask(&mut self, mask: Ipv4Addr) -> &mut Self {
        self.fixed(OptionCode::SUBNET_MASK, mask.octets())
    }

    /// Option 28.
    #[inline]
    pub fn broadcast_address(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.fixed(OptionCode::BROADCAST_ADDRESS, addr.octets())
    }

    /// An option whose value is a list of addresses (3, 6, 42, ...), from
    /// any cloneable sequence of addresses: a slice, an array, or an
    /// iterator such as a filter over a larger list (it is walked twice:
    /// once to count, once to write).
    ///
    /// An empty list writes nothing when the option needs at least one
    /// address (3, 6 and most others: RFC 2132 §3.5, §3.8), so a server
    /// configured with no routers sends no option 3 rather than a malformed
    /// `03 00`; an option that may be empty (68, RFC 2132 §8.3) or one this
    /// crate does not know is written empty.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Message, MessageBuilder};
    /// use std::net::{IpAddr, Ipv4Addr};
    /// let resolvers: [IpAddr; 3] =
    ///     ["10.0.0.53".parse().unwrap(), "fd00::53".parse().unwrap(), "10.0.1.53".parse().unwrap()];
    /// let v4 = resolvers.iter().filter_map(|a| match a {
    ///     IpAddr::V4(a) => Some(*a),
    ///     IpAddr::V6(_) => None,
    /// });
    /// let mut buf = [0u8; 300];
    /// let n = MessageBuilder::new(&mut buf)?.dns_servers(v4).finish()?;
    /// let idx = Message::parse(&buf[..n])?.index()?;
    /// let dns: Vec<Ipv4Addr> = idx.dns_servers()?.unwrap().iter().collect();
    /// assert_eq!(dns, [Ipv4Addr::new(10, 0, 0, 53), Ipv4Addr::new(10, 0, 1, 53)]);
    /// # Ok(()) }
    /// ```
    #[inline]
    pub fn addresses<I>(&mut self, code: OptionCode, addrs: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<Ipv4Addr>,
        I::IntoIter: Clone,
    {
        self.items(code, addrs.into_iter().map(|a| a.borrow().octets()))
    }

    /// Writes option `code` whose value is the `N`-byte items of `items`:
    /// straight into the options area when it fits in one fragment (the
    /// list setters' path, a few stores per item), through
    /// [`emit`](Self::emit) otherwise.
    #[inline(always)]
    fn items<const N: usize>(
        &mut self,
        code: OptionCode,
        items: impl Iterator<Item = [u8; N]> + Clone,
    ) -> &mut Self {
        let count = items.clone().count();
        if count == 0 && DhcpOption::length_rule(code).is_some_and(|rule| !rule.allows(0)) {
            // An empty list where one item is the least is no option at all.
            return self;
        }
        let len = count.saturating_mul(N);
        if len <= 255 {
            let at = self.main.pos;
            // Wraps only for a position a failed write pushed to the top of
            // `usize` (`fast_limit` is then 0): the range below is then empty.
            let end = at.wrapping_add(2 + len);
            if let Some((head, body)) = self
                .buf
                .get_mut(at..end)
                .filter(|_| end <= self.fast_limit)
                .and_then(|region| region.split_first_chunk_mut::<2>())
            {
                // len <= 255: it fits the length byte.
                *head = [code.0, len as u8];
                for (dst, item) in body.chunks_exact_mut(N).zip(items) {
                    dst.copy_from_slice(&item);
                }
                self.main.pos = end;
                self.unoverloaded_len += 2 + len;
                return self;
            }
        }
        self.emit(code, len, |w| {
            for item in items.take(count) {
                w(&item);
            }
        })
    }

    /// Option 3, from any cloneable sequence of addresses (see
    /// [`addresses`](Self::addresses)).
    #[inline]
    pub fn routers<I>(&mut self, addrs: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<Ipv4Addr>,
        I::IntoIter: Clone,
    {
        self.addresses(OptionCode::ROUTER, addrs)
    }

    /// Option 6, from any cloneable sequence of addresses (see
    /// [`addresses`](Self::addresses)).
    #[inline]
    pub fn dns_servers<I>(&mut self, addrs: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<Ipv4Addr>,
        I::IntoIter: Clone,
    {
        self.addresses(OptionCode::DOMAIN_NAME_SERVER, addrs)
    }

    /// Option 12.
    #[inline]
    pub fn host_name(&mut self, name: &[u8]) -> &mut Self {
        self.option(OptionCode::HOST_NAME, name)
    }

    /// Option 15.
    #[inline]
    pub fn domain_name(&mut self, name: &[u8]) -> &mut Self {
        self.option(OptionCode::DOMAIN_NAME, name)
    }

    /// Option 55, from any cloneable sequence of codes.
    pub fn parameter_request_list<I>(&mut self, codes: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<OptionCode>,
        I::IntoIter: Clone,
    {
        self.items(
            OptionCode::PARAMETER_REQUEST_LIST,
            codes.into_iter().map(|c| [c.borrow().0]),
        )
    }

    /// Option 57.
    #[inline]
    pub fn max_message_size(&mut self, size: u16) -> &mut Self {
        self.fixed(OptionCode::MAX_MESSAGE_SIZE, size.to_be_bytes())
    }

    /// Option 60.
    #[inline]
    pub fn vendor_class_identifier(&mut self, class: &[u8]) -> &mut Self {
        self.option(OptionCode::VENDOR_CLASS_IDENTIFIER, class)
    }

    /// Option 61: a type byte and the identifier.
    pub fn client_identifier(&mut self, kind: u8, id: &[u8]) -> &mut Self {
        self.emit(OptionCode::CLIENT_IDENTIFIER, 1 + id.len(), |w| {
            w(&[kind]);
            w(id);
        })
    }

    /// Option 82 from `(sub-option code, value)` pairs, each value at most
    /// 255 bytes (longer ones are an [`Error::InvalidLength`]).
    pub fn relay_agent_information(&mut self, subs: &[(u8, &[u8])]) -> &mut Self {
        if let Some((_, v)) = subs.iter().find(|(_, v)| v.len() > 255) {
            let area = self.area;
            let at = self.cursor(area).pos;
            self.fail(Error::InvalidLength {
                code: OptionCode::RELAY_AGENT_INFORMATION.0,
                offset: at,
                len: v.len(),
                expected: "a sub-option value of at most 255 bytes",
            });
            return self;
        }
        let len = subs.iter().map(|(_, v)| 2 + v.len()).sum();
        self.emit(OptionCode::RELAY_AGENT_INFORMATION, len, |w| {
            for (code, v) in subs {
                // Checked above: every value fits a length byte.
                w(&[*code, u8::try_from(v.len()).unwrap_or(255)]);
                w(v);
            }
        })
    }
}
