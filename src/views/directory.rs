use std::sync::{Arc, OnceLock};

use catalog::{Checker, Lang, Query, View};
use leptos::prelude::*;

use crate::browser;
use crate::components::{
    use_lang, AppearancePanel, CatalogHeader, ConnectionNotice, DemoBanner, LanguageSwitch,
    SkippedNotice, ViewNav,
};
use crate::i18n::texts;
use crate::load::LoadedCatalog;
use crate::preferences::use_preferences;
use crate::service_worker::AppStatus;
use crate::url_state::{use_url_state, HistoryMode};
use crate::views::{CheckView, EmbedView, SelectionView};

/// The directory: the header, the sections, and the section the address asks for.
#[component]
pub fn Directory(
    /// The catalog as loaded, indexed, with what had to be skipped.
    loaded: Arc<LoadedCatalog>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let url = use_url_state();
    let preferences = use_preferences();
    let status = use_context::<AppStatus>().expect("AppStatus is provided by App");
    let catalog = loaded.catalog.clone();

    // Derived, never synced: the query from the address, the section from the query.
    let query = Memo::new({
        let catalog = catalog.clone();
        move |_| url.query().sanitized(&catalog)
    });
    let view = Memo::new(move |_| query.with(|q| q.view));
    // The checker's tables are built the first time a link is checked, not at load.
    let checker: Arc<OnceLock<Checker>> = Arc::default();

    let section_href = Callback::new(move |view: View| address(&query.with(|q| q.with_view(view))));
    let on_section = Callback::new(move |view: View| {
        url.navigate(&query.get_untracked().with_view(view), HistoryMode::Push);
    });
    let other_lang = move |lang: Lang| Query {
        lang: Some(lang),
        ..query.get()
    };
    let switch_href = Signal::derive(move || {
        address(&other_lang(match lang {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }))
    });
    let on_switch = Callback::new(move |chosen: Lang| {
        preferences.lang.set(chosen);
        url.navigate(&other_lang(chosen), HistoryMode::Replace);
    });

    let embedded = query.with_untracked(|q| q.embed);
    if embedded {
        if let Some(parent) = query.with_untracked(|q| q.parent.clone()) {
            browser::report_height_to(parent);
        }
        // The full directory with the same selection, for the reader who wants more.
        let full = Signal::derive(move || {
            address(&Query {
                embed: false,
                locked: Vec::new(),
                parent: None,
                ..query.get()
            })
        });
        return view! {
            <div class="embed">
                <header><h1 class="visually-hidden">{t.widget_title}</h1></header>
                {catalog.demo.then(|| view! { <DemoBanner/> })}
                <div class="page">
                    <SelectionView loaded=loaded.clone() query/>
                </div>
                <footer class="embed__credit">
                    <a href=full target="_blank" rel="noopener noreferrer">
                        {t.embed_credit}
                        <span class="visually-hidden">" "{t.opens_in_new_tab}</span>
                    </a>
                </footer>
            </div>
        }
        .into_any();
    }

    let skipped = loaded.skipped.total();
    let footer = [
        catalog.source.clone().map(|s| (t.source, s)),
        catalog.license.clone().map(|s| (t.license, s)),
    ];
    let body = {
        let loaded = loaded.clone();
        move || match view.get() {
            View::Check => view! {
                <CheckView catalog=loaded.catalog.clone() checker=checker.clone() query/>
            }
            .into_any(),
            View::Embed => view! {
                <EmbedView catalog=loaded.catalog.clone() query/>
            }
            .into_any(),
            View::Search | View::Stats => view! {
                <SelectionView loaded=loaded.clone() query/>
            }
            .into_any(),
        }
    };
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        {catalog.demo.then(|| view! { <DemoBanner/> })}
        <header class="site-header">
            <ConnectionNotice
                online=Signal::from(status.online)
                update_ready=Signal::from(status.update_ready)
                updated=catalog.updated
                on_update=Callback::new(move |()| status.apply_update())
            />
            <div class="site-header__inner">
                <CatalogHeader
                    title=catalog.title.clone()
                    updated=catalog.updated
                    organizations=catalog.organizations.len()
                    channels=catalog.channel_count()
                />
                <div class="site-header__tools">
                    <LanguageSwitch href=switch_href on_switch/>
                    <AppearancePanel appearance=preferences.appearance/>
                </div>
            </div>
            {(skipped > 0).then(|| view! {
                <div class="site-header__notice">
                    <SkippedNotice count=skipped problems=loaded.problems.clone()/>
                </div>
            })}
            <ViewNav current=Signal::from(view) href=section_href on_select=on_section/>
        </header>
        <div class="page">{body}</div>
        <footer class="site-footer">
            {footer.into_iter().flatten().map(|(label, text)| view! {
                <p><span class="site-footer__label">{label}": "</span>{text}</p>
            }).collect_view()}
        </footer>
    }
    .into_any()
}

/// The relative address of a state: `?…`, or the bare path for the default view, so the
/// sub-path the app is served from stays.
pub fn address(query: &Query) -> String {
    match query.to_query_string() {
        canonical if canonical.is_empty() => "./".to_string(),
        canonical => format!("?{canonical}"),
    }
}
