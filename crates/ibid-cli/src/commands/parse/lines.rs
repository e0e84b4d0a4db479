//! Lines read from a stream in large chunks, each end found by a word-at-a-time scan for `\n`.
//! Memory stays at one chunk unless a single line is longer; the buffer then grows to hold it.

use std::io::{self, Read};

/// How many bytes are read at a time.
const CHUNK: usize = 1 << 16;

/// Eight copies of `\n`, for testing eight bytes at once.
const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;

/// Whether some byte of `word` is zero.
const fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(0x0101_0101_0101_0101) & !word & 0x8080_8080_8080_8080 != 0
}

/// The offset of the first `\n` in `bytes`, skipping eight bytes at a time while there is none.
fn find_newline(bytes: &[u8]) -> Option<usize> {
    let mut skipped = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        if has_zero_byte(word ^ NEWLINES) {
            break;
        }
        skipped += 8;
    }
    let rest = bytes.get(skipped..)?;
    rest.iter().position(|&b| b == b'\n').map(|at| skipped + at)
}

/// A reader split into lines on `\n`, reading `CHUNK` bytes at a time.
pub struct Lines<R> {
    reader: R,
    /// The bytes read; `buf[start..end]` are not yet returned.
    buf: Vec<u8>,
    /// Where the next line starts.
    start: usize,
    /// Where the bytes read so far end.
    end: usize,
    /// How far `buf[start..]` has been searched for `\n`, so no byte is searched twice.
    scanned: usize,
    /// Whether the reader has reported the end of input.
    eof: bool,
}

impl<R: Read> Lines<R> {
    /// Lines of `reader`.
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            scanned: 0,
            eof: false,
        }
    }

    /// The next line without its `\n` (a `\r` before it is kept), or `None` at the end of
    /// input. A last line without `\n` is returned as it is; an empty input has no lines.
    pub fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        loop {
            let unscanned = self.buf.get(self.scanned..self.end).unwrap_or_default();
            if let Some(at) = find_newline(unscanned) {
                let (line_start, line_end) = (self.start, self.scanned + at);
                self.start = line_end + 1;
                self.scanned = self.start;
                return Ok(self.buf.get(line_start..line_end));
            }
            self.scanned = self.end;
            if self.eof {
                let line_start = self.start;
                self.start = self.end;
                return Ok(self
                    .buf
                    .get(line_start..self.end)
                    .filter(|line| !line.is_empty()));
            }
            self.fill()?;
        }
    }

    /// Read more bytes, after moving the unfinished line to the front of the buffer (and
    /// doubling the buffer when that line already fills it).
    fn fill(&mut self) -> io::Result<()> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.scanned -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let free = self.buf.get_mut(self.end..).unwrap_or_default();
        let read = loop {
            match self.reader.read(free) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => break result?,
            }
        };
        self.end += read;
        self.eof = read == 0;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes per read, as a pipe may.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            let (now, later) = self.data.split_at(n);
            buf[..n].copy_from_slice(now);
            self.data = later;
            Ok(n)
        }
    }

    fn all_lines(data: &[u8], step: usize) -> Vec<Vec<u8>> {
        let mut lines = Lines::new(Trickle { data, step });
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(line.to_vec());
        }
        out
    }

    /// What `BufRead::read_until(b'\n')` gives, without the `\n`.
    fn expected(data: &[u8]) -> Vec<Vec<u8>> {
        let mut reader = io::BufReader::new(data);
        let mut out = Vec::new();
        loop {
            let mut line = Vec::new();
            if io::BufRead::read_until(&mut reader, b'\n', &mut line).unwrap() == 0 {
                return out;
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            out.push(line);
        }
    }

    #[test]
    fn lines_match_read_until_for_any_read_size() {
        let long = "x".repeat(3 * CHUNK + 17);
        let inputs: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\n".to_vec(),
            b"\n\n".to_vec(),
            b"p. 12\nS. 3".to_vec(),
            b"p. 12\r\n\xff\xfe p. 3\n".to_vec(),
            b"a\n\nb\n".to_vec(),
            format!("short\n{long}\nafter\n{long}").into_bytes(),
            "Л. 5 об.\n".repeat(20_000).into_bytes(),
        ];
        for data in &inputs {
            for step in [1, 3, 8, 1000, usize::MAX] {
                assert_eq!(all_lines(data, step), expected(data), "step {step}");
            }
        }
    }

    #[test]
    fn the_buffer_does_not_grow_with_many_short_lines() {
        let data = "p. 12\n".repeat(100_000).into_bytes();
        let mut lines = Lines::new(&data[..]);
        let mut count = 0;
        while lines.next_line().unwrap().is_some() {
            count += 1;
        }
        assert_eq!(count, 100_000);
        assert_eq!(lines.buf.len(), CHUNK);
    }

    #[test]
    fn newlines_are_found_at_every_offset() {
        for at in 0..40 {
            let mut bytes = vec![b'a'; 40];
            bytes[at] = b'\n';
            assert_eq!(find_newline(&bytes), Some(at));
        }
        assert_eq!(find_newline(&[b'a'; 40]), None);
        assert_eq!(find_newline(b""), None);
    }
}
