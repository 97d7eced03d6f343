//! Zero-allocation proof: a counting global allocator around parse, walk,
//! typed decode, RFC 3396 joins, in-place edits and builds, over every
//! packet in testdata/ and the golden vectors.
#![cfg(feature = "capture")]

use std::hint::black_box;
use std::net::Ipv4Addr;

use dhcpwire::{Message, MessageBuilder, MessageMut, MessageType, OptionCode, builder};

/// Heap allocations (and reallocations) made by `f` on this thread.
fn allocations_during(f: impl FnOnce()) -> u64 {
    allocation_counter::measure(f).count_total
}

fn all_payloads() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
    let mut out = Vec::new();
    for dir in [
        format!("{root}/corpus"),
        format!("{root}/capture"),
        root.to_string(),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.display().to_string();
            if !(name.ends_with(".pcap") || name.ends_with(".pcapng") || name.ends_with(".txt")) {
                continue;
            }
            let frames = dhcpwire::capture::read(&std::fs::read(&p).unwrap())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            for d in frames.into_iter().flatten() {
                out.push((format!("{name} frame {}", d.frame), d.payload));
            }
        }
    }
    out
}

/// Everything the allocation-free paths do with one packet; returns a value
/// derived from all of it so nothing is optimised away. Counts the replies
/// built in `replies`.
fn exercise(bytes: &[u8], edit_copy: &mut [u8], out: &mut [u8], replies: &mut usize) -> usize {
    let mut acc = 0usize;
    let Ok(msg) = Message::parse(bytes) else {
        return 0;
    };
    acc += msg.xid() as usize + msg.chaddr_lossy().len();
    acc += msg
        .message_type()
        .ok()
        .flatten()
        .map_or(0, |t| u8::from(t) as usize);
    acc += msg.peek_message_type().map_or(0, |t| u8::from(t) as usize);
    acc += msg.trailing().map_or(0, <[u8]>::len);
    let _ = msg.for_each_deviation(|d| acc += d.offset);
    let mut scratch = [0u8; 2048];
    for opt in msg.options() {
        let Ok(opt) = opt else { break };
        acc += opt.offset;
        if let Ok(v) = opt.decode() {
            acc += v.value_len();
        }
        if let Ok(Some(value)) = msg.option(opt.code) {
            acc += value.fragment_count();
            if let Ok(v) = value.decode_with(&mut scratch) {
                acc += v.value_len();
            }
            acc += value.fragments().map(|f| f.len()).sum::<usize>();
        }
    }
    // Relay edits in place.
    if let Some(dst) = edit_copy.get_mut(..bytes.len()) {
        dst.copy_from_slice(bytes);
        if let Ok(mut m) = MessageMut::parse(dst) {
            m.set_giaddr(Ipv4Addr::new(10, 0, 0, 1));
            let _ = m.increment_hops();
            if let Ok(v) = m.option_mut(OptionCode::MESSAGE_TYPE) {
                acc += v.len();
            }
        }
    }
    // Re-emit through the builder, and build a reply.
    acc += builder::rebuild(&msg, out).unwrap_or(0);
    if let Ok(mut b) = MessageBuilder::reply_to(&msg, MessageType::Ack, out) {
        // 1500 bytes whatever the request's option 57 says, so the 600-byte
        // option (3 RFC 3396 fragments) fits and the build succeeds.
        if let Ok(n) = b
            .max_size(1500)
            .yiaddr(Ipv4Addr::new(192, 168, 1, 100))
            .server_identifier(Ipv4Addr::new(192, 168, 1, 1))
            .lease_time(300)
            .routers([Ipv4Addr::new(192, 168, 1, 1)])
            .option(OptionCode(224), &[7u8; 600])
            .finish()
        {
            acc += n;
            *replies += 1;
        }
    }
    acc
}

#[test]
fn no_allocation_on_any_path_for_any_testdata_packet() {
    let packets = all_payloads();
    assert!(packets.len() >= 50, "only {} packets", packets.len());
    let mut edit_copy = vec![0u8; 65536];
    let mut out = vec![0u8; 65536];
    // Sanity: the counter sees allocations.
    assert_eq!(allocations_during(|| drop(black_box(vec![1u8; 10]))), 1);
    let mut total = 0;
    let mut replies = 0;
    for (name, bytes) in &packets {
        let n = allocations_during(|| {
            total += exercise(black_box(bytes), &mut edit_copy, &mut out, &mut replies);
        });
        assert_eq!(n, 0, "{name} allocated {n} times");
    }
    assert!(total > 0);
    // The build path was taken for every message with a header.
    let parsed = packets
        .iter()
        .filter(|(_, b)| Message::parse(b).is_ok())
        .count();
    assert_eq!(replies, parsed);
}
