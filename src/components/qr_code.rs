use catalog::qr_path;
use leptos::prelude::*;

/// A QR code of a link, drawn as SVG: sharp at any size, so it prints at notice-board
/// size from the same page.
#[component]
pub fn QrCode(
    /// The text to encode (a channel's URL).
    text: String,
    /// What a screen reader says for the picture.
    label: String,
) -> impl IntoView {
    qr_path(&text).map(|qr| {
        let view_box = format!("0 0 {0} {0}", qr.size);
        view! {
            <svg class="qr" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
                <rect class="qr__light" width="100%" height="100%"/>
                <path class="qr__dark" d=qr.path/>
            </svg>
        }
    })
}
