//! The option catalogue: one row per typed code. [`DhcpOption`] and every
//! other per-code fact of the crate (length rules, references, the list of
//! typed codes) are generated from it; the public face is
//! [`options::typed`](super::typed).

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

#[cfg(feature = "serde")]
use super::json;
use super::value::{Length, OptionData};
use super::{
    Overload, common, dns, rfc2132, rfc2563, rfc2610, rfc3004, rfc3118, rfc3361, rfc3442, rfc3925,
    rfc4174, rfc4578, rfc4702, rfc4776, rfc5969, rfc6225, rfc6607, rfc6656, rfc6704, rfc6731,
    rfc6926, rfc7291, rfc7618, rfc8572, rfc9463, show,
};
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::fmt::Hex;

/// One typed code: what [`TYPED_CODES`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedCode {
    /// The option code.
    pub code: OptionCode,
    /// The [`DhcpOption`] variant it decodes to.
    pub variant: &'static str,
    /// The defining document.
    pub reference: &'static str,
}

macro_rules! pick_decode {
    ($ty:ty) => {
        <$ty as OptionData>::decode
    };
    ($ty:ty, $dec:path) => {
        $dec
    };
}

macro_rules! pick_length {
    ($ty:ty) => {
        <$ty as OptionData>::LENGTH
    };
    ($ty:ty, $length:expr) => {
        $length
    };
}

#[cfg(feature = "arbitrary")]
macro_rules! pick_generate {
    ($ty:ty) => {
        <$ty as super::generate::Generate>::generate
    };
    ($ty:ty, $generate:path) => {
        $generate
    };
}

#[cfg(feature = "serde")]
macro_rules! pick_json {
    () => {
        serde::Serialize::serialize
    };
    ($json:path) => {
        $json
    };
}

/// The catalogue: one row per typed code, naming its variant, value type
/// (`module::Type`), constant, reference and display form, and where the
/// value type's own rules are not the option's, its decoder, length rule,
/// JSON form or (feature `arbitrary`) value generator. Everything per code
/// in the crate is generated from it.
macro_rules! typed_options {
    ($(
        $(#[$m:meta])*
        $num:literal $variant:ident($ty:ty) = $konst:ident, $rfc:literal, $show:path
            $(, decode = $dec:path)? $(, length = $length:expr)? $(, json = $json:path)?
            $(, generate = $generate:path)?;
    )*) => {
        /// A typed option value, one variant per option. Lists are views
        /// over the packet bytes, not `Vec`s.
        ///
        /// ```
        /// use dhcpwire::{DhcpOption, OptionCode};
        /// let opt = DhcpOption::decode(OptionCode::LEASE_TIME, &[0, 0, 1, 44], 0).unwrap();
        /// assert_eq!(opt, DhcpOption::LeaseTime(300));
        /// assert_eq!(opt.to_string(), "300 (5m)");
        /// let routers = DhcpOption::decode(OptionCode::ROUTER, &[10, 0, 0, 1, 10, 0, 0, 2], 0).unwrap();
        /// let DhcpOption::Router(list) = routers else { unreachable!() };
        /// assert_eq!(list.iter().map(|a| a.to_string()).collect::<Vec<_>>(), ["10.0.0.1", "10.0.0.2"]);
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum DhcpOption<'a> {
            $(
                $(#[$m])*
                #[doc = concat!("\n\nCode ", stringify!($num), ", ", $rfc, ".")]
                $variant($ty),
            )*
            /// Any code without a typed form here (see the module docs).
            Unknown {
                /// The code.
                code: OptionCode,
                /// The raw value.
                data: &'a [u8],
            },
        }

        /// Every typed code, in code order, with its variant and reference.
        pub const TYPED_CODES: &[TypedCode] = &[
            $( TypedCode { code: OptionCode::$konst, variant: stringify!($variant), reference: $rfc }, )*
        ];

        impl<'a> DhcpOption<'a> {
            /// Decodes the value `data` of option `code`, whose code byte sits at
            /// `offset` in the message (used only for error reports).
            ///
            /// # Errors
            /// [`Error::InvalidLength`], [`Error::InvalidValue`],
            /// [`Error::InvalidSubOption`] or [`Error::SubOptionOverrun`] when
            /// `data` is malformed for the type.
            // Always inlined: the match then merges with the caller's match
            // on the result (measured: 2x on a full decode), and the result
            // is never returned through memory.
            #[inline(always)]
            pub fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
                Ok(match code {
                    $( OptionCode::$konst => DhcpOption::$variant(pick_decode!($ty $(, $dec)?)(code, data, offset)?), )*
                    _ => DhcpOption::Unknown { code, data },
                })
            }

            /// The length rule of `code`'s value (from its value type, or
            /// the option's own where it differs); `None` for a code
            /// without a typed form.
            ///
            /// ```
            /// use dhcpwire::{DhcpOption, OptionCode};
            /// use dhcpwire::options::typed::Length;
            /// assert_eq!(DhcpOption::length_rule(OptionCode::LEASE_TIME), Some(Length::Fixed(4)));
            /// assert_eq!(
            ///     DhcpOption::length_rule(OptionCode::ROUTER),
            ///     Some(Length::Items { min: 4, unit: 4 })
            /// );
            /// assert_eq!(DhcpOption::length_rule(OptionCode(224)), None);
            /// ```
            pub const fn length_rule(code: OptionCode) -> Option<Length> {
                match code {
                    $( OptionCode::$konst => Some(pick_length!($ty $(, $length)?)), )*
                    _ => None,
                }
            }

            /// The one length `code`'s value always has (`Some(4)` for a
            /// lease time), `None` for a variable-length or untyped code.
            pub const fn fixed_len(code: OptionCode) -> Option<usize> {
                match Self::length_rule(code) {
                    Some(rule) => rule.fixed(),
                    None => None,
                }
            }

            /// The document that defines `code` (`"RFC 2132 §9.2"`), for a
            /// typed code.
            pub const fn reference(code: OptionCode) -> Option<&'static str> {
                match code {
                    $( OptionCode::$konst => Some($rfc), )*
                    _ => None,
                }
            }

            /// Writes a value of `code` that [`decode`](Self::decode)
            /// accepts, from the row's value type generator (or its own):
            /// false for a code without a typed form.
            #[cfg(feature = "arbitrary")]
            pub(crate) fn generate_value(
                code: OptionCode,
                g: &mut super::generate::Gen<'_, '_>,
                out: &mut super::generate::Out<'_>,
            ) -> bool {
                match code {
                    $( OptionCode::$konst => {
                        pick_generate!($ty $(, $generate)?)(g, code, pick_length!($ty $(, $length)?), out);
                        true
                    } )*
                    _ => false,
                }
            }

            /// The option code of this value.
            pub fn code(&self) -> OptionCode {
                match self {
                    $( DhcpOption::$variant(_) => OptionCode::$konst, )*
                    DhcpOption::Unknown { code, .. } => *code,
                }
            }

            /// Length of the encoded value (without code and length bytes, before
            /// any RFC 3396 splitting).
            pub fn value_len(&self) -> usize {
                match self {
                    $( DhcpOption::$variant(v) => OptionData::encoded_len(v), )*
                    DhcpOption::Unknown { data, .. } => data.len(),
                }
            }

            /// Hands the encoded value to `sink` in one or more pieces, in order.
            /// The pieces together are exactly [`value_len`](Self::value_len) bytes.
            pub fn write_value(&self, sink: &mut dyn FnMut(&[u8])) {
                match self {
                    $( DhcpOption::$variant(v) => OptionData::encode(v, sink), )*
                    DhcpOption::Unknown { data, .. } => sink(data),
                }
            }
        }

        impl fmt::Display for DhcpOption<'_> {
            /// The value the way tcpdump -v / Wireshark print it (without the
            /// option name).
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( DhcpOption::$variant(v) => $show(v, f), )*
                    DhcpOption::Unknown { data, .. } => write!(f, "{}", Hex(data)),
                }
            }
        }

        #[cfg(feature = "serde")]
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl serde::Serialize for DhcpOption<'_> {
            /// The value alone (no code, no name): addresses as dotted
            /// strings, lists as arrays, times and numbers as numbers, text
            /// as strings, raw bytes as hex.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( DhcpOption::$variant(v) => pick_json!($($json)?)(v, s), )*
                    DhcpOption::Unknown { data, .. } => s.collect_str(&json::PlainHex(data)),
                }
            }
        }
    };
}

typed_options! {
    /// Subnet mask.
    1 SubnetMask(Ipv4Addr) = SUBNET_MASK, "RFC 2132 §3.3", show::plain;
    /// Offset of the client's subnet from UTC, in seconds (signed).
    2 TimeOffset(i32) = TIME_OFFSET, "RFC 2132 §3.4", show::secs_signed;
    /// Routers, in order of preference.
    3 Router(common::Ipv4List<'a>) = ROUTER, "RFC 2132 §3.5", show::plain;
    /// RFC 868 time servers.
    4 TimeServer(common::Ipv4List<'a>) = TIME_SERVER, "RFC 2132 §3.6", show::plain;
    /// IEN 116 name servers.
    5 NameServer(common::Ipv4List<'a>) = NAME_SERVER, "RFC 2132 §3.7", show::plain;
    /// DNS servers.
    6 DomainNameServer(common::Ipv4List<'a>) = DOMAIN_NAME_SERVER, "RFC 2132 §3.8", show::plain;
    /// MIT-LCS UDP log servers.
    7 LogServer(common::Ipv4List<'a>) = LOG_SERVER, "RFC 2132 §3.9", show::plain;
    /// RFC 865 cookie (quote of the day) servers.
    8 CookieServer(common::Ipv4List<'a>) = COOKIE_SERVER, "RFC 2132 §3.10", show::plain;
    /// RFC 1179 line printer servers.
    9 LprServer(common::Ipv4List<'a>) = LPR_SERVER, "RFC 2132 §3.11", show::plain;
    /// Imagen Impress servers.
    10 ImpressServer(common::Ipv4List<'a>) = IMPRESS_SERVER, "RFC 2132 §3.12", show::plain;
    /// RFC 887 resource location servers.
    11 ResourceLocationServer(common::Ipv4List<'a>) = RESOURCE_LOCATION_SERVER, "RFC 2132 §3.13", show::plain;
    /// Client host name.
    12 HostName(common::Text<'a>) = HOST_NAME, "RFC 2132 §3.14", show::quoted;
    /// Boot file size in 512-byte blocks.
    13 BootFileSize(u16) = BOOT_FILE_SIZE, "RFC 2132 §3.15", show::plain;
    /// Path of the merit dump file.
    14 MeritDumpFile(common::Text<'a>) = MERIT_DUMP_FILE, "RFC 2132 §3.16", show::quoted;
    /// Domain name.
    15 DomainName(common::Text<'a>) = DOMAIN_NAME, "RFC 2132 §3.17", show::quoted;
    /// Swap server.
    16 SwapServer(Ipv4Addr) = SWAP_SERVER, "RFC 2132 §3.18", show::plain;
    /// Root disk path.
    17 RootPath(common::Text<'a>) = ROOT_PATH, "RFC 2132 §3.19", show::quoted;
    /// Extensions path (a TFTP file of more options).
    18 ExtensionsPath(common::Text<'a>) = EXTENSIONS_PATH, "RFC 2132 §3.20", show::quoted;
    /// IP forwarding on or off.
    19 IpForwarding(bool) = IP_FORWARDING, "RFC 2132 §4.1", show::flag;
    /// Non-local source routing on or off.
    20 NonLocalSourceRouting(bool) = NON_LOCAL_SOURCE_ROUTING, "RFC 2132 §4.2", show::flag;
    /// Policy filters: (address, mask) pairs.
    21 PolicyFilter(rfc2132::Ipv4Pairs<'a>) = POLICY_FILTER, "RFC 2132 §4.3", show::address_masks;
    /// Maximum datagram reassembly size.
    22 MaxDatagramReassemblySize(u16) = MAX_DATAGRAM_REASSEMBLY_SIZE, "RFC 2132 §4.4", show::plain;
    /// Default IP time-to-live.
    23 DefaultIpTtl(u8) = DEFAULT_IP_TTL, "RFC 2132 §4.5", show::plain;
    /// Path MTU aging timeout in seconds.
    24 PathMtuAgingTimeout(u32) = PATH_MTU_AGING_TIMEOUT, "RFC 2132 §4.6", show::secs;
    /// Path MTU plateau table (RFC 1191).
    25 PathMtuPlateauTable(rfc2132::U16List<'a>) = PATH_MTU_PLATEAU_TABLE, "RFC 2132 §4.7", show::plain;
    /// Interface MTU.
    26 InterfaceMtu(u16) = INTERFACE_MTU, "RFC 2132 §5.1", show::plain;
    /// Whether all subnets share the MTU of the client's subnet.
    27 AllSubnetsAreLocal(bool) = ALL_SUBNETS_ARE_LOCAL, "RFC 2132 §5.2", show::flag;
    /// Broadcast address.
    28 BroadcastAddress(Ipv4Addr) = BROADCAST_ADDRESS, "RFC 2132 §5.3", show::plain;
    /// Whether to perform ICMP mask discovery.
    29 PerformMaskDiscovery(bool) = PERFORM_MASK_DISCOVERY, "RFC 2132 §5.4", show::flag;
    /// Whether to answer ICMP mask requests.
    30 MaskSupplier(bool) = MASK_SUPPLIER, "RFC 2132 §5.5", show::flag;
    /// Whether to perform router discovery (RFC 1256).
    31 PerformRouterDiscovery(bool) = PERFORM_ROUTER_DISCOVERY, "RFC 2132 §5.6", show::flag;
    /// Where to send router solicitations.
    32 RouterSolicitationAddress(Ipv4Addr) = ROUTER_SOLICITATION_ADDRESS, "RFC 2132 §5.7", show::plain;
    /// Classful static routes: (destination, router) pairs.
    33 StaticRoute(rfc2132::Ipv4Pairs<'a>) = STATIC_ROUTE, "RFC 2132 §5.8", show::dest_routers;
    /// Whether to negotiate trailers (RFC 893).
    34 TrailerEncapsulation(bool) = TRAILER_ENCAPSULATION, "RFC 2132 §6.1", show::flag;
    /// ARP cache timeout in seconds.
    35 ArpCacheTimeout(u32) = ARP_CACHE_TIMEOUT, "RFC 2132 §6.2", show::secs;
    /// Ethernet encapsulation: false for RFC 894, true for RFC 1042.
    36 EthernetEncapsulation(bool) = ETHERNET_ENCAPSULATION, "RFC 2132 §6.3", show::ethernet_encapsulation;
    /// Default TCP time-to-live.
    37 TcpDefaultTtl(u8) = TCP_DEFAULT_TTL, "RFC 2132 §7.1", show::plain;
    /// TCP keepalive interval in seconds (0: no keepalives).
    38 TcpKeepaliveInterval(u32) = TCP_KEEPALIVE_INTERVAL, "RFC 2132 §7.2", show::secs;
    /// Whether to send a garbage octet with keepalives.
    39 TcpKeepaliveGarbage(bool) = TCP_KEEPALIVE_GARBAGE, "RFC 2132 §7.3", show::flag;
    /// NIS domain.
    40 NisDomain(common::Text<'a>) = NIS_DOMAIN, "RFC 2132 §8.1", show::quoted;
    /// NIS servers.
    41 NisServers(common::Ipv4List<'a>) = NIS_SERVERS, "RFC 2132 §8.2", show::plain;
    /// NTP servers.
    42 NtpServers(common::Ipv4List<'a>) = NTP_SERVERS, "RFC 2132 §8.3", show::plain;
    /// Vendor-specific information: opaque, with a sub-option view; see
    /// [`decode_vendor_specific`](super::rfc4578::decode_vendor_specific)
    /// for the PXE form.
    43 VendorSpecific(rfc4578::VendorSpecific<'a>) = VENDOR_SPECIFIC, "RFC 2132 §8.4", show::plain;
    /// NetBIOS over TCP/IP name servers (WINS).
    44 NetbiosNameServer(common::Ipv4List<'a>) = NETBIOS_NAME_SERVER, "RFC 2132 §8.5", show::plain;
    /// NetBIOS datagram distribution servers.
    45 NetbiosDatagramDistributionServer(common::Ipv4List<'a>) = NETBIOS_DATAGRAM_DISTRIBUTION_SERVER, "RFC 2132 §8.6", show::plain;
    /// NetBIOS node type (B, P, M, H).
    46 NetbiosNodeType(rfc2132::NetbiosNodeType) = NETBIOS_NODE_TYPE, "RFC 2132 §8.7", show::plain;
    /// NetBIOS scope.
    47 NetbiosScope(common::Text<'a>) = NETBIOS_SCOPE, "RFC 2132 §8.8", show::quoted;
    /// X Window System font servers.
    48 XWindowFontServer(common::Ipv4List<'a>) = X_WINDOW_FONT_SERVER, "RFC 2132 §8.9", show::plain;
    /// X Window System display managers.
    49 XWindowDisplayManager(common::Ipv4List<'a>) = X_WINDOW_DISPLAY_MANAGER, "RFC 2132 §8.10", show::plain;
    /// Requested IP address.
    50 RequestedIpAddress(Ipv4Addr) = REQUESTED_IP_ADDRESS, "RFC 2132 §9.1", show::plain;
    /// Lease time in seconds; 0xffffffff is infinite.
    51 LeaseTime(u32) = LEASE_TIME, "RFC 2132 §9.2", show::secs;
    /// Option overload.
    52 Overload(Overload) = OVERLOAD, "RFC 2132 §9.3", show::overload;
    /// DHCP message type.
    53 MessageType(MessageType) = MESSAGE_TYPE, "RFC 2132 §9.6", show::plain;
    /// Server identifier.
    54 ServerIdentifier(Ipv4Addr) = SERVER_IDENTIFIER, "RFC 2132 §9.7", show::plain;
    /// Parameter request list.
    55 ParameterRequestList(common::CodeList<'a>) = PARAMETER_REQUEST_LIST, "RFC 2132 §9.8", show::plain;
    /// Error message (in a DHCPNAK, or a DHCPDECLINE's reason).
    56 Message(common::Text<'a>) = MESSAGE, "RFC 2132 §9.9", show::quoted;
    /// Maximum DHCP message size.
    57 MaxMessageSize(u16) = MAX_MESSAGE_SIZE, "RFC 2132 §9.10", show::plain;
    /// Renewal (T1) time in seconds.
    58 RenewalTime(u32) = RENEWAL_TIME, "RFC 2132 §9.11", show::secs;
    /// Rebinding (T2) time in seconds.
    59 RebindingTime(u32) = REBINDING_TIME, "RFC 2132 §9.12", show::secs;
    /// Vendor class identifier.
    60 VendorClassIdentifier(common::Text<'a>) = VENDOR_CLASS_IDENTIFIER, "RFC 2132 §9.13", show::quoted;
    /// Client identifier.
    61 ClientIdentifier(common::ClientId<'a>) = CLIENT_IDENTIFIER, "RFC 2132 §9.14", show::plain;
    /// NetWare/IP domain name.
    62 NetwareIpDomain(common::Text<'a>) = NETWARE_IP_DOMAIN, "RFC 2242 §2", show::quoted;
    /// NetWare/IP information, as sub-options.
    63 NetwareIpInformation(common::SubOptions<'a>) = NETWARE_IP_INFORMATION, "RFC 2242 §3", show::plain;
    /// NIS+ domain.
    64 NisPlusDomain(common::Text<'a>) = NIS_PLUS_DOMAIN, "RFC 2132 §8.11", show::quoted;
    /// NIS+ servers.
    65 NisPlusServers(common::Ipv4List<'a>) = NIS_PLUS_SERVERS, "RFC 2132 §8.12", show::plain;
    /// TFTP server name (when `sname` carries options).
    66 TftpServerName(common::Text<'a>) = TFTP_SERVER_NAME, "RFC 2132 §9.4", show::quoted;
    /// Boot file name (when `file` carries options).
    67 BootfileName(common::Text<'a>) = BOOTFILE_NAME, "RFC 2132 §9.5", show::quoted;
    /// Mobile IP home agents; may be empty (no home agent).
    68 MobileIpHomeAgent(common::Ipv4List<'a>) = MOBILE_IP_HOME_AGENT, "RFC 2132 §8.13", show::plain, decode = common::Ipv4List::decode_maybe_empty, length = Length::Items { min: 0, unit: 4 };
    /// SMTP servers.
    69 SmtpServer(common::Ipv4List<'a>) = SMTP_SERVER, "RFC 2132 §8.14", show::plain;
    /// POP3 servers.
    70 Pop3Server(common::Ipv4List<'a>) = POP3_SERVER, "RFC 2132 §8.15", show::plain;
    /// NNTP servers.
    71 NntpServer(common::Ipv4List<'a>) = NNTP_SERVER, "RFC 2132 §8.16", show::plain;
    /// WWW servers.
    72 WwwServer(common::Ipv4List<'a>) = WWW_SERVER, "RFC 2132 §8.17", show::plain;
    /// Finger servers.
    73 FingerServer(common::Ipv4List<'a>) = FINGER_SERVER, "RFC 2132 §8.18", show::plain;
    /// IRC servers.
    74 IrcServer(common::Ipv4List<'a>) = IRC_SERVER, "RFC 2132 §8.19", show::plain;
    /// StreetTalk servers.
    75 StreettalkServer(common::Ipv4List<'a>) = STREETTALK_SERVER, "RFC 2132 §8.20", show::plain;
    /// StreetTalk directory assistance servers.
    76 StdaServer(common::Ipv4List<'a>) = STDA_SERVER, "RFC 2132 §8.21", show::plain;
    /// User class: RFC 3004 instances, or plain text as many clients send.
    77 UserClass(rfc3004::UserClass<'a>) = USER_CLASS, "RFC 3004", show::plain;
    /// SLP directory agents.
    78 SlpDirectoryAgent(rfc2610::SlpDirectoryAgent<'a>) = SLP_DIRECTORY_AGENT, "RFC 2610 §3", show::plain;
    /// SLP service scopes.
    79 SlpServiceScope(rfc2610::SlpServiceScope<'a>) = SLP_SERVICE_SCOPE, "RFC 2610 §4", show::plain;
    /// Rapid commit (empty value).
    80 RapidCommit(()) = RAPID_COMMIT, "RFC 4039", show::present, json = json::present;
    /// Client FQDN: flags, RCODEs, name.
    81 ClientFqdn(rfc4702::ClientFqdn<'a>) = CLIENT_FQDN, "RFC 4702", show::plain;
    /// Relay agent information, as sub-options (RFC 3046 and the
    /// sub-option RFCs, see [`rfc3046`](super::rfc3046)). Validated on
    /// decode, so iterating yields no errors.
    82 RelayAgentInformation(common::SubOptions<'a>) = RELAY_AGENT_INFORMATION, "RFC 3046", show::plain, generate = super::generate::relay_agent_information;
    /// iSNS: functions, flags and servers.
    83 Isns(rfc4174::Isns<'a>) = ISNS, "RFC 4174", show::plain;
    /// NDS servers.
    85 NdsServers(common::Ipv4List<'a>) = NDS_SERVERS, "RFC 2241", show::plain;
    /// NDS tree name.
    86 NdsTreeName(common::Text<'a>) = NDS_TREE_NAME, "RFC 2241", show::quoted;
    /// NDS context.
    87 NdsContext(common::Text<'a>) = NDS_CONTEXT, "RFC 2241", show::quoted;
    /// BCMCS controller domain names.
    88 BcmcsDomainNameList(dns::DomainList<'a>) = BCMCS_DOMAIN_NAME_LIST, "RFC 4280", show::plain, decode = dns::DomainList::decode_non_empty;
    /// BCMCS controller addresses.
    89 BcmcsIpv4Address(common::Ipv4List<'a>) = BCMCS_IPV4_ADDRESS, "RFC 4280", show::plain;
    /// Authentication.
    90 Authentication(rfc3118::Authentication<'a>) = AUTHENTICATION, "RFC 3118", show::plain;
    /// Seconds since the client's last transaction (lease query).
    91 ClientLastTransactionTime(u32) = CLIENT_LAST_TRANSACTION_TIME, "RFC 4388", show::secs;
    /// Addresses associated with the client (lease query).
    92 AssociatedIp(common::Ipv4List<'a>) = ASSOCIATED_IP, "RFC 4388", show::plain;
    /// PXE client system architectures.
    93 ClientSystemArchitecture(rfc4578::ArchList<'a>) = CLIENT_SYSTEM_ARCHITECTURE, "RFC 4578 §2.1", show::plain;
    /// PXE client network interface (UNDI version).
    94 ClientNetworkInterfaceId(rfc4578::NetworkInterfaceId) = CLIENT_NETWORK_INTERFACE_ID, "RFC 4578 §2.2", show::plain;
    /// PXE client machine identifier (GUID).
    97 ClientMachineId(rfc4578::MachineId<'a>) = CLIENT_MACHINE_ID, "RFC 4578 §2.3", show::plain;
    /// User authentication protocol URLs.
    98 UserAuthenticationProtocol(common::Text<'a>) = USER_AUTHENTICATION_PROTOCOL, "RFC 2485", show::quoted;
    /// Civic address.
    99 GeoconfCivic(rfc4776::CivicLocation<'a>) = GEOCONF_CIVIC, "RFC 4776", show::plain;
    /// POSIX TZ string.
    100 PosixTimezone(common::Text<'a>) = POSIX_TIMEZONE, "RFC 4833", show::quoted;
    /// TZ database name.
    101 TzdbTimezone(common::Text<'a>) = TZDB_TIMEZONE, "RFC 4833", show::quoted;
    /// IPv6-only preferred: seconds to stay off IPv4.
    108 Ipv6OnlyPreferred(u32) = IPV6_ONLY_PREFERRED, "RFC 8925", show::secs;
    /// DHCP 4o6 softwire source address.
    109 Dhcp4o6S46Saddr(Ipv6Addr) = DHCP4O6_S46_SADDR, "RFC 8539", show::plain;
    /// NetInfo parent server addresses.
    112 NetinfoAddress(common::Ipv4List<'a>) = NETINFO_ADDRESS, "RFC 3679 §3.3.1", show::plain;
    /// NetInfo parent server tag.
    113 NetinfoTag(common::Text<'a>) = NETINFO_TAG, "RFC 3679 §3.3.1", show::quoted;
    /// Captive portal API URI.
    114 CaptivePortal(common::Text<'a>) = CAPTIVE_PORTAL, "RFC 8910", show::quoted;
    /// Auto-configure (RFC 2563).
    116 AutoConfigure(rfc2563::AutoConfigure) = AUTO_CONFIGURE, "RFC 2563", show::plain;
    /// Name service search order: option codes of name services.
    117 NameServiceSearch(rfc2132::U16List<'a>) = NAME_SERVICE_SEARCH, "RFC 2937", show::name_services;
    /// Subnet selection.
    118 SubnetSelection(Ipv4Addr) = SUBNET_SELECTION, "RFC 3011", show::plain;
    /// Domain search list, possibly compressed.
    119 DomainSearch(dns::DomainList<'a>) = DOMAIN_SEARCH, "RFC 3397", show::plain, decode = dns::DomainList::decode_non_empty;
    /// SIP servers: names or addresses.
    120 SipServers(rfc3361::SipServers<'a>) = SIP_SERVERS, "RFC 3361", show::plain;
    /// Classless static routes.
    121 ClasslessStaticRoute(rfc3442::Routes<'a>) = CLASSLESS_STATIC_ROUTE, "RFC 3442", show::plain;
    /// CableLabs client configuration, as sub-options.
    122 CablelabsClientConfiguration(common::SubOptions<'a>) = CABLELABS_CLIENT_CONFIGURATION, "RFC 3495", show::plain;
    /// Coordinate-based location.
    123 Geoconf(rfc6225::GeoLocation) = GEOCONF, "RFC 6225", show::plain;
    /// Vendor-identifying vendor classes.
    124 VendorIdentifyingVendorClass(rfc3925::VendorClasses<'a>) = VENDOR_IDENTIFYING_VENDOR_CLASS, "RFC 3925 §3", show::plain;
    /// Vendor-identifying vendor-specific information.
    125 VendorIdentifyingVendorSpecific(rfc3925::VendorOptions<'a>) = VENDOR_IDENTIFYING_VENDOR_SPECIFIC, "RFC 3925 §4", show::plain;
    /// PANA authentication agents.
    136 PanaAgent(common::Ipv4List<'a>) = PANA_AGENT, "RFC 5192", show::plain;
    /// LoST server domain name.
    137 LostServer(dns::DomainList<'a>) = LOST_SERVER, "RFC 5223", show::plain, decode = dns::DomainList::decode_non_empty;
    /// CAPWAP access controllers.
    138 CapwapAc(common::Ipv4List<'a>) = CAPWAP_AC, "RFC 5417", show::plain;
    /// MoS server addresses, as sub-options (1 IS, 2 CS, 3 ES).
    139 MosIpv4Address(common::SubOptions<'a>) = MOS_IPV4_ADDRESS, "RFC 5678", show::plain;
    /// MoS server domain names, as sub-options (1 IS, 2 CS, 3 ES).
    140 MosIpv4Fqdn(common::SubOptions<'a>) = MOS_IPV4_FQDN, "RFC 5678", show::plain;
    /// SIP UA configuration service domains.
    141 SipUaConfigDomains(dns::DomainList<'a>) = SIP_UA_CONFIG_DOMAINS, "RFC 6011", show::plain, decode = dns::DomainList::decode_non_empty;
    /// ANDSF servers.
    142 AndsfIpv4Address(common::Ipv4List<'a>) = ANDSF_IPV4_ADDRESS, "RFC 6153", show::plain;
    /// SZTP bootstrap server URIs.
    143 SztpRedirect(rfc8572::UriList<'a>) = SZTP_REDIRECT, "RFC 8572", show::plain;
    /// Coordinate-based location (with the RFC 6225 version field).
    144 GeoLoc(rfc6225::GeoLocation) = GEOLOC, "RFC 6225", show::plain;
    /// FORCERENEW nonce algorithms.
    145 ForcerenewNonceCapable(rfc6704::NonceAlgorithms<'a>) = FORCERENEW_NONCE_CAPABLE, "RFC 6704", show::plain;
    /// RDNSS selection.
    146 RdnssSelection(rfc6731::RdnssSelection<'a>) = RDNSS_SELECTION, "RFC 6731", show::plain;
    /// DOTS reference identifier (a peer DOTS agent name).
    147 DotsReferenceIdentifier(dns::DomainList<'a>) = DOTS_REFERENCE_IDENTIFIER, "RFC 8973", show::plain, decode = dns::DomainList::decode_non_empty;
    /// DOTS server addresses.
    148 DotsAddress(common::Ipv4List<'a>) = DOTS_ADDRESS, "RFC 8973", show::plain;
    /// TFTP server addresses.
    150 TftpServerAddress(common::Ipv4List<'a>) = TFTP_SERVER_ADDRESS, "RFC 5859", show::plain;
    /// Lease query status code and message.
    151 StatusCode(rfc6926::StatusCode<'a>) = STATUS_CODE, "RFC 6926 §6.2.2", show::plain;
    /// Server's current time (seconds since the Unix epoch).
    152 BaseTime(u32) = BASE_TIME, "RFC 6926 §6.2.3", show::unix_time;
    /// Seconds since the lease entered its state (relative to base time).
    153 StartTimeOfState(u32) = START_TIME_OF_STATE, "RFC 6926 §6.2.4", show::secs;
    /// Start of the query's time range (seconds since the Unix epoch).
    154 QueryStartTime(u32) = QUERY_START_TIME, "RFC 6926 §6.2.5", show::unix_time;
    /// End of the query's time range (seconds since the Unix epoch).
    155 QueryEndTime(u32) = QUERY_END_TIME, "RFC 6926 §6.2.6", show::unix_time;
    /// Lease state.
    156 DhcpState(rfc6926::DhcpState) = DHCP_STATE, "RFC 6926 §6.2.7", show::plain;
    /// Data source flags.
    157 DataSource(rfc6926::DataSource) = DATA_SOURCE, "RFC 6926 §6.2.8", show::plain;
    /// PCP servers, one list per server.
    158 PcpServer(rfc7291::PcpServers<'a>) = PCP_SERVER, "RFC 7291", show::plain;
    /// Port set parameters (PSID).
    159 PortParams(rfc7618::PortParams) = PORT_PARAMS, "RFC 7618", show::plain;
    /// Manufacturer usage description URL.
    161 MudUrl(common::Text<'a>) = MUD_URL, "RFC 8520", show::quoted;
    /// Encrypted DNS resolvers.
    162 Dnr(rfc9463::Dnr<'a>) = DNR, "RFC 9463", show::plain;
    /// PXELINUX magic (F1:00:74:7E).
    208 PxelinuxMagic([u8; 4]) = PXELINUX_MAGIC, "RFC 5071 §4", show::hex4, json = json::hex4;
    /// PXELINUX configuration file.
    209 ConfigurationFile(common::Text<'a>) = CONFIGURATION_FILE, "RFC 5071 §5", show::quoted;
    /// PXELINUX path prefix.
    210 PathPrefix(common::Text<'a>) = PATH_PREFIX, "RFC 5071 §6", show::quoted;
    /// PXELINUX reboot time in seconds.
    211 RebootTime(u32) = REBOOT_TIME, "RFC 5071 §7", show::secs;
    /// 6rd: prefix and border relays.
    212 SixRd(rfc5969::SixRd<'a>) = OPTION_6RD, "RFC 5969", show::plain;
    /// Access network domain name.
    213 AccessDomain(dns::DomainList<'a>) = ACCESS_DOMAIN, "RFC 5986", show::plain, decode = dns::DomainList::decode_non_empty;
    /// Subnet allocation: flags and sub-options.
    220 SubnetAllocation(rfc6656::SubnetAllocation<'a>) = SUBNET_ALLOCATION, "RFC 6656", show::plain;
    /// Virtual subnet selection.
    221 VirtualSubnetSelection(rfc6607::VirtualSubnet<'a>) = VIRTUAL_SUBNET_SELECTION, "RFC 6607", show::plain;
    /// Microsoft classless static routes (the RFC 3442 format).
    249 MsClasslessStaticRoute(rfc3442::Routes<'a>) = MS_CLASSLESS_STATIC_ROUTE, "MS-DHCPE §2.2.9", show::plain;
    /// Web proxy auto-discovery URL.
    252 Wpad(common::Text<'a>) = WPAD, "draft-ietf-wrec-wpad-01", show::quoted;
}

// Every decode moves one of these: at 56 bytes the full decode of a golden
// message took 12% longer. Variant payloads stay within 24 bytes.
const _: () = assert!(core::mem::size_of::<DhcpOption<'static>>() <= 32);

#[cfg(test)]
mod tests {
    use super::*;

    fn is_length_error(code: OptionCode, data: &[u8]) -> bool {
        matches!(
            DhcpOption::decode(code, data, 0),
            Err(Error::InvalidLength { .. })
        )
    }

    /// Every row's length rule is what its decoder enforces: the rule is
    /// the one per-code length fact, so it must not drift from the code.
    #[test]
    fn every_length_rule_matches_its_decoder() {
        for typed in TYPED_CODES {
            let code = typed.code;
            let rule = DhcpOption::length_rule(code);
            let Some(rule) = rule else {
                panic!("{code:?} has no length rule");
            };
            match rule {
                Length::Fixed(n) => {
                    assert!(!is_length_error(code, &[1; 32][..n]), "{code:?} at {n}");
                    assert!(
                        is_length_error(code, &[1; 33][..n + 1]),
                        "{code:?} at {n}+1"
                    );
                    if n > 0 {
                        assert!(
                            is_length_error(code, &[1; 32][..n - 1]),
                            "{code:?} at {n}-1"
                        );
                    }
                }
                Length::Items { min, unit } => {
                    assert!(!is_length_error(code, &[1; 32][..min]), "{code:?} at {min}");
                    if min > 0 {
                        assert!(is_length_error(code, &[1; 32][..min - 1]), "{code:?} short");
                    }
                    if unit > 1 {
                        let odd = min + unit + 1;
                        assert!(is_length_error(code, &[1; 32][..odd]), "{code:?} at {odd}");
                    }
                }
                Length::Varies => {}
            }
        }
    }

    #[test]
    fn rows_and_typed_codes_agree() {
        assert_eq!(TYPED_CODES.len(), 148);
        for typed in TYPED_CODES {
            assert_eq!(DhcpOption::reference(typed.code), Some(typed.reference));
        }
        let typed: usize = (0..=255u8)
            .filter(|&c| DhcpOption::length_rule(OptionCode(c)).is_some())
            .count();
        assert_eq!(typed, TYPED_CODES.len());
        assert_eq!(DhcpOption::fixed_len(OptionCode::SUBNET_SELECTION), Some(4));
        assert_eq!(
            DhcpOption::length_rule(OptionCode::MOBILE_IP_HOME_AGENT),
            Some(Length::Items { min: 0, unit: 4 })
        );
    }
}
