//! Storage in the page's memory: where the browser's cannot be used, the session list still
//! works while the page is open. It can also be told to refuse calls, to fill up, and be
//! shared by two stores (two tabs of one browser), for the tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{KeyValue, StorageError};

/// Texts by key in memory. A clone is another handle on the same texts.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    items: BTreeMap<String, String>,
    /// The most characters of keys and values held, as a browser's quota.
    quota: Option<usize>,
    refusing: bool,
}

impl Memory {
    /// Empty, with no limit.
    pub fn new() -> Self {
        Memory::default()
    }

    /// Empty, holding at most `characters` of keys and values together.
    pub fn with_quota(characters: usize) -> Self {
        let memory = Memory::default();
        memory.inner.borrow_mut().quota = Some(characters);
        memory
    }

    /// Makes every later call fail as refused storage does (or work again).
    pub fn refuse(&self, refusing: bool) {
        self.inner.borrow_mut().refusing = refusing;
    }

    fn check(&self) -> Result<(), StorageError> {
        match self.inner.borrow().refusing {
            true => Err(StorageError::Refused),
            false => Ok(()),
        }
    }
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.inner.borrow().items.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        let mut inner = self.inner.borrow_mut();
        if let Some(quota) = inner.quota {
            let size = |k: &str, v: &str| k.chars().count() + v.chars().count();
            let others: usize = inner
                .items
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| size(k, v))
                .sum();
            if others + size(key, value) > quota {
                return Err(StorageError::Full);
            }
        }
        inner.items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.inner.borrow_mut().items.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.inner.borrow().items.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_refuses_and_fills_up() {
        let m = Memory::with_quota(10);
        assert_eq!(m.set("ab", "cdef"), Ok(()));
        assert_eq!(m.get("ab"), Ok(Some("cdef".into())));
        // Replacing a value counts only the new one.
        assert_eq!(m.set("ab", "12345678"), Ok(()));
        assert_eq!(m.set("x", "y"), Err(StorageError::Full));
        assert_eq!(m.get("x"), Ok(None));
        let other = m.clone();
        other.remove("ab").expect("removes");
        assert_eq!(m.keys(), Ok(vec![]));
        m.refuse(true);
        assert_eq!(other.get("ab"), Err(StorageError::Refused));
        assert_eq!(other.set("a", "b"), Err(StorageError::Refused));
        m.refuse(false);
        assert_eq!(other.set("a", "b"), Ok(()));
    }
}
