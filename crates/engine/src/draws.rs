//! A fixed generator of numbers for the tests that draw many inputs (tokens, texts, points):
//! the same draws on every run, so a failure is met again.  Not for anything but tests.

/// A linear congruential generator (Knuth's MMIX constants), read from its high bits.
pub(crate) struct Draws(u64);

impl Draws {
    pub(crate) fn new(seed: u64) -> Draws {
        Draws(seed)
    }

    /// A number below `bound` (at least 1).
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        ((self.0 >> 33) % bound as u64) as usize
    }
}
