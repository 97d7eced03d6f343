//! `builder::rebuild` must reproduce, byte for byte, every DHCP message whose
//! overload-aware option walk succeeds, and the rebuilt message must walk to
//! the same option instances; and every plain BOOTP message (no cookie, a
//! vendor area).

#![no_main]

use dhcpwire::builder::rebuild;
use dhcpwire::{Area, Message};
use libfuzzer_sys::fuzz_target;

fn walk(msg: &Message<'_>) -> Option<Vec<(u8, Vec<u8>, usize, Area)>> {
    msg.options()
        .map(|o| {
            o.ok()
                .map(|o| (o.code.0, o.data.to_vec(), o.offset, o.area))
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(msg) = Message::parse(data) else {
        return;
    };
    if msg.bootp_vendor_area().is_some() {
        let mut out = vec![0u8; data.len()];
        match rebuild(&msg, &mut out) {
            Ok(n) => assert!(out[..n] == data[..], "rebuilt BOOTP message differs"),
            Err(e) => panic!("rebuild failed on a BOOTP message: {e:?} ({e})"),
        }
        return;
    }
    if msg.cookie().is_err() {
        return;
    }
    let Some(before) = walk(&msg) else {
        return;
    };
    let mut out = vec![0u8; data.len()];
    let n = match rebuild(&msg, &mut out) {
        Ok(n) => n,
        Err(e) => panic!("rebuild failed on a message that walks cleanly: {e:?} ({e})"),
    };
    assert_eq!(n, data.len(), "rebuilt length differs");
    if out[..] != data[..] {
        let at = out.iter().zip(data).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "rebuilt message differs at offset {at}: input {:02x?}, output {:02x?}",
            &data[at..(at + 8).min(data.len())],
            &out[at..(at + 8).min(out.len())]
        );
    }
    let again = Message::parse(&out[..n]).expect("rebuilt message parses");
    let after = walk(&again).expect("rebuilt message walks");
    assert_eq!(before, after, "walks differ");

    // A buffer one byte short must be refused, not overrun.
    if n > 240 {
        let mut short = vec![0u8; n - 1];
        assert!(
            rebuild(&msg, &mut short).is_err(),
            "rebuild fit {n} bytes into {}",
            n - 1
        );
    }
});
