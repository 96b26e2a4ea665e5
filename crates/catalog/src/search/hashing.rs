//! The hashing helpers of the index build: a fast hash map and the vocabulary it interns.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The id of a token in the vocabulary, adding it if it is new: the only allocation per
/// distinct token.
pub(super) fn intern(vocabulary: &mut FastMap<String, u32>, token: &str) -> u32 {
    if let Some(&id) = vocabulary.get(token) {
        return id;
    }
    let id = vocabulary.len() as u32;
    vocabulary.insert(token.to_string(), id);
    id
}

/// A hash map with a fast, non-cryptographic hash: the index is built from a catalog
/// the app already trusts to be data, and SipHash's flood resistance buys nothing here.
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc's FxHasher, a word at a time.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
