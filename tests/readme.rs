//! The README's code that rustdoc cannot compile (a cargo-fuzz target, a
//! file of `#[test]`s) is kept verbatim in files that are built: each
//! block after a `<!-- compiled: PATH -->` line must appear in PATH as it
//! is. `fuzz/fuzz_targets/handler.rs` is built by `fuzz/run.sh` (`cargo
//! fuzz build`), `tests/readme_proptest.rs` by `cargo test`.

use std::path::Path;

#[test]
fn readme_blocks_are_the_compiled_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut checked = Vec::new();
    let mut rest = readme.as_str();
    while let Some(at) = rest.find("<!-- compiled: ") {
        let after = &rest[at + "<!-- compiled: ".len()..];
        let (path, after) = after.split_once(" -->").expect("marker ends");
        let after = after.trim_start_matches('\n');
        let body = after
            .strip_prefix("```rust ignore\n")
            .unwrap_or_else(|| panic!("a ```rust ignore block follows the marker for {path}"));
        let (block, tail) = body.split_once("\n```\n").expect("block ends");
        let file = std::fs::read_to_string(root.join(path)).unwrap();
        assert!(
            file.contains(block),
            "the README's block for {path} differs from the file"
        );
        checked.push(path.to_string());
        rest = tail;
    }
    assert_eq!(
        checked,
        ["fuzz/fuzz_targets/handler.rs", "tests/readme_proptest.rs"]
    );
}
