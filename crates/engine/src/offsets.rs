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
