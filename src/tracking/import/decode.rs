//! A CRM export's bytes as UTF-8 text, decided once per file with evidence and decoded as the
//! file streams by (never the whole file in memory).
//!
//! The rule (see README, "CRM import"):
//! - a byte-order mark decides: UTF-8, UTF-16 little- or big-endian;
//! - a file starting with a character and a zero byte (or the reverse) is UTF-16 without one;
//! - otherwise the whole file is scanned: valid UTF-8 is UTF-8. A file with byte sequences
//!   that are not UTF-8 stays UTF-8 when it has at least as many characters that are
//!   (beyond ASCII: `ü` written as two bytes) — a UTF-8 export with a few bytes pasted in from
//!   elsewhere — and those sequences alone are read as Windows-1252, byte by byte, and
//!   reported with their lines. Otherwise the file is Windows-1252 (what Excel writes on a
//!   Dutch laptop), because a Windows-1252 text almost never forms UTF-8 sequences by chance.
//!
//! Lines are counted as the rows reader counts them: `\n`, `\r\n` and a lone `\r` each end one.

use std::io::{self, Read};

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{ImportError, Progress};

/// Bytes read from the file at a time.
pub(super) const CHUNK: usize = 64 * 1024;
/// Lines listed in the note about bytes that are not UTF-8; the others are only counted.
const LISTED_LINES: usize = 5;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How the file's bytes were read as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Windows1252,
    /// UTF-16, little-endian (what Windows calls "Unicode"), with or without a byte-order mark.
    Utf16Le,
    Utf16Be,
}

/// What the scan of a UTF-8 or Windows-1252 file found (empty for UTF-16).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Characters beyond ASCII written as valid UTF-8.
    pub utf8_characters: u64,
    /// Byte sequences that are not UTF-8.
    pub not_utf8: u64,
    /// The lines of the first of them, each line once: at most five.
    pub lines: Vec<u64>,
    /// True when more lines than listed hold bytes that are not UTF-8.
    pub more_lines: bool,
}

/// Reads into `buffer` until it is full or the reader ends; the number of bytes read.
pub(super) fn fill(reader: &mut dyn Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reads the whole stream once and decides how to read it, advancing `progress` by the bytes
/// read; stops when it is cancelled.
pub(super) fn detect(
    reader: &mut dyn Read,
    progress: &Progress,
) -> Result<(Encoding, Evidence), ImportError> {
    let unreadable = |e: io::Error| ImportError::Unreadable {
        reason: e.to_string(),
    };
    let mut buffer = vec![0; CHUNK];
    let mut read = fill(reader, &mut buffer).map_err(unreadable)?;
    let head = &buffer[..read];
    let by_start = match head {
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        [first, 0, ..] if *first != 0 && first.is_ascii() => Some(Encoding::Utf16Le),
        [0, second, ..] if *second != 0 && second.is_ascii() => Some(Encoding::Utf16Be),
        _ => None,
    };
    if let Some(encoding) = by_start {
        return Ok((encoding, Evidence::default()));
    }
    let bom = head.starts_with(UTF8_BOM);
    let mut scan = Scan::default();
    let mut done = 0;
    loop {
        let last = read < buffer.len();
        scan.feed(&buffer[..read], last);
        if last {
            break;
        }
        if progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        done += read as u64;
        progress.set(done);
        read = fill(reader, &mut buffer).map_err(unreadable)?;
    }
    let evidence = scan.evidence;
    let encoding = if bom {
        Encoding::Utf8WithBom
    } else if evidence.not_utf8 == 0 || evidence.utf8_characters >= evidence.not_utf8 {
        Encoding::Utf8
    } else {
        Encoding::Windows1252
    };
    Ok((encoding, evidence))
}

/// Counts line breaks in `bytes` (`\r\n` once), carrying a `\r` at the end to the next call.
pub(super) fn count_breaks(bytes: &[u8], after_cr: &mut bool) -> u64 {
    let mut breaks = 0;
    for &byte in bytes {
        match byte {
            b'\r' => {
                breaks += 1;
                *after_cr = true;
            }
            b'\n' => {
                breaks += u64::from(!*after_cr);
                *after_cr = false;
            }
            _ => *after_cr = false,
        }
    }
    breaks
}

/// The scan of a UTF-8 or Windows-1252 file, chunk by chunk.
#[derive(Default)]
struct Scan {
    evidence: Evidence,
    /// The start of a sequence cut by the end of the last chunk.
    carry: Vec<u8>,
    /// The line the next uncounted byte is on, minus one; counted only while lines are listed.
    breaks: u64,
    after_cr: bool,
}

impl Scan {
    fn feed(&mut self, chunk: &[u8], last: bool) {
        let joined;
        let data = if self.carry.is_empty() {
            chunk
        } else {
            let mut carried = std::mem::take(&mut self.carry);
            carried.extend_from_slice(chunk);
            joined = carried;
            &joined[..]
        };
        // Bytes before `counted` have had their line breaks counted.
        let mut counted = 0;
        let mut at = 0;
        loop {
            match std::str::from_utf8(&data[at..]) {
                Ok(_) => {
                    self.evidence.utf8_characters += non_ascii(&data[at..]);
                    at = data.len();
                    break;
                }
                Err(error) => {
                    let valid_end = at + error.valid_up_to();
                    self.evidence.utf8_characters += non_ascii(&data[at..valid_end]);
                    let length = match error.error_len() {
                        Some(length) => length,
                        None if last => data.len() - valid_end,
                        None => {
                            self.carry = data[valid_end..].to_vec();
                            at = valid_end;
                            break;
                        }
                    };
                    self.not_utf8_at(&data[counted..valid_end]);
                    counted = valid_end;
                    at = valid_end + length;
                }
            }
        }
        if self.listing() {
            self.breaks += count_breaks(&data[counted..at], &mut self.after_cr);
        }
    }

    fn listing(&self) -> bool {
        !self.evidence.more_lines
    }

    /// A sequence that is not UTF-8 after `before` (the bytes since the last one counted).
    fn not_utf8_at(&mut self, before: &[u8]) {
        self.evidence.not_utf8 += 1;
        if !self.listing() {
            return;
        }
        self.breaks += count_breaks(before, &mut self.after_cr);
        // A byte that is not UTF-8 is no line break: a `\r` before it ended its line.
        self.after_cr = false;
        let line = self.breaks + 1;
        let lines = &mut self.evidence.lines;
        if lines.last() != Some(&line) {
            if lines.len() < LISTED_LINES {
                lines.push(line);
            } else {
                self.evidence.more_lines = true;
            }
        }
    }
}

/// The characters beyond ASCII in valid UTF-8: its lead bytes.
fn non_ascii(valid: &[u8]) -> u64 {
    valid.iter().filter(|b| **b >= 0xC0).count() as u64
}

/// Turns the file's bytes into UTF-8 as they stream by, in the encoding [`detect`] decided.
pub(super) enum Decoder {
    /// UTF-8; sequences that are not are read as Windows-1252. `bom` is dropped first.
    Utf8 { carry: Vec<u8>, bom: bool },
    /// Windows-1252 and UTF-16, by the standard's tables.
    Table(encoding_rs::Decoder),
}

impl std::fmt::Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Utf8 { .. } => "Decoder::Utf8",
            Self::Table(_) => "Decoder::Table",
        })
    }
}

impl Decoder {
    pub(super) fn new(encoding: Encoding) -> Self {
        match encoding {
            Encoding::Utf8 => Self::Utf8 {
                carry: Vec::new(),
                bom: false,
            },
            Encoding::Utf8WithBom => Self::Utf8 {
                carry: Vec::new(),
                bom: true,
            },
            Encoding::Windows1252 => Self::Table(WINDOWS_1252.new_decoder_without_bom_handling()),
            Encoding::Utf16Le => Self::Table(UTF_16LE.new_decoder_with_bom_removal()),
            Encoding::Utf16Be => Self::Table(UTF_16BE.new_decoder_with_bom_removal()),
        }
    }

    /// Appends `input` as UTF-8 to `out`; `last` when the file ends with it. The first call
    /// gets at least the first three bytes of the file (a whole byte-order mark).
    pub(super) fn decode(&mut self, input: &[u8], last: bool, out: &mut Vec<u8>) {
        match self {
            Self::Utf8 { carry, bom } => {
                let mut input = input;
                if std::mem::take(bom) {
                    input = input.strip_prefix(UTF8_BOM).unwrap_or(input);
                }
                let joined;
                let data = if carry.is_empty() {
                    input
                } else {
                    let mut carried = std::mem::take(carry);
                    carried.extend_from_slice(input);
                    joined = carried;
                    &joined[..]
                };
                let mut at = 0;
                while at < data.len() {
                    match std::str::from_utf8(&data[at..]) {
                        Ok(_) => {
                            out.extend_from_slice(&data[at..]);
                            break;
                        }
                        Err(error) => {
                            let valid_end = at + error.valid_up_to();
                            out.extend_from_slice(&data[at..valid_end]);
                            let length = match error.error_len() {
                                Some(length) => length,
                                None if last => data.len() - valid_end,
                                None => {
                                    *carry = data[valid_end..].to_vec();
                                    break;
                                }
                            };
                            let (text, _) = WINDOWS_1252
                                .decode_without_bom_handling(&data[valid_end..valid_end + length]);
                            out.extend_from_slice(text.as_bytes());
                            at = valid_end + length;
                        }
                    }
                }
            }
            Self::Table(decoder) => {
                let mut input = input;
                loop {
                    let room = decoder
                        .max_utf8_buffer_length(input.len())
                        .unwrap_or(CHUNK * 4)
                        .max(16);
                    let start = out.len();
                    out.resize(start + room, 0);
                    let (result, read, written, _) =
                        decoder.decode_to_utf8(input, &mut out[start..], last);
                    out.truncate(start + written);
                    input = &input[read..];
                    if result == encoding_rs::CoderResult::InputEmpty {
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(bytes: &[u8]) -> (Encoding, Evidence) {
        let mut reader = bytes;
        match detect(&mut reader, &Progress::default()) {
            Ok(found) => found,
            Err(error) => panic!("{error}"),
        }
    }

    /// Decodes `bytes` in pieces of `size` bytes, as a file read in chunks would be.
    fn decoded_in_pieces(bytes: &[u8], encoding: Encoding, size: usize) -> String {
        let mut decoder = Decoder::new(encoding);
        let mut out = Vec::new();
        let pieces: Vec<&[u8]> = bytes.chunks(size).collect();
        for (i, piece) in pieces.iter().enumerate() {
            decoder.decode(piece, i + 1 == pieces.len(), &mut out);
        }
        if pieces.is_empty() {
            decoder.decode(&[], true, &mut out);
        }
        String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_scan_of_a_large_file_can_be_cancelled() {
        let bytes = vec![b'a'; CHUNK * 3];
        let progress = Progress::default();
        progress.start(bytes.len() as u64);
        progress.cancel();
        let mut reader = &bytes[..];
        assert_eq!(detect(&mut reader, &progress), Err(ImportError::Cancelled));
    }

    #[test]
    fn valid_utf8_is_utf8_and_a_bom_is_said() {
        assert_eq!(detected("a,b\nMünchen\n".as_bytes()).0, Encoding::Utf8);
        assert_eq!(detected(b"\xEF\xBB\xBFa\n").0, Encoding::Utf8WithBom);
        assert_eq!(detected(b"").0, Encoding::Utf8);
    }

    #[test]
    fn a_few_stray_bytes_in_utf8_keep_it_utf8_with_their_lines() {
        // Lines end in \r\n, \r and \n; line 6 holds a lone 0xFC: ü in Windows-1252.
        let mut bytes = "a\r\nMünchen\r\nMünchen\rMünchen\nx\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"M\xFCnchen\n");
        let (encoding, evidence) = detected(&bytes);
        assert_eq!(encoding, Encoding::Utf8);
        assert_eq!(evidence.lines, [6]);
        assert_eq!((evidence.utf8_characters, evidence.not_utf8), (3, 1));
        assert_eq!(
            decoded_in_pieces(&bytes, encoding, 1),
            "a\r\nMünchen\r\nMünchen\rMünchen\nx\nMünchen\n"
        );
    }

    #[test]
    fn more_bytes_that_are_not_utf8_than_utf8_characters_make_windows_1252() {
        let bytes = b"Caf\xE9\r\nna\xEFve\r\n\x80 5\r\n";
        let (encoding, evidence) = detected(bytes);
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(evidence.lines, [1, 2, 3]);
        assert_eq!(
            decoded_in_pieces(bytes, encoding, 2),
            "Café\r\nnaïve\r\n€ 5\r\n"
        );
    }

    #[test]
    fn listed_lines_stop_at_the_limit_and_say_there_are_more() {
        let bytes: Vec<u8> = (0..20).flat_map(|_| *b"\xE9\n").collect();
        let (_, evidence) = detected(&bytes);
        assert_eq!(evidence.lines, [1, 2, 3, 4, 5]);
        assert!(evidence.more_lines);
        assert_eq!(evidence.not_utf8, 20);
    }

    #[test]
    fn a_sequence_cut_by_a_chunk_boundary_is_one_character() {
        let text = "é".repeat(CHUNK);
        let (encoding, evidence) = detected(text.as_bytes());
        assert_eq!((encoding, evidence.not_utf8), (Encoding::Utf8, 0));
        assert_eq!(decoded_in_pieces(text.as_bytes(), encoding, 3), text);
        // A sequence the file ends in the middle of is read as Windows-1252.
        assert_eq!(decoded_in_pieces(b"a\xC3", Encoding::Utf8, 1), "aÃ");
    }

    #[test]
    fn utf16_is_recognised_by_its_mark_or_its_zero_bytes() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Bron\r\nMünchen".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(detected(&le).0, Encoding::Utf16Le);
        assert_eq!(
            decoded_in_pieces(&le, Encoding::Utf16Le, 3),
            "Bron\r\nMünchen"
        );
        let be: Vec<u8> = "Bron".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(detected(&be).0, Encoding::Utf16Be);
        assert_eq!(decoded_in_pieces(&be, Encoding::Utf16Be, 1), "Bron");
    }
}
