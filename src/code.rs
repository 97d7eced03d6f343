//! Option codes and message types: open newtypes with names from the IANA
//! "BOOTP Vendor Extensions and DHCP Options" and "DHCP Message Type 53
//! Values" registries.

use core::fmt;

/// A DHCP option code (RFC 2132 §2): an open newtype, so codes this crate has
/// no name for are data, not errors.
///
/// ```
/// use dhcpwire::OptionCode;
/// assert_eq!(OptionCode::ROUTER.0, 3);
/// assert_eq!(OptionCode(3).name(), "Router");
/// assert_eq!(OptionCode(53).to_string(), "DHCP Message Type");
/// assert_eq!(OptionCode(230).name(), "Private Use");
/// ```
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct OptionCode(pub u8);

impl From<u8> for OptionCode {
    fn from(v: u8) -> Self {
        OptionCode(v)
    }
}

impl From<OptionCode> for u8 {
    fn from(c: OptionCode) -> u8 {
        c.0
    }
}

macro_rules! option_codes {
    ($( $(#[$m:meta])* $konst:ident = $num:literal, $name:literal; )*) => {
        impl OptionCode {
            $( $(#[$m])* #[doc = concat!("\n\nCode ", stringify!($num), ": ", $name, ".")]
               pub const $konst: OptionCode = OptionCode($num); )*

            /// The registered name of this code. Codes without an
            /// assignment give `"Unassigned"`, the site-specific range
            /// 224–254 gives `"Private Use"` (except the de facto
            /// Microsoft codes 249 and 252).
            pub const fn name(self) -> &'static str {
                match self.0 {
                    $( $num => $name, )*
                    224..=254 => "Private Use",
                    _ => "Unassigned",
                }
            }

            /// Whether the IANA registry (or, for 249/252, wide deployment)
            /// assigns this code.
            pub const fn is_assigned(self) -> bool {
                matches!(self.0, $( $num )|*)
            }
        }
    };
}

option_codes! {
    /// Fills space; one byte, no length.
    PAD = 0, "Pad";
    /// RFC 2132 §3.3.
    SUBNET_MASK = 1, "Subnet Mask";
    /// RFC 2132 §3.4.
    TIME_OFFSET = 2, "Time Offset";
    /// RFC 2132 §3.5.
    ROUTER = 3, "Router";
    /// RFC 2132 §3.6.
    TIME_SERVER = 4, "Time Server";
    /// RFC 2132 §3.7 (IEN 116).
    NAME_SERVER = 5, "Name Server";
    /// RFC 2132 §3.8.
    DOMAIN_NAME_SERVER = 6, "Domain Name Server";
    /// RFC 2132 §3.9.
    LOG_SERVER = 7, "Log Server";
    /// RFC 2132 §3.10.
    COOKIE_SERVER = 8, "Cookie Server";
    /// RFC 2132 §3.11.
    LPR_SERVER = 9, "LPR Server";
    /// RFC 2132 §3.12.
    IMPRESS_SERVER = 10, "Impress Server";
    /// RFC 2132 §3.13.
    RESOURCE_LOCATION_SERVER = 11, "Resource Location Server";
    /// RFC 2132 §3.14.
    HOST_NAME = 12, "Host Name";
    /// RFC 2132 §3.15.
    BOOT_FILE_SIZE = 13, "Boot File Size";
    /// RFC 2132 §3.16.
    MERIT_DUMP_FILE = 14, "Merit Dump File";
    /// RFC 2132 §3.17.
    DOMAIN_NAME = 15, "Domain Name";
    /// RFC 2132 §3.18.
    SWAP_SERVER = 16, "Swap Server";
    /// RFC 2132 §3.19.
    ROOT_PATH = 17, "Root Path";
    /// RFC 2132 §3.20.
    EXTENSIONS_PATH = 18, "Extensions Path";
    /// RFC 2132 §4.1.
    IP_FORWARDING = 19, "IP Forwarding";
    /// RFC 2132 §4.2.
    NON_LOCAL_SOURCE_ROUTING = 20, "Non-Local Source Routing";
    /// RFC 2132 §4.3.
    POLICY_FILTER = 21, "Policy Filter";
    /// RFC 2132 §4.4.
    MAX_DATAGRAM_REASSEMBLY_SIZE = 22, "Maximum Datagram Reassembly Size";
    /// RFC 2132 §4.5.
    DEFAULT_IP_TTL = 23, "Default IP Time-to-live";
    /// RFC 2132 §4.6.
    PATH_MTU_AGING_TIMEOUT = 24, "Path MTU Aging Timeout";
    /// RFC 2132 §4.7.
    PATH_MTU_PLATEAU_TABLE = 25, "Path MTU Plateau Table";
    /// RFC 2132 §5.1.
    INTERFACE_MTU = 26, "Interface MTU";
    /// RFC 2132 §5.2.
    ALL_SUBNETS_ARE_LOCAL = 27, "All Subnets are Local";
    /// RFC 2132 §5.3.
    BROADCAST_ADDRESS = 28, "Broadcast Address";
    /// RFC 2132 §5.4.
    PERFORM_MASK_DISCOVERY = 29, "Perform Mask Discovery";
    /// RFC 2132 §5.5.
    MASK_SUPPLIER = 30, "Mask Supplier";
    /// RFC 2132 §5.6.
    PERFORM_ROUTER_DISCOVERY = 31, "Perform Router Discovery";
    /// RFC 2132 §5.7.
    ROUTER_SOLICITATION_ADDRESS = 32, "Router Solicitation Address";
    /// RFC 2132 §5.8.
    STATIC_ROUTE = 33, "Static Route";
    /// RFC 2132 §6.1.
    TRAILER_ENCAPSULATION = 34, "Trailer Encapsulation";
    /// RFC 2132 §6.2.
    ARP_CACHE_TIMEOUT = 35, "ARP Cache Timeout";
    /// RFC 2132 §6.3.
    ETHERNET_ENCAPSULATION = 36, "Ethernet Encapsulation";
    /// RFC 2132 §7.1.
    TCP_DEFAULT_TTL = 37, "TCP Default TTL";
    /// RFC 2132 §7.2.
    TCP_KEEPALIVE_INTERVAL = 38, "TCP Keepalive Interval";
    /// RFC 2132 §7.3.
    TCP_KEEPALIVE_GARBAGE = 39, "TCP Keepalive Garbage";
    /// RFC 2132 §8.1.
    NIS_DOMAIN = 40, "NIS Domain";
    /// RFC 2132 §8.2.
    NIS_SERVERS = 41, "NIS Servers";
    /// RFC 2132 §8.3.
    NTP_SERVERS = 42, "NTP Servers";
    /// RFC 2132 §8.4.
    VENDOR_SPECIFIC = 43, "Vendor-Specific Information";
    /// RFC 2132 §8.5.
    NETBIOS_NAME_SERVER = 44, "NetBIOS Name Server";
    /// RFC 2132 §8.6.
    NETBIOS_DATAGRAM_DISTRIBUTION_SERVER = 45, "NetBIOS Datagram Distribution Server";
    /// RFC 2132 §8.7.
    NETBIOS_NODE_TYPE = 46, "NetBIOS Node Type";
    /// RFC 2132 §8.8.
    NETBIOS_SCOPE = 47, "NetBIOS Scope";
    /// RFC 2132 §8.9.
    X_WINDOW_FONT_SERVER = 48, "X Window System Font Server";
    /// RFC 2132 §8.10.
    X_WINDOW_DISPLAY_MANAGER = 49, "X Window System Display Manager";
    /// RFC 2132 §9.1.
    REQUESTED_IP_ADDRESS = 50, "Requested IP Address";
    /// RFC 2132 §9.2.
    LEASE_TIME = 51, "IP Address Lease Time";
    /// RFC 2132 §9.3.
    OVERLOAD = 52, "Option Overload";
    /// RFC 2132 §9.6.
    MESSAGE_TYPE = 53, "DHCP Message Type";
    /// RFC 2132 §9.7.
    SERVER_IDENTIFIER = 54, "Server Identifier";
    /// RFC 2132 §9.8.
    PARAMETER_REQUEST_LIST = 55, "Parameter Request List";
    /// RFC 2132 §9.9.
    MESSAGE = 56, "Message";
    /// RFC 2132 §9.10.
    MAX_MESSAGE_SIZE = 57, "Maximum DHCP Message Size";
    /// RFC 2132 §9.11.
    RENEWAL_TIME = 58, "Renewal (T1) Time Value";
    /// RFC 2132 §9.12.
    REBINDING_TIME = 59, "Rebinding (T2) Time Value";
    /// RFC 2132 §9.13.
    VENDOR_CLASS_IDENTIFIER = 60, "Vendor Class Identifier";
    /// RFC 2132 §9.14.
    CLIENT_IDENTIFIER = 61, "Client Identifier";
    /// RFC 2242.
    NETWARE_IP_DOMAIN = 62, "NetWare/IP Domain Name";
    /// RFC 2242.
    NETWARE_IP_INFORMATION = 63, "NetWare/IP Information";
    /// RFC 2132 §8.11.
    NIS_PLUS_DOMAIN = 64, "NIS+ Domain";
    /// RFC 2132 §8.12.
    NIS_PLUS_SERVERS = 65, "NIS+ Servers";
    /// RFC 2132 §9.4.
    TFTP_SERVER_NAME = 66, "TFTP Server Name";
    /// RFC 2132 §9.5.
    BOOTFILE_NAME = 67, "Bootfile Name";
    /// RFC 2132 §8.13.
    MOBILE_IP_HOME_AGENT = 68, "Mobile IP Home Agent";
    /// RFC 2132 §8.14.
    SMTP_SERVER = 69, "SMTP Server";
    /// RFC 2132 §8.15.
    POP3_SERVER = 70, "POP3 Server";
    /// RFC 2132 §8.16.
    NNTP_SERVER = 71, "NNTP Server";
    /// RFC 2132 §8.17.
    WWW_SERVER = 72, "WWW Server";
    /// RFC 2132 §8.18.
    FINGER_SERVER = 73, "Finger Server";
    /// RFC 2132 §8.19.
    IRC_SERVER = 74, "IRC Server";
    /// RFC 2132 §8.20.
    STREETTALK_SERVER = 75, "StreetTalk Server";
    /// RFC 2132 §8.21.
    STDA_SERVER = 76, "StreetTalk Directory Assistance Server";
    /// RFC 3004.
    USER_CLASS = 77, "User Class";
    /// RFC 2610.
    SLP_DIRECTORY_AGENT = 78, "SLP Directory Agent";
    /// RFC 2610.
    SLP_SERVICE_SCOPE = 79, "SLP Service Scope";
    /// RFC 4039.
    RAPID_COMMIT = 80, "Rapid Commit";
    /// RFC 4702.
    CLIENT_FQDN = 81, "Client FQDN";
    /// RFC 3046.
    RELAY_AGENT_INFORMATION = 82, "Relay Agent Information";
    /// RFC 4174.
    ISNS = 83, "Internet Storage Name Service";
    /// RFC 2241.
    NDS_SERVERS = 85, "NDS Servers";
    /// RFC 2241.
    NDS_TREE_NAME = 86, "NDS Tree Name";
    /// RFC 2241.
    NDS_CONTEXT = 87, "NDS Context";
    /// RFC 4280.
    BCMCS_DOMAIN_NAME_LIST = 88, "BCMCS Controller Domain Name List";
    /// RFC 4280.
    BCMCS_IPV4_ADDRESS = 89, "BCMCS Controller IPv4 Address";
    /// RFC 3118.
    AUTHENTICATION = 90, "Authentication";
    /// RFC 4388.
    CLIENT_LAST_TRANSACTION_TIME = 91, "Client Last Transaction Time";
    /// RFC 4388.
    ASSOCIATED_IP = 92, "Associated IP";
    /// RFC 4578.
    CLIENT_SYSTEM_ARCHITECTURE = 93, "Client System Architecture";
    /// RFC 4578.
    CLIENT_NETWORK_INTERFACE_ID = 94, "Client Network Interface Identifier";
    /// RFC 4578.
    CLIENT_MACHINE_ID = 97, "Client Machine Identifier";
    /// RFC 2485.
    USER_AUTHENTICATION_PROTOCOL = 98, "User Authentication Protocol";
    /// RFC 4776.
    GEOCONF_CIVIC = 99, "GeoConf Civic";
    /// RFC 4833.
    POSIX_TIMEZONE = 100, "PCode (POSIX Time Zone)";
    /// RFC 4833.
    TZDB_TIMEZONE = 101, "TCode (TZ Database Name)";
    /// RFC 8925.
    IPV6_ONLY_PREFERRED = 108, "IPv6-Only Preferred";
    /// RFC 8539.
    DHCP4O6_S46_SADDR = 109, "DHCP 4o6 Softwire Source Address";
    /// RFC 3679 (removed).
    NETINFO_ADDRESS = 112, "Netinfo Address";
    /// RFC 3679 (removed).
    NETINFO_TAG = 113, "Netinfo Tag";
    /// RFC 8910.
    CAPTIVE_PORTAL = 114, "DHCP Captive-Portal";
    /// RFC 2563.
    AUTO_CONFIGURE = 116, "Auto-Configure";
    /// RFC 2937.
    NAME_SERVICE_SEARCH = 117, "Name Service Search";
    /// RFC 3011.
    SUBNET_SELECTION = 118, "Subnet Selection";
    /// RFC 3397.
    DOMAIN_SEARCH = 119, "Domain Search";
    /// RFC 3361.
    SIP_SERVERS = 120, "SIP Servers";
    /// RFC 3442.
    CLASSLESS_STATIC_ROUTE = 121, "Classless Static Route";
    /// RFC 3495.
    CABLELABS_CLIENT_CONFIGURATION = 122, "CableLabs Client Configuration";
    /// RFC 6225.
    GEOCONF = 123, "GeoConf";
    /// RFC 3925.
    VENDOR_IDENTIFYING_VENDOR_CLASS = 124, "Vendor-Identifying Vendor Class";
    /// RFC 3925.
    VENDOR_IDENTIFYING_VENDOR_SPECIFIC = 125, "Vendor-Identifying Vendor-Specific Information";
    /// RFC 4578: PXE, vendor-specific uses (e.g. Etherboot signature, DOCSIS TFTP server).
    PXE_128 = 128, "PXE (vendor-specific 128)";
    /// RFC 4578: PXE, vendor-specific uses.
    PXE_129 = 129, "PXE (vendor-specific 129)";
    /// RFC 4578: PXE, vendor-specific uses.
    PXE_130 = 130, "PXE (vendor-specific 130)";
    /// RFC 4578: PXE, vendor-specific uses.
    PXE_131 = 131, "PXE (vendor-specific 131)";
    /// RFC 4578: PXE, vendor-specific uses (IEEE 802.1Q VLAN ID).
    PXE_132 = 132, "PXE (vendor-specific 132)";
    /// RFC 4578: PXE, vendor-specific uses (IEEE 802.1D/p priority).
    PXE_133 = 133, "PXE (vendor-specific 133)";
    /// RFC 4578: PXE, vendor-specific uses (DSCP).
    PXE_134 = 134, "PXE (vendor-specific 134)";
    /// RFC 4578: PXE, vendor-specific uses (HTTP proxy).
    PXE_135 = 135, "PXE (vendor-specific 135)";
    /// RFC 5192.
    PANA_AGENT = 136, "PANA Authentication Agent";
    /// RFC 5223.
    LOST_SERVER = 137, "LoST Server";
    /// RFC 5417.
    CAPWAP_AC = 138, "CAPWAP Access Controller";
    /// RFC 5678.
    MOS_IPV4_ADDRESS = 139, "MoS IPv4 Address";
    /// RFC 5678.
    MOS_IPV4_FQDN = 140, "MoS IPv4 FQDN";
    /// RFC 6011.
    SIP_UA_CONFIG_DOMAINS = 141, "SIP UA Configuration Service Domains";
    /// RFC 6153.
    ANDSF_IPV4_ADDRESS = 142, "ANDSF IPv4 Address";
    /// RFC 8572.
    SZTP_REDIRECT = 143, "SZTP Redirect";
    /// RFC 6225.
    GEOLOC = 144, "GeoLoc";
    /// RFC 6704.
    FORCERENEW_NONCE_CAPABLE = 145, "FORCERENEW Nonce Capable";
    /// RFC 6731.
    RDNSS_SELECTION = 146, "RDNSS Selection";
    /// RFC 8973.
    DOTS_REFERENCE_IDENTIFIER = 147, "DOTS Reference Identifier";
    /// RFC 8973.
    DOTS_ADDRESS = 148, "DOTS Address";
    /// RFC 5859 (also used by Etherboot and GRUB).
    TFTP_SERVER_ADDRESS = 150, "TFTP Server Address";
    /// RFC 6926.
    STATUS_CODE = 151, "Status Code";
    /// RFC 6926.
    BASE_TIME = 152, "Base Time";
    /// RFC 6926.
    START_TIME_OF_STATE = 153, "Start Time of State";
    /// RFC 6926.
    QUERY_START_TIME = 154, "Query Start Time";
    /// RFC 6926.
    QUERY_END_TIME = 155, "Query End Time";
    /// RFC 6926.
    DHCP_STATE = 156, "DHCP State";
    /// RFC 6926.
    DATA_SOURCE = 157, "Data Source";
    /// RFC 7291.
    PCP_SERVER = 158, "PCP Server";
    /// RFC 7618.
    PORT_PARAMS = 159, "Port Parameters";
    /// RFC 8520.
    MUD_URL = 161, "MUD URL";
    /// RFC 9463.
    DNR = 162, "Encrypted DNS Server (DNR)";
    /// Tentatively assigned (Etherboot).
    ETHERBOOT_175 = 175, "Etherboot (tentative)";
    /// Tentatively assigned (IP telephone).
    IP_TELEPHONE = 176, "IP Telephone (tentative)";
    /// Tentatively assigned (Etherboot, PacketCable and CableHome).
    PACKETCABLE_177 = 177, "PacketCable and CableHome (tentative)";
    /// RFC 5071.
    PXELINUX_MAGIC = 208, "PXELINUX Magic";
    /// RFC 5071.
    CONFIGURATION_FILE = 209, "Configuration File";
    /// RFC 5071.
    PATH_PREFIX = 210, "Path Prefix";
    /// RFC 5071.
    REBOOT_TIME = 211, "Reboot Time";
    /// RFC 5969.
    OPTION_6RD = 212, "6RD";
    /// RFC 5986.
    ACCESS_DOMAIN = 213, "Access Network Domain Name";
    /// RFC 6656.
    SUBNET_ALLOCATION = 220, "Subnet Allocation";
    /// RFC 6607.
    VIRTUAL_SUBNET_SELECTION = 221, "Virtual Subnet Selection";
    /// Microsoft's pre-RFC 3442 classless static routes (private-use code).
    MS_CLASSLESS_STATIC_ROUTE = 249, "Microsoft Classless Static Route";
    /// Web Proxy Auto-Discovery (private-use code, de facto).
    WPAD = 252, "Proxy Auto-Discovery (WPAD)";
    /// Ends the options; one byte, no length.
    END = 255, "End";
}

impl fmt::Display for OptionCode {
    /// The name; unassigned and private-use codes also show the number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_assigned() {
            f.write_str(self.name())
        } else {
            write!(f, "{} ({})", self.name(), self.0)
        }
    }
}

/// The DHCP message type (option 53; RFC 2132 §9.6, RFC 3203, RFC 4388,
/// RFC 6926, RFC 7724, RFC 8947), with unknown values kept.
///
/// ```
/// use dhcpwire::MessageType;
/// assert_eq!(MessageType::from(5), MessageType::Ack);
/// assert_eq!(u8::from(MessageType::Unknown(42)), 42);
/// assert_eq!(MessageType::Nak.to_string(), "NACK");
/// ```
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
// The wire values as discriminants: converting from and to a byte is then
// a range check, not a table.
#[repr(u8)]
pub enum MessageType {
    /// 1: client looks for servers.
    Discover = 1,
    /// 2: server offers parameters.
    Offer = 2,
    /// 3: client requests offered parameters, or confirms/renews a lease.
    Request = 3,
    /// 4: client says the address is already in use.
    Decline = 4,
    /// 5: server commits the parameters.
    Ack = 5,
    /// 6: server refuses the client's notion of its address.
    Nak = 6,
    /// 7: client gives up its lease.
    Release = 7,
    /// 8: client asks only for local configuration.
    Inform = 8,
    /// 9: server forces the client to renew (RFC 3203).
    ForceRenew = 9,
    /// 10: lease query (RFC 4388).
    LeaseQuery = 10,
    /// 11: lease query answer: address unassigned (RFC 4388).
    LeaseUnassigned = 11,
    /// 12: lease query answer: unknown (RFC 4388).
    LeaseUnknown = 12,
    /// 13: lease query answer: active (RFC 4388).
    LeaseActive = 13,
    /// 14: bulk lease query (RFC 6926).
    BulkLeaseQuery = 14,
    /// 15: bulk lease query done (RFC 6926).
    LeaseQueryDone = 15,
    /// 16: active lease query (RFC 7724).
    ActiveLeaseQuery = 16,
    /// 17: lease query status (RFC 7724).
    LeaseQueryStatus = 17,
    /// 18: DHCPTLS (RFC 7724).
    Tls = 18,
    /// Any other value.
    Unknown(u8) = 0,
}

impl From<u8> for MessageType {
    fn from(v: u8) -> Self {
        use MessageType::*;
        match v {
            1 => Discover,
            2 => Offer,
            3 => Request,
            4 => Decline,
            5 => Ack,
            6 => Nak,
            7 => Release,
            8 => Inform,
            9 => ForceRenew,
            10 => LeaseQuery,
            11 => LeaseUnassigned,
            12 => LeaseUnknown,
            13 => LeaseActive,
            14 => BulkLeaseQuery,
            15 => LeaseQueryDone,
            16 => ActiveLeaseQuery,
            17 => LeaseQueryStatus,
            18 => Tls,
            other => Unknown(other),
        }
    }
}

impl From<MessageType> for u8 {
    fn from(t: MessageType) -> u8 {
        use MessageType::*;
        match t {
            Discover => 1,
            Offer => 2,
            Request => 3,
            Decline => 4,
            Ack => 5,
            Nak => 6,
            Release => 7,
            Inform => 8,
            ForceRenew => 9,
            LeaseQuery => 10,
            LeaseUnassigned => 11,
            LeaseUnknown => 12,
            LeaseActive => 13,
            BulkLeaseQuery => 14,
            LeaseQueryDone => 15,
            ActiveLeaseQuery => 16,
            LeaseQueryStatus => 17,
            Tls => 18,
            Unknown(v) => v,
        }
    }
}

impl MessageType {
    /// The registry name (`"DHCPDISCOVER"`, ...), or `"Unknown"`.
    pub const fn name(self) -> &'static str {
        use MessageType::*;
        match self {
            Discover => "DHCPDISCOVER",
            Offer => "DHCPOFFER",
            Request => "DHCPREQUEST",
            Decline => "DHCPDECLINE",
            Ack => "DHCPACK",
            Nak => "DHCPNAK",
            Release => "DHCPRELEASE",
            Inform => "DHCPINFORM",
            ForceRenew => "DHCPFORCERENEW",
            LeaseQuery => "DHCPLEASEQUERY",
            LeaseUnassigned => "DHCPLEASEUNASSIGNED",
            LeaseUnknown => "DHCPLEASEUNKNOWN",
            LeaseActive => "DHCPLEASEACTIVE",
            BulkLeaseQuery => "DHCPBULKLEASEQUERY",
            LeaseQueryDone => "DHCPLEASEQUERYDONE",
            ActiveLeaseQuery => "DHCPACTIVELEASEQUERY",
            LeaseQueryStatus => "DHCPLEASEQUERYSTATUS",
            Tls => "DHCPTLS",
            Unknown(_) => "Unknown",
        }
    }
}

impl fmt::Display for MessageType {
    /// tcpdump's spelling: `Discover`, `Offer`, `Request`, `ACK`, `NACK`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use MessageType::*;
        let s = match self {
            Discover => "Discover",
            Offer => "Offer",
            Request => "Request",
            Decline => "Decline",
            Ack => "ACK",
            Nak => "NACK",
            Release => "Release",
            Inform => "Inform",
            ForceRenew => "ForceRenew",
            LeaseQuery => "LeaseQuery",
            LeaseUnassigned => "LeaseUnassigned",
            LeaseUnknown => "LeaseUnknown",
            LeaseActive => "LeaseActive",
            BulkLeaseQuery => "BulkLeaseQuery",
            LeaseQueryDone => "LeaseQueryDone",
            ActiveLeaseQuery => "ActiveLeaseQuery",
            LeaseQueryStatus => "LeaseQueryStatus",
            Tls => "TLS",
            Unknown(v) => return write!(f, "Unknown ({v})"),
        };
        f.write_str(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MessageType {
    /// The wire value (1 for DHCPDISCOVER, ...).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(u8::from(*self))
    }
}
