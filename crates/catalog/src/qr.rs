//! QR codes for channel links, as SVG path data the UI draws at any size.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code that scanners need to find it.
pub const QUIET_ZONE: usize = 4;

/// A QR code as one SVG path: each run of dark modules in a row is a rectangle, in a
/// square `size` modules wide (quiet zone included), one unit per module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    pub size: usize,
    /// The `d` attribute of the path.
    pub path: String,
}

/// Encodes `text` with medium error correction (it survives a crease or a smudge on a
/// printed notice); `None` when it is too long for any QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let modules = code.size();
    let mut path = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && code.get_module(x, y) {
                x += 1;
            }
            let (left, top) = (start as usize + QUIET_ZONE, y as usize + QUIET_ZONE);
            path.push_str(&format!("M{left} {top}h{}v1H{left}z", x - start));
        }
    }
    Some(QrPath {
        size: modules as usize + 2 * QUIET_ZONE,
        path,
    })
}
