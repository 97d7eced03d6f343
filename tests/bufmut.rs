//! The builder writing into a `bytes::BufMut` (feature `bytes`).
#![cfg(feature = "bytes")]

use bytes::{BufMut, BytesMut};
use dhcpwire::{Error, Message, MessageBuilder, MessageType};

#[test]
fn finish_to_appends_the_same_bytes_as_the_slice_build() {
    let mut scratch = [0u8; 576];
    let mut b = MessageBuilder::new(&mut scratch).unwrap();
    b.xid(0xdead_beef).message_type(MessageType::Inform);
    let mut out = BytesMut::with_capacity(600);
    out.put_slice(b"prefix");
    let n = b.finish_to(&mut out).unwrap();
    assert_eq!(n, 300);
    assert_eq!(&out[..6], b"prefix");
    assert_eq!(&out[6..], &scratch[..300]);
    let msg = Message::parse(&out[6..]).unwrap();
    assert_eq!(msg.xid(), 0xdead_beef);
    assert_eq!(msg.message_type().unwrap(), Some(MessageType::Inform));
}

/// A `BufMut` with exactly the message's room takes it.
#[test]
fn finish_to_a_bufmut_of_exactly_the_length() {
    let mut scratch = [0u8; 576];
    let mut b = MessageBuilder::new(&mut scratch).unwrap();
    b.message_type(MessageType::Discover);
    let mut exact = [0xaau8; 300];
    let mut out: &mut [u8] = &mut exact;
    assert_eq!(b.finish_to(&mut out), Ok(300));
    assert!(out.is_empty());
    assert_eq!(exact[..], scratch[..300]);
}

#[test]
fn finish_to_a_full_bufmut_says_how_much_was_needed() {
    let mut scratch = [0u8; 576];
    let mut b = MessageBuilder::new(&mut scratch).unwrap();
    b.message_type(MessageType::Discover);
    let mut small = [0u8; 100];
    let mut out: &mut [u8] = &mut small;
    assert_eq!(
        b.finish_to(&mut out),
        Err(Error::BufferTooSmall {
            needed: 300,
            available: 100
        })
    );
}
