//! The state of the directory as it lives in the URL: the search (a [`Selection`]) and
//! the page around it, the open card, the section, the checked link, the language and
//! the widget's settings. Parsing is total (anything unknown or malformed is dropped,
//! never an error) and writing is canonical (fixed order, sorted values, defaults
//! omitted), so one view has exactly one address. The parameters are a public contract
//! (README, "Stable hooks"): links people keep must go on meaning the same.

use crate::format::Lang;
use crate::model::Catalog;
use crate::search::{Facet, Selection, Sort};

/// Longest text kept from the `q` and `check` parameters and from a filter value; a query
/// is a few words, not a document (a catalog's texts have their own limit, `MAX_TEXT`).
pub const MAX_QUERY_TEXT: usize = 200;
/// Most values kept for one filter.
pub const MAX_VALUES: usize = 100;

/// Which page of the directory is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Search and results (with a card when one is open).
    #[default]
    Search,
    /// "Is this channel official?"
    Check,
    /// Counts and charts for the current selection.
    Stats,
    /// The builder of the snippet that embeds the directory in another site.
    Embed,
}

impl View {
    /// Every view, in the order the navigation lists them.
    pub const ALL: [View; 4] = [View::Search, View::Check, View::Stats, View::Embed];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Search => "search",
            View::Check => "check",
            View::Stats => "stats",
            View::Embed => "embed",
        }
    }

    /// Reads a URL value.
    pub fn parse(value: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.as_str() == value)
    }
}

/// The colour theme an embedding site asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Light or dark as the reader's system prefers.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The URL value and the `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a URL value.
    pub fn parse(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == value)
    }
}

/// Everything a person could share about a view of the directory: the search and the
/// page around it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Page {
    /// What the search is asked: the text, the filters and the order.
    pub selection: Selection,
    /// The organisation whose card is open.
    pub org: Option<String>,
    /// The page shown; a `check` value implies [`View::Check`].
    pub view: View,
    /// The link or handle being checked, exactly as pasted.
    pub check: Option<String>,
    /// The language asked for in the address; `None` leaves it to the user's preference.
    pub lang: Option<Lang>,
    /// Filters the embedding site fixed: applied, but neither offered nor removable.
    pub locked: Vec<Facet>,
    pub theme: Theme,
    /// The origin of the embedding page, the only one the widget sends its height to.
    pub parent: Option<String>,
}

impl Page {
    /// Reads a query string, with or without the leading `?`. Never fails: unknown
    /// parameters, malformed escapes and invalid UTF-8 are dropped.
    pub fn from_query_str(text: &str) -> Page {
        let mut page = Page::default();
        let selection = &mut page.selection;
        let text = text.strip_prefix('?').unwrap_or(text);
        for pair in text.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(key) = decode(key) else { continue };
            match key.as_str() {
                "q" => {
                    if let Some(value) = decode(value) {
                        selection.text = value.chars().take(MAX_QUERY_TEXT).collect();
                    }
                }
                "sort" => {
                    if let Some(sort) = decode(value).as_deref().and_then(Sort::parse) {
                        selection.sort = sort;
                    }
                }
                "org" => page.org = decode(value).filter(|id| crate::is_valid_id(id)),
                "view" => {
                    if let Some(view) = decode(value).as_deref().and_then(View::parse) {
                        page.view = view;
                    }
                }
                "check" => {
                    // Cut first, trim after: the other order can leave a space at the
                    // cut that the next reading trims, and one view would have two
                    // addresses (found by the query_string fuzz target).
                    page.check = decode(value)
                        .map(|text| text.chars().take(MAX_QUERY_TEXT).collect::<String>())
                        .map(|text| text.trim().to_string())
                        .filter(|text| !text.is_empty());
                }
                "lang" => {
                    if let Some(lang) = decode(value).as_deref().and_then(Lang::parse) {
                        page.lang = Some(lang);
                    }
                }
                "lock" => {
                    let names = value.split(',').filter_map(decode);
                    let facets = names
                        .filter_map(|name| Facet::ALL.into_iter().find(|f| f.as_str() == name));
                    page.locked.extend(facets);
                }
                "theme" => {
                    if let Some(theme) = decode(value).as_deref().and_then(Theme::parse) {
                        page.theme = theme;
                    }
                }
                "parent" => page.parent = decode(value).filter(|origin| is_origin(origin)),
                other => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| f.as_str() == other) {
                        let values = value.split(',').filter_map(decode);
                        selection.values_mut(facet).extend(values);
                    }
                }
            }
        }
        for facet in Facet::ALL {
            let values = page.selection.values_mut(facet);
            values.retain(|v| !v.trim().is_empty() && v.chars().count() <= MAX_QUERY_TEXT);
            values.sort();
            values.dedup();
            values.truncate(MAX_VALUES);
        }
        if page.check.is_some() {
            page.view = View::Check;
        }
        page.locked = Facet::ALL
            .into_iter()
            .filter(|facet| page.locked.contains(facet))
            .collect();
        page
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn to_query_string(&self) -> String {
        let selection = &self.selection;
        let mut parts = Vec::new();
        if !selection.text.is_empty() {
            parts.push(format!("q={}", encode(&selection.text)));
        }
        for facet in Facet::ALL {
            let mut values: Vec<&String> = selection.values(facet).iter().collect();
            values.sort();
            values.dedup();
            if !values.is_empty() {
                let joined: Vec<String> = values.iter().map(|v| encode(v)).collect();
                parts.push(format!("{}={}", facet.as_str(), joined.join(",")));
            }
        }
        if selection.sort != Sort::default() {
            parts.push(format!("sort={}", selection.sort.as_str()));
        }
        if let Some(org) = &self.org {
            parts.push(format!("org={}", encode(org)));
        }
        match &self.check {
            Some(check) => parts.push(format!("check={}", encode(check))),
            None if self.view != View::Search => parts.push(format!("view={}", self.view.as_str())),
            None => {}
        }
        if let Some(lang) = self.lang.filter(|&lang| lang != Lang::default()) {
            parts.push(format!("lang={}", lang.as_str()));
        }
        let locked: Vec<&str> = Facet::ALL
            .into_iter()
            .filter(|facet| self.locked.contains(facet))
            .map(Facet::as_str)
            .collect();
        if !locked.is_empty() {
            parts.push(format!("lock={}", locked.join(",")));
        }
        if self.theme != Theme::default() {
            parts.push(format!("theme={}", self.theme.as_str()));
        }
        if let Some(parent) = &self.parent {
            parts.push(format!("parent={}", encode(parent)));
        }
        parts.join("&")
    }

    /// The link to this page from the document `document` shows (`./` for the
    /// directory, `widget.html` for the widget): its query string after `?`, or for the
    /// default page `document` itself, since an empty link would keep the current query
    /// and the bare path would lose the sub-path the app is served from. The one rule
    /// for the empty address: links and the history entries written alike use it.
    pub fn href(&self, document: &str) -> String {
        match self.to_query_string() {
            canonical if canonical.is_empty() => document.to_string(),
            canonical => format!("?{canonical}"),
        }
    }

    /// The address of this page on another document beside the one shown
    /// (`./` for the directory from the widget, `…/widget.html` for the builder's
    /// snippet): `document`, with the query string after `?` when there is one.
    pub fn href_on(&self, document: &str) -> String {
        match self.to_query_string() {
            canonical if canonical.is_empty() => document.to_string(),
            canonical => format!("{document}?{canonical}"),
        }
    }

    /// Whether the embedding site fixed this filter.
    pub fn is_locked(&self, facet: Facet) -> bool {
        self.locked.contains(&facet)
    }

    /// The same page with another search text; an open card closes, since the reader
    /// is searching again.
    pub fn with_text(&self, text: String) -> Page {
        Page {
            selection: Selection {
                text,
                ..self.selection.clone()
            },
            org: None,
            ..self.clone()
        }
    }

    /// The same page in another order.
    pub fn with_sort(&self, sort: Sort) -> Page {
        Page {
            selection: Selection {
                sort,
                ..self.selection.clone()
            },
            ..self.clone()
        }
    }

    /// The same page in language `lang`: a link that means to keep everything else.
    pub fn in_language(&self, lang: Lang) -> Page {
        Page {
            lang: Some(lang),
            ..self.clone()
        }
    }

    /// The same page with one filter value added, or removed if it was chosen (see
    /// [`Selection::toggled`]); the card closes. A locked filter does not change, and
    /// neither do locked municipalities when the last region goes.
    pub fn toggled(&self, facet: Facet, value: &str) -> Page {
        let mut next = self.clone();
        if self.is_locked(facet) {
            return next;
        }
        next.selection = self.selection.toggled(facet, value);
        if self.is_locked(Facet::Municipality) {
            next.selection.municipalities = self.selection.municipalities.clone();
        }
        next.org = None;
        next
    }

    /// The same page without any filter the reader chose (text, order, view, language,
    /// the widget's theme, parent and locked filters kept).
    pub fn without_filters(&self) -> Page {
        let mut next = Page {
            selection: Selection {
                text: self.selection.text.clone(),
                sort: self.selection.sort,
                ..Selection::default()
            },
            view: self.view,
            check: self.check.clone(),
            lang: self.lang,
            locked: self.locked.clone(),
            theme: self.theme,
            parent: self.parent.clone(),
            ..Page::default()
        };
        for &facet in &self.locked {
            *next.selection.values_mut(facet) = self.selection.values(facet).to_vec();
        }
        next
    }

    /// The same selection on another page: the card and the checked link are left
    /// behind, the filters, text and language go along.
    pub fn with_view(&self, view: View) -> Page {
        Page {
            view,
            org: None,
            check: None,
            ..self.clone()
        }
    }

    /// The card of organisation `id`, over the search this selection is: the checked link
    /// is left behind, the text, filters and language go along.
    pub fn opening(&self, id: &str) -> Page {
        Page {
            org: Some(id.to_string()),
            ..self.with_view(View::Search)
        }
    }

    /// The same page with no card open.
    pub fn closed(&self) -> Page {
        Page {
            org: None,
            ..self.clone()
        }
    }

    /// How many filter values the reader chose (locked ones are the site's, not theirs).
    pub fn filter_count(&self) -> usize {
        Facet::ALL
            .iter()
            .filter(|&&f| !self.is_locked(f))
            .map(|&f| self.selection.values(f).len())
            .sum()
    }

    /// Drops values the catalog does not have, and a card it does not have, so a stale
    /// or hand-edited link shows what it can instead of nothing.
    pub fn sanitized(mut self, catalog: &Catalog) -> Page {
        self.selection = self.selection.sanitized(catalog);
        if let Some(id) = &self.org {
            if !catalog.organizations.iter().any(|org| &org.id == id) {
                self.org = None;
            }
        }
        self
    }
}

/// Whether `text` is a web origin: `http(s)://host` with an optional port and nothing
/// after it. The widget posts its height to this origin only.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = rest.split_once(':').unwrap_or((rest, "80"));
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let port_ok = !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    host_ok && port_ok
}

/// For an address of the old widget form, `?embed=1` on the directory's own page: the
/// query string to open the widget's entry (`widget.html`) with instead, or `None` when
/// the address is not one.
///
/// The widget used to be a parameter, and the server, which chooses who may frame a page,
/// and the app read it differently (nginx's `$arg_embed` takes the first `embed`, of any
/// case; the app took the last, spelt exactly), so an address could be framed as the
/// widget and render as the full directory. Now the widget is a page of its own and no
/// parameter changes what a page is; an old link is only ever sent there. Every spelling
/// either reader would have taken as the widget is recognised: a name that is `embed` in
/// any case once decoded, anywhere in the string, with the value `1`. The other
/// parameters go along as they were, in their order; every `embed` is dropped, since the
/// widget's entry has no use for it.
pub fn legacy_widget_query(text: &str) -> Option<String> {
    let text = text.strip_prefix('?').unwrap_or(text);
    let is_embed = |key: &str| decode(key).is_some_and(|key| key.eq_ignore_ascii_case("embed"));
    let mut widget = false;
    let mut kept = Vec::new();
    for pair in text.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if is_embed(key) {
            widget |= decode(value).as_deref() == Some("1");
        } else {
            kept.push(pair);
        }
    }
    widget.then(|| kept.join("&"))
}

/// Percent-decodes a query-string component (`+` is a space). `None` for malformed
/// escapes or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes everything but unreserved characters, so values may hold `,`, `&`,
/// `=`, `+` and spaces.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
