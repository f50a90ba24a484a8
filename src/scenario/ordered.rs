//! A map that keeps the order the trainer wrote and refuses duplicate ids.
//!
//! serde's own maps either reorder entries or silently keep the last of two
//! equal keys; a scenario needs neither.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Message prefix of the error raised for a repeated key; the loader maps it to `duplicate-id`.
pub const DUPLICATE_ID: &str = "duplicate id";

/// Entries by id, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<T> {
    entries: Vec<(String, T)>,
    index: HashMap<String, usize>,
}

impl<T> Default for OrderedMap<T> {
    fn default() -> Self {
        OrderedMap {
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> OrderedMap<T> {
    /// The entries, in file order, with their values to change in place.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut T)> {
        self.entries.iter_mut().map(|(id, value)| (&*id, value))
    }

    /// Adds an entry; returns it back if the id is already taken.
    pub fn insert(&mut self, id: String, value: T) -> Result<(), (String, T)> {
        if self.index.contains_key(&id) {
            return Err((id, value));
        }
        self.index.insert(id.clone(), self.entries.len());
        self.entries.push((id, value));
        Ok(())
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).map(|&i| &self.entries[i].1)
    }

    /// The position of the entry with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Whether an entry has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &T)> {
        self.entries.iter().map(|(id, value)| (id, value))
    }

    /// The entry at a position.
    pub fn at(&self, position: usize) -> Option<(&String, &T)> {
        self.entries.get(position).map(|(id, value)| (id, value))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<T> FromIterator<(String, T)> for OrderedMap<T> {
    /// Collects entries; a repeated id keeps the first.
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        let mut map = OrderedMap::default();
        for (id, value) in iter {
            let _ = map.insert(id, value);
        }
        map
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OrderedMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for OrderedVisitor<T> {
            type Value = OrderedMap<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of ids to entries: { \"id\": (...), }")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = OrderedMap::default();
                while let Some(id) = access.next_key::<String>()? {
                    let value = access.next_value::<T>()?;
                    if let Err((id, _)) = map.insert(id, value) {
                        return Err(de::Error::custom(format!("{DUPLICATE_ID} `{id}`")));
                    }
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

impl<T: Serialize> Serialize for OrderedMap<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (id, value) in &self.entries {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}
