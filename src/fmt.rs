//! Small formatting adapters shared by the `Display` impls.

use core::fmt;

/// Bytes as lowercase colon-separated hex: `0a:16:36`.
#[derive(Clone, Copy)]
pub(crate) struct Hex<'a>(pub &'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.0, ":", |f, b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Bytes as text: printable ASCII as is, everything else as `\xNN`,
/// quotes and backslashes escaped.
#[derive(Clone, Copy)]
pub(crate) struct Text<'a>(pub &'a [u8]);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in self.0 {
            match b {
                b'"' => f.write_str("\\\"")?,
                b'\\' => f.write_str("\\\\")?,
                0x20..=0x7e => write!(f, "{}", char::from(b))?,
                _ => write!(f, "\\x{b:02x}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// Quoted text when every byte is printable ASCII, hex otherwise.
#[derive(Clone, Copy)]
pub(crate) struct TextOrHex<'a>(pub &'a [u8]);

impl fmt::Display for TextOrHex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.is_empty() && self.0.iter().all(|b| (0x20..=0x7e).contains(b)) {
            write!(f, "\"{}\"", Text(self.0))
        } else {
            write!(f, "{}", Hex(self.0))
        }
    }
}

/// Writes `items` separated by `separator`, each with `each`: the one
/// "list with separators" loop of the `Display` impls.
pub(crate) fn join<T>(
    f: &mut fmt::Formatter<'_>,
    items: impl IntoIterator<Item = T>,
    separator: &str,
    mut each: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        each(f, item)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn hex_text_and_text_or_hex_spell_bytes_exactly() {
        assert_eq!(format!("{}", Hex(&[0x0a, 0x16, 0xff])), "0a:16:ff");
        assert_eq!(format!("{:?}", Hex(&[0x0a, 0x16])), "0a:16");
        assert_eq!(format!("{}", Hex(&[])), "");
        assert_eq!(
            format!("{}", Text(b"a\"b\\c\x00~\x7f ")),
            "a\\\"b\\\\c\\x00~\\x7f "
        );
        assert_eq!(format!("{:?}", Text(b"x\"")), "\"x\\\"\"");
        assert_eq!(format!("{}", TextOrHex(b"pxe")), "\"pxe\"");
        assert_eq!(format!("{}", TextOrHex(b"p\x00")), "70:00");
        assert_eq!(format!("{}", TextOrHex(b"\x7f")), "7f");
        assert_eq!(format!("{}", TextOrHex(b"")), "");
    }
}
