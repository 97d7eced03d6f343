//! `dhcpdump` as an example: the README's main command,
//! `cargo run --release --all-features --example dhcpdump -- [--json] [FILE...]`.
//!
//! The program is the `dhcpdump` binary of the crate (feature `cli`,
//! `cargo install dhcpwire --features cli`); this file only runs it, so the
//! two never differ.

#[path = "../src/bin/dhcpdump.rs"]
mod dhcpdump;

fn main() -> std::process::ExitCode {
    dhcpdump::main()
}
