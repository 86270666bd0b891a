//! Undo and redo as in every editor: each change records the state before it; undo steps back,
//! redo steps forward again, and a new change after some undos drops what could be redone (it
//! belongs to a future that no longer exists).

use std::collections::VecDeque;

/// The undo and redo stacks of one document.
#[derive(Clone, Debug)]
pub struct History<T> {
    undos: VecDeque<T>,
    redos: Vec<T>,
    limit: usize,
}

impl<T> History<T> {
    /// A history that keeps the last `limit` changes (the oldest are forgotten first).
    pub fn new(limit: usize) -> Self {
        Self {
            undos: VecDeque::new(),
            redos: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records a change: `before` is the state just before it. Nothing can be redone after it.
    pub fn record(&mut self, before: T) {
        if self.undos.len() == self.limit {
            self.undos.pop_front();
        }
        self.undos.push_back(before);
        self.redos.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undos.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redos.is_empty()
    }

    /// Replaces `current` by the state before the last change; false when there is none.
    pub fn undo(&mut self, current: &mut T) -> bool {
        let Some(before) = self.undos.pop_back() else {
            return false;
        };
        self.redos.push(std::mem::replace(current, before));
        true
    }

    /// Replaces `current` by the state the last undo left; false when there is none.
    pub fn redo(&mut self, current: &mut T) -> bool {
        let Some(after) = self.redos.pop() else {
            return false;
        };
        self.undos.push_back(std::mem::replace(current, after));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_change_after_undo_leaves_nothing_to_redo() {
        let mut history = History::new(10);
        let mut text = "a".to_owned();
        history.record(std::mem::replace(&mut text, "b".into()));
        assert!(history.undo(&mut text));
        assert_eq!(text, "a");
        history.record(std::mem::replace(&mut text, "c".into()));
        assert!(!history.can_redo());
        assert!(!history.redo(&mut text));
        assert_eq!(text, "c");
        assert!(history.undo(&mut text));
        assert_eq!(text, "a");
        assert!(history.redo(&mut text));
        assert_eq!(text, "c");
    }

    #[test]
    fn keeps_only_the_last_changes() {
        let mut history = History::new(2);
        let mut n = 0;
        for next in 1..=3 {
            history.record(std::mem::replace(&mut n, next));
        }
        assert!(history.undo(&mut n) && history.undo(&mut n));
        assert_eq!(n, 1);
        assert!(!history.undo(&mut n));
    }
}
