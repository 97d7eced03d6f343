//! The capture readers (pcap, pcapng, tcpdump text, hex lines) on arbitrary
//! input, then the message parser and walk on every datagram they return.

#![no_main]

use dhcpwire::Message;
use dhcpwire::capture::{self, CaptureOptions, Frames, LinkType};
use libfuzzer_sys::fuzz_target;

const LINKS: [LinkType; 6] = [
    LinkType::Ethernet,
    LinkType::Raw,
    LinkType::LinuxSll,
    LinkType::LinuxSll2,
    LinkType::Null,
    LinkType::Loop,
];

fn parse_payload(payload: &[u8]) {
    if let Ok(msg) = Message::parse(payload) {
        for opt in msg.options() {
            match opt {
                Ok(o) => {
                    let _ = o.decode();
                }
                // Truncation errors point at the end of the input (offset == len).
                Err(e) => assert!(e.offset() <= payload.len(), "{e:?}"),
            }
        }
        let _ = msg.message_type();
        let _ = msg.to_string();
    }
}

fn check_frames(frames: &Frames) {
    let mut last = 0usize;
    for f in frames {
        let n = match f {
            Ok(d) => {
                parse_payload(&d.payload);
                let _ = format!("{d:?}");
                d.frame
            }
            Err(e) => {
                let _ = e.to_string();
                e.frame
            }
        };
        assert!(n > last, "frame numbers not increasing: {n} after {last}");
        last = n;
    }
}

fuzz_target!(|data: &[u8]| {
    match capture::read(data) {
        Ok(frames) => check_frames(&frames),
        Err(e) => {
            let _ = e.to_string();
        }
    }
    // The same bytes as one raw frame of every link type, and as text with
    // each forced link type (the first byte picks one).
    for link in LINKS {
        match capture::decode_frame(link, data, 1, &CaptureOptions::default()) {
            Ok(d) => {
                assert_eq!(d.frame, 1);
                assert!(d.payload.len() <= data.len());
                parse_payload(&d.payload);
            }
            Err(e) => {
                assert_eq!(e.frame, 1);
                let _ = e.to_string();
            }
        }
    }
    if let Some((&first, rest)) = data.split_first() {
        let link = LINKS[usize::from(first) % LINKS.len()];
        let opts = CaptureOptions::new().link_type(link).ports([67, 68, 6767]);
        if let Ok(frames) = capture::read_as(rest, capture::Format::TcpdumpText, &opts) {
            check_frames(&frames);
        }
    }
});
