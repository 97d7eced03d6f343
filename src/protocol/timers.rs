//! Lease timing: T1/T2 defaults, their order, and the instants of a lease
//! (RFC 2131 §4.4.5).

use core::time::Duration;

use super::violation::{Rule, Subject, Violation};
use super::{INFINITE, SEC_TIMERS};
use crate::code::OptionCode;
use crate::message::Message;

/// A lease's duration and its T1 (renew) and T2 (rebind) times, in seconds
/// from the moment the lease was granted (RFC 2131 §4.4.5). [`INFINITE`]
/// (0xffffffff) means "never".
///
/// ```
/// use dhcpwire::protocol::{INFINITE, LeaseTimers};
/// use std::time::Duration;
/// let t = LeaseTimers::new(3600);
/// assert_eq!((t.t1, t.t2), (1800, 3150)); // 0.5 and 0.875 of the lease
/// let granted = Duration::from_secs(1_000);
/// assert_eq!(t.renew_at(granted), Some(Duration::from_secs(2_800)));
/// assert_eq!(t.rebind_at(granted), Some(Duration::from_secs(4_150)));
/// assert_eq!(t.expires_at(granted), Some(Duration::from_secs(4_600)));
/// assert_eq!(LeaseTimers::new(INFINITE).renew_at(granted), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LeaseTimers {
    /// Option 51.
    pub lease: u32,
    /// Option 58, or 0.5 × lease.
    pub t1: u32,
    /// Option 59, or 0.875 × lease.
    pub t2: u32,
}

/// T1 when option 58 is absent: 0.5 × `lease`, rounded down (so T1 is
/// below the lease unless the lease is 0); [`INFINITE`] for an infinite
/// lease.
pub const fn default_t1(lease: u32) -> u32 {
    if lease == INFINITE {
        INFINITE
    } else {
        lease / 2
    }
}

/// T2 when option 59 is absent: 0.875 × `lease`, rounded down, computed
/// without overflow; [`INFINITE`] for an infinite lease.
pub const fn default_t2(lease: u32) -> u32 {
    if lease == INFINITE {
        INFINITE
    } else {
        // lease - lease/8 rounded up = floor(7 * lease / 8)
        lease - lease.div_ceil(8)
    }
}

impl LeaseTimers {
    /// A lease with the default T1 and T2.
    pub const fn new(lease: u32) -> Self {
        LeaseTimers {
            lease,
            t1: default_t1(lease),
            t2: default_t2(lease),
        }
    }

    /// A lease with T1/T2 given or defaulted.
    pub const fn with(lease: u32, t1: Option<u32>, t2: Option<u32>) -> Self {
        LeaseTimers {
            lease,
            t1: match t1 {
                Some(v) => v,
                None => default_t1(lease),
            },
            t2: match t2 {
                Some(v) => v,
                None => default_t2(lease),
            },
        }
    }

    /// The timers of a DHCPACK/DHCPOFFER (options 51, 58, 59); `None`
    /// without a valid option 51.
    pub fn from_message(msg: &Message<'_>) -> Option<Self> {
        let timer = |code| msg.fixed::<u32>(code).ok().flatten();
        Some(Self::with(
            timer(OptionCode::LEASE_TIME)?,
            timer(OptionCode::RENEWAL_TIME),
            timer(OptionCode::REBINDING_TIME),
        ))
    }

    /// Whether the lease never expires.
    pub const fn is_infinite(&self) -> bool {
        self.lease == INFINITE
    }

    /// Whether T1 < T2 < lease ([`INFINITE`] counting as "never", after
    /// every finite time). The defaults satisfy it for every lease of at
    /// least 3 seconds (rounded down, 1 and 2 seconds give T1 = T2).
    pub const fn is_ordered(&self) -> bool {
        before(self.t1, self.t2) && before(self.t2, self.lease)
    }

    /// [`is_ordered`](Self::is_ordered) as a result naming the rule.
    ///
    /// # Errors
    /// A [`Rule::TimerOrder`] violation (SHOULD, RFC 2131 §4.4.5).
    pub fn check(&self) -> Result<(), Violation> {
        if self.is_ordered() {
            Ok(())
        } else {
            Err(Violation::should(
                Rule::TimerOrder {
                    t1: Some(self.t1),
                    t2: Some(self.t2),
                    lease: Some(self.lease),
                },
                Subject::Option(OptionCode::RENEWAL_TIME),
                SEC_TIMERS,
            ))
        }
    }

    fn at(granted: Duration, secs: u32) -> Option<Duration> {
        if secs == INFINITE {
            return None;
        }
        granted.checked_add(Duration::from_secs(u64::from(secs)))
    }

    /// When the client enters RENEWING: `granted` + T1; `None` for never.
    pub fn renew_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.t1)
    }

    /// When the client enters REBINDING: `granted` + T2; `None` for never.
    pub fn rebind_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.t2)
    }

    /// When the lease expires: `granted` + lease; `None` for never.
    pub fn expires_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.lease)
    }

    /// What the client should be doing at `now` for a lease granted at
    /// `granted`.
    pub fn phase(&self, granted: Duration, now: Duration) -> LeasePhase {
        let reached = |t: Option<Duration>| t.is_some_and(|t| now >= t);
        if reached(self.expires_at(granted)) {
            LeasePhase::Expired
        } else if reached(self.rebind_at(granted)) {
            LeasePhase::Rebinding
        } else if reached(self.renew_at(granted)) {
            LeasePhase::Renewing
        } else {
            LeasePhase::Bound
        }
    }
}

/// The client state a lease puts it in at a given time (RFC 2131 §4.4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeasePhase {
    /// Before T1.
    Bound,
    /// From T1: unicast DHCPREQUEST to the server.
    Renewing,
    /// From T2: broadcast DHCPREQUEST to any server.
    Rebinding,
    /// From the lease's end: the address must no longer be used.
    Expired,
}

/// `a < b` where [`INFINITE`] is +∞ and ∞ < ∞ holds ("never" after
/// "never" is no contradiction).
pub(crate) const fn before(a: u32, b: u32) -> bool {
    a < b || (a == INFINITE && b == INFINITE)
}

/// T1 before T2 before the lease, by [`before`], for the timers present.
#[inline]
pub(crate) fn timers_ordered(t1: Option<u32>, t2: Option<u32>, lease: Option<u32>) -> bool {
    // The common case first: all three set, finite and strictly ordered.
    if let (Some(t1), Some(t2), Some(lease)) = (t1, t2, lease) {
        if t1 < t2 && t2 < lease {
            return true;
        }
    }
    let pairs = [(t1, t2), (t2, lease), (t1, lease)];
    pairs.iter().all(|p| match p {
        (Some(a), Some(b)) => before(*a, *b),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-compare form agrees with `before` over every pair of
    /// present timers, for the values where the mapping could slip: 0, 1,
    /// the largest finite times and INFINITE, each present or absent.
    #[test]
    fn timers_ordered_is_before_on_every_present_pair() {
        let values = [
            None,
            Some(0),
            Some(1),
            Some(2),
            Some(INFINITE - 2),
            Some(INFINITE - 1),
            Some(INFINITE),
        ];
        let pair = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(a), Some(b)) => before(a, b),
            _ => true,
        };
        let mut ordered = 0;
        for t1 in values {
            for t2 in values {
                for lease in values {
                    let want = pair(t1, t2) && pair(t2, lease) && pair(t1, lease);
                    assert_eq!(
                        timers_ordered(t1, t2, lease),
                        want,
                        "{t1:?} {t2:?} {lease:?}"
                    );
                    ordered += usize::from(want);
                }
            }
        }
        // Both answers occur (343 combinations in all).
        assert_eq!(ordered, 93);
    }
}
