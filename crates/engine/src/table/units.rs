//! A trie's units walked a byte at a step (see `WordMap::values_after_into`).

use yada::unit::Unit;

/// Whether a byte continues a UTF-8 character rather than starting one.
pub(super) fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// A trie's units, walked a byte at a step: yada's layout (`yada::unit`), read with every
/// index checked, so that a walk asks for the values it needs and no more (yada's own
/// prefix walk reads every prefix's).
#[derive(Clone, Copy)]
pub(super) struct Units<'a>(pub(super) &'a [u8]);

impl Units<'_> {
    /// The root's index.
    const ROOT: u32 = 0;

    fn unit(self, index: u32) -> Option<Unit> {
        let at = usize::try_from(index).ok()?.checked_mul(4)?;
        let bytes: [u8; 4] = self.0.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(Unit::from_u32(u32::from_le_bytes(bytes)))
    }

    /// The root: where every walk starts.
    pub(super) fn root(self) -> Option<(u32, Unit)> {
        Some((Self::ROOT, self.unit(Self::ROOT)?))
    }

    /// The node after `byte` from `node` (its unit `unit`), if a key goes on so.  A leaf's
    /// label holds its leaf bit, so no byte steps onto one; but an unused unit is all zero,
    /// its label a NUL's, and no key holds a NUL: a walk ends at one.
    pub(super) fn child(self, node: u32, unit: Unit, byte: u8) -> Option<(u32, Unit)> {
        if byte == 0 {
            return None;
        }
        let index = unit.offset() ^ node ^ u32::from(byte);
        let child = self.unit(index)?;
        (child.label() == u32::from(byte)).then_some((index, child))
    }

    /// The node at the end of `key` from `at` (a node and its unit), if a key goes on so.
    pub(super) fn walk(self, at: (u32, Unit), key: &[u8]) -> Option<(u32, Unit)> {
        key.iter()
            .try_fold(at, |(node, unit), &byte| self.child(node, unit, byte))
    }

    /// The value index of the key that ends at `node`, if one does.
    pub(super) fn leaf(self, node: u32, unit: Unit) -> Option<u32> {
        if !unit.has_leaf() {
            return None;
        }
        let leaf = self.unit(unit.offset() ^ node)?;
        leaf.is_leaf().then(|| leaf.value())
    }
}
