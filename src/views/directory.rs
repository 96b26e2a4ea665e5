use std::sync::Arc;

use catalog::{Lang, LoadedCatalog, Page, View};
use leptos::prelude::*;

use crate::browser;
use crate::catalog_loader::Progress;
use crate::components::{
    use_lang, AppearancePanel, CatalogHeader, ConnectionNotice, DemoBanner, LanguageSwitch,
    ShardProgress, SkippedNotice, ViewNav,
};
use crate::i18n::{other_language, texts};
use crate::preferences::use_preferences;
use crate::service_worker::AppStatus;
use crate::url_state::{self, use_url_state, Entry, HistoryMode};
use crate::views::{CheckView, EmbedView, SelectionView, Shown};

/// The directory: the header, the sections, and the section the address asks for.
#[component]
pub fn Directory(
    /// The catalog as far as it is loaded and indexed, with what had to be skipped; a
    /// fuller one replaces it as the shards of a sharded catalog arrive.
    current: Signal<Arc<LoadedCatalog>>,
    /// How far the shards have loaded.
    progress: Signal<Progress>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let url = use_url_state();
    let preferences = use_preferences();
    let status = use_context::<AppStatus>().expect("AppStatus is provided by App");
    // The top file's part of the catalog (title, dates, regions, sectors, platforms) is
    // the same in every catalog that replaces this one; only the organisations grow.
    let catalog = current.get_untracked().catalog.clone();

    // Derived, never synced: the page from the address and the catalog, the section
    // from the page.
    let address = url.page();
    let page =
        Memo::new(move |_| current.with(|c| address.with(|p| p.clone().sanitized(&c.catalog))));
    let view = Memo::new(move |_| page.with(|p| p.view));
    let shown = Shown {
        current,
        progress,
        page,
    };

    let section_href =
        Callback::new(move |view: View| url_state::href(&page.with(|p| p.with_view(view))));
    let on_section = Callback::new(move |view: View| {
        url.navigate(
            &page.with_untracked(|p| p.with_view(view)),
            HistoryMode::Push,
        );
    });
    let switch_href = Signal::derive(move || {
        url_state::href(&page.with(|p| p.in_language(other_language(lang))))
    });
    let on_switch = Callback::new(move |chosen: Lang| {
        preferences.lang.set(chosen);
        url.navigate(
            &page.with_untracked(|p| p.in_language(chosen)),
            HistoryMode::Replace,
        );
    });

    if url_state::entry() == Entry::Widget {
        if let Some(parent) = page.with_untracked(|p| p.parent.clone()) {
            browser::report_height_to(parent);
        }
        // The full directory with the same selection, for the reader who wants more,
        // without the widget's own locks and parent.
        let full = Signal::derive(move || {
            url_state::directory_href(&Page {
                locked: Vec::new(),
                parent: None,
                ..page.get()
            })
        });
        return view! {
            <div class="embed">
                <header>
                    <h1 class="visually-hidden">{t.widget_title}</h1>
                    <ShardProgress progress catalog=catalog.clone()/>
                </header>
                {catalog.demo.then(|| view! { <DemoBanner/> })}
                <div class="page">
                    <SelectionView shown/>
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

    let footer = [
        catalog.source.clone().map(|s| (t.source, s)),
        catalog.license.clone().map(|s| (t.license, s)),
    ];
    let body = move || match view.get() {
        View::Check => view! { <CheckView shown/> }.into_any(),
        View::Embed => view! { <EmbedView shown/> }.into_any(),
        View::Search | View::Stats => view! { <SelectionView shown/> }.into_any(),
    };
    let size = Memo::new(move |_| {
        current.with(|c| (c.catalog.organizations.len(), c.catalog.channel_count()))
    });
    let whole = Memo::new(move |_| progress.with(Progress::is_whole));
    let skipped = move || {
        current.with(|c| {
            let count = c.skipped.total();
            (count > 0).then(|| {
                let problems = c.problems.clone();
                view! {
                    <div class="site-header__notice">
                        <SkippedNotice count problems/>
                    </div>
                }
            })
        })
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
                    size=Signal::from(size)
                    whole=Signal::from(whole)
                />
                <div class="site-header__tools">
                    <LanguageSwitch href=switch_href on_switch/>
                    <AppearancePanel appearance=preferences.appearance/>
                </div>
            </div>
            {skipped}
            <ViewNav current=Signal::from(view) href=section_href on_select=on_section/>
            <ShardProgress progress catalog=catalog.clone()/>
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
