//! The simulators' bounded memory: each keeps at most [`MAX_KEPT`] records, the oldest dropped,
//! so a simulator left reachable on a shared development machine cannot be used to fill it.

use std::collections::VecDeque;

/// Records (payments, parcels, credits, messages, codes) each simulator keeps at most.
pub const MAX_KEPT: usize = 200;

/// A first-in, first-out memory of at most a fixed number of records: pushing one more drops
/// the oldest.
#[derive(Clone, Debug)]
pub struct Bounded<T> {
    items: VecDeque<T>,
    capacity: usize,
}

impl<T> Default for Bounded<T> {
    fn default() -> Self {
        Bounded::with_capacity(MAX_KEPT)
    }
}

impl<T> Bounded<T> {
    /// A memory of at most `capacity` records (at least one).
    pub fn with_capacity(capacity: usize) -> Bounded<T> {
        Bounded {
            items: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Keeps `item`; returns the oldest record when it had to be dropped.
    pub fn push(&mut self, item: T) -> Option<T> {
        let dropped = if self.items.len() >= self.capacity {
            self.items.pop_front()
        } else {
            None
        };
        self.items.push_back(item);
        dropped
    }

    /// The records, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.items.iter()
    }

    /// The records, oldest first, to change in place.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.items.iter_mut()
    }

    /// How many records are kept.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_record_is_dropped() {
        let mut kept = Bounded::with_capacity(3);
        for i in 0..3 {
            assert_eq!(kept.push(i), None);
        }
        assert_eq!(kept.push(3), Some(0));
        assert_eq!(kept.iter().copied().collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(kept.len(), 3);
    }
}
