//! Where an offset in a later stage's output lies in the text a cleaning began with: each
//! stage's applied edits kept as anchors, and an offset mapped back through them in reverse
//! (`pipeline.edits.Locator`).  Offsets are code points, as Python counts them.

/// One stage's applied edits as anchors: where each unchanged stretch starts in the stage's
/// output and in its input, and each replacement's span in the output with where the text
/// it replaced started.
#[derive(Debug, Default)]
struct Layer {
    out_starts: Vec<usize>,
    in_starts: Vec<usize>,
    /// (start in the output, end in the output, start in the input)
    replaced: Vec<(usize, usize, usize)>,
}

impl Layer {
    /// The anchors of `fixes`: (start, end, length of the replacement), in text order.
    fn of(fixes: &[(usize, usize, usize)]) -> Layer {
        let mut layer = Layer {
            out_starts: vec![0],
            in_starts: vec![0],
            replaced: Vec::with_capacity(fixes.len()),
        };
        let mut shift: isize = 0;
        for &(start, end, after) in fixes {
            let out_start = start.saturating_add_signed(shift);
            layer.replaced.push((out_start, out_start + after, start));
            shift += after as isize - (end as isize - start as isize);
            layer.out_starts.push(end.saturating_add_signed(shift));
            layer.in_starts.push(end);
        }
        layer
    }

    /// The input offset of `offset` in the output: inside a replacement, the start of what it
    /// replaced; elsewhere as far into its unchanged stretch.
    fn to_input(&self, offset: usize) -> usize {
        let i = self
            .replaced
            .partition_point(|&(start, _, _)| start <= offset);
        if let Some(&(start, end, input)) = i.checked_sub(1).map(|i| &self.replaced[i]) {
            if start <= offset && offset < end {
                return input;
            }
        }
        let j = self.out_starts.partition_point(|&start| start <= offset) - 1;
        self.in_starts[j] + offset - self.out_starts[j]
    }
}

/// The layers of a cleaning's stages, in the order they applied their edits.
#[derive(Debug, Default)]
pub struct Locator {
    layers: Vec<Layer>,
}

impl Locator {
    /// A stage applied `fixes` ((start, end, length of the replacement), in text order):
    /// later offsets are in its output.  A stage that applied none maps each offset to
    /// itself, and is not kept.
    pub fn push(&mut self, fixes: &[(usize, usize, usize)]) {
        if !fixes.is_empty() {
            self.layers.push(Layer::of(fixes));
        }
    }

    /// Where `offset`, in the last stage's output, lies in the original text.
    pub fn original(&self, offset: usize) -> usize {
        self.layers
            .iter()
            .rev()
            .fold(offset, |offset, layer| layer.to_input(offset))
    }
}

/// A stage's fix as `apply` reads it: its span (code points, `start..end`), the text it
/// expects there, and what it puts in.
pub type Fix<'a> = (usize, usize, &'a str, &'a str);

/// Why a stage's fixes cannot be applied: the fix (by its place among them) that starts
/// before the one ahead of it ended, or whose expected text is not what stands there.
#[derive(Debug, PartialEq, Eq)]
pub enum Unapplied {
    Overlaps(usize),
    Mismatch(usize),
}

/// `text` with `fixes` (in text order) applied, as `pipeline.edits.apply_edits` applies
/// them: each span sliced as Python slices a `str` (clamped to the text, empty where it
/// ends before it starts), and refused where a fix starts before the last one's end or
/// expects other text than stands there.
pub fn apply(text: &str, fixes: &[Fix]) -> Result<String, Unapplied> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut places = Places::new(text);
    // code points of `text` consumed, and the byte they end at
    let (mut cursor, mut consumed) = (0, 0);
    for (index, &(start, end, before, after)) in fixes.iter().enumerate() {
        if start < cursor {
            return Err(Unapplied::Overlaps(index));
        }
        let from = places.byte_of(start);
        let found = if start < end {
            &text[from..places.byte_of(end)]
        } else {
            ""
        };
        if found != before {
            return Err(Unapplied::Mismatch(index));
        }
        out.push_str(&text[consumed.min(from)..from]);
        out.push_str(after);
        (cursor, consumed) = (end, places.byte_of(end));
    }
    out.push_str(&text[consumed..]);
    Ok(out)
}

/// A text's code points found as bytes, walking forward from the last one asked (fixes come
/// in text order: each is found in one walk of the text), or again from the start where
/// one lies behind it.
struct Places<'t> {
    text: &'t str,
    point: usize,
    byte: usize,
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Places<'t> {
        Places {
            text,
            point: 0,
            byte: 0,
        }
    }

    /// The byte where code point `at` starts (the text's end for one past it).
    fn byte_of(&mut self, at: usize) -> usize {
        if at < self.point {
            (self.point, self.byte) = (0, 0);
        }
        let rest = &self.text[self.byte..];
        match rest.char_indices().nth(at - self.point) {
            Some((offset, _)) => {
                self.byte += offset;
                self.point = at;
                self.byte
            }
            None => self.text.len(),
        }
    }
}

/// The 1-based line and column of each of `offsets` (code points, in any order) in `text`,
/// UTF-8 or Python's `surrogatepass` form of it (a lone surrogate is three bytes, one code
/// point, as a character is): lines end at line feeds only, as `edits.LineIndex` reads
/// them, and an offset past the end is on the last line.
pub fn line_columns(text: &[u8], offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    let mut at = 0; // code points before this byte
    for &byte in text {
        if byte & 0xC0 != 0x80 {
            at += 1; // a byte that starts a code point (not a continuation byte)
            if byte == b'\n' {
                starts.push(at);
            }
        }
    }
    offsets
        .iter()
        .map(|&offset| {
            let line = starts.partition_point(|&start| start <= offset);
            (line, offset - starts[line - 1] + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_code_points_from_one() {
        let text = "ab\né\r\n\nx".as_bytes();
        let found = line_columns(text, &[0, 2, 3, 4, 5, 6, 7, 8, 20]);
        let expected = [
            (1, 1),
            (1, 3),
            (2, 1),
            (2, 2),
            (2, 3),
            (3, 1),
            (4, 1),
            (4, 2),
            (4, 14),
        ];
        assert_eq!(found, expected);
        assert!(line_columns(b"", &[]).is_empty());
        assert_eq!(line_columns(b"", &[0]), [(1, 1)]);
        // a lone surrogate as Python's `surrogatepass` writes it: one code point
        assert_eq!(line_columns(b"\xed\xa0\x80\nx", &[1, 2]), [(1, 2), (2, 1)]);
    }

    #[test]
    fn fixes_apply_as_python_slices_a_str() {
        let fixes = [(1, 3, "  ", " "), (4, 4, "", ","), (5, 6, "é", "e")];
        assert_eq!(apply("a  bxé!", &fixes), Ok("a b,xe!".to_owned()));
        assert_eq!(apply("é", &[]), Ok("é".to_owned()));
        // spans past the end are clamped, and one that ends before it starts is empty
        assert_eq!(apply("ab", &[(2, 9, "", "!")]), Ok("ab!".to_owned()));
        assert_eq!(apply("ab", &[(1, 0, "", "x")]), Ok("axab".to_owned()));
        assert_eq!(apply("ab", &[(9, 9, "", "!")]), Ok("ab!".to_owned()));
    }

    #[test]
    fn fixes_that_overlap_or_expect_other_text_are_refused() {
        let overlapping = [(0, 2, "ab", ""), (1, 1, "", "x")];
        assert_eq!(apply("abc", &overlapping), Err(Unapplied::Overlaps(1)));
        assert_eq!(
            apply("abc", &[(0, 1, "b", "")]),
            Err(Unapplied::Mismatch(0))
        );
        assert_eq!(apply("éa", &[(1, 2, "é", "")]), Err(Unapplied::Mismatch(0)));
    }

    #[test]
    fn offsets_map_back_through_each_stage_in_reverse() {
        let mut locator = Locator::default();
        // "a  b" -> "a b" (one space taken out at 1..3), then "a b" -> "a, b" (a comma in)
        locator.push(&[(1, 3, 1)]);
        locator.push(&[(1, 1, 1)]);
        assert_eq!(locator.original(0), 0);
        assert_eq!(locator.original(1), 1); // the comma stands where the spaces began
        assert_eq!(locator.original(2), 1); // the space kept, inside the first replacement
        assert_eq!(locator.original(3), 3); // `b`
        assert_eq!(locator.original(4), 4); // the end
    }

    #[test]
    fn a_stage_without_fixes_changes_no_offset() {
        let mut locator = Locator::default();
        locator.push(&[]);
        assert_eq!(locator.original(7), 7);
        assert!(locator.layers.is_empty());
    }
}
