//! Lines read from a stream in large chunks, each end found with `memchr`; a line may be at
//! most a given length, so memory stays at one chunk or one longest line, never more.

use std::fmt;
use std::io::{self, Read};

/// How many bytes are read at a time.
const CHUNK: usize = 1 << 16;

/// A line longer than the limit: reading stops there rather than hold it all in memory.
#[derive(Debug)]
pub struct LineTooLong {
    /// The limit, in bytes.
    pub max: usize,
}

impl fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the line is longer than {} MiB", self.max >> 20)
    }
}

impl std::error::Error for LineTooLong {}

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
    /// The `\n` ending the next line, when it has been found already.
    newline: Option<usize>,
    /// Whether the reader has reported the end of input.
    eof: bool,
    /// The longest line accepted, in bytes.
    max_line: usize,
}

impl<R: Read> Lines<R> {
    /// Lines of `reader`, each at most `max_line` bytes long.
    pub fn new(reader: R, max_line: usize) -> Self {
        Lines {
            reader,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            scanned: 0,
            newline: None,
            eof: false,
            max_line,
        }
    }

    /// Find the `\n` ending the next line among the bytes read, if it is there.
    fn find_newline(&mut self) -> Option<usize> {
        if self.newline.is_none() {
            let unscanned = self.buf.get(self.scanned..self.end).unwrap_or_default();
            match memchr::memchr(b'\n', unscanned) {
                Some(at) => self.newline = Some(self.scanned + at),
                None => self.scanned = self.end,
            }
        }
        self.newline
    }

    /// Whether [`Lines::next_line`] must wait for the reader: no whole line is buffered. A
    /// caller answering line by line writes out its answers first, so that whoever feeds a
    /// pipe one line at a time gets each answer before sending the next.
    pub fn must_read(&mut self) -> bool {
        !self.eof && self.find_newline().is_none()
    }

    /// The next line without its `\n` (a `\r` before it is kept), or `None` at the end of
    /// input. A last line without `\n` is returned as it is; an empty input has no lines.
    /// A line longer than the limit is an error of kind `InvalidData` holding [`LineTooLong`].
    // Called once per line from both of `ibid parse`'s loops; left to itself the compiler
    // stops inlining it once there are two callers (2 M instructions per 40,000 lines).
    #[inline(always)]
    pub fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        loop {
            let line_end = self.find_newline();
            let seen = line_end.unwrap_or(self.end) - self.start;
            if seen > self.max_line {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    LineTooLong { max: self.max_line },
                ));
            }
            if let Some(line_end) = line_end {
                let line_start = self.start;
                self.start = line_end + 1;
                self.scanned = self.start;
                self.newline = None;
                return Ok(self.buf.get(line_start..line_end));
            }
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
        let mut lines = Lines::new(Trickle { data, step }, usize::MAX);
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
        let mut lines = Lines::new(&data[..], usize::MAX);
        let mut count = 0;
        while lines.next_line().unwrap().is_some() {
            count += 1;
        }
        assert_eq!(count, 100_000);
        assert_eq!(lines.buf.len(), CHUNK);
    }

    #[test]
    fn a_line_past_the_limit_is_an_error_and_memory_stays_bounded() {
        let max = 4 * CHUNK;
        let data = format!("p. 12\n{}\np. 13\n", "x".repeat(10 * max)).into_bytes();
        let mut lines = Lines::new(&data[..], max);
        assert_eq!(lines.next_line().unwrap(), Some(&b"p. 12"[..]));
        let error = lines.next_line().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(error.get_ref().is_some_and(|e| e.is::<LineTooLong>()));
        assert!(lines.buf.len() <= 2 * max + CHUNK, "{}", lines.buf.len());
        let line = "y".repeat(max);
        let data = format!("{line}\n");
        let mut lines = Lines::new(data.as_bytes(), max);
        assert_eq!(lines.next_line().unwrap(), Some(line.as_bytes()));
        let data = format!("{line}y\n");
        assert!(Lines::new(data.as_bytes(), max).next_line().is_err());
    }

    #[test]
    fn must_read_only_when_no_whole_line_is_buffered() {
        let mut lines = Lines::new(
            Trickle {
                data: b"a\nb\nc",
                step: 4,
            },
            usize::MAX,
        );
        assert!(lines.must_read());
        assert_eq!(lines.next_line().unwrap(), Some(&b"a"[..]));
        // `b\n` came in the same read as `a\n`.
        assert!(!lines.must_read());
        assert_eq!(lines.next_line().unwrap(), Some(&b"b"[..]));
        assert!(lines.must_read());
        assert_eq!(lines.next_line().unwrap(), Some(&b"c"[..]));
        assert_eq!(lines.next_line().unwrap(), None);
        assert!(!lines.must_read());
    }
}
