//! Reading and writing the lists' CBOR maps, which use text keys so that any CBOR tool
//! shows them legibly. Unknown keys are ignored (newer minor fields), duplicates refused.

use alloc::string::String;
use alloc::vec::Vec;
use crate::cbor::{self, Value};

/// A required field was absent or had the wrong type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FieldError(pub &'static str);

pub(crate) struct MapReader(Vec<(String, Value)>);

impl MapReader {
    pub fn new(value: Value, what: &'static str) -> Result<MapReader, FieldError> {
        let Value::Map(entries) = value else { return Err(FieldError(what)) };
        let mut fields: Vec<(String, Value)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let Value::Text(k) = k else { return Err(FieldError(what)) };
            if fields.iter().any(|(seen, _)| *seen == k) {
                return Err(FieldError(what));
            }
            fields.push((k, v));
        }
        Ok(MapReader(fields))
    }

    fn take(&mut self, key: &'static str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(i).1)
    }

    pub fn value(&mut self, key: &'static str) -> Result<Value, FieldError> {
        self.take(key).ok_or(FieldError(key))
    }

    pub fn time(&mut self, key: &'static str) -> Result<i64, FieldError> {
        as_time(self.value(key)?).ok_or(FieldError(key))
    }

    pub fn optional_time(&mut self, key: &'static str) -> Result<Option<i64>, FieldError> {
        self.take(key).map(|v| as_time(v).ok_or(FieldError(key))).transpose()
    }

    pub fn uint(&mut self, key: &'static str) -> Result<u64, FieldError> {
        match self.value(key)? {
            Value::Int(i) => u64::try_from(i).map_err(|_| FieldError(key)),
            _ => Err(FieldError(key)),
        }
    }

    pub fn text(&mut self, key: &'static str) -> Result<String, FieldError> {
        match self.value(key)? {
            Value::Text(t) => Ok(t),
            _ => Err(FieldError(key)),
        }
    }

    pub fn bytes(&mut self, key: &'static str) -> Result<Vec<u8>, FieldError> {
        match self.value(key)? {
            Value::Bytes(b) => Ok(b),
            _ => Err(FieldError(key)),
        }
    }

    pub fn array(&mut self, key: &'static str) -> Result<Vec<Value>, FieldError> {
        match self.value(key)? {
            Value::Array(a) => Ok(a),
            _ => Err(FieldError(key)),
        }
    }
}

fn as_time(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => i64::try_from(i).ok().filter(|t| *t >= 0),
        _ => None,
    }
}

/// Builds a map with text keys in the order given (writers emit keys sorted for stable bytes).
pub(crate) fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(entries.into_iter().map(|(k, v)| (Value::Text(k.into()), v)).collect())
}

pub(crate) fn int(i: i64) -> Value {
    Value::Int(i.into())
}

/// CBOR-encodes a value built from plain parts.
pub(crate) fn encode(value: &Value) -> Vec<u8> {
    cbor::encode(value)
}

/// Decodes one CBOR item that must fill the whole slice.
pub(crate) fn decode(bytes: &[u8]) -> Option<Value> {
    cbor::decode(bytes).ok()
}
