//! The few things the app asks of the browser beyond rendering: saving a file, copying
//! text, moving focus, the page's language and appearance, and remembered preferences.
//! Each fails quietly: a browser that refuses (storage disabled, no clipboard) leaves the
//! page working without that one convenience.

use catalog::{Appearance, Lang, TextSize, Theme};
use wasm_bindgen::{JsCast, JsValue};

const LANG_KEY: &str = "gospubliki.lang";
const APPEARANCE_KEY: &str = "gospubliki.appearance";

/// Offers `text` as a file download, built in the page: no server is asked.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(document) = document() else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard; `true` once the browser says it is there.
/// `navigator.clipboard` is reached by name, as web-sys offers it only behind an
/// unstable flag.
pub async fn copy_text(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
    else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = write
        .and_then(|write| write.call1(&clipboard, &JsValue::from_str(&text)).ok())
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Moves focus, once the page has rendered the change that brought it, to the first
/// element that matches one of `selectors`, tried in order.
pub fn focus_soon(selectors: Vec<String>) {
    leptos::prelude::request_animation_frame(move || {
        let Some(document) = document() else { return };
        let element = selectors
            .iter()
            .find_map(|selector| document.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Removes the static first screen (index.html's), if the page still shows it, and gives
/// the text typed into its search field; the app's own search field then takes the focus,
/// with the caret at the end, if the static one had it.
pub fn take_over_first_screen() -> Option<String> {
    let document = document()?;
    let screen = document.get_element_by_id("first-screen")?;
    let input = document
        .get_element_by_id("first-search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let focused = match (&input, document.active_element()) {
        (Some(input), Some(active)) => JsValue::from(active) == *AsRef::<JsValue>::as_ref(input),
        _ => false,
    };
    let text = input.map(|input| input.value()).unwrap_or_default();
    screen.remove();
    if focused {
        leptos::prelude::request_animation_frame(|| {
            let field = self::document()
                .and_then(|d| d.get_element_by_id("search-input"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(field) = field {
                let _ = field.focus();
                let end = field.value().encode_utf16().count() as u32;
                let _ = field.set_selection_range(end, end);
            }
        });
    }
    Some(text)
}

/// Whether the filters sit beside the results: a wide window (the layout's breakpoint
/// in the stylesheet) and text no larger than «Крупный», which keeps two columns.
pub fn is_two_column_layout(appearance: Appearance) -> bool {
    let wide = web_sys::window()
        .and_then(|window| window.match_media("(min-width: 48rem)").ok().flatten())
        .is_none_or(|query| query.matches());
    wide && matches!(appearance.text, TextSize::Normal | TextSize::Large)
}

/// The address of the page as it is now, for "copy link".
pub fn current_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The folder the directory is served from, ending in `/`, without query or fragment:
/// where `widget.html` and `embed.js` live, whether the page was opened as the folder or
/// as its `index.html`.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            let path = location.pathname().ok()?;
            let folder = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
            Some(format!("{}{folder}", location.origin().ok()?))
        })
        .unwrap_or_default()
}

/// Sets `<html lang>` and the window title, which live outside the app's root.
pub fn set_document_language(lang: Lang, title: &str) {
    if let Some(document) = document() {
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.as_str());
        }
        document.set_title(title);
    }
}

/// Puts the low-vision settings on `<html>` as data attributes the stylesheet reads.
pub fn apply_appearance(appearance: Appearance) {
    let Some(html) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = html.set_attribute("data-text", appearance.text.as_str());
    let _ = html.set_attribute("data-scheme", appearance.scheme.as_str());
    let _ = html.set_attribute("data-images", if appearance.images { "on" } else { "off" });
}

/// Puts the embedding site's theme on `<html>` as `data-theme`.
pub fn set_theme(theme: Theme) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", theme.as_str());
    }
}

/// Inside an embedding site's frame: tells the parent page, and only the page at
/// `parent_origin`, how tall the content is whenever it changes, so the frame can fit it.
/// The message is `{type: "gospubliki:height", height}` and nothing else.
pub fn report_height_to(parent_origin: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let last = std::cell::Cell::new(0.0);
    let measured = body.clone();
    let send = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"gospubliki:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &parent_origin);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer calls it for as long as the page lives.
    send.forget();
}

/// The language the user chose last time, if any.
pub fn stored_lang() -> Option<Lang> {
    storage()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::parse)
}

/// Remembers the user's language.
pub fn store_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.as_str());
    }
}

/// The low-vision settings chosen last time, or the ordinary page.
pub fn stored_appearance() -> Appearance {
    storage()
        .and_then(|s| s.get_item(APPEARANCE_KEY).ok().flatten())
        .map(|text| Appearance::from_storage(&text))
        .unwrap_or_default()
}

/// Remembers the low-vision settings.
pub fn store_appearance(appearance: Appearance) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(APPEARANCE_KEY, &appearance.to_storage());
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `localStorage`, which throws in some private modes and sandboxed frames.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Opens the print dialog (the card prints with large QR codes).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Lets the browser handle input and paint before the caller goes on: resolves in a new
/// task, queued behind whatever is waiting. A message to oneself, not `setTimeout(0)`,
/// which browsers stretch to 4 ms after a few nested calls.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits, without blocking the page.
pub async fn sleep(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the page started, for pacing work; 0 where there is no clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Replaces the page with the crash screen: what happened, the error's text, and a link
/// that loads the page again (the address keeps the search). Plain DOM, written once:
/// after a panic the app's code must not run again, so nothing here depends on it, not
/// even a click handler.
pub fn show_crash(message: &str) {
    let Some(document) = document() else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| Lang::parse(&lang))
        .unwrap_or_default();
    let texts = crate::i18n::crash_texts(lang);
    let Some(body) = document.body() else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(main), Some(title), Some(explanation), Some(detail), Some(reload)) = (
        element("main", "crash failure", ""),
        element("h1", "crash__title", texts.title),
        element("p", "crash__text", texts.explanation),
        element("pre", "crash__detail", message),
        element("a", "button crash__reload", texts.reload),
    ) else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    // The same address without its fragment, so that following the link loads the page
    // instead of scrolling within it.
    let address = current_address();
    let address = match address.split('#').next() {
        Some(address) if !address.is_empty() => address,
        _ => "./",
    };
    let _ = reload.set_attribute("href", address);
    for child in [&title, &explanation, &detail, &reload] {
        let _ = main.append_child(child);
    }
    body.set_text_content(None);
    let _ = body.append_child(&main);
}
