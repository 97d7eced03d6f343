//! The option catalogue: for every typed code a decode test with a value
//! from its RFC or a real capture, an encode test comparing bytes, and a
//! property test that encode(decode(x)) == x on generated valid values;
//! malformed values for each shape; DNS names (compression, loops);
//! RFC 3396 fragments; relay and PXE sub-options; the real captures.

use std::collections::BTreeSet;
use std::net::Ipv4Addr;

use dhcpwire::options::dns::{self, DomainList};
use dhcpwire::options::relay::{SubOption, SubOptions};
use dhcpwire::options::rfc3046::RelaySubOption;
use dhcpwire::options::rfc4578::{PxeSubOption, decode_vendor_specific};
use dhcpwire::options::typed::TYPED_CODES;
use dhcpwire::{DhcpOption, Error, Message, MessageBuilder, OptionCode};
use proptest::prelude::*;

mod common;
use common::{decode, sub_overrun};

/// (code, value from the RFC or a capture, Display)
const VECTORS: &[(u8, &[u8], &str)] = &[
    (1, &[255, 255, 255, 0], "255.255.255.0"),
    (2, &[0xff, 0xff, 0xb9, 0xb0], "-18000 (-5h)"), // -18000 (UTC-5)
    (3, &[192, 168, 1, 1, 192, 168, 1, 2], "192.168.1.1,192.168.1.2"),
    (4, &[10, 0, 0, 4], "10.0.0.4"),
    (5, &[10, 0, 0, 5], "10.0.0.5"),
    (6, &[8, 8, 8, 8, 8, 8, 4, 4], "8.8.8.8,8.8.4.4"),
    (7, &[10, 0, 0, 7], "10.0.0.7"),
    (8, &[10, 0, 0, 8], "10.0.0.8"),
    (9, &[10, 0, 0, 9], "10.0.0.9"),
    (10, &[10, 0, 0, 10], "10.0.0.10"),
    (11, &[10, 0, 0, 11], "10.0.0.11"),
    (12, b"laptop-a", "\"laptop-a\""),
    (13, &[0x01, 0x00], "256"),
    (14, b"/var/dump/core", "\"/var/dump/core\""),
    (15, b"example.org", "\"example.org\""),
    (16, &[10, 0, 0, 16], "10.0.0.16"),
    (17, b"/export/root", "\"/export/root\""),
    (18, b"/tftpboot/ext.opts", "\"/tftpboot/ext.opts\""),
    (19, &[0], "disabled"),
    (20, &[1], "enabled"),
    (21, &[10, 0, 0, 0, 255, 0, 0, 0], "10.0.0.0/255.0.0.0"),
    (22, &[0x02, 0x40], "576"),
    (23, &[64], "64"),
    (24, &[0, 0, 0x02, 0x58], "600 (10m)"),
    (25, &[0x05, 0xdc, 0x02, 0x40, 0x01, 0x28], "1500,576,296"),
    (26, &[0x05, 0x78], "1400"),
    (27, &[1], "enabled"),
    (28, &[192, 168, 1, 255], "192.168.1.255"),
    (29, &[0], "disabled"),
    (30, &[1], "enabled"),
    (31, &[1], "enabled"),
    (32, &[224, 0, 0, 2], "224.0.0.2"),
    (33, &[10, 0, 0, 0, 192, 168, 1, 1], "10.0.0.0 via 192.168.1.1"),
    (34, &[0], "disabled"),
    (35, &[0, 0, 0x0e, 0x10], "3600 (1h)"),
    (36, &[0], "Ethernet II (RFC 894)"),
    (37, &[64], "64"),
    (38, &[0, 0, 0x1c, 0x20], "7200 (2h)"),
    (39, &[1], "enabled"),
    (40, b"nis.example", "\"nis.example\""),
    (41, &[10, 0, 0, 41], "10.0.0.41"),
    (42, &[10, 99, 29, 1], "10.99.29.1"),
    (43, &[1, 4, 10, 11, 12, 13, 2, 5, b'h', b'e', b'l', b'l', b'o'], "[1] 0a:0b:0c:0d; [2] \"hello\""),
    (44, &[10, 99, 19, 5, 10, 99, 19, 6], "10.99.19.5,10.99.19.6"),
    (45, &[10, 0, 0, 45], "10.0.0.45"),
    (46, &[8], "H-node (8)"),
    (47, b"scope", "\"scope\""),
    (48, &[10, 0, 0, 48], "10.0.0.48"),
    (49, &[10, 0, 0, 49], "10.0.0.49"),
    (50, &[10, 198, 27, 8], "10.198.27.8"),
    (51, &[0, 0, 1, 44], "300 (5m)"),
    (52, &[3], "file+sname"),
    (53, &[5], "ACK"),
    (54, &[10, 228, 18, 1], "10.228.18.1"),
    (55, &[1, 3, 6, 15, 119, 252], "Subnet Mask, Router, Domain Name Server, Domain Name, Domain Search, Proxy Auto-Discovery (WPAD)"),
    (56, b"wrong network", "\"wrong network\""),
    (57, &[0x05, 0xc0], "1472"),
    (58, &[0, 0, 0, 150], "150 (2m30s)"),
    (59, &[0, 0, 1, 6], "262 (4m22s)"),
    (60, b"PXEClient:Arch:00000:UNDI:002001", "\"PXEClient:Arch:00000:UNDI:002001\""),
    (61, &[1, 0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a], "ether 0a:16:36:fb:bb:4a"),
    (62, b"nwip.example", "\"nwip.example\""),
    (63, &[5, 1, 1, 8, 1, 3], "NSQ_BROADCAST SubOption 5, length 1: 01; AUTORETRIES SubOption 8, length 1: 03"),
    (64, b"nisplus.example", "\"nisplus.example\""),
    (65, &[10, 0, 0, 65], "10.0.0.65"),
    (66, b"tftp.corpus.example", "\"tftp.corpus.example\""),
    (67, b"pxelinux.0", "\"pxelinux.0\""),
    (68, &[], ""),
    (69, &[10, 0, 0, 69], "10.0.0.69"),
    (70, &[10, 0, 0, 70], "10.0.0.70"),
    (71, &[10, 0, 0, 71], "10.0.0.71"),
    (72, &[10, 0, 0, 72], "10.0.0.72"),
    (73, &[10, 0, 0, 73], "10.0.0.73"),
    (74, &[10, 0, 0, 74], "10.0.0.74"),
    (75, &[10, 0, 0, 75], "10.0.0.75"),
    (76, &[10, 0, 0, 76], "10.0.0.76"),
    (77, b"\x0acorpus-uc1\x0acorpus-uc2", "\"corpus-uc1\", \"corpus-uc2\""),
    (78, &[1, 10, 0, 0, 78], "mandatory 10.0.0.78"),
    (79, b"\x00scope1,scope2", "\"scope1,scope2\""),
    (80, &[], "present"),
    (81, b"\x05\x00\x00\x0dcorpus-roamer\x06corpus\x07example\x00", "[S,E] rcodes 0/0 \"corpus-roamer.corpus.example.\""),
    (82, &[1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22, 5, 4, 192, 0, 2, 0], "Agent Circuit ID SubOption 1, length 4: \"eth0\"; Agent Remote ID SubOption 2, length 3: 00:11:22; Link Selection SubOption 5, length 4: 192.0.2.0"),
    (83, &[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 83], "functions 0x0001, DD access 0x0000, admin flags 0x0000, security 0x00000000, servers 10.0.0.83"),
    (85, &[10, 0, 0, 85], "10.0.0.85"),
    (86, b"CORP_TREE", "\"CORP_TREE\""),
    (87, b"ou=eng.o=corp", "\"ou=eng.o=corp\""),
    (88, b"\x04bcmc\x07example\x03com\x00", "bcmc.example.com"),
    (89, &[10, 0, 0, 89], "10.0.0.89"),
    (90, &[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef], "protocol 1 (delayed authentication), algorithm 1, RDM 0, replay detection 0x0000000000000001, info de:ad:be:ef"),
    (91, &[0, 0, 0, 1], "1 (1s)"),
    (92, &[10, 0, 0, 92, 10, 0, 0, 93], "10.0.0.92,10.0.0.93"),
    (93, &[0, 7], "x64 UEFI (7)"),
    (94, &[1, 2, 1], "UNDI 2.1"),
    (97, &[0, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18, 0x29, 0x3a, 0x4b, 0x5c, 0x6d, 0x7e, 0x8f, 0x90], "GUID a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90"),
    (98, b"ldap://ldap.example/ http://auth.example/", "\"ldap://ldap.example/ http://auth.example/\""),
    (99, b"\x02US\x01\x02CA\x03\x06Ottawa", "client, country \"US\", CAtype 1 \"CA\", CAtype 3 \"Ottawa\""),
    (100, b"EST5EDT,M3.2.0/02:00,M11.1.0/02:00", "\"EST5EDT,M3.2.0/02:00,M11.1.0/02:00\""),
    (101, b"Europe/Zurich", "\"Europe/Zurich\""),
    (108, &[0, 0, 0x07, 0x08], "1800 (30m)"),
    (109, &[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], "2001:db8::1"),
    (112, &[10, 0, 0, 112], "10.0.0.112"),
    (113, b"network", "\"network\""),
    (114, b"https://example.org/captive-portal/api/X54PD39JV", "\"https://example.org/captive-portal/api/X54PD39JV\""),
    (116, &[1], "AutoConfigure"),
    (117, &[0, 6, 0, 41], "DNS, NIS"),
    (118, &[192, 0, 2, 0], "192.0.2.0"),
    (119, b"\x03eng\x05apple\x03com\x00\x09marketing\xc0\x04", "eng.apple.com, marketing.apple.com"),
    (120, b"\x00\x07example\x03com\x00\x07example\x03net\x00", "example.com, example.net"),
    (121, &[24, 10, 99, 200, 10, 99, 34, 254, 0, 10, 99, 34, 1], "10.99.200.0/24 via 10.99.34.254, default via 10.99.34.1"),
    (122, &[1, 4, 10, 0, 0, 1, 6, 7, b'E', b'X', b'.', b'C', b'O', b'M', 0], "TSP's Primary DHCP Server Address SubOption 1, length 4: 0a:00:00:01; TSP's Kerberos Realm Name SubOption 6, length 7: 45:58:2e:43:4f:4d:00"),
    (123, &[0x48, 0x4d, 0xcc, 0x1f, 0xc9, 0x4b, 0x65, 0xec, 0xf0, 0x30, 0x10, 0x00, 0x00, 0x0f, 0x00, 0x41], "latitude 38.8986800, longitude -77.0372300, altitude 15 m, WGS84, version 1"),
    (124, &[0, 0, 0x11, 0x8b, 9, b'd', b'o', b'c', b's', b'i', b's', b'3', b'.', b'0'], "enterprise 4491 (CableLabs): \"docsis3.0\""),
    (125, &[0, 0, 0x11, 0x8b, 0x0b, 1, 4, 10, 99, 2, 1, 2, 3, b'a', b'b', b'c'], "enterprise 4491 (CableLabs): [1] 0a:63:02:01 [2] \"abc\""),
    (136, &[10, 0, 1, 36], "10.0.1.36"),
    (137, b"\x04lost\x07example\x03com\x00", "lost.example.com"),
    (138, &[10, 0, 1, 38], "10.0.1.38"),
    (139, &[1, 8, 10, 0, 0, 1, 10, 0, 0, 2, 2, 4, 10, 0, 0, 3], "IS (Information Service) SubOption 1, length 8: 10.0.0.1,10.0.0.2; CS (Command Service) SubOption 2, length 4: 10.0.0.3"),
    (140, b"\x01\x0c\x02is\x07example\x00", "IS (Information Service) SubOption 1, length 12: is.example"),
    (141, b"\x07example\x03com\x00", "example.com"),
    (142, &[10, 0, 1, 42], "10.0.1.42"),
    (143, b"\x00\x1ehttps://sztp1.example.com:8443\x00\x1dhttps://sztp2.example.com:443", "\"https://sztp1.example.com:8443\", \"https://sztp2.example.com:443\""),
    (144, &[0x48, 0x4d, 0xcc, 0x1f, 0xc9, 0x4b, 0x65, 0xec, 0xf0, 0x30, 0x10, 0x00, 0x00, 0x0f, 0x00, 0x41], "latitude 38.8986800, longitude -77.0372300, altitude 15 m, WGS84, version 1"),
    (145, &[1], "HMAC-MD5"),
    (146, b"\x08\x0a\x00\x00\x01\x0a\x00\x00\x02\x07example\x03com\x00", "preference high, primary 10.0.0.1, secondary 10.0.0.2, domains example.com"),
    (147, b"\x04dots\x07example\x03com\x00", "dots.example.com"),
    (148, &[10, 1, 4, 8], "10.1.4.8"),
    (150, &[10, 99, 15, 1, 10, 99, 15, 2], "10.99.15.1,10.99.15.2"),
    (151, b"\x00all good", "Success (0) \"all good\""),
    (152, &[0x65, 0x53, 0xf1, 0x00], "1700000000 (2023-11-14 22:13:20 UTC)"),
    (153, &[0, 0, 0x0e, 0x10], "3600 (1h)"),
    (154, &[0x65, 0x53, 0xe2, 0xf0], "1699996400 (2023-11-14 21:13:20 UTC)"),
    (155, &[0x65, 0x53, 0xf1, 0x00], "1700000000 (2023-11-14 22:13:20 UTC)"),
    (156, &[2], "ACTIVE (2)"),
    (157, &[1], "remote"),
    (158, &[8, 10, 0, 1, 58, 10, 0, 1, 59, 4, 10, 0, 1, 60], "10.0.1.58,10.0.1.59; 10.0.1.60"),
    (159, &[6, 8, 0x34, 0x00], "PSID offset 6, PSID length 8, PSID 0x3400"),
    (161, b"https://things.example.org/product_abc123/v5", "\"https://things.example.org/product_abc123/v5\""),
    (162, b"\x00\x25\x00\x01\x12\x08resolver\x07example\x00\x08\xc0\x00\x02\x01\xc0\x00\x02\x02\x00\x01\x00\x03\x02h2", "priority 1 ADN resolver.example addresses 192.0.2.1,192.0.2.2 params 00:01:00:03:02:68:32"),
    (208, &[0xf1, 0x00, 0x74, 0x7e], "f1:00:74:7e"),
    (209, b"pxelinux.cfg/default", "\"pxelinux.cfg/default\""),
    (210, b"/tftpboot/", "\"/tftpboot/\""),
    (211, &[0, 0, 0x01, 0x2c], "300 (5m)"),
    (212, &[8, 32, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 1], "prefix 2001:db8::/32, IPv4 mask length 8, border relays 192.0.2.1"),
    (213, b"\x0baccess-isp1\x07example\x00", "access-isp1.example"),
    (220, &[0x03, 1, 2, 24, 0], "flags 0x03; Prefix SubOption 1, length 2: 18:00"),
    (221, b"\x00vpn-blue", "VPN \"vpn-blue\""),
    (249, &[24, 10, 99, 200, 10, 99, 4, 254], "10.99.200.0/24 via 10.99.4.254"),
    (252, b"http://wpad.corpus.example/wpad.dat", "\"http://wpad.corpus.example/wpad.dat\""),
];

fn encode(opt: &DhcpOption<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    opt.write_value(&mut |piece| out.extend_from_slice(piece));
    assert_eq!(out.len(), opt.value_len());
    out
}

/// The options area of a message holding `opt` alone, built by the builder.
fn built(opt: &DhcpOption<'_>) -> Vec<u8> {
    let mut buf = vec![0u8; 2048];
    let n = MessageBuilder::new(&mut buf)
        .unwrap()
        .min_len(0)
        .typed(opt)
        .finish()
        .unwrap();
    buf[240..n].to_vec()
}

#[test]
fn at_least_130_codes_are_typed_and_each_has_a_vector() {
    assert!(TYPED_CODES.len() >= 130, "{} typed", TYPED_CODES.len());
    let typed: BTreeSet<u8> = TYPED_CODES.iter().map(|t| t.code.0).collect();
    assert_eq!(typed.len(), TYPED_CODES.len());
    let vectors: BTreeSet<u8> = VECTORS.iter().map(|v| v.0).collect();
    assert_eq!(typed, vectors);
    for t in TYPED_CODES {
        assert!(t.code.is_assigned(), "{} has no name", t.code.0);
    }
}

#[test]
fn every_vector_decodes_typed_and_displays() {
    for &(code, data, shown) in VECTORS {
        let opt = decode(code, data).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert!(
            !matches!(opt, DhcpOption::Unknown { .. }),
            "{code} decoded as Unknown"
        );
        assert_eq!(opt.code(), OptionCode(code));
        assert_eq!(opt.to_string(), shown, "code {code}");
    }
}

#[test]
fn every_vector_encodes_back_to_its_bytes() {
    for &(code, data, _) in VECTORS {
        let opt = decode(code, data).unwrap();
        assert_eq!(opt.value_len(), data.len(), "code {code}");
        assert_eq!(encode(&opt), data, "code {code}");
        let mut expected = vec![code, data.len() as u8];
        expected.extend_from_slice(data);
        expected.push(255);
        assert_eq!(built(&opt), expected, "code {code}");
    }
}

/// Options 152, 154 and 155 show the instant as a UTC calendar date: the
/// days and leap years of the whole u32 range (1970 to 2106), including
/// the centuries 2000 (a leap year) and 2100 (not one), January and
/// February (counted in the previous year by the civil-from-days
/// arithmetic) and the last second of a day and of a year.
#[test]
fn unix_times_show_their_utc_date() {
    for (secs, date) in [
        (0, "1970-01-01 00:00:00"),
        (86_399, "1970-01-01 23:59:59"),
        (68_169_600, "1972-02-29 00:00:00"),
        (68_256_000, "1972-03-01 00:00:00"),
        (94_694_399, "1972-12-31 23:59:59"),
        (315_532_800, "1980-01-01 00:00:00"),
        (946_684_799, "1999-12-31 23:59:59"),
        (951_782_400, "2000-02-29 00:00:00"),
        (951_868_800, "2000-03-01 00:00:00"),
        (978_307_199, "2000-12-31 23:59:59"),
        (1_234_567_890, "2009-02-13 23:31:30"),
        (2_147_483_648, "2038-01-19 03:14:08"),
        (4_107_456_000, "2100-02-28 00:00:00"),
        (4_107_542_399, "2100-02-28 23:59:59"),
        (4_107_542_400, "2100-03-01 00:00:00"),
        (u32::MAX, "2106-02-07 06:28:15"),
    ] {
        let bytes = u32::to_be_bytes(secs);
        for code in [152, 154, 155] {
            assert_eq!(
                decode(code, &bytes).unwrap().to_string(),
                format!("{secs} ({date} UTC)"),
                "option {code}"
            );
        }
    }
}

/// Option 2 (time offset) shows a sign only for a negative offset.
#[test]
fn time_offset_shows_a_sign_only_below_zero() {
    let shown = |v: i32| decode(2, &v.to_be_bytes()).unwrap().to_string();
    assert_eq!(shown(0), "0 (0s)");
    assert_eq!(shown(1), "1 (1s)");
    assert_eq!(shown(-1), "-1 (-1s)");
    assert_eq!(shown(-3_600), "-3600 (-1h)");
    assert_eq!(shown(i32::MIN), "-2147483648 (-24855d3h14m8s)");
}

/// `sub_option_name` names the sub-options of every parent it knows, and
/// no other.
#[test]
fn sub_option_names_of_each_parent() {
    use dhcpwire::options::relay::sub_option_name;
    assert_eq!(sub_option_name(82, 1), "Agent Circuit ID");
    assert_eq!(sub_option_name(43, 1), "PXE_MTFTP_IP");
    assert_eq!(sub_option_name(43, 71), "PXE_BOOT_ITEM");
    assert_eq!(sub_option_name(63, 1), "NWIP_DOES_NOT_EXIST");
    assert_eq!(sub_option_name(122, 1), "TSP's Primary DHCP Server Address");
    assert_eq!(sub_option_name(139, 1), "IS (Information Service)");
    assert_eq!(sub_option_name(140, 2), "CS (Command Service)");
    assert_eq!(sub_option_name(220, 3), "Subnet Name");
    assert_eq!(sub_option_name(125, 1), "Unknown");
    assert_eq!(sub_option_name(44, 1), "Unknown");
}

#[test]
fn unassigned_removed_and_private_codes_stay_unknown() {
    let mut unknown: Vec<u8> = vec![84, 95, 96, 110, 111, 115, 126, 127, 149, 160];
    unknown.extend(102..=107);
    unknown.extend(128..=135);
    unknown.extend(163..=207);
    unknown.extend(214..=219);
    unknown.extend(222..=248);
    unknown.extend([250, 251, 253, 254]);
    for code in unknown {
        assert_eq!(
            decode(code, &[1, 2, 3]),
            Ok(DhcpOption::Unknown {
                code: OptionCode(code),
                data: &[1, 2, 3]
            }),
            "{code}"
        );
        assert!(!TYPED_CODES.iter().any(|t| t.code.0 == code));
    }
}

// ---------------------------------------------------------------------------
// malformed values, one or more per shape
// ---------------------------------------------------------------------------

/// (code, value, error kind, offset of the error); the option's code byte
/// is at 240, so its value starts at 242.
const MALFORMED: &[(u8, &[u8], &str, usize)] = &[
    // fixed sizes: wrong length
    (1, &[255, 255, 255], "invalid_length", 240),
    (2, &[0, 0, 0], "invalid_length", 240),
    (13, &[1], "invalid_length", 240),
    (23, &[], "invalid_length", 240),
    (109, &[0; 15], "invalid_length", 240),
    (123, &[0; 15], "invalid_length", 240),
    (208, &[0xf1, 0, 0x74], "invalid_length", 240),
    // flags and enumerations: right length, wrong value
    (19, &[2], "invalid_value", 242),
    (19, &[0, 0], "invalid_length", 240),
    (46, &[3], "invalid_value", 242),
    (52, &[0], "invalid_value", 242),
    (116, &[7], "invalid_value", 242),
    (156, &[9], "invalid_value", 242),
    // lists: zero length where data is required, wrong multiple
    (3, &[], "invalid_length", 240),
    (3, &[10, 0, 0, 1, 10], "invalid_length", 240),
    (68, &[10, 0, 0], "invalid_length", 240),
    (21, &[10, 0, 0, 0, 255, 0, 0], "invalid_length", 240),
    (25, &[5], "invalid_length", 240),
    (93, &[], "invalid_length", 240),
    // text: zero length
    (12, &[], "invalid_length", 240),
    (252, &[], "invalid_length", 240),
    (43, &[], "invalid_length", 240),
    (77, &[], "invalid_length", 240),
    // structures
    (78, &[1, 10, 0, 0], "invalid_length", 240),
    (78, &[2, 10, 0, 0, 1], "invalid_value", 242),
    (80, &[0], "invalid_length", 240),
    (81, &[5, 0], "invalid_length", 240),
    (81, &[5, 0, 0, 3, b'a', b'b'], "invalid_value", 245),
    (81, &[5, 0, 0, 1, b'a', 0xc0, 0], "invalid_value", 247),
    (81, &[5, 0, 0, 1, b'a', 0, 1], "invalid_value", 248),
    (83, &[0; 10], "invalid_length", 240),
    (90, &[0; 10], "invalid_length", 240),
    (94, &[1, 2], "invalid_length", 240),
    (97, &[0, 1, 2, 3], "invalid_length", 240),
    (99, &[2, b'U', b'S', 1, 5, b'x'], "invalid_value", 245),
    (120, &[2, 10, 0, 0, 1], "invalid_value", 242),
    (120, &[1, 10, 0, 0], "invalid_length", 240),
    (120, &[0], "invalid_length", 240),
    (124, &[0, 0, 0x11, 0x8b, 9, b'x'], "invalid_value", 242),
    (124, &[0, 0, 0x11], "invalid_value", 242),
    (143, &[0, 5, b'a'], "invalid_value", 242),
    (146, &[0; 8], "invalid_length", 240),
    (151, &[], "invalid_length", 240),
    (158, &[3, 10, 0, 0, 1], "invalid_value", 242),
    (159, &[16, 0, 0, 0], "invalid_value", 242),
    (159, &[0, 17, 0, 0], "invalid_value", 243),
    (162, &[0, 9, 0, 1], "invalid_value", 242),
    (162, &[0, 4, 0, 1, 2, 0], "invalid_value", 246),
    // DNR instance at 244: a compression pointer in the ADN (at 249),
    // bytes after the ADN's root label (at 250), and an address length
    // that is not a multiple of 4 (at 250).
    (
        162,
        &[0, 7, 0, 1, 4, 1, b'a', 0xc0, 0],
        "invalid_value",
        249,
    ),
    (
        162,
        &[0, 8, 0, 1, 5, 1, b'a', 0, 1, b'b'],
        "invalid_value",
        250,
    ),
    (
        162,
        &[0, 10, 0, 1, 3, 1, b'a', 0, 3, 10, 0, 0],
        "invalid_value",
        250,
    ),
    (
        212,
        &[
            33, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4,
        ],
        "invalid_value",
        242,
    ),
    (
        212,
        &[8, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        "invalid_length",
        240,
    ),
    (221, &[1, 0, 0], "invalid_length", 240),
    // classless routes: prefix over 32, truncated destination or router
    (121, &[33, 10, 0, 0, 0, 10, 0, 0, 1], "invalid_value", 242),
    (121, &[24, 10, 0, 0, 1, 10, 0], "invalid_value", 242),
    (121, &[0, 10, 0, 0, 1, 24, 10, 0], "invalid_value", 247),
    (121, &[0, 10, 0, 1], "invalid_length", 240),
    (249, &[32, 10, 0, 0, 1, 10, 0, 0], "invalid_value", 242),
    // sub-option overrun: 82, 124/125, 63, 220
    (82, &[1, 4, b'e', b't', b'h'], "sub_option_overrun", 242),
    (82, &[1, 1, b'x', 2], "invalid_sub_option", 245),
    (63, &[5, 2, 1], "sub_option_overrun", 242),
    (
        125,
        &[0, 0, 0x11, 0x8b, 4, 1, 5, 1, 2],
        "sub_option_overrun",
        247,
    ),
    (125, &[0, 0, 0x11, 0x8b, 9, 1, 1, 1], "invalid_value", 242),
    (220, &[0, 1, 3, 0], "sub_option_overrun", 243),
    // DNS names
    (119, &[], "invalid_length", 240),
    (119, &[64, b'a'], "invalid_value", 242),
    (119, &[3, b'a', b'b'], "invalid_value", 242),
    (119, &[1, b'a'], "invalid_value", 242),
    (119, &[1, b'a', 0xc0, 0], "invalid_value", 244),
    (119, &[0xc0, 0], "invalid_value", 242),
    (119, &[1, b'a', 0, 0xc0, 9], "invalid_value", 245),
    (119, &[1, b'a', 0, 1, b'b', 0xc0, 5], "invalid_value", 247),
    (119, &[1, b'a', 0, 0xc0], "invalid_value", 245),
    (119, &[0x80, 1], "invalid_value", 242),
    (88, &[1, b'a'], "invalid_value", 242),
    (137, &[0xc0, 5, 0, 0, 0, 0, 0], "invalid_value", 242),
];

#[test]
fn malformed_values_are_errors_with_code_and_offset() {
    for &(code, data, kind, offset) in MALFORMED {
        let err = decode(code, data).expect_err(&format!("{code} {data:?} decoded"));
        assert_eq!(
            (err.kind(), err.offset()),
            (kind, offset),
            "code {code} {data:02x?}: {err}"
        );
        let text = err.to_string();
        assert!(text.contains(&format!("option {code}")), "{text}");
    }
}

#[test]
fn malformed_values_leave_the_walk_and_raw_bytes_intact() {
    let mut buf = [0u8; 400];
    let n = MessageBuilder::new(&mut buf)
        .unwrap()
        .option(
            OptionCode::CLASSLESS_STATIC_ROUTE,
            &[33, 1, 2, 3, 4, 5, 6, 7, 8],
        )
        .option(OptionCode::LEASE_TIME, &[0, 0, 1, 44])
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..n]).unwrap();
    let opts: Vec<_> = msg.options().map(Result::unwrap).collect();
    assert_eq!(
        opts[0].decode(),
        Err(Error::InvalidValue {
            code: 121,
            offset: 242,
            expected: "a prefix length of at most 32"
        })
    );
    assert_eq!(opts[0].data, &[33, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(opts[1].decode(), Ok(DhcpOption::LeaseTime(300)));
}

#[test]
fn name_over_255_bytes_is_an_error() {
    // 5 labels of 63 bytes: 320 bytes.
    let mut v = Vec::new();
    for _ in 0..5 {
        v.push(63);
        v.extend_from_slice(&[b'x'; 63]);
    }
    v.push(0);
    let err = decode(119, &v).unwrap_err();
    assert_eq!(err.kind(), "invalid_value");
    // The fourth label makes it 256 bytes: the error points at it.
    assert_eq!(err.offset(), 242 + 3 * 64);
    // 3 labels of 63 and one of 61: 255 bytes with the root label, fine.
    let mut ok = Vec::new();
    for _ in 0..3 {
        ok.push(63);
        ok.extend_from_slice(&[b'y'; 63]);
    }
    ok.push(61);
    ok.extend_from_slice(&[b'z'; 61]);
    ok.push(0);
    assert_eq!(ok.len(), 255);
    let Ok(DhcpOption::DomainSearch(list)) = decode(119, &ok) else {
        panic!("a 255-byte name is legal");
    };
    let names: Vec<String> = list.names().map(|n| n.to_string()).collect();
    // One name: 3 × 63 + 61 characters and 3 dots.
    assert_eq!(names.len(), 1);
    assert_eq!(names[0].len(), 253);
}

#[test]
fn pointer_chains_are_bounded() {
    // Name 0 is "a", every later name is one label then a pointer to the
    // name before: 300 names, each following a long chain backwards; the
    // 64-hop bound stops it with an error, never a hang.
    let mut v = vec![1, b'a', 0];
    let mut prev = 0usize;
    for _ in 0..300 {
        let start = v.len();
        v.extend_from_slice(&[1, b'b', 0xc0 | (prev >> 8) as u8, prev as u8]);
        prev = start;
    }
    let err = decode(119, &v).unwrap_err();
    assert_eq!(err.kind(), "invalid_value");
    // Up to 64 hops decode.
    let ok_len = 3 + 64 * 4;
    let list = decode(119, &v[..ok_len]).unwrap();
    let DhcpOption::DomainSearch(list) = list else {
        unreachable!()
    };
    assert_eq!(list.names().count(), 65);
    assert_eq!(list.names().last().unwrap().labels().count(), 65);
}

// ---------------------------------------------------------------------------
// DNS names: compression, re-encoding, building
// ---------------------------------------------------------------------------

#[test]
fn domain_search_keeps_compression_and_reencodes_uncompressed() {
    // RFC 3397 §3's example.
    let wire = b"\x03eng\x05apple\x03com\x00\x09marketing\xc0\x04";
    let DhcpOption::DomainSearch(list) = decode(119, wire).unwrap() else {
        unreachable!()
    };
    let opt = DhcpOption::DomainSearch(list);
    assert_eq!(encode(&opt), wire, "encode(decode(x)) == x, pointers kept");
    let mut plain = Vec::new();
    list.write_uncompressed(&mut |p| plain.extend_from_slice(p));
    assert_eq!(
        plain,
        b"\x03eng\x05apple\x03com\x00\x09marketing\x05apple\x03com\x00"
    );
    assert_eq!(list.uncompressed_len(), plain.len());
    assert_ne!(plain.as_slice(), wire.as_slice());
    // Differs only by compression: the same names.
    let again = DomainList::check(119, &plain, 0).unwrap();
    let a: Vec<String> = list.names().map(|n| n.to_string()).collect();
    let b: Vec<String> = again.names().map(|n| n.to_string()).collect();
    assert_eq!(a, b);
    for (x, y) in list.names().zip(again.names()) {
        assert!(x.eq_ignore_case(&y));
    }
    // Debug lists the names, pointers followed.
    assert_eq!(
        format!("{list:?}"),
        "[Name(eng.apple.com), Name(marketing.apple.com)]"
    );
    // And the builder helper writes the same uncompressed bytes.
    let mut buf = [0u8; 64];
    let names = dns::encode_names(&["eng.apple.com", "marketing.apple.com."], &mut buf).unwrap();
    assert_eq!(names, plain.as_slice());
}

#[test]
fn encode_names_rejects_bad_labels_and_small_buffers() {
    let mut buf = [0u8; 64];
    assert_eq!(
        dns::encode_names(&["a..b"], &mut buf).unwrap_err().kind(),
        "invalid_value"
    );
    let long = "x".repeat(64);
    assert_eq!(
        dns::encode_names(&[&long], &mut buf).unwrap_err().kind(),
        "invalid_value"
    );
    let mut small = [0u8; 4];
    assert_eq!(
        dns::encode_names(&["example.com"], &mut small)
            .unwrap_err()
            .kind(),
        "buffer_too_small"
    );
    assert_eq!(dns::encode_names(&["."], &mut buf).unwrap(), &[0]);
}

#[test]
fn names_display_escapes_odd_bytes() {
    let DhcpOption::DomainSearch(list) = decode(119, b"\x03a.b\x02\x00z\x00").unwrap() else {
        unreachable!()
    };
    assert_eq!(list.to_string(), "a\\.b.\\000z");
    let DhcpOption::DomainSearch(root) = decode(119, &[0]).unwrap() else {
        unreachable!()
    };
    assert_eq!(root.to_string(), ".");
}

#[test]
fn client_fqdn_forms() {
    // RFC 4702: wire form, fully qualified.
    let DhcpOption::ClientFqdn(f) = decode(81, b"\x05\x00\x00\x04host\x07example\x00").unwrap()
    else {
        unreachable!()
    };
    assert_eq!(f.wire_name().unwrap().to_string(), "host.example");
    assert!(!f.wire_name().unwrap().is_partial());
    // Partial name (dhcpcd sends these).
    let DhcpOption::ClientFqdn(p) = decode(81, b"\x05\x00\x00\x04host").unwrap() else {
        unreachable!()
    };
    assert!(p.wire_name().unwrap().is_partial());
    assert_eq!(p.to_string(), "[S,E] rcodes 0/0 \"host\"");
    // ASCII form (udhcpc).
    let DhcpOption::ClientFqdn(a) = decode(81, b"\x01\x00\x00host.example.com").unwrap() else {
        unreachable!()
    };
    assert_eq!(a.ascii_name().unwrap().as_bytes(), b"host.example.com");
    assert_eq!(a.to_string(), "[S] rcodes 0/0 \"host.example.com\"");
    // Empty name, server flags.
    let DhcpOption::ClientFqdn(e) = decode(81, &[0x0b, 255, 255]).unwrap() else {
        unreachable!()
    };
    assert_eq!(e.to_string(), "[S,O,N] rcodes 255/255");
    // E alone: a wire name, the client doing its own A update (S clear).
    let DhcpOption::ClientFqdn(w) = decode(81, b"\x04\x00\x00\x04host\x07example\x00").unwrap()
    else {
        unreachable!()
    };
    assert_eq!(w.wire_name().unwrap().to_string(), "host.example");
    assert!(w.ascii_name().is_none());
    assert_eq!(w.to_string(), "[E] rcodes 0/0 \"host.example.\"");
    // Without E the name is ASCII, even when its bytes would read as a
    // wire name.
    let DhcpOption::ClientFqdn(t) = decode(81, b"\x00\x00\x00\x04host\x00").unwrap() else {
        unreachable!()
    };
    assert!(t.wire_name().is_none());
    assert_eq!(t.ascii_name().unwrap().as_bytes(), b"\x04host\x00");
    assert_eq!(t.to_string(), "[] rcodes 0/0 \"\\x04host\"");
    // The root name alone.
    assert_eq!(
        decode(81, b"\x05\x00\x00\x00").unwrap().to_string(),
        "[S,E] rcodes 0/0 \".\""
    );
}

#[cfg(feature = "serde")]
#[test]
fn client_fqdn_json_has_each_flag_and_the_name() {
    let j = |data: &[u8]| serde_json::to_string(&decode(81, data).unwrap()).unwrap();
    assert_eq!(
        j(b"\x05\x00\x00\x04host\x07example\x00"),
        r#"{"flags":5,"s":true,"o":false,"e":true,"n":false,"rcode1":0,"rcode2":0,"name":"host.example","partial":false}"#
    );
    assert_eq!(
        j(b"\x04\x00\x00\x04host"),
        r#"{"flags":4,"s":false,"o":false,"e":true,"n":false,"rcode1":0,"rcode2":0,"name":"host","partial":true}"#
    );
    assert_eq!(
        j(b"\x01\x00\x00host.example.com"),
        r#"{"flags":1,"s":true,"o":false,"e":false,"n":false,"rcode1":0,"rcode2":0,"name":"host.example.com"}"#
    );
    assert_eq!(
        j(&[0x0b, 255, 255]),
        r#"{"flags":11,"s":true,"o":true,"e":false,"n":true,"rcode1":255,"rcode2":255,"name":null}"#
    );
}

// ---------------------------------------------------------------------------
// RFC 3396: 82, 119 and 121 split across fragments
// ---------------------------------------------------------------------------

/// A message with `code`'s value split after `split` bytes into two
/// instances, with another option between them.
fn split_message(code: u8, value: &[u8], split: usize) -> Vec<u8> {
    let mut buf = vec![0u8; 1024];
    let n = MessageBuilder::new(&mut buf)
        .unwrap()
        .option(OptionCode(code), &value[..split])
        .option(OptionCode::LEASE_TIME, &[0, 0, 1, 44])
        .option(OptionCode(code), &value[split..])
        .finish()
        .unwrap();
    buf.truncate(n);
    buf
}

#[test]
fn fragments_of_82_119_121_decode_joined() {
    let relay: &[u8] = &[
        1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22, 5, 4, 192, 0, 2, 0,
    ];
    let search: &[u8] = b"\x03eng\x05apple\x03com\x00\x09marketing\xc0\x04";
    let routes: &[u8] = &[24, 10, 99, 200, 10, 99, 34, 254, 0, 10, 99, 34, 1];
    for (code, value) in [(82u8, relay), (119, search), (121, routes)] {
        for split in 1..value.len() {
            let bytes = split_message(code, value, split);
            let msg = Message::parse(&bytes).unwrap();
            let v = msg.option(OptionCode(code)).unwrap().unwrap();
            assert_eq!(v.fragment_count(), 2);
            let mut scratch = [0u8; 64];
            let joined = v.decode_with(&mut scratch).unwrap();
            assert_eq!(
                joined,
                decode(code, value).unwrap(),
                "{code} split at {split}"
            );
            assert_eq!(encode(&joined), value);
        }
    }
}

#[test]
fn errors_in_joined_fragments_point_into_the_message() {
    // 121 with a prefix length of 33 in its second fragment.
    let value = [24, 10, 99, 200, 10, 99, 34, 254, 33, 10, 99, 34, 1];
    let bytes = split_message(121, &value, 8);
    let msg = Message::parse(&bytes).unwrap();
    let v = msg
        .option(OptionCode::CLASSLESS_STATIC_ROUTE)
        .unwrap()
        .unwrap();
    let mut scratch = [0u8; 64];
    let err = v.decode_with(&mut scratch).unwrap_err();
    // 240: 121 len 8 (10 bytes), 51 len 4 (6 bytes), then 121 len 5: its
    // first value byte is at 258.
    assert_eq!((err.kind(), err.offset()), ("invalid_value", 258));
    assert_eq!(bytes[258], 33);
}

#[test]
fn long_values_split_by_the_builder_and_rejoin() {
    // 70 routes of /24: 560 bytes, three fragments.
    let mut value = Vec::new();
    for i in 0..70u8 {
        value.extend_from_slice(&[24, 10, i, 0, 10, 0, 0, 1]);
    }
    let opt = decode(121, &value).unwrap();
    let mut buf = vec![0u8; 1024];
    let n = MessageBuilder::new(&mut buf)
        .unwrap()
        .typed(&opt)
        .finish()
        .unwrap();
    let msg = Message::parse(&buf[..n]).unwrap();
    let v = msg
        .option(OptionCode::CLASSLESS_STATIC_ROUTE)
        .unwrap()
        .unwrap();
    assert_eq!(v.fragment_count(), 3);
    let mut scratch = vec![0u8; 600];
    assert_eq!(v.decode_with(&mut scratch).unwrap(), opt);
}

// ---------------------------------------------------------------------------
// relay agent sub-options
// ---------------------------------------------------------------------------

fn sub(code: u8, data: &[u8]) -> Result<RelaySubOption<'_>, Error> {
    SubOption {
        code,
        data,
        offset: 300,
    }
    .decode_relay()
}

#[test]
fn relay_sub_options_typed() {
    let cases: &[(u8, &[u8], &str)] = &[
        (1, b"eth0:100", "\"eth0:100\""),
        (2, &[0, 0x11, 0x22, 0x33, 0x44, 0x55], "00:11:22:33:44:55"),
        (4, &[0, 0, 0, 1], "0x00000001"),
        (5, &[192, 0, 2, 0], "192.0.2.0"),
        (6, b"subscriber-1", "\"subscriber-1\""),
        (
            7,
            &[1, 6, b'u', b's', b'e', b'r', 26, 2],
            "01:06:75:73:65:72:1a:02",
        ),
        (
            8,
            &[1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0xaa],
            "algorithm 1, RDM 0, replay detection 0x0000000000000007, info aa",
        ),
        (
            9,
            &[0, 0, 0x0d, 0xe9, 3, 1, 1, 9],
            "enterprise 3561 (Broadband Forum): [1] 09",
        ),
        (10, &[0x80], "0x80 [unicast]"),
        (10, &[0x00], "0x00"),
        (10, &[0x40], "0x40"),
        (11, &[10, 0, 0, 1], "10.0.0.1"),
        (12, &[0xde, 0xad], "de:ad"),
        (13, &[0, 1], "1"),
        (14, b"wlan", "\"wlan\""),
        (15, b"ap-1", "\"ap-1\""),
        (16, &[0, 1, 2, 3, 4, 5], "00:01:02:03:04:05"),
        (17, &[0, 0, 0, 9], "enterprise 9"),
        (18, b"example.net", "\"example.net\""),
        (19, &[0x10, 0x00], "4096"),
        (151, b"\x00vpn-red", "VPN \"vpn-red\""),
        (152, &[], "present"),
        (200, &[1, 2], "01:02"),
    ];
    for &(code, data, shown) in cases {
        let v = sub(code, data).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(v.code(), code);
        assert_eq!(v.to_string(), shown, "sub-option {code}");
    }
    assert_eq!(sub(1, b"eth0").unwrap().name(), "Agent Circuit ID");
    assert_eq!(sub(10, &[0x80]).unwrap().name(), "Relay Agent Flags");
    assert_eq!(sub(200, &[1]).unwrap().name(), "Unknown");
    assert_eq!(sub(5, &[192, 0, 2]).unwrap_err().offset(), 300);
    assert!(matches!(
        sub(5, &[192, 0, 2]).unwrap_err(),
        Error::InvalidSubOption {
            code: 82,
            sub_code: 5,
            offset: 300,
            ..
        }
    ));
    // Sub-option 7: a RADIUS attribute's length counts its 2-byte header,
    // so a length of 1 is malformed even when the bytes after it would
    // read as attributes.
    for (code, data) in [
        (7u8, &[1u8, 1][..]),
        (7, &[1, 1, 1, 2]),
        (10, &[]),
        (152, &[0]),
        (151, &[1, 0]),
    ] {
        let err = sub(code, data).unwrap_err();
        assert!(
            matches!(err, Error::InvalidSubOption { code: 82, sub_code, offset: 300, .. } if sub_code == code),
            "{code}: {err:?}"
        );
    }
    assert_eq!(
        sub(9, &[0, 0, 0, 9, 3, 1, 5, 9]).unwrap_err().kind(),
        "sub_option_overrun"
    );
    // A malformed sub-option 9 is a sub-option error like the others,
    // pointing at the sub-option (empty) or at the bad entry inside it
    // (value at 302; the entry's length byte claims 9 of 1).
    assert_eq!(
        sub(9, &[]),
        Err(Error::InvalidSubOption {
            code: 82,
            sub_code: 9,
            offset: 300,
            expected: "at least 5 bytes",
        })
    );
    assert_eq!(
        sub(9, &[0, 0, 0, 9, 9, 1]),
        Err(Error::InvalidSubOption {
            code: 82,
            sub_code: 9,
            offset: 302,
            expected: "an entry inside the option (enterprise number, length, data)",
        })
    );
}

#[test]
fn relay_sub_option_9_nests_sub_options_of_82() {
    // RFC 4243: enterprise 3561, its sub-option 1 = [9].
    let Ok(RelaySubOption::VendorSpecific(v)) = sub(9, &[0, 0, 0x0d, 0xe9, 3, 1, 1, 9]) else {
        panic!("sub-option 9 decodes");
    };
    let entries: Vec<_> = v.iter().collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].enterprise, 3561);
    assert_eq!(entries[0].options.parent(), 82);
    let nested: Vec<SubOption<'_>> = entries[0].options.clone().map(Result::unwrap).collect();
    assert_eq!(
        nested,
        [SubOption {
            code: 1,
            data: &[9],
            offset: 307
        }]
    );
}

/// Regression: the vendor's sub-options inside relay sub-option 9 were
/// named and typed as option 82's own (its sub-option 1 came out as "Agent
/// Circuit ID", Kea's `captureRelayedDiscover`). The enterprise defines
/// those codes: they are named "Unknown", as inside option 125, and shown
/// untyped; errors still name option 82.
#[test]
fn vendor_data_in_relay_sub_option_9_has_the_vendors_codes() {
    // 82: circuit id 20000002; 9: enterprise 4491, its sub-option 1 = 03 00.
    let value = [1, 4, 0x20, 0, 0, 2, 9, 9, 0, 0, 0x11, 0x8b, 4, 1, 2, 3, 0];
    let DhcpOption::RelayAgentInformation(subs) = decode(82, &value).unwrap() else {
        unreachable!()
    };
    assert!(!subs.is_vendor_data());
    assert_eq!(subs.name(1), "Agent Circuit ID");
    let Ok(RelaySubOption::VendorSpecific(v)) =
        subs.clone().nth(1).unwrap().unwrap().decode_relay()
    else {
        panic!("sub-option 9 decodes");
    };
    let entry = v.iter().next().unwrap();
    assert_eq!(entry.options.parent(), 82);
    assert!(entry.options.is_vendor_data());
    assert_eq!(entry.options.name(1), "Unknown");
    assert_eq!(
        entry.options.to_string(),
        "Unknown SubOption 1, length 2: 03:00"
    );
    assert_eq!(
        subs.to_string(),
        "Agent Circuit ID SubOption 1, length 4: 20:00:00:02; Vendor-Specific Information SubOption 9, \
         length 9: enterprise 4491 (CableLabs): [1] 03:00"
    );
    #[cfg(feature = "serde")]
    assert_eq!(
        serde_json::to_value(DhcpOption::RelayAgentInformation(subs)).unwrap(),
        serde_json::json!([
            {"code": 1, "name": "Agent Circuit ID", "data": "20000002", "value": "20000002"},
            {"code": 9, "name": "Vendor-Specific Information", "data": "0000118b0401020300",
             "value": [{"enterprise": 4491, "options": [
                 {"code": 1, "name": "Unknown", "data": "0300", "value": "0300"}
             ]}]}
        ])
    );
    // The same entry inside option 125: named alike, no `value` (as before).
    let DhcpOption::VendorIdentifyingVendorSpecific(v) =
        decode(125, &[0, 0, 0x11, 0x8b, 4, 1, 2, 3, 0]).unwrap()
    else {
        unreachable!()
    };
    assert_eq!(v.to_string(), "enterprise 4491 (CableLabs): [1] 03:00");
    #[cfg(feature = "serde")]
    assert_eq!(
        serde_json::to_value(v).unwrap(),
        serde_json::json!([{"enterprise": 4491, "options": [
            {"code": 1, "name": "Unknown", "data": "0300"}
        ]}])
    );
    // A malformed vendor sub-option is still an error of option 82.
    assert_eq!(
        sub(9, &[0, 0, 0x11, 0x8b, 3, 1, 2, 3])
            .err()
            .map(|e| e.kind()),
        Some("sub_option_overrun")
    );
}

/// Regression: option 12 `nas1\0` displayed and serialised as `nas1\0`.
/// RFC 2132 §2: receivers MUST be prepared to delete trailing NULs. The
/// value keeps every byte; `Display` and the `serde` form trim them all.
#[test]
fn text_display_and_json_drop_trailing_nuls_the_bytes_keep_them() {
    let DhcpOption::HostName(name) = decode(12, b"nas1\0").unwrap() else {
        unreachable!()
    };
    assert_eq!(name.as_bytes(), b"nas1\0");
    assert_eq!(name.trimmed(), b"nas1");
    assert_eq!(name.to_string(), "nas1");
    let opt = DhcpOption::HostName(name);
    assert_eq!(opt.to_string(), "\"nas1\"");
    #[cfg(feature = "serde")]
    assert_eq!(serde_json::to_value(&opt).unwrap(), "nas1");
    assert_eq!(encode(&opt), b"nas1\0");
    // Every trailing NUL goes; one inside stays (escaped); all-NUL is "".
    let DhcpOption::DomainName(d) = decode(15, b"a\0b\0\0").unwrap() else {
        unreachable!()
    };
    assert_eq!(d.to_string(), "a\\x00b");
    #[cfg(feature = "serde")]
    assert_eq!(serde_json::to_value(d).unwrap(), "a\u{0}b");
    let DhcpOption::Message(m) = decode(56, b"\0\0").unwrap() else {
        unreachable!()
    };
    assert_eq!((m.trimmed(), m.to_string()), (&b""[..], String::new()));
}

#[test]
fn relay_sub_options_of_a_decoded_82() {
    let value = [
        1, 4, b'e', b't', b'h', b'0', 5, 4, 192, 0, 2, 0, 11, 4, 10, 0, 0, 1,
    ];
    let DhcpOption::RelayAgentInformation(subs) = decode(82, &value).unwrap() else {
        unreachable!()
    };
    let typed: Vec<RelaySubOption<'_>> = subs
        .clone()
        .map(|s| s.unwrap().decode_relay().unwrap())
        .collect();
    assert_eq!(
        typed,
        [
            RelaySubOption::CircuitId(b"eth0"),
            RelaySubOption::LinkSelection(Ipv4Addr::new(192, 0, 2, 0)),
            RelaySubOption::ServerIdentifierOverride(Ipv4Addr::new(10, 0, 0, 1)),
        ]
    );
    // Offsets are message offsets of the sub-option code bytes.
    let offsets: Vec<usize> = SubOptions::new(82, &value, 242)
        .map(|s| s.unwrap().offset)
        .collect();
    assert_eq!(offsets, [242, 248, 254]);
}

#[test]
fn sub_options_as_bytes_is_what_is_left_to_iterate() {
    let value = [1, 2, b'a', b'b', 2, 1, 7];
    let mut subs = SubOptions::new(82, &value, 242);
    assert_eq!(subs.as_bytes(), &value);
    assert_eq!(
        subs.next(),
        Some(Ok(SubOption {
            code: 1,
            data: b"ab",
            offset: 242
        }))
    );
    assert_eq!(subs.as_bytes(), &[2, 1, 7]);
    assert_ne!(subs, SubOptions::new(82, &value, 242));
    assert_eq!(subs, SubOptions::new(82, &[2, 1, 7], 246));
    assert_eq!(
        subs.next(),
        Some(Ok(SubOption {
            code: 2,
            data: &[7],
            offset: 246
        }))
    );
    assert_eq!(subs.as_bytes(), &[] as &[u8]);
    assert_eq!(subs.next(), None);
}

#[test]
fn an_advanced_sub_option_view_encodes_what_is_left() {
    let value = [1, 2, b'a', b'b', 2, 1, 7];
    let DhcpOption::RelayAgentInformation(mut subs) = decode(82, &value).unwrap() else {
        unreachable!()
    };
    let whole = DhcpOption::RelayAgentInformation(subs.clone());
    assert_eq!(encode(&whole), value);
    subs.next();
    let rest = DhcpOption::RelayAgentInformation(subs);
    assert_eq!(rest.value_len(), 3);
    assert_eq!(encode(&rest), [2, 1, 7]);
    assert_ne!(rest, whole);
}

#[test]
fn sub_options_are_fused_after_an_overrun() {
    // Sub-option 1 is fine, sub-option 2 claims 9 bytes with 1 left.
    let value = [1, 1, 0xaa, 2, 9, 0xbb];
    let mut subs = SubOptions::new(82, &value, 300);
    assert_eq!(
        subs.next(),
        Some(Ok(SubOption {
            code: 1,
            data: &[0xaa],
            offset: 300
        }))
    );
    assert_eq!(subs.next(), Some(Err(sub_overrun(82, 2, 303, 9, 1))));
    assert_eq!(subs.next(), None);
    assert_eq!(subs.as_bytes(), &[] as &[u8]);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn sub_option_offsets_saturate_past_4_gib() {
    // No DHCP message is 4 GiB long; a base past u32::MAX saturates
    // instead of wrapping.
    let value = [1, 0, 2, 0];
    let offsets: Vec<usize> = SubOptions::new(82, &value, usize::MAX - 1)
        .map(|s| s.unwrap().offset)
        .collect();
    let max = u32::MAX as usize;
    assert_eq!(offsets, [max, max]);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn decoded_options_are_32_bytes() {
    // The size is part of the cost of every decode (measured: 56 bytes
    // took 12% longer on the W2 benchmark).
    assert_eq!(core::mem::size_of::<DhcpOption<'static>>(), 32);
}

// ---------------------------------------------------------------------------
// option 43: generic and PXE
// ---------------------------------------------------------------------------

/// dnsmasq's PXE option 43 (testdata/corpus/pxe-dnsmasq-udhcpc.pcap).
const DNSMASQ_PXE_43: &[u8] = b"\x06\x01\x03\x08\x07\x80\x00\x01\x0a\x63\x0f\x01\x09\x2d\x00\x00\x14Boot from local disk\x80\x00\x13Install via network\x0a\x17\x05Press F8 for boot menu\xff";

#[test]
fn pxe_sub_options_when_the_vendor_class_says_pxe() {
    let v = decode_vendor_specific(
        DNSMASQ_PXE_43,
        240,
        Some(b"PXEClient:Arch:00000:UNDI:002001"),
    )
    .unwrap();
    assert!(v.is_pxe());
    let subs: Vec<PxeSubOption<'_>> = v.pxe_sub_options().map(Result::unwrap).collect();
    assert_eq!(subs.len(), 4);
    assert_eq!(subs[0], PxeSubOption::DiscoveryControl(3));
    let PxeSubOption::BootServers(servers) = subs[1] else {
        panic!("{:?}", subs[1])
    };
    let servers: Vec<_> = servers.iter().map(|(t, a)| (t, a.to_string())).collect();
    assert_eq!(servers, [(0x8000, "10.99.15.1".to_string())]);
    let PxeSubOption::BootMenu(menu) = subs[2] else {
        panic!()
    };
    let menu: Vec<_> = menu.iter().map(|(t, d)| (t, d.to_string())).collect();
    assert_eq!(
        menu,
        [
            (0, "Boot from local disk".to_string()),
            (0x8000, "Install via network".to_string())
        ]
    );
    assert_eq!(
        subs[3],
        PxeSubOption::MenuPrompt {
            timeout: 5,
            prompt: dhcpwire::options::typed::Text(b"Press F8 for boot menu")
        }
    );
    assert_eq!(
        v.to_string(),
        "PXE_DISCOVERY_CONTROL (6): 0x03 [no broadcast] [no multicast]; PXE_BOOT_SERVERS (8): type 32768: 10.99.15.1; PXE_BOOT_MENU (9): 0: \"Boot from local disk\"; 32768: \"Install via network\"; PXE_MENU_PROMPT (10): timeout 5, \"Press F8 for boot menu\""
    );
    let opt = DhcpOption::VendorSpecific(v);
    assert_eq!(encode(&opt), DNSMASQ_PXE_43);
    // Without PXEClient in option 60: the generic form.
    let g = decode_vendor_specific(DNSMASQ_PXE_43, 240, Some(b"MSFT 5.0")).unwrap();
    assert!(!g.is_pxe());
    assert_eq!(g.sub_options().count(), 4);
    assert!(
        !decode_vendor_specific(DNSMASQ_PXE_43, 240, None)
            .unwrap()
            .is_pxe()
    );
}

#[test]
fn pxe_sub_options_typed_one_by_one() {
    let pxe = Some(&b"PXEClient"[..]);
    let cases: &[(&[u8], PxeSubOption<'_>)] = &[
        (
            &[1, 4, 224, 1, 1, 1],
            PxeSubOption::MtftpIp(Ipv4Addr::new(224, 1, 1, 1)),
        ),
        (&[2, 2, 0x04, 0xd2], PxeSubOption::MtftpClientPort(1234)),
        (&[3, 2, 0x04, 0xd3], PxeSubOption::MtftpServerPort(1235)),
        (&[4, 1, 3], PxeSubOption::MtftpTimeout(3)),
        (&[5, 1, 2], PxeSubOption::MtftpDelay(2)),
        (&[6, 1, 8], PxeSubOption::DiscoveryControl(8)),
        (
            &[7, 4, 224, 0, 1, 2],
            PxeSubOption::DiscoveryMulticastAddress(Ipv4Addr::new(224, 0, 1, 2)),
        ),
        (
            &[11, 6, 224, 1, 1, 0, 0, 16],
            PxeSubOption::MulticastAddressAllocation(&[224, 1, 1, 0, 0, 16]),
        ),
        (
            &[12, 4, 0, 0, 0, 1],
            PxeSubOption::CredentialTypes(&[0, 0, 0, 1]),
        ),
        (
            &[12, 8, 0, 0, 0, 1, 0, 0, 0, 2],
            PxeSubOption::CredentialTypes(&[0, 0, 0, 1, 0, 0, 0, 2]),
        ),
        (
            &[71, 4, 0x80, 0x00, 0x00, 0x01],
            PxeSubOption::BootItem {
                kind: 0x8000,
                layer: 1,
            },
        ),
        (
            &[200, 2, 1, 2],
            PxeSubOption::Other {
                code: 200,
                data: &[1, 2],
            },
        ),
    ];
    for &(bytes, want) in cases {
        let v = decode_vendor_specific(bytes, 240, pxe).unwrap();
        let subs: Vec<_> = v.pxe_sub_options().collect::<Result<_, _>>().unwrap();
        assert_eq!(subs, [want], "{bytes:?}");
        assert_eq!(subs[0].code(), bytes[0]);
    }
    // Each typed sub-option refuses a value of the wrong length.
    for bytes in [
        &[2u8, 1, 4][..],
        &[3, 3, 4, 0, 0],
        &[4, 2, 3, 0],
        &[5, 0],
        &[7, 3, 224, 0, 1],
        &[8, 0],
        &[9, 0],
        &[10, 0],
        &[12, 0],
        &[12, 3, 0, 0, 1],
        &[12, 6, 0, 0, 0, 1, 0, 0],
        &[71, 3, 0x80, 0, 0],
    ] {
        let err = decode_vendor_specific(bytes, 240, pxe).unwrap_err();
        assert!(
            matches!(err, Error::InvalidSubOption { code: 43, sub_code, offset: 242, .. } if sub_code == bytes[0]),
            "{bytes:?}: {err:?}"
        );
    }
}

#[test]
fn pxe_malformed_sub_options() {
    let pxe = Some(&b"PXEClient"[..]);
    // Overrun: sub-option 6 claims 2 bytes, 1 left.
    let err = decode_vendor_specific(&[6, 2, 3], 240, pxe).unwrap_err();
    assert_eq!((err.kind(), err.offset()), ("sub_option_overrun", 242));
    // Sub-option 1 (MTFTP IP) of 3 bytes.
    let err = decode_vendor_specific(&[0, 1, 3, 1, 2, 3, 255], 240, pxe).unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidSubOption {
                code: 43,
                sub_code: 1,
                offset: 243,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("sub-option 1"));
    // Boot servers whose count runs past the sub-option.
    assert_eq!(
        decode_vendor_specific(&[8, 7, 0, 1, 2, 10, 0, 0, 1], 240, pxe).err(),
        Some(Error::InvalidSubOption {
            code: 43,
            sub_code: 8,
            offset: 242,
            expected: "PXE sub-option 8: servers as (type, count, addresses)",
        })
    );
    // The generic form tolerates what is not TLV (opaque by RFC 2132).
    let g = decode_vendor_specific(&[6, 2, 3], 240, None).unwrap();
    assert_eq!(
        g.sub_options().collect::<Vec<_>>(),
        vec![Err(sub_overrun(43, 6, 242, 2, 1))]
    );
    assert_eq!(g.to_string(), "06:02:03");
}

#[test]
fn vendor_identifying_options() {
    let DhcpOption::VendorIdentifyingVendorSpecific(v) = decode(
        125,
        &[0, 0, 0x11, 0x8b, 5, 1, 3, b'a', b'b', b'c', 0, 0, 0, 9, 0],
    )
    .unwrap() else {
        unreachable!()
    };
    let entries: Vec<_> = v.iter().collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].enterprise, 4491);
    let subs: Vec<_> = entries[0].options.clone().map(Result::unwrap).collect();
    assert_eq!(
        (subs[0].code, subs[0].data, subs[0].offset),
        (1, &b"abc"[..], 247)
    );
    assert_eq!(entries[1].enterprise, 9);
    assert_eq!(entries[1].options.clone().count(), 0);
    // Sub-options of later entries point into the message too: the value
    // starts at 242, the second entry's data at index 15, its two
    // sub-options at 257 and 260.
    let DhcpOption::VendorIdentifyingVendorSpecific(v) = decode(
        125,
        &[
            0, 0, 0x11, 0x8b, 5, 1, 3, b'a', b'b', b'c', 0, 0, 0, 9, 6, 2, 1, 0x7f, 3, 1, 0,
        ],
    )
    .unwrap() else {
        unreachable!()
    };
    let second = v.iter().nth(1).unwrap();
    assert_eq!(second.enterprise, 9);
    let subs: Vec<_> = second
        .options
        .map(|s| s.map(|s| (s.code, s.data, s.offset)))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(subs, [(2, &[0x7f][..], 257), (3, &[0][..], 260)]);
    let DhcpOption::VendorIdentifyingVendorClass(c) =
        decode(124, &[0, 0, 0x0d, 0xe9, 6, 2, b'a', b'b', 2, b'c', b'd']).unwrap()
    else {
        unreachable!()
    };
    let class = c.iter().next().unwrap();
    let inst: Vec<String> = class.instances().unwrap().map(|t| t.to_string()).collect();
    assert_eq!(inst, ["ab", "cd"]);
}

// ---------------------------------------------------------------------------
// values read through accessors: 90, 83, 212, 146, 220
// ---------------------------------------------------------------------------

/// RFC 3118 delayed authentication (protocol 1, HMAC-MD5, counter RDM):
/// replay counter 0x5f3ac2e1, then the secret ID 0x00000102 and the 16-byte
/// HMAC as the information.
const AUTH_90: &[u8] = &[
    1, 1, 0, 0, 0, 0, 0, 0x5f, 0x3a, 0xc2, 0xe1, 0, 0, 1, 2, 0x8a, 0x1b, 0x7c, 0x3d, 0x44, 0x55,
    0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
];

/// RFC 4174: functions, DD access and admin flags with their Enabled bits
/// (and more) set, security enabled, a primary server and a heartbeat
/// address.
const ISNS_83: &[u8] = &[
    0xe0, 0x00, 0xfc, 0x00, 0xc0, 0x00, 0x80, 0x00, 0x00, 0x01, 192, 0, 2, 10, 192, 0, 2, 11,
];

/// RFC 5969: 8 common IPv4 bits, 2001:db8::/32, two border relays.
const SIXRD_212: &[u8] = &[
    8, 32, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 198, 51, 100, 1, 198, 51,
    100, 2,
];

/// RFC 6731: low preference, two servers, "example.com" and
/// "lab.example.com" (the second compressed to a pointer at the first).
const RDNSS_146: &[u8] =
    b"\x18\x0a\x00\x00\x01\x0a\x00\x00\x02\x07example\x03com\x00\x03lab\xc0\x00";

/// RFC 6656: S flag; prefix length 24, subnet information (flags 1,
/// 192.0.2.0/24) and subnet name "lab1".
const SUBNET_220: &[u8] = &[
    0x02, 1, 1, 24, 2, 6, 0x01, 24, 192, 0, 2, 0, 3, 4, b'l', b'a', b'b', b'1',
];

#[test]
fn authentication_accessors() {
    let opt = decode(90, AUTH_90).unwrap();
    let DhcpOption::Authentication(a) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(a.protocol(), 1);
    assert_eq!(a.algorithm(), 1);
    assert_eq!(a.rdm(), 0);
    assert_eq!(a.replay_detection(), 0x5f3a_c2e1);
    assert_eq!(
        a.info(),
        &[
            0, 0, 1, 2, 0x8a, 0x1b, 0x7c, 0x3d, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
            0xcc, 0xdd, 0xee, 0xff
        ]
    );
    assert_eq!(
        opt.to_string(),
        "protocol 1 (delayed authentication), algorithm 1, RDM 0, replay detection \
         0x000000005f3ac2e1, info 00:00:01:02:8a:1b:7c:3d:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff"
    );
    assert_eq!(encode(&opt), AUTH_90);

    // The shortest value: no information; a counter using all 64 bits.
    let short = [3, 1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe];
    let opt = decode(90, &short).unwrap();
    let DhcpOption::Authentication(a) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!((a.protocol(), a.algorithm(), a.rdm()), (3, 1, 0));
    assert_eq!(a.replay_detection(), 0xffff_ffff_ffff_fffe);
    assert_eq!(a.info(), &[] as &[u8]);
    assert_eq!(
        opt.to_string(),
        "protocol 3 (reconfigure key), algorithm 1, RDM 0, replay detection 0xfffffffffffffffe, info "
    );
    assert_eq!(encode(&opt), short);

    // Protocol 0 (RFC 3118 §4): the information is a configuration token.
    let token = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b't', b'o', b'k'];
    let opt = decode(90, &token).unwrap();
    let DhcpOption::Authentication(a) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(
        opt.to_string(),
        "protocol 0 (configuration token), algorithm 0, RDM 0, replay detection \
         0x0000000000000000, info 74:6f:6b"
    );
    assert_eq!(
        format!("{a:?}"),
        "Authentication { protocol: 0, algorithm: 0, rdm: 0, replay_detection: 0, \
         info: [116, 111, 107] }"
    );

    // Each field is its own byte, also for values no RFC defines.
    let odd = [2, 7, 9, 0, 0, 0, 0, 0, 0, 0, 5];
    let opt = decode(90, &odd).unwrap();
    let DhcpOption::Authentication(a) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!((a.protocol(), a.algorithm(), a.rdm()), (2, 7, 9));
    assert_eq!(
        opt.to_string(),
        "protocol 2 (delayed authentication (obsolete)), algorithm 7, RDM 9, replay detection \
         0x0000000000000005, info "
    );
    let unknown = [4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert!(
        decode(90, &unknown)
            .unwrap()
            .to_string()
            .starts_with("protocol 4 (unknown), ")
    );
}

#[test]
fn isns_accessors() {
    let opt = decode(83, ISNS_83).unwrap();
    let DhcpOption::Isns(isns) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(isns.functions(), 0xe000);
    assert_eq!(isns.dd_access(), 0xfc00);
    assert_eq!(isns.admin_flags(), 0xc000);
    assert_eq!(isns.security(), 0x8000_0001);
    let servers = isns.servers();
    assert_eq!(servers.as_bytes(), &ISNS_83[10..]);
    assert_eq!(
        servers.iter().collect::<Vec<_>>(),
        [Ipv4Addr::new(192, 0, 2, 10), Ipv4Addr::new(192, 0, 2, 11)]
    );
    assert_eq!(
        opt.to_string(),
        "functions 0xe000, DD access 0xfc00, admin flags 0xc000, security 0x80000001, \
         servers 192.0.2.10,192.0.2.11"
    );
    assert_eq!(
        format!("{isns:?}"),
        "Isns { functions: 57344, dd_access: 64512, admin_flags: 49152, security: 2147483649, \
         servers: Ipv4List([192, 0, 2, 10, 192, 0, 2, 11]) }"
    );
    assert_eq!(encode(&opt), ISNS_83);
}

#[test]
fn six_rd_accessors() {
    let opt = decode(212, SIXRD_212).unwrap();
    let DhcpOption::SixRd(six) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(six.ipv4_mask_len(), 8);
    assert_eq!(six.prefix_len(), 32);
    assert_eq!(
        six.prefix(),
        "2001:db8::".parse::<std::net::Ipv6Addr>().unwrap()
    );
    assert_eq!(
        six.border_relays().iter().collect::<Vec<_>>(),
        [
            Ipv4Addr::new(198, 51, 100, 1),
            Ipv4Addr::new(198, 51, 100, 2)
        ]
    );
    assert_eq!(six.border_relays().as_bytes(), &SIXRD_212[18..]);
    assert_eq!(
        opt.to_string(),
        "prefix 2001:db8::/32, IPv4 mask length 8, border relays 198.51.100.1,198.51.100.2"
    );
    assert_eq!(
        format!("{six:?}"),
        "SixRd { ipv4_mask_len: 8, prefix_len: 32, prefix: 2001:db8::, \
         border_relays: Ipv4List([198, 51, 100, 1, 198, 51, 100, 2]) }"
    );
    assert_eq!(encode(&opt), SIXRD_212);
    // The lengths at their limits: a mask of 32 bits, a prefix of 128.
    let mut max = SIXRD_212.to_vec();
    max[..2].copy_from_slice(&[32, 128]);
    let DhcpOption::SixRd(six) = decode(212, &max).unwrap() else {
        unreachable!()
    };
    assert_eq!((six.ipv4_mask_len(), six.prefix_len()), (32, 128));
    for (at, bad) in [(0, 33), (1, 129)] {
        let mut over = SIXRD_212.to_vec();
        over[at] = bad;
        assert!(
            matches!(decode(212, &over), Err(Error::InvalidValue { code: 212, offset, .. }) if offset == 242 + at),
            "byte {at} = {bad}"
        );
    }
}

#[test]
fn rdnss_selection_accessors() {
    let opt = decode(146, RDNSS_146).unwrap();
    let DhcpOption::RdnssSelection(r) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(r.flags(), 0x18);
    assert_eq!(r.preference(), "low");
    assert_eq!(r.primary(), Ipv4Addr::new(10, 0, 0, 1));
    assert_eq!(r.secondary(), Ipv4Addr::new(10, 0, 0, 2));
    let domains = r.domains();
    assert_eq!(domains.as_bytes(), &RDNSS_146[9..]);
    let names: Vec<String> = domains.names().map(|n| n.to_string()).collect();
    assert_eq!(names, ["example.com", "lab.example.com"]);
    assert_eq!(
        opt.to_string(),
        "preference low, primary 10.0.0.1, secondary 10.0.0.2, domains example.com, lab.example.com"
    );
    assert!(
        format!("{r:?}").starts_with(
            "RdnssSelection { flags: 24, primary: 10.0.0.1, secondary: 10.0.0.2, domains: "
        ),
        "{r:?}"
    );
    // Encoded as it came, compression pointer included.
    assert_eq!(encode(&opt), RDNSS_146);

    // No domains; the other preferences.
    for (flags, preference) in [(0x08, "high"), (0x00, "medium"), (0x10, "reserved")] {
        let value = [flags, 192, 0, 2, 53, 192, 0, 2, 54];
        let opt = decode(146, &value).unwrap();
        let DhcpOption::RdnssSelection(r) = &opt else {
            panic!("{opt:?}")
        };
        assert_eq!(r.flags(), flags);
        assert_eq!(r.preference(), preference);
        assert_eq!(r.primary(), Ipv4Addr::new(192, 0, 2, 53));
        assert_eq!(r.secondary(), Ipv4Addr::new(192, 0, 2, 54));
        assert!(r.domains().is_empty());
        assert_eq!(
            opt.to_string(),
            format!("preference {preference}, primary 192.0.2.53, secondary 192.0.2.54")
        );
        assert_eq!(encode(&opt), value);
    }
}

#[test]
fn subnet_allocation_accessors() {
    let opt = decode(220, SUBNET_220).unwrap();
    let DhcpOption::SubnetAllocation(s) = &opt else {
        panic!("{opt:?}")
    };
    assert_eq!(s.flags(), 0x02);
    let options = s.options();
    assert_eq!(options.parent(), 220);
    assert_eq!(options.as_bytes(), &SUBNET_220[1..]);
    // Value at 242, so the sub-options start at 243.
    let subs: Vec<SubOption<'_>> = options.map(Result::unwrap).collect();
    assert_eq!(
        subs,
        [
            SubOption {
                code: 1,
                data: &[24],
                offset: 243
            },
            SubOption {
                code: 2,
                data: &[0x01, 24, 192, 0, 2, 0],
                offset: 246
            },
            SubOption {
                code: 3,
                data: b"lab1",
                offset: 254
            },
        ]
    );
    assert_eq!(
        opt.to_string(),
        "flags 0x02; Prefix SubOption 1, length 1: 18; Subnet Information SubOption 2, length 6: \
         01:18:c0:00:02:00; Subnet Name SubOption 3, length 4: \"lab1\""
    );
    assert_eq!(encode(&opt), SUBNET_220);

    // Elsewhere in a message: the sub-option offsets move, the value is
    // still equal.
    let moved = DhcpOption::decode(OptionCode::SUBNET_ALLOCATION, SUBNET_220, 100).unwrap();
    let DhcpOption::SubnetAllocation(m) = &moved else {
        panic!("{moved:?}")
    };
    let offsets: Vec<usize> = m.options().map(|s| s.unwrap().offset).collect();
    assert_eq!(offsets, [103, 106, 114]);
    assert_eq!(moved, opt);

    // Flags alone.
    let full = opt;
    let opt = decode(220, &[0x01]).unwrap();
    let DhcpOption::SubnetAllocation(s) = &opt else {
        panic!("{opt:?}")
    };
    assert_ne!(opt, full);
    assert_ne!(decode(220, &[0x02]).unwrap(), opt);
    assert!(
        format!("{s:?}").starts_with("SubnetAllocation { flags: 1, options: SubOptions {"),
        "{s:?}"
    );
    assert_eq!(s.flags(), 0x01);
    assert_eq!(s.options().count(), 0);
    assert_eq!(opt.to_string(), "flags 0x01");
    assert_eq!(encode(&opt), [0x01]);
}

// ---------------------------------------------------------------------------
// JSON (serde)
// ---------------------------------------------------------------------------

#[cfg(feature = "serde")]
#[test]
fn json_shapes() {
    use serde_json::json;
    let j = |code: u8, data: &[u8]| serde_json::to_value(decode(code, data).unwrap()).unwrap();
    assert_eq!(j(1, &[255, 255, 0, 0]), json!("255.255.0.0"));
    assert_eq!(j(3, &[10, 0, 0, 1]), json!(["10.0.0.1"]));
    assert_eq!(j(51, &[0, 0, 1, 44]), json!(300));
    assert_eq!(j(57, &[2, 64]), json!(576));
    assert_eq!(j(53, &[1]), json!(1));
    assert_eq!(j(55, &[1, 3, 6]), json!([1, 3, 6]));
    assert_eq!(j(12, b"box"), json!("box"));
    assert_eq!(j(61, &[1, 0xaa, 0xbb]), json!({"type": 1, "id": "aabb"}));
    assert_eq!(j(82, &[]), json!([]));
    assert_eq!(
        j(82, &[1, 2, b'r', b'0', 5, 4, 10, 0, 0, 1]),
        json!([
            {"code": 1, "name": "Agent Circuit ID", "data": "7230", "value": "7230"},
            {"code": 5, "name": "Link Selection", "data": "0a000001", "value": "10.0.0.1"}
        ])
    );
    assert_eq!(j(119, b"\x01a\x00\x01b\xc0\x00"), json!(["a", "b.a"]));
    assert_eq!(
        j(121, &[8, 10, 10, 0, 0, 1]),
        json!([{"destination": "10.0.0.0/8", "router": "10.0.0.1"}])
    );
    assert_eq!(j(19, &[1]), json!(true));
    assert_eq!(j(2, &[0xff, 0xff, 0xff, 0xff]), json!(-1));
    assert_eq!(j(224, &[1, 2]), json!("0102"));
    // Every vector has a JSON value that is not null.
    for &(code, data, _) in VECTORS {
        let v = j(code, data);
        assert!(!v.is_null(), "{code}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn json_of_values_read_through_accessors() {
    let j = |code: u8, data: &[u8]| serde_json::to_string(&decode(code, data).unwrap()).unwrap();
    assert_eq!(
        j(90, AUTH_90),
        r#"{"protocol":1,"algorithm":1,"rdm":0,"replay_detection":1597686497,"info":"000001028a1b7c3d445566778899aabbccddeeff"}"#
    );
    assert_eq!(
        j(83, ISNS_83),
        r#"{"functions":57344,"dd_access":64512,"admin_flags":49152,"security":2147483649,"servers":["192.0.2.10","192.0.2.11"]}"#
    );
    assert_eq!(
        j(212, SIXRD_212),
        r#"{"ipv4_mask_len":8,"prefix_len":32,"prefix":"2001:db8::","border_relays":["198.51.100.1","198.51.100.2"]}"#
    );
    assert_eq!(
        j(146, RDNSS_146),
        r#"{"flags":24,"preference":"low","primary":"10.0.0.1","secondary":"10.0.0.2","domains":["example.com","lab.example.com"]}"#
    );
    assert_eq!(
        j(220, SUBNET_220),
        r#"{"flags":2,"options":[{"code":1,"name":"Prefix","data":"18"},{"code":2,"name":"Subnet Information","data":"0118c0000200"},{"code":3,"name":"Subnet Name","data":"6c616231"}]}"#
    );
}

// ---------------------------------------------------------------------------
// real captures
// ---------------------------------------------------------------------------

#[cfg(feature = "capture")]
mod corpus {
    use super::*;

    /// Every option of every message in `file`, RFC 3396-joined, with the
    /// message's option 60.
    fn decoded(file: &str, mut check: impl FnMut(&DhcpOption<'_>, &[u8], Option<&[u8]>)) -> usize {
        let path = format!("{}/testdata/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
        let input = std::fs::read(path).unwrap();
        let mut count = 0;
        for frame in dhcpwire::capture::read(&input).unwrap() {
            let dgram = frame.unwrap();
            let msg = Message::parse(&dgram.payload).unwrap();
            let class = msg
                .option(OptionCode::VENDOR_CLASS_IDENTIFIER)
                .unwrap()
                .and_then(|v| v.as_single());
            let mut codes: Vec<u8> = msg.options().map(|o| o.unwrap().code.0).collect();
            codes.dedup();
            for code in codes {
                let v = msg.option(OptionCode(code)).unwrap().unwrap();
                let raw = v.to_vec();
                let mut scratch = vec![0u8; v.len()];
                let opt = v.decode_with(&mut scratch).unwrap();
                assert_eq!(encode(&opt), raw, "{file}: option {code} round trip");
                check(&opt, &raw, class);
                count += 1;
            }
        }
        count
    }

    #[test]
    fn every_capture_option_decodes_typed_and_round_trips() {
        let dir = format!("{}/testdata/corpus", env!("CARGO_MANIFEST_DIR"));
        let mut seen = BTreeSet::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".pcap") || name.ends_with(".pcapng") {
                decoded(&name, |opt, _, _| {
                    seen.insert(opt.code().0);
                });
            }
        }
        for code in [
            43, 77, 81, 93, 94, 97, 119, 120, 121, 124, 125, 145, 249, 252,
        ] {
            assert!(seen.contains(&code), "{code} not in the corpus");
        }
    }

    #[test]
    fn dnsmasq_pxe_options() {
        let mut found = 0;
        decoded("pxe-dnsmasq-udhcpc.pcap", |opt, raw, class| match opt {
            DhcpOption::VendorSpecific(_) => {
                let v = decode_vendor_specific(raw, 0, class).unwrap();
                if v.is_pxe() {
                    assert_eq!(raw, DNSMASQ_PXE_43);
                    found += 1;
                }
            }
            DhcpOption::ClientSystemArchitecture(a) => {
                assert_eq!(a.iter().collect::<Vec<_>>(), [0]);
                found += 1;
            }
            DhcpOption::ClientNetworkInterfaceId(n) => {
                assert_eq!(n.to_string(), "UNDI 2.1");
                found += 1;
            }
            DhcpOption::ClientMachineId(m) => {
                assert_eq!(m.to_string(), "GUID a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90");
                found += 1;
            }
            _ => {}
        });
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn dhclient_fqdn_search_and_routes() {
        let mut shown = BTreeSet::new();
        decoded(
            "iscdhcpd-dhclient-renew-rebind-release.pcap",
            |opt, _, _| {
                if matches!(
                    opt,
                    DhcpOption::ClientFqdn(_)
                        | DhcpOption::DomainSearch(_)
                        | DhcpOption::ClasslessStaticRoute(_)
                        | DhcpOption::VendorIdentifyingVendorSpecific(_)
                ) {
                    shown.insert(format!("{} {opt}", opt.code().0));
                }
            },
        );
        let all = shown.into_iter().collect::<Vec<_>>().join("\n");
        assert!(
            all.contains("81 [S,E] rcodes 0/0 \"corpus-dhclient.corpus.example.\""),
            "{all}"
        );
        assert!(all.contains("121 10.99.200.0/24 via"), "{all}");
        assert!(
            all.contains("125 enterprise 4491 (CableLabs): [1] 0a:63:02:01 [2] \"abc\""),
            "{all}"
        );
    }

    #[test]
    fn long_option_43_and_119_from_isc_dhcpd() {
        let mut lens = Vec::new();
        decoded(
            "long-options-rfc3396-iscdhcpd-dhclient.pcap",
            |opt, raw, _| {
                if raw.len() > 255 {
                    lens.push((opt.code().0, raw.len()));
                }
            },
        );
        assert!(!lens.is_empty(), "no option over 255 bytes");
    }
}

// ---------------------------------------------------------------------------
// properties: encode(decode(x)) == x on generated valid values
// ---------------------------------------------------------------------------

fn bytes(len: impl Into<proptest::collection::SizeRange>) -> BoxedStrategy<Vec<u8>> {
    proptest::collection::vec(any::<u8>(), len).boxed()
}

fn addrs(min: usize, max: usize) -> BoxedStrategy<Vec<u8>> {
    proptest::collection::vec(any::<[u8; 4]>(), min..=max)
        .prop_map(|v| v.concat())
        .boxed()
}

fn label() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 1..=12)
}

/// A list of names in wire form, later names sometimes ending with a
/// pointer to an earlier name (RFC 3397 compression).
fn names(min: usize, max: usize, compress: bool) -> BoxedStrategy<Vec<u8>> {
    proptest::collection::vec(
        (
            proptest::collection::vec(label(), 0..4),
            any::<bool>(),
            any::<prop::sample::Index>(),
        ),
        min..=max,
    )
    .prop_map(move |list| {
        let mut out = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for (labels, point, which) in list {
            let start = out.len();
            for l in &labels {
                out.push(l.len() as u8);
                out.extend_from_slice(l);
            }
            if compress && point && !starts.is_empty() {
                let target = starts[which.index(starts.len())];
                out.extend_from_slice(&[0xc0 | (target >> 8) as u8, target as u8]);
            } else {
                out.push(0);
            }
            starts.push(start);
        }
        out
    })
    .boxed()
}

/// `code len value` triples.
fn tlvs(min: usize, max: usize) -> BoxedStrategy<Vec<u8>> {
    proptest::collection::vec((any::<u8>(), bytes(0..12)), min..=max)
        .prop_map(|v| {
            let mut out = Vec::new();
            for (c, d) in v {
                out.push(c);
                out.push(d.len() as u8);
                out.extend_from_slice(&d);
            }
            out
        })
        .boxed()
}

fn cat(parts: Vec<BoxedStrategy<Vec<u8>>>) -> BoxedStrategy<Vec<u8>> {
    parts.prop_map(|v| v.concat()).boxed()
}

fn just(b: &[u8]) -> BoxedStrategy<Vec<u8>> {
    Just(b.to_vec()).boxed()
}

fn one_of(values: &[u8]) -> BoxedStrategy<Vec<u8>> {
    proptest::sample::select(values.to_vec())
        .prop_map(|v| vec![v])
        .boxed()
}

/// Valid values of every typed code.
fn valid(code: u8) -> BoxedStrategy<Vec<u8>> {
    match code {
        1 | 16 | 28 | 32 | 50 | 54 | 118 => bytes(4),
        3..=11
        | 41
        | 42
        | 44
        | 45
        | 48
        | 49
        | 65
        | 69..=76
        | 85
        | 89
        | 92
        | 112
        | 136
        | 138
        | 142
        | 148
        | 150 => addrs(1, 20),
        68 => addrs(0, 10),
        12 | 14 | 15 | 17 | 18 | 40 | 43 | 47 | 55 | 56 | 60 | 62 | 64 | 66 | 67 | 77 | 86 | 87
        | 98 | 100 | 101 | 113 | 114 | 145 | 161 | 209 | 210 | 252 => bytes(1..100),
        2 | 24 | 35 | 38 | 51 | 58 | 59 | 91 | 108 | 152..=155 | 211 | 208 => bytes(4),
        13 | 22 | 26 | 57 => bytes(2),
        23 | 37 | 53 | 157 => bytes(1),
        19 | 20 | 27 | 29..=31 | 34 | 36 | 39 | 116 => one_of(&[0, 1]),
        46 => one_of(&[1, 2, 4, 8]),
        52 => one_of(&[1, 2, 3]),
        156 => one_of(&[1, 2, 3, 4, 5, 6, 7, 8]),
        21 | 33 => addrs(1, 10)
            .prop_flat_map(|a| {
                addrs(a.len() / 4, a.len() / 4).prop_map(move |b| {
                    a.chunks(4)
                        .zip(b.chunks(4))
                        .flat_map(|(x, y)| [x, y].concat())
                        .collect()
                })
            })
            .boxed(),
        25 | 93 | 117 => proptest::collection::vec(any::<[u8; 2]>(), 1..10)
            .prop_map(|v| v.concat())
            .boxed(),
        61 => bytes(2..40),
        63 | 82 | 122 | 139 | 140 => tlvs(0, 6),
        78 => cat(vec![one_of(&[0, 1]), addrs(0, 5)]),
        79 => cat(vec![one_of(&[0, 1]), bytes(0..30)]),
        80 => just(&[]),
        81 => prop_oneof![
            cat(vec![one_of(&[0, 1, 3, 8]), bytes(2), bytes(0..40)]),
            cat(vec![one_of(&[4, 5, 0x0e]), bytes(2), names(1, 1, false)]),
            (
                one_of(&[4, 5]),
                bytes(2),
                proptest::collection::vec(label(), 1..4)
            )
                .prop_map(|(f, r, labels)| {
                    let mut v = [f, r].concat();
                    for l in labels {
                        v.push(l.len() as u8);
                        v.extend_from_slice(&l);
                    }
                    v
                })
                .boxed(),
        ]
        .boxed(),
        83 => cat(vec![bytes(10), addrs(1, 4)]),
        88 | 119 | 137 | 141 | 147 | 213 => names(1, 6, true),
        90 => bytes(11..40),
        94 => bytes(3),
        97 => prop_oneof![
            cat(vec![just(&[0]), bytes(16)]),
            cat(vec![one_of(&[1, 2, 255]), bytes(0..20)])
        ]
        .boxed(),
        99 => cat(vec![bytes(3), tlvs(0, 5)]),
        109 | 123 | 144 => bytes(16),
        120 => prop_oneof![
            cat(vec![just(&[0]), names(1, 4, true)]),
            cat(vec![just(&[1]), addrs(1, 5)])
        ]
        .boxed(),
        121 | 249 => proptest::collection::vec((0u8..=32, bytes(4), bytes(4)), 1..8)
            .prop_map(|routes| {
                let mut v = Vec::new();
                for (w, d, r) in routes {
                    v.push(w);
                    v.extend_from_slice(&d[..usize::from(w).div_ceil(8)]);
                    v.extend_from_slice(&r);
                }
                v
            })
            .boxed(),
        124 => proptest::collection::vec((bytes(4), bytes(0..20)), 1..4)
            .prop_map(|e| {
                e.into_iter()
                    .flat_map(|(n, d)| [n, vec![d.len() as u8], d].concat())
                    .collect()
            })
            .boxed(),
        125 => proptest::collection::vec((bytes(4), tlvs(0, 4)), 1..4)
            .prop_map(|e| {
                e.into_iter()
                    .flat_map(|(n, d)| [n, vec![d.len() as u8], d].concat())
                    .collect()
            })
            .boxed(),
        143 => proptest::collection::vec(bytes(1..40), 1..4)
            .prop_map(|u| {
                u.into_iter()
                    .flat_map(|d| [(d.len() as u16).to_be_bytes().to_vec(), d].concat())
                    .collect()
            })
            .boxed(),
        146 => cat(vec![bytes(9), names(0, 3, true)]),
        151 => bytes(1..40),
        158 => proptest::collection::vec(addrs(1, 4), 1..4)
            .prop_map(|l| {
                l.into_iter()
                    .flat_map(|a| [vec![a.len() as u8], a].concat())
                    .collect()
            })
            .boxed(),
        159 => cat(vec![
            (0u8..=15).prop_map(|v| vec![v]).boxed(),
            (0u8..=16).prop_map(|v| vec![v]).boxed(),
            bytes(2),
        ]),
        162 => proptest::collection::vec(
            (
                bytes(2),
                names(1, 1, false),
                proptest::option::of((addrs(1, 3), bytes(0..10))),
            ),
            1..3,
        )
        .prop_map(|insts| {
            let mut v = Vec::new();
            for (prio, adn, rest) in insts {
                let mut i = [prio, vec![adn.len() as u8], adn].concat();
                if let Some((a, p)) = rest {
                    i.push(a.len() as u8);
                    i.extend_from_slice(&a);
                    i.extend_from_slice(&p);
                }
                v.extend_from_slice(&(i.len() as u16).to_be_bytes());
                v.extend_from_slice(&i);
            }
            v
        })
        .boxed(),
        212 => cat(vec![
            (0u8..=32).prop_map(|v| vec![v]).boxed(),
            (0u8..=128).prop_map(|v| vec![v]).boxed(),
            bytes(16),
            addrs(1, 4),
        ]),
        220 => cat(vec![bytes(1), tlvs(0, 4)]),
        221 => prop_oneof![
            cat(vec![just(&[0]), bytes(0..20)]),
            cat(vec![just(&[1]), bytes(7)]),
            just(&[255])
        ]
        .boxed(),
        other => panic!("no strategy for typed code {other}"),
    }
}

fn typed_value() -> impl Strategy<Value = (u8, Vec<u8>)> {
    proptest::sample::select(TYPED_CODES.iter().map(|t| t.code.0).collect::<Vec<_>>())
        .prop_flat_map(|code| valid(code).prop_map(move |v| (code, v)))
}

#[test]
fn every_typed_code_has_a_strategy() {
    for t in TYPED_CODES {
        let _ = valid(t.code.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn decode_then_encode_is_identity((code, value) in typed_value()) {
        let opt = decode(code, &value).map_err(|e| TestCaseError::fail(format!("{code} {value:02x?}: {e}")))?;
        let unknown = matches!(opt, DhcpOption::Unknown { .. });
        prop_assert!(!unknown);
        prop_assert_eq!(opt.value_len(), value.len());
        prop_assert_eq!(encode(&opt), value.clone());
        // Display and the sub-views never panic.
        let _ = opt.to_string();
        if value.len() <= 255 {
            let mut expected = vec![code, value.len() as u8];
            expected.extend_from_slice(&value);
            expected.push(255);
            prop_assert_eq!(built(&opt), expected);
        }
    }

    #[test]
    fn any_bytes_decode_without_panic_and_round_trip_when_ok(code in any::<u8>(), value in bytes(0..300)) {
        if let Ok(opt) = decode(code, &value) {
            prop_assert_eq!(encode(&opt), value.clone());
            let _ = opt.to_string();
        }
    }

    #[test]
    fn decoded_name_lists_reencode_uncompressed_to_the_same_names(value in names(1, 6, true)) {
        let list = DomainList::check(119, &value, 0).unwrap();
        let mut plain = Vec::new();
        list.write_uncompressed(&mut |p| plain.extend_from_slice(p));
        let again = DomainList::check(119, &plain, 0).unwrap();
        prop_assert_eq!(list.names().count(), again.names().count());
        for (a, b) in list.names().zip(again.names()) {
            prop_assert!(a.eq_ignore_case(&b));
            prop_assert_eq!(a.to_string(), b.to_string());
        }
    }
}
