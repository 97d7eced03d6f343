//! Typed option values, borrowing from the packet.
//!
//! [`DhcpOption::decode`] never panics and never trusts a length: a value
//! malformed for its type is an [`Error`] for that option only, and the raw
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

use core::fmt;
use core::iter::FusedIterator;
use core::net::{Ipv4Addr, Ipv6Addr};

use super::Overload;
use super::dns::DomainList;
use super::relay::SubOptions;
use super::rfc2132::{Ipv4Pairs, NetbiosNodeType, U16List};
use super::rfc2563::AutoConfigure;
use super::rfc2610::{SlpDirectoryAgent, SlpServiceScope};
use super::rfc3004::UserClass;
use super::rfc3118::Authentication;
use super::rfc3361::SipServers;
use super::rfc3442::Routes;
use super::rfc3925::{VendorClasses, VendorOptions};
use super::rfc4174::Isns;
use super::rfc4578::{ArchList, MachineId, NetworkInterfaceId, VendorSpecific};
use super::rfc4702::ClientFqdn;
use super::rfc4776::CivicLocation;
use super::rfc5969::SixRd;
use super::rfc6225::GeoLocation;
use super::rfc6607::VirtualSubnet;
use super::rfc6656::SubnetAllocation;
use super::rfc6704::NonceAlgorithms;
use super::rfc6731::RdnssSelection;
use super::rfc6926::{DataSource, DhcpState, StatusCode};
use super::rfc7291::PcpServers;
use super::rfc7618::PortParams;
use super::rfc8572::UriList;
use super::rfc9463::Dnr;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::fmt::{Hex, Text as TextFmt};

/// A value type that option values decode to and encode from.
///
/// `decode` checks everything once, so accessors on the value cannot fail;
/// `encoded_len` and `encode` reproduce the decoded bytes exactly.
pub trait OptionData<'a>: Sized {
    /// Decodes `data`, the value of option `code` whose code byte is at
    /// `offset` in the message (value bytes start at `offset + 2`).
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidValue`],
    /// [`Error::InvalidSubOption`] or [`Error::SubOptionOverrun`] when
    /// `data` is malformed for the type.
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error>;

    /// Length of the encoded value.
    fn encoded_len(&self) -> usize;

    /// Hands the encoded value to `sink` in one or more pieces.
    fn encode(&self, sink: &mut dyn FnMut(&[u8]));
}

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

macro_rules! typed_options {
    ($(
        $(#[$m:meta])*
        $num:literal $variant:ident($ty:ty) = $konst:ident, $rfc:literal, $show:path $(, $dec:path)?;
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
                    $( DhcpOption::$variant(v) => json::Json::json(v, s), )*
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
    3 Router(Ipv4List<'a>) = ROUTER, "RFC 2132 §3.5", show::plain;
    /// RFC 868 time servers.
    4 TimeServer(Ipv4List<'a>) = TIME_SERVER, "RFC 2132 §3.6", show::plain;
    /// IEN 116 name servers.
    5 NameServer(Ipv4List<'a>) = NAME_SERVER, "RFC 2132 §3.7", show::plain;
    /// DNS servers.
    6 DomainNameServer(Ipv4List<'a>) = DOMAIN_NAME_SERVER, "RFC 2132 §3.8", show::plain;
    /// MIT-LCS UDP log servers.
    7 LogServer(Ipv4List<'a>) = LOG_SERVER, "RFC 2132 §3.9", show::plain;
    /// RFC 865 cookie (quote of the day) servers.
    8 CookieServer(Ipv4List<'a>) = COOKIE_SERVER, "RFC 2132 §3.10", show::plain;
    /// RFC 1179 line printer servers.
    9 LprServer(Ipv4List<'a>) = LPR_SERVER, "RFC 2132 §3.11", show::plain;
    /// Imagen Impress servers.
    10 ImpressServer(Ipv4List<'a>) = IMPRESS_SERVER, "RFC 2132 §3.12", show::plain;
    /// RFC 887 resource location servers.
    11 ResourceLocationServer(Ipv4List<'a>) = RESOURCE_LOCATION_SERVER, "RFC 2132 §3.13", show::plain;
    /// Client host name.
    12 HostName(Text<'a>) = HOST_NAME, "RFC 2132 §3.14", show::quoted;
    /// Boot file size in 512-byte blocks.
    13 BootFileSize(u16) = BOOT_FILE_SIZE, "RFC 2132 §3.15", show::plain;
    /// Path of the merit dump file.
    14 MeritDumpFile(Text<'a>) = MERIT_DUMP_FILE, "RFC 2132 §3.16", show::quoted;
    /// Domain name.
    15 DomainName(Text<'a>) = DOMAIN_NAME, "RFC 2132 §3.17", show::quoted;
    /// Swap server.
    16 SwapServer(Ipv4Addr) = SWAP_SERVER, "RFC 2132 §3.18", show::plain;
    /// Root disk path.
    17 RootPath(Text<'a>) = ROOT_PATH, "RFC 2132 §3.19", show::quoted;
    /// Extensions path (a TFTP file of more options).
    18 ExtensionsPath(Text<'a>) = EXTENSIONS_PATH, "RFC 2132 §3.20", show::quoted;
    /// IP forwarding on or off.
    19 IpForwarding(bool) = IP_FORWARDING, "RFC 2132 §4.1", show::flag;
    /// Non-local source routing on or off.
    20 NonLocalSourceRouting(bool) = NON_LOCAL_SOURCE_ROUTING, "RFC 2132 §4.2", show::flag;
    /// Policy filters: (address, mask) pairs.
    21 PolicyFilter(Ipv4Pairs<'a>) = POLICY_FILTER, "RFC 2132 §4.3", show::address_masks;
    /// Maximum datagram reassembly size.
    22 MaxDatagramReassemblySize(u16) = MAX_DATAGRAM_REASSEMBLY_SIZE, "RFC 2132 §4.4", show::plain;
    /// Default IP time-to-live.
    23 DefaultIpTtl(u8) = DEFAULT_IP_TTL, "RFC 2132 §4.5", show::plain;
    /// Path MTU aging timeout in seconds.
    24 PathMtuAgingTimeout(u32) = PATH_MTU_AGING_TIMEOUT, "RFC 2132 §4.6", show::secs;
    /// Path MTU plateau table (RFC 1191).
    25 PathMtuPlateauTable(U16List<'a>) = PATH_MTU_PLATEAU_TABLE, "RFC 2132 §4.7", show::plain;
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
    33 StaticRoute(Ipv4Pairs<'a>) = STATIC_ROUTE, "RFC 2132 §5.8", show::dest_routers;
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
    40 NisDomain(Text<'a>) = NIS_DOMAIN, "RFC 2132 §8.1", show::quoted;
    /// NIS servers.
    41 NisServers(Ipv4List<'a>) = NIS_SERVERS, "RFC 2132 §8.2", show::plain;
    /// NTP servers.
    42 NtpServers(Ipv4List<'a>) = NTP_SERVERS, "RFC 2132 §8.3", show::plain;
    /// Vendor-specific information: opaque, with a sub-option view; see
    /// [`decode_vendor_specific`](super::rfc4578::decode_vendor_specific)
    /// for the PXE form.
    43 VendorSpecific(VendorSpecific<'a>) = VENDOR_SPECIFIC, "RFC 2132 §8.4", show::plain;
    /// NetBIOS over TCP/IP name servers (WINS).
    44 NetbiosNameServer(Ipv4List<'a>) = NETBIOS_NAME_SERVER, "RFC 2132 §8.5", show::plain;
    /// NetBIOS datagram distribution servers.
    45 NetbiosDatagramDistributionServer(Ipv4List<'a>) = NETBIOS_DATAGRAM_DISTRIBUTION_SERVER, "RFC 2132 §8.6", show::plain;
    /// NetBIOS node type (B, P, M, H).
    46 NetbiosNodeType(NetbiosNodeType) = NETBIOS_NODE_TYPE, "RFC 2132 §8.7", show::plain;
    /// NetBIOS scope.
    47 NetbiosScope(Text<'a>) = NETBIOS_SCOPE, "RFC 2132 §8.8", show::quoted;
    /// X Window System font servers.
    48 XWindowFontServer(Ipv4List<'a>) = X_WINDOW_FONT_SERVER, "RFC 2132 §8.9", show::plain;
    /// X Window System display managers.
    49 XWindowDisplayManager(Ipv4List<'a>) = X_WINDOW_DISPLAY_MANAGER, "RFC 2132 §8.10", show::plain;
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
    55 ParameterRequestList(CodeList<'a>) = PARAMETER_REQUEST_LIST, "RFC 2132 §9.8", show::plain;
    /// Error message (in a DHCPNAK, or a DHCPDECLINE's reason).
    56 Message(Text<'a>) = MESSAGE, "RFC 2132 §9.9", show::quoted;
    /// Maximum DHCP message size.
    57 MaxMessageSize(u16) = MAX_MESSAGE_SIZE, "RFC 2132 §9.10", show::plain;
    /// Renewal (T1) time in seconds.
    58 RenewalTime(u32) = RENEWAL_TIME, "RFC 2132 §9.11", show::secs;
    /// Rebinding (T2) time in seconds.
    59 RebindingTime(u32) = REBINDING_TIME, "RFC 2132 §9.12", show::secs;
    /// Vendor class identifier.
    60 VendorClassIdentifier(Text<'a>) = VENDOR_CLASS_IDENTIFIER, "RFC 2132 §9.13", show::quoted;
    /// Client identifier.
    61 ClientIdentifier(ClientId<'a>) = CLIENT_IDENTIFIER, "RFC 2132 §9.14", show::plain;
    /// NetWare/IP domain name.
    62 NetwareIpDomain(Text<'a>) = NETWARE_IP_DOMAIN, "RFC 2242 §2", show::quoted;
    /// NetWare/IP information, as sub-options.
    63 NetwareIpInformation(SubOptions<'a>) = NETWARE_IP_INFORMATION, "RFC 2242 §3", show::plain;
    /// NIS+ domain.
    64 NisPlusDomain(Text<'a>) = NIS_PLUS_DOMAIN, "RFC 2132 §8.11", show::quoted;
    /// NIS+ servers.
    65 NisPlusServers(Ipv4List<'a>) = NIS_PLUS_SERVERS, "RFC 2132 §8.12", show::plain;
    /// TFTP server name (when `sname` carries options).
    66 TftpServerName(Text<'a>) = TFTP_SERVER_NAME, "RFC 2132 §9.4", show::quoted;
    /// Boot file name (when `file` carries options).
    67 BootfileName(Text<'a>) = BOOTFILE_NAME, "RFC 2132 §9.5", show::quoted;
    /// Mobile IP home agents; may be empty (no home agent).
    68 MobileIpHomeAgent(Ipv4List<'a>) = MOBILE_IP_HOME_AGENT, "RFC 2132 §8.13", show::plain, Ipv4List::decode_maybe_empty;
    /// SMTP servers.
    69 SmtpServer(Ipv4List<'a>) = SMTP_SERVER, "RFC 2132 §8.14", show::plain;
    /// POP3 servers.
    70 Pop3Server(Ipv4List<'a>) = POP3_SERVER, "RFC 2132 §8.15", show::plain;
    /// NNTP servers.
    71 NntpServer(Ipv4List<'a>) = NNTP_SERVER, "RFC 2132 §8.16", show::plain;
    /// WWW servers.
    72 WwwServer(Ipv4List<'a>) = WWW_SERVER, "RFC 2132 §8.17", show::plain;
    /// Finger servers.
    73 FingerServer(Ipv4List<'a>) = FINGER_SERVER, "RFC 2132 §8.18", show::plain;
    /// IRC servers.
    74 IrcServer(Ipv4List<'a>) = IRC_SERVER, "RFC 2132 §8.19", show::plain;
    /// StreetTalk servers.
    75 StreettalkServer(Ipv4List<'a>) = STREETTALK_SERVER, "RFC 2132 §8.20", show::plain;
    /// StreetTalk directory assistance servers.
    76 StdaServer(Ipv4List<'a>) = STDA_SERVER, "RFC 2132 §8.21", show::plain;
    /// User class: RFC 3004 instances, or plain text as many clients send.
    77 UserClass(UserClass<'a>) = USER_CLASS, "RFC 3004", show::plain;
    /// SLP directory agents.
    78 SlpDirectoryAgent(SlpDirectoryAgent<'a>) = SLP_DIRECTORY_AGENT, "RFC 2610 §3", show::plain;
    /// SLP service scopes.
    79 SlpServiceScope(SlpServiceScope<'a>) = SLP_SERVICE_SCOPE, "RFC 2610 §4", show::plain;
    /// Rapid commit (empty value).
    80 RapidCommit(()) = RAPID_COMMIT, "RFC 4039", show::present;
    /// Client FQDN: flags, RCODEs, name.
    81 ClientFqdn(ClientFqdn<'a>) = CLIENT_FQDN, "RFC 4702", show::plain;
    /// Relay agent information, as sub-options (RFC 3046 and the
    /// sub-option RFCs, see [`rfc3046`](super::rfc3046)). Validated on
    /// decode, so iterating yields no errors.
    82 RelayAgentInformation(SubOptions<'a>) = RELAY_AGENT_INFORMATION, "RFC 3046", show::plain;
    /// iSNS: functions, flags and servers.
    83 Isns(Isns<'a>) = ISNS, "RFC 4174", show::plain;
    /// NDS servers.
    85 NdsServers(Ipv4List<'a>) = NDS_SERVERS, "RFC 2241", show::plain;
    /// NDS tree name.
    86 NdsTreeName(Text<'a>) = NDS_TREE_NAME, "RFC 2241", show::quoted;
    /// NDS context.
    87 NdsContext(Text<'a>) = NDS_CONTEXT, "RFC 2241", show::quoted;
    /// BCMCS controller domain names.
    88 BcmcsDomainNameList(DomainList<'a>) = BCMCS_DOMAIN_NAME_LIST, "RFC 4280", show::plain, DomainList::decode_non_empty;
    /// BCMCS controller addresses.
    89 BcmcsIpv4Address(Ipv4List<'a>) = BCMCS_IPV4_ADDRESS, "RFC 4280", show::plain;
    /// Authentication.
    90 Authentication(Authentication<'a>) = AUTHENTICATION, "RFC 3118", show::plain;
    /// Seconds since the client's last transaction (lease query).
    91 ClientLastTransactionTime(u32) = CLIENT_LAST_TRANSACTION_TIME, "RFC 4388", show::secs;
    /// Addresses associated with the client (lease query).
    92 AssociatedIp(Ipv4List<'a>) = ASSOCIATED_IP, "RFC 4388", show::plain;
    /// PXE client system architectures.
    93 ClientSystemArchitecture(ArchList<'a>) = CLIENT_SYSTEM_ARCHITECTURE, "RFC 4578 §2.1", show::plain;
    /// PXE client network interface (UNDI version).
    94 ClientNetworkInterfaceId(NetworkInterfaceId) = CLIENT_NETWORK_INTERFACE_ID, "RFC 4578 §2.2", show::plain;
    /// PXE client machine identifier (GUID).
    97 ClientMachineId(MachineId<'a>) = CLIENT_MACHINE_ID, "RFC 4578 §2.3", show::plain;
    /// User authentication protocol URLs.
    98 UserAuthenticationProtocol(Text<'a>) = USER_AUTHENTICATION_PROTOCOL, "RFC 2485", show::quoted;
    /// Civic address.
    99 GeoconfCivic(CivicLocation<'a>) = GEOCONF_CIVIC, "RFC 4776", show::plain;
    /// POSIX TZ string.
    100 PosixTimezone(Text<'a>) = POSIX_TIMEZONE, "RFC 4833", show::quoted;
    /// TZ database name.
    101 TzdbTimezone(Text<'a>) = TZDB_TIMEZONE, "RFC 4833", show::quoted;
    /// IPv6-only preferred: seconds to stay off IPv4.
    108 Ipv6OnlyPreferred(u32) = IPV6_ONLY_PREFERRED, "RFC 8925", show::secs;
    /// DHCP 4o6 softwire source address.
    109 Dhcp4o6S46Saddr(Ipv6Addr) = DHCP4O6_S46_SADDR, "RFC 8539", show::plain;
    /// NetInfo parent server addresses.
    112 NetinfoAddress(Ipv4List<'a>) = NETINFO_ADDRESS, "RFC 3679 §3.3.1", show::plain;
    /// NetInfo parent server tag.
    113 NetinfoTag(Text<'a>) = NETINFO_TAG, "RFC 3679 §3.3.1", show::quoted;
    /// Captive portal API URI.
    114 CaptivePortal(Text<'a>) = CAPTIVE_PORTAL, "RFC 8910", show::quoted;
    /// Auto-configure (RFC 2563).
    116 AutoConfigure(AutoConfigure) = AUTO_CONFIGURE, "RFC 2563", show::plain;
    /// Name service search order: option codes of name services.
    117 NameServiceSearch(U16List<'a>) = NAME_SERVICE_SEARCH, "RFC 2937", show::name_services;
    /// Subnet selection.
    118 SubnetSelection(Ipv4Addr) = SUBNET_SELECTION, "RFC 3011", show::plain;
    /// Domain search list, possibly compressed.
    119 DomainSearch(DomainList<'a>) = DOMAIN_SEARCH, "RFC 3397", show::plain, DomainList::decode_non_empty;
    /// SIP servers: names or addresses.
    120 SipServers(SipServers<'a>) = SIP_SERVERS, "RFC 3361", show::plain;
    /// Classless static routes.
    121 ClasslessStaticRoute(Routes<'a>) = CLASSLESS_STATIC_ROUTE, "RFC 3442", show::plain;
    /// CableLabs client configuration, as sub-options.
    122 CablelabsClientConfiguration(SubOptions<'a>) = CABLELABS_CLIENT_CONFIGURATION, "RFC 3495", show::plain;
    /// Coordinate-based location.
    123 Geoconf(GeoLocation) = GEOCONF, "RFC 6225", show::plain;
    /// Vendor-identifying vendor classes.
    124 VendorIdentifyingVendorClass(VendorClasses<'a>) = VENDOR_IDENTIFYING_VENDOR_CLASS, "RFC 3925 §3", show::plain;
    /// Vendor-identifying vendor-specific information.
    125 VendorIdentifyingVendorSpecific(VendorOptions<'a>) = VENDOR_IDENTIFYING_VENDOR_SPECIFIC, "RFC 3925 §4", show::plain;
    /// PANA authentication agents.
    136 PanaAgent(Ipv4List<'a>) = PANA_AGENT, "RFC 5192", show::plain;
    /// LoST server domain name.
    137 LostServer(DomainList<'a>) = LOST_SERVER, "RFC 5223", show::plain, DomainList::decode_non_empty;
    /// CAPWAP access controllers.
    138 CapwapAc(Ipv4List<'a>) = CAPWAP_AC, "RFC 5417", show::plain;
    /// MoS server addresses, as sub-options (1 IS, 2 CS, 3 ES).
    139 MosIpv4Address(SubOptions<'a>) = MOS_IPV4_ADDRESS, "RFC 5678", show::plain;
    /// MoS server domain names, as sub-options (1 IS, 2 CS, 3 ES).
    140 MosIpv4Fqdn(SubOptions<'a>) = MOS_IPV4_FQDN, "RFC 5678", show::plain;
    /// SIP UA configuration service domains.
    141 SipUaConfigDomains(DomainList<'a>) = SIP_UA_CONFIG_DOMAINS, "RFC 6011", show::plain, DomainList::decode_non_empty;
    /// ANDSF servers.
    142 AndsfIpv4Address(Ipv4List<'a>) = ANDSF_IPV4_ADDRESS, "RFC 6153", show::plain;
    /// SZTP bootstrap server URIs.
    143 SztpRedirect(UriList<'a>) = SZTP_REDIRECT, "RFC 8572", show::plain;
    /// Coordinate-based location (with the RFC 6225 version field).
    144 GeoLoc(GeoLocation) = GEOLOC, "RFC 6225", show::plain;
    /// FORCERENEW nonce algorithms.
    145 ForcerenewNonceCapable(NonceAlgorithms<'a>) = FORCERENEW_NONCE_CAPABLE, "RFC 6704", show::plain;
    /// RDNSS selection.
    146 RdnssSelection(RdnssSelection<'a>) = RDNSS_SELECTION, "RFC 6731", show::plain;
    /// DOTS reference identifier (a peer DOTS agent name).
    147 DotsReferenceIdentifier(DomainList<'a>) = DOTS_REFERENCE_IDENTIFIER, "RFC 8973", show::plain, DomainList::decode_non_empty;
    /// DOTS server addresses.
    148 DotsAddress(Ipv4List<'a>) = DOTS_ADDRESS, "RFC 8973", show::plain;
    /// TFTP server addresses.
    150 TftpServerAddress(Ipv4List<'a>) = TFTP_SERVER_ADDRESS, "RFC 5859", show::plain;
    /// Lease query status code and message.
    151 StatusCode(StatusCode<'a>) = STATUS_CODE, "RFC 6926 §6.2.2", show::plain;
    /// Server's current time (seconds since the Unix epoch).
    152 BaseTime(u32) = BASE_TIME, "RFC 6926 §6.2.3", show::unix_time;
    /// Seconds since the lease entered its state (relative to base time).
    153 StartTimeOfState(u32) = START_TIME_OF_STATE, "RFC 6926 §6.2.4", show::secs;
    /// Start of the query's time range (seconds since the Unix epoch).
    154 QueryStartTime(u32) = QUERY_START_TIME, "RFC 6926 §6.2.5", show::unix_time;
    /// End of the query's time range (seconds since the Unix epoch).
    155 QueryEndTime(u32) = QUERY_END_TIME, "RFC 6926 §6.2.6", show::unix_time;
    /// Lease state.
    156 DhcpState(DhcpState) = DHCP_STATE, "RFC 6926 §6.2.7", show::plain;
    /// Data source flags.
    157 DataSource(DataSource) = DATA_SOURCE, "RFC 6926 §6.2.8", show::plain;
    /// PCP servers, one list per server.
    158 PcpServer(PcpServers<'a>) = PCP_SERVER, "RFC 7291", show::plain;
    /// Port set parameters (PSID).
    159 PortParams(PortParams) = PORT_PARAMS, "RFC 7618", show::plain;
    /// Manufacturer usage description URL.
    161 MudUrl(Text<'a>) = MUD_URL, "RFC 8520", show::quoted;
    /// Encrypted DNS resolvers.
    162 Dnr(Dnr<'a>) = DNR, "RFC 9463", show::plain;
    /// PXELINUX magic (F1:00:74:7E).
    208 PxelinuxMagic([u8; 4]) = PXELINUX_MAGIC, "RFC 5071 §4", show::hex4;
    /// PXELINUX configuration file.
    209 ConfigurationFile(Text<'a>) = CONFIGURATION_FILE, "RFC 5071 §5", show::quoted;
    /// PXELINUX path prefix.
    210 PathPrefix(Text<'a>) = PATH_PREFIX, "RFC 5071 §6", show::quoted;
    /// PXELINUX reboot time in seconds.
    211 RebootTime(u32) = REBOOT_TIME, "RFC 5071 §7", show::secs;
    /// 6rd: prefix and border relays.
    212 SixRd(SixRd<'a>) = OPTION_6RD, "RFC 5969", show::plain;
    /// Access network domain name.
    213 AccessDomain(DomainList<'a>) = ACCESS_DOMAIN, "RFC 5986", show::plain, DomainList::decode_non_empty;
    /// Subnet allocation: flags and sub-options.
    220 SubnetAllocation(SubnetAllocation<'a>) = SUBNET_ALLOCATION, "RFC 6656", show::plain;
    /// Virtual subnet selection.
    221 VirtualSubnetSelection(VirtualSubnet<'a>) = VIRTUAL_SUBNET_SELECTION, "RFC 6607", show::plain;
    /// Microsoft classless static routes (the RFC 3442 format).
    249 MsClasslessStaticRoute(Routes<'a>) = MS_CLASSLESS_STATIC_ROUTE, "MS-DHCPE §2.2.9", show::plain;
    /// Web proxy auto-discovery URL.
    252 Wpad(Text<'a>) = WPAD, "draft-ietf-wrec-wpad-01", show::quoted;
}

// Every decode moves one of these: at 56 bytes the full decode of a golden
// message took 12% longer. Variant payloads stay within 24 bytes.
const _: () = assert!(core::mem::size_of::<DhcpOption<'static>>() <= 32);

/// The fixed `N`-byte head of a compound value and the bytes after it, for
/// the accessors of a value whose `decode` checked it has at least `N`
/// bytes (so the all-zero fallback is never taken).
#[inline]
pub(crate) fn checked_head<const N: usize>(data: &[u8]) -> (&[u8; N], &[u8]) {
    data.split_first_chunk().unwrap_or((&[0; N], &[]))
}

/// `InvalidLength` for option `code` whose code byte is at `offset`.
pub(crate) fn invalid_len(
    code: OptionCode,
    data: &[u8],
    offset: usize,
    expected: &'static str,
) -> Error {
    Error::InvalidLength {
        code: code.0,
        offset,
        len: data.len(),
        expected,
    }
}

/// `InvalidValue` at value byte `index` of option `code` at `offset`.
pub(crate) fn invalid_at(
    code: OptionCode,
    offset: usize,
    index: usize,
    expected: &'static str,
) -> Error {
    Error::InvalidValue {
        code: code.0,
        offset: offset.saturating_add(2).saturating_add(index),
        expected,
    }
}

/// Checks that `data[start..]` is a run of items, each split off the front
/// by `split` (the bytes after the item, or `None` when the item there is
/// malformed); the error points at the first malformed item. The decoders
/// pass the same `split` their iterators use, so what decodes iterates.
pub(crate) fn check_items<'a>(
    code: OptionCode,
    data: &'a [u8],
    offset: usize,
    start: usize,
    expected: &'static str,
    split: impl Fn(&'a [u8]) -> Option<&'a [u8]>,
) -> Result<(), Error> {
    let mut rest = data.get(start..).unwrap_or(&[]);
    while !rest.is_empty() {
        let at = data.len().saturating_sub(rest.len());
        let err = || invalid_at(code, offset, at, expected);
        let next = split(rest).ok_or_else(err)?;
        // Each item must consume bytes, or the loop would not end.
        if next.len() >= rest.len() {
            return Err(err());
        }
        rest = next;
    }
    Ok(())
}

/// A message offset kept in 4 bytes, so that the values which remember
/// one (to report where a lazily iterated part is malformed) fit in the
/// 32-byte [`DhcpOption`]. An offset past 4 GiB, which no DHCP message
/// reaches, saturates.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Offset32(u32);

impl fmt::Debug for Offset32 {
    /// The bare number, as the `usize` offsets it replaces printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl Offset32 {
    #[inline]
    pub(crate) fn new(offset: usize) -> Self {
        Offset32(u32::try_from(offset).unwrap_or(u32::MAX))
    }

    #[inline]
    pub(crate) fn get(self) -> usize {
        // Lossless: usize is at least 32 bits on every target this crate
        // supports (the error offsets are usize).
        self.0 as usize
    }
}

/// Implements [`OptionData`] for a fixed-size value.
macro_rules! fixed {
    ($ty:ty, $n:literal, $expected:literal, |$d:ident| $dec:expr, |$v:ident| $enc:expr) => {
        impl OptionData<'_> for $ty {
            fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
                match <&[u8; $n]>::try_from(data) {
                    Ok($d) => Ok($dec),
                    Err(_) => Err(invalid_len(code, data, offset, $expected)),
                }
            }
            fn encoded_len(&self) -> usize {
                $n
            }
            fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
                let $v = self;
                sink(&$enc)
            }
        }
    };
}

fixed!(Ipv4Addr, 4, "4 bytes", |d| Ipv4Addr::from(*d), |v| v
    .octets());
fixed!(Ipv6Addr, 16, "16 bytes", |d| Ipv6Addr::from(*d), |v| v
    .octets());
fixed!(u32, 4, "4 bytes", |d| u32::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(i32, 4, "4 bytes", |d| i32::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(u16, 2, "2 bytes", |d| u16::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(u8, 1, "1 byte", |d| d[0], |v| [*v]);
fixed!([u8; 4], 4, "4 bytes", |d| *d, |v| *v);

impl OptionData<'_> for bool {
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [0] => Ok(false),
            [1] => Ok(true),
            [_] => Err(invalid_at(code, offset, 0, "0 (off) or 1 (on)")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(*self)]);
    }
}

impl OptionData<'_> for () {
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            Ok(())
        } else {
            Err(invalid_len(code, data, offset, "0 bytes"))
        }
    }
    fn encoded_len(&self) -> usize {
        0
    }
    fn encode(&self, _sink: &mut dyn FnMut(&[u8])) {}
}

impl OptionData<'_> for Overload {
    #[inline]
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v] => Overload::from_u8(*v)
                .ok_or_else(|| invalid_at(code, offset, 0, "1 (file), 2 (sname) or 3 (both)")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.to_u8()]);
    }
}

impl OptionData<'_> for MessageType {
    #[inline]
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v] => Ok(MessageType::from(*v)),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(*self)]);
    }
}

/// Implements [`OptionData`] for a type holding its value bytes, given
/// its decode function and the field with the bytes.
macro_rules! borrowed {
    ($ty:ident, $decode:path) => {
        impl<'a> OptionData<'a> for $ty<'a> {
            fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
                $decode(code, data, offset)
            }
            fn encoded_len(&self) -> usize {
                self.as_bytes().len()
            }
            fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
                sink(self.as_bytes())
            }
        }
    };
}
pub(crate) use borrowed;

borrowed!(Text, Text::decode);
borrowed!(Ipv4List, Ipv4List::decode);
borrowed!(CodeList, CodeList::decode);
borrowed!(DomainList, DomainList::decode_non_empty);
borrowed!(SubOptions, SubOptions::decode);

impl<'a> OptionData<'a> for ClientId<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data {
            [kind, id @ ..] if !id.is_empty() => Ok(ClientId { kind: *kind, id }),
            _ => Err(invalid_len(code, data, offset, "at least 2 bytes")),
        }
    }
    fn encoded_len(&self) -> usize {
        1 + self.id.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.kind]);
        sink(self.id);
    }
}

/// Bytes that are meant as text (host names, vendor classes). Not guaranteed
/// UTF-8 on the wire; `Display` escapes what is not printable ASCII.
///
/// `Display` and the `serde` form show the text without trailing NULs
/// ([`trimmed`](Self::trimmed)); the bytes themselves, `==` and encoding
/// keep every byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text<'a>(pub &'a [u8]);

impl<'a> Text<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The bytes without their trailing NULs, all of them. RFC 2132 §2:
    /// NVT ASCII options "SHOULD NOT include a trailing NULL; however, the
    /// receiver of such options MUST be prepared to delete trailing nulls
    /// if they exist" (tshark shows them deleted too). NULs inside the text
    /// are kept.
    ///
    /// ```
    /// use dhcpwire::options::typed::Text;
    /// assert_eq!(Text(b"nas1\0").trimmed(), b"nas1");
    /// assert_eq!(Text(b"nas1\0").to_string(), "nas1");
    /// assert_eq!(Text(b"a\0b\0\0").trimmed(), b"a\0b");
    /// ```
    pub fn trimmed(&self) -> &'a [u8] {
        let mut text = self.0;
        while let [rest @ .., 0] = text {
            text = rest;
        }
        text
    }

    /// The bytes as `&str` when they are valid UTF-8.
    pub fn to_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.0).ok()
    }

    /// Text options carry at least one byte (RFC 2132 "minimum length 1").
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            Err(invalid_len(code, data, offset, "at least 1 byte"))
        } else {
            Ok(Text(data))
        }
    }
}

impl fmt::Display for Text<'_> {
    /// The [`trimmed`](Text::trimmed) text, non-printable bytes escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", TextFmt(self.trimmed()))
    }
}

/// A list of IPv4 addresses, viewed in place: length a multiple of 4, at
/// least one address except where the option allows none (68, 78).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4List<'a>(&'a [u8]);

impl<'a> Ipv4List<'a> {
    /// Views `bytes` as addresses; `None` unless the length is a non-zero
    /// multiple of 4.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len() % 4 == 0).then_some(Ipv4List(bytes))
    }

    /// Views bytes that a decoder has already checked with [`new`](Self::new)'s
    /// rule (the list of a compound value, re-read by an accessor).
    #[inline]
    pub(crate) fn checked(bytes: &'a [u8]) -> Self {
        Ipv4List(bytes)
    }

    /// Views `bytes` as addresses, allowing none; `None` unless the length
    /// is a multiple of 4.
    pub fn new_maybe_empty(bytes: &'a [u8]) -> Option<Self> {
        (bytes.len() % 4 == 0).then_some(Ipv4List(bytes))
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a non-zero multiple of 4 bytes"))
    }

    fn decode_maybe_empty(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new_maybe_empty(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a multiple of 4 bytes"))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether the list is empty (only where the option allows it).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The addresses, in order.
    pub fn iter(&self) -> Ipv4Iter<'a> {
        Ipv4Iter(self.0.chunks_exact(4))
    }
}

impl<'a> IntoIterator for Ipv4List<'a> {
    type Item = Ipv4Addr;
    type IntoIter = Ipv4Iter<'a>;
    fn into_iter(self) -> Ipv4Iter<'a> {
        self.iter()
    }
}

impl fmt::Display for Ipv4List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{a}")?;
        }
        Ok(())
    }
}

/// Iterator over the addresses of an [`Ipv4List`].
#[derive(Debug, Clone)]
pub struct Ipv4Iter<'a>(core::slice::ChunksExact<'a, u8>);

impl Iterator for Ipv4Iter<'_> {
    type Item = Ipv4Addr;
    fn next(&mut self) -> Option<Ipv4Addr> {
        match self.0.next()? {
            [a, b, c, d] => Some(Ipv4Addr::new(*a, *b, *c, *d)),
            _ => None,
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Ipv4Iter<'_> {}
impl FusedIterator for Ipv4Iter<'_> {}

/// A list of option codes (option 55), viewed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeList<'a>(pub &'a [u8]);

impl<'a> CodeList<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The codes, in the client's order of preference.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = OptionCode> + 'a {
        self.0.iter().map(|&c| OptionCode(c))
    }

    /// Whether `code` is requested.
    pub fn contains(&self, code: OptionCode) -> bool {
        self.0.contains(&code.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Text::decode(code, data, offset).map(|t| CodeList(t.0))
    }
}

impl fmt::Display for CodeList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if c.is_assigned() {
                f.write_str(c.name())?;
            } else {
                write!(f, "Option {}", c.0)?;
            }
        }
        Ok(())
    }
}

/// A client identifier (option 61): a type byte (a hardware type, or 255
/// for RFC 4361 IAID+DUID, or 0 for other identifiers) and the identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientId<'a> {
    /// The type byte.
    pub kind: u8,
    /// The identifier bytes after the type.
    pub id: &'a [u8],
}

impl fmt::Display for ClientId<'_> {
    /// tcpdump style: `ether 0a:16:36:fb:bb:4a` for Ethernet addresses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.id.len()) {
            (1, 6) => write!(f, "ether {}", Hex(self.id)),
            (255, _) => write!(f, "IAID/DUID {}", Hex(self.id)),
            (0, _) => write!(f, "\"{}\"", TextFmt(self.id)),
            (k, _) => write!(f, "type {k} {}", Hex(self.id)),
        }
    }
}

/// A duration in seconds, displayed as `300 (5m)`; `0xffffffff` as
/// `infinite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seconds(pub u32);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == u32::MAX {
            return f.write_str("infinite");
        }
        write!(f, "{} (", self.0)?;
        human(u64::from(self.0), f)?;
        f.write_str(")")
    }
}

/// `1d2h3m4s`, skipping zero units; `0s` for zero.
pub(crate) fn human(mut secs: u64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if secs == 0 {
        return f.write_str("0s");
    }
    for (unit, name) in [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")] {
        if secs >= unit {
            write!(f, "{}{name}", secs / unit)?;
            secs %= unit;
        }
    }
    Ok(())
}

/// The `Display` forms of the variants.
mod show {
    use super::*;

    pub(super) fn plain<T: fmt::Display>(v: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{v}")
    }

    pub(super) fn quoted(t: &Text<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{t}\"")
    }

    pub(super) fn secs(v: &u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Seconds(*v))
    }

    pub(super) fn secs_signed(v: &i32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{v} (")?;
        if *v < 0 {
            f.write_str("-")?;
        }
        human(u64::from(v.unsigned_abs()), f)?;
        f.write_str(")")
    }

    pub(super) fn unix_time(v: &u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

    pub(super) fn flag(v: &bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *v { "enabled" } else { "disabled" })
    }

    pub(super) fn present(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("present")
    }

    pub(super) fn ethernet_encapsulation(v: &bool, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *v {
            "IEEE 802.3 (RFC 1042)"
        } else {
            "Ethernet II (RFC 894)"
        })
    }

    pub(super) fn overload(o: &Overload, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match o {
            Overload::File => "file",
            Overload::Sname => "sname",
            Overload::Both => "file+sname",
        })
    }

    pub(super) fn address_masks(p: &Ipv4Pairs<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (a, m)) in p.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{a}/{m}")?;
        }
        Ok(())
    }

    pub(super) fn dest_routers(p: &Ipv4Pairs<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (d, r)) in p.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{d} via {r}")?;
        }
        Ok(())
    }

    pub(super) fn name_services(l: &U16List<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in l.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match c {
                6 => f.write_str("DNS")?,
                41 => f.write_str("NIS")?,
                44 => f.write_str("NetBIOS")?,
                65 => f.write_str("NIS+")?,
                other => write!(f, "{other}")?,
            }
        }
        Ok(())
    }

    pub(super) fn hex4(v: &[u8; 4], f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Hex(v))
    }
}

/// JSON (serde) forms of the value types.
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub(crate) mod json {
    use super::*;
    use serde::Serialize;
    use serde::ser::{SerializeMap, SerializeSeq};

    /// How a value serializes; implemented for the foreign types the
    /// variants hold and, through `Serialize`, for the crate's own.
    pub(crate) trait Json {
        fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    }

    /// Lowercase hex without separators.
    pub(crate) struct PlainHex<'a>(pub &'a [u8]);

    impl fmt::Display for PlainHex<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            for b in self.0 {
                write!(f, "{b:02x}")?;
            }
            Ok(())
        }
    }

    /// Bytes as a string, invalid UTF-8 replaced by U+FFFD.
    pub(crate) struct Lossy<'a>(pub &'a [u8]);

    impl fmt::Display for Lossy<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            for chunk in self.0.utf8_chunks() {
                f.write_str(chunk.valid())?;
                if !chunk.invalid().is_empty() {
                    f.write_str("\u{fffd}")?;
                }
            }
            Ok(())
        }
    }

    macro_rules! json_display {
        ($($ty:ty),*) => {$(
            impl Json for $ty {
                fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.collect_str(self)
                }
            }
        )*};
    }
    json_display!(Ipv4Addr, Ipv6Addr);

    macro_rules! json_serialize {
        ($($ty:ty),*) => {$(
            impl Json for $ty {
                fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    self.serialize(s)
                }
            }
        )*};
    }
    json_serialize!(u32, i32, u16, u8, bool);

    impl Json for () {
        fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bool(true)
        }
    }

    impl Json for [u8; 4] {
        fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&PlainHex(self))
        }
    }

    impl Json for Overload {
        fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(self.to_u8())
        }
    }

    impl Json for MessageType {
        fn json<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(u8::from(*self))
        }
    }

    impl Serialize for Text<'_> {
        /// The [`trimmed`](Text::trimmed) text as a string (invalid UTF-8
        /// replaced).
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&Lossy(self.trimmed()))
        }
    }

    impl Serialize for Ipv4List<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(json::Str))
        }
    }

    impl Serialize for CodeList<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            for c in self.0 {
                seq.serialize_element(c)?;
            }
            seq.end()
        }
    }

    impl Serialize for ClientId<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("type", &self.kind)?;
            m.serialize_entry("id", &Str(PlainHex(self.id)))?;
            m.end()
        }
    }

    impl Serialize for DomainList<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.names().map(Str))
        }
    }

    /// Serializes any `Display` as a string.
    pub(crate) struct Str<T>(pub T);

    impl<T: fmt::Display> Serialize for Str<T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&self.0)
        }
    }

    /// Bytes as a hex string.
    pub(crate) fn hex<'b>(bytes: &'b [u8]) -> Str<PlainHex<'b>> {
        Str(PlainHex(bytes))
    }

    json_serialize!(
        Text<'_>,
        Ipv4List<'_>,
        CodeList<'_>,
        ClientId<'_>,
        DomainList<'_>,
        SubOptions<'_>,
        Ipv4Pairs<'_>,
        U16List<'_>,
        NetbiosNodeType,
        AutoConfigure,
        SlpDirectoryAgent<'_>,
        SlpServiceScope<'_>,
        UserClass<'_>,
        Authentication<'_>,
        SipServers<'_>,
        Routes<'_>,
        VendorClasses<'_>,
        VendorOptions<'_>,
        Isns<'_>,
        ArchList<'_>,
        MachineId<'_>,
        NetworkInterfaceId,
        VendorSpecific<'_>,
        ClientFqdn<'_>,
        CivicLocation<'_>,
        SixRd<'_>,
        GeoLocation,
        VirtualSubnet<'_>,
        SubnetAllocation<'_>,
        NonceAlgorithms<'_>,
        RdnssSelection<'_>,
        DataSource,
        DhcpState,
        StatusCode<'_>,
        PcpServers<'_>,
        PortParams,
        UriList<'_>,
        Dnr<'_>
    );
}
