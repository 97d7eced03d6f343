//! Deviations of widely deployed software that a report may leave out.

use core::fmt;

use super::violation::{Rule, Subject, Violation};
use crate::code::{MessageType, OptionCode};
use crate::header::Field;
use crate::message::Message;

/// A deviation from RFC 2131 that widely deployed software makes, which
/// [`Policy::REAL_WORLD`] does not report. Each was seen in the captures of
/// `testdata/corpus` (Debian 12 packages, see its README).
///
/// [`validate`](super::validate) reports everything;
/// [`validate_with`](super::validate_with) and
/// [`Policy::REAL_WORLD`] leave these out, so a monitor can tell "broken"
/// from "the way deployed software has always done it".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KnownDeviation {
    /// ISC dhcpd 4.4 and dnsmasq 2.90 copy the request's `secs` into
    /// DHCPOFFER/DHCPACK; Table 3 says 0 (e.g. `overload-dnsmasq-udhcpc.pcap`
    /// frame 4, `iscdhcpd-udhcpc-dora-release.pcap` frame 4).
    ServerCopiesSecs,
    /// ISC dhcpd 4.4 and Kea 2.2 copy the request's `hops` into replies sent
    /// through a relay; Table 3 says 0 (`relay-dhcrelay-option82-*.pcap`,
    /// `relay-dnsmasq-kea-udhcpc-*.pcap`, `leasequery-iscdhcpd.pcap`).
    ServerCopiesHopsIntoRelayedReply,
    /// busybox udhcpc 1.35 and systemd-networkd 252 send DHCPRELEASE with a
    /// non-zero `secs`; Table 5 says 0 (`*-udhcpc-*release*.pcap`,
    /// `kea-systemd-networkd-dora-release.pcap` frame 5).
    SecsInRelease,
    /// ISC dhclient 4.4 sends its host name (12), lease time (51), vendor
    /// class (60), user class (77) and FQDN (81) in DHCPRELEASE, where
    /// Table 5 says "all others MUST NOT" (`*-dhclient-*release*.pcap`).
    ClientOptionsInRelease,
    /// systemd-networkd 252 and dhcping send DHCPRELEASE without option
    /// 54, which Table 5 requires (`kea-systemd-networkd-dora-release.pcap`
    /// frame 5, `dhcping-*.pcap`).
    ReleaseWithoutServerIdentifier,
    /// dhcping sends a DHCPREQUEST with `ciaddr` (RENEWING) that also
    /// carries option 50, which Table 5 forbids in that state
    /// (`dhcping-iscdhcpd-request-inform.pcap` frame 1,
    /// `dhcping-kea-inform-request.pcap` frame 3).
    RequestedAddressWhileRenewing,
    /// dnsmasq 2.90, ISC dhcpd 4.4 and busybox udhcpd 1.35 do not echo the
    /// client identifier (61) as RFC 6842 §3 requires (of the servers in
    /// the corpus only Kea 2.2 does); seen by
    /// [`validate_reply`](super::validate_reply).
    ClientIdentifierNotEchoed,
}

impl KnownDeviation {
    /// Every known deviation.
    pub const ALL: &'static [KnownDeviation] = &[
        KnownDeviation::ServerCopiesSecs,
        KnownDeviation::ServerCopiesHopsIntoRelayedReply,
        KnownDeviation::SecsInRelease,
        KnownDeviation::ClientOptionsInRelease,
        KnownDeviation::ReleaseWithoutServerIdentifier,
        KnownDeviation::RequestedAddressWhileRenewing,
        KnownDeviation::ClientIdentifierNotEchoed,
    ];

    /// A stable snake-case name.
    pub const fn name(self) -> &'static str {
        match self {
            KnownDeviation::ServerCopiesSecs => "server_copies_secs",
            KnownDeviation::ServerCopiesHopsIntoRelayedReply => {
                "server_copies_hops_into_relayed_reply"
            }
            KnownDeviation::SecsInRelease => "secs_in_release",
            KnownDeviation::ClientOptionsInRelease => "client_options_in_release",
            KnownDeviation::ReleaseWithoutServerIdentifier => "release_without_server_identifier",
            KnownDeviation::RequestedAddressWhileRenewing => "requested_address_while_renewing",
            KnownDeviation::ClientIdentifierNotEchoed => "client_identifier_not_echoed",
        }
    }

    /// Whether `v`, found in `msg`, is this deviation.
    pub fn matches(self, v: &Violation, msg: &Message<'_>) -> bool {
        let t = v.message_type;
        let reply = matches!(t, Some(MessageType::Offer | MessageType::Ack));
        let release = t == Some(MessageType::Release);
        match self {
            KnownDeviation::ClientIdentifierNotEchoed => {
                (v.rule, v.subject)
                    == (
                        Rule::NotCopied,
                        Subject::Option(OptionCode::CLIENT_IDENTIFIER),
                    )
                    && msg
                        .option(OptionCode::CLIENT_IDENTIFIER)
                        .ok()
                        .flatten()
                        .is_none()
            }
            KnownDeviation::ServerCopiesSecs => {
                reply && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Secs))
            }
            KnownDeviation::ServerCopiesHopsIntoRelayedReply => {
                reply
                    && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Hops))
                    && !msg.giaddr().is_unspecified()
            }
            KnownDeviation::SecsInRelease => {
                release && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Secs))
            }
            KnownDeviation::ClientOptionsInRelease => {
                release
                    && v.rule == Rule::NotAllowed
                    && matches!(
                        v.subject,
                        Subject::Option(OptionCode(12 | 51 | 60 | 77 | 81))
                    )
            }
            KnownDeviation::ReleaseWithoutServerIdentifier => {
                release
                    && (v.rule, v.subject)
                        == (
                            Rule::Missing,
                            Subject::Option(OptionCode::SERVER_IDENTIFIER),
                        )
            }
            KnownDeviation::RequestedAddressWhileRenewing => {
                t == Some(MessageType::Request)
                    && !msg.ciaddr().is_unspecified()
                    && (v.rule, v.subject)
                        == (
                            Rule::NotAllowed,
                            Subject::Option(OptionCode::REQUESTED_IP_ADDRESS),
                        )
            }
        }
    }
}

impl fmt::Display for KnownDeviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which violations to leave out of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Deviations not reported.
    pub allow: &'static [KnownDeviation],
}

impl Policy {
    /// Report everything.
    pub const STRICT: Policy = Policy { allow: &[] };
    /// Leave out every [`KnownDeviation`].
    pub const REAL_WORLD: Policy = Policy {
        allow: KnownDeviation::ALL,
    };

    /// The allowed deviation `v` is, if any.
    pub fn allowed(&self, v: &Violation, msg: &Message<'_>) -> Option<KnownDeviation> {
        self.allow.iter().copied().find(|d| d.matches(v, msg))
    }
}
