//! Values kept per force id, in the order of the ids: what a `BTreeMap<String, V>` would be,
//! as a list kept sorted. The trust store holds a few of these (marks and signed lists, for
//! a few dozen forces at most), and each `BTreeMap` key/value type was its own copy of the
//! map's code in the page's Wasm.

/// Values per force id, sorted by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByForce<V>(Vec<(String, V)>);

impl<V> Default for ByForce<V> {
    fn default() -> Self {
        ByForce(Vec::new())
    }
}

impl<V> ByForce<V> {
    fn find(&self, force: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(f, _)| f.as_str().cmp(force))
    }

    pub fn get(&self, force: &str) -> Option<&V> {
        self.find(force).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, force: &str) -> bool {
        self.find(force).is_ok()
    }

    /// Sets the force's value, replacing any it had.
    pub fn insert(&mut self, force: String, value: V) {
        match self.find(&force) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (force, value)),
        }
    }

    /// The force's value, `value` first if it had none.
    pub fn get_or_insert(&mut self, force: &str, value: V) -> &mut V {
        let i = match self.find(force) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (force.to_owned(), value));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn remove(&mut self, force: &str) {
        if let Ok(i) = self.find(force) {
            self.0.remove(i);
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.0.retain_mut(|(force, value)| keep(force, value));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, value)| value)
    }
}

impl<'a, V> IntoIterator for &'a ByForce<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(pair)
    }
}

fn pair<V>((force, value): &(String, V)) -> (&String, &V) {
    (force, value)
}

/// As `BTreeMap::from`: a later entry for the same force replaces an earlier one.
impl<V, const N: usize> From<[(String, V); N]> for ByForce<V> {
    fn from(entries: [(String, V); N]) -> Self {
        let mut map = ByForce::default();
        for (force, value) in entries {
            map.insert(force, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<V>(map: &ByForce<V>) -> Vec<&str> {
        map.into_iter().map(|(force, _)| force.as_str()).collect()
    }

    #[test]
    fn kept_in_the_order_of_the_ids_one_value_each() {
        let mut map = ByForce::default();
        for (force, value) in [("WMP", 1), ("DEMO", 2), ("MPS", 3), ("DEMO", 4)] {
            map.insert(force.to_owned(), value);
        }
        assert_eq!(ids(&map), ["DEMO", "MPS", "WMP"]);
        assert_eq!((map.get("DEMO"), map.get("XYZ")), (Some(&4), None));
        assert!(map.contains_key("MPS") && !map.contains_key("mps"));
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [4, 3, 1]);
    }

    #[test]
    fn get_or_insert_keeps_what_is_held() {
        let mut map = ByForce::from([("MPS".to_owned(), 5)]);
        *map.get_or_insert("MPS", 9) += 1;
        *map.get_or_insert("BTP", 9) += 1;
        assert_eq!(map, ByForce::from([("BTP".to_owned(), 10), ("MPS".to_owned(), 6)]));
    }

    #[test]
    fn removing_retaining_clearing() {
        let mut map = ByForce::from([("A".to_owned(), 1), ("B".to_owned(), 2), ("C".to_owned(), 3), ("A".to_owned(), 7)]);
        assert_eq!(map.get("A"), Some(&7), "a later entry replaces an earlier one");
        map.remove("B");
        map.remove("Z");
        assert_eq!(ids(&map), ["A", "C"]);
        map.retain(|_, value| *value > 5);
        assert_eq!(ids(&map), ["A"]);
        map.clear();
        assert!(map.is_empty());
    }
}
