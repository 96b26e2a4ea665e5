//! `shard`: writes a catalog as a top file and one file per region, each with gzip and
//! brotli copies beside it for servers that send precompressed files.

use std::io::Write;
use std::path::Path;

use catalog::Catalog;

/// What was written, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: String,
    pub bytes: usize,
    /// The compressed copies' sizes; 0 when none were written.
    pub gzip: usize,
    pub brotli: usize,
    pub organizations: usize,
    pub sha256: String,
}

/// Writes `catalog.json` and `regions/NN-HASH.json` (named by region and content, see
/// `Catalog::to_shards`) under `dir`, each with `.gz` and `.br` when `compressed` (brotli
/// at its best is slow: about 2 s per megabyte).
pub fn write_shards(
    catalog: &Catalog,
    dir: &Path,
    compressed: bool,
) -> std::io::Result<Vec<Written>> {
    let (top, shards) = catalog.to_shards();
    std::fs::create_dir_all(dir.join("regions"))?;
    let mut written = Vec::new();
    for shard in &shards {
        let organizations = catalog
            .organizations
            .iter()
            .filter(|o| o.region == shard.region)
            .count();
        written.push(write_three(
            dir,
            &shard.path,
            &shard.text,
            organizations,
            compressed,
        )?);
    }
    written.push(write_three(dir, "catalog.json", &top, 0, compressed)?);
    Ok(written)
}

fn write_three(
    dir: &Path,
    path: &str,
    text: &str,
    organizations: usize,
    compressed: bool,
) -> std::io::Result<Written> {
    let bytes = text.as_bytes();
    std::fs::write(dir.join(path), bytes)?;
    let (mut gzip_size, mut brotli_size) = (0, 0);
    if compressed {
        let gzip = gzip(bytes)?;
        std::fs::write(dir.join(format!("{path}.gz")), &gzip)?;
        let brotli = brotli(bytes)?;
        std::fs::write(dir.join(format!("{path}.br")), &brotli)?;
        (gzip_size, brotli_size) = (gzip.len(), brotli.len());
    }
    Ok(Written {
        path: path.to_string(),
        bytes: bytes.len(),
        gzip: gzip_size,
        brotli: brotli_size,
        organizations,
        sha256: catalog::sha256_hex(bytes),
    })
}

/// gzip at the highest level: compressed once, served many times.
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// brotli at quality 11, window 22.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 1 << 16, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}
