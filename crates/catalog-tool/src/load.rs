//! Reading a published catalog from disk whole: a single file, or a top file and the
//! shards it lists, put together by the core's [`Assembly`] exactly as the app puts them
//! together (each shard's SHA-256 and region checked, every record read by the core's
//! parser).

use std::path::Path;

use catalog::{parse_catalog, sha256_hex, Assembly, Catalog, Problem, Skipped};

/// A catalog read whole, with what the parser skipped or dropped on the way.
#[derive(Debug, Clone)]
pub struct Read {
    /// Every organisation, the shards' included; `shards` is empty, so the catalog
    /// writes as one file.
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
    /// How many shard files were read.
    pub shards: usize,
}

/// Reads the catalog at `path`, and the shards its top file lists (relative to the top
/// file's folder, as the app fetches them). A file that cannot be read, is not UTF-8, is
/// refused whole by the parser, or a listed shard that is missing or not the one listed
/// makes the whole catalog unreadable: the message says which file and why, in Russian
/// and English like the tool's other messages.
pub fn read_catalog(path: &Path) -> Result<Read, String> {
    let text = read_text(path)?;
    let top = parse_catalog(&text).map_err(|err| {
        format!(
            "{}: файл отклонён целиком / the whole file is refused: {err}",
            path.display()
        )
    })?;
    let listed = top.catalog.shards.clone();
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut assembly = Assembly::new(top);
    for shard in &listed {
        let file = folder.join(&shard.url);
        let text = read_text(&file)?;
        assembly
            .add(&shard.region, &text, &sha256_hex(text.as_bytes()))
            .map_err(|err| {
                format!(
                    "{}: часть каталога (регион {}) отклонена / the shard is refused: {err}",
                    file.display(),
                    shard.region
                )
            })?;
    }
    let problems = assembly.problems().to_vec();
    let skipped = assembly.skipped();
    let mut catalog = assembly.catalog().clone();
    catalog.shards.clear();
    Ok(Read {
        catalog,
        problems,
        skipped,
        shards: listed.len(),
    })
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|err| {
        format!(
            "{}: не удалось прочитать файл / cannot read the file: {err}",
            path.display()
        )
    })?;
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "{}: файл не в кодировке UTF-8 / the file is not UTF-8 (byte {})",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })
}
