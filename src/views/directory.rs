use std::sync::Arc;

use catalog::Loaded;
use leptos::prelude::*;

use crate::components::{use_lang, CatalogHeader, DemoBanner, OrganizationList, SkippedNotice};
use crate::i18n::texts;

/// The directory: the catalog's header, its notices and its organisations.
#[component]
pub fn Directory(
    /// The catalog as loaded, with what had to be skipped.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let t = texts(use_lang());
    let catalog = &loaded.catalog;
    let skipped = loaded.skipped.total();
    let footer = [
        catalog.source.clone().map(|s| (t.source, s)),
        catalog.license.clone().map(|s| (t.license, s)),
    ];
    view! {
        {catalog.demo.then(|| view! { <DemoBanner/> })}
        <main id="main" class="directory">
            <CatalogHeader
                title=catalog.title.clone()
                updated=catalog.updated
                organizations=catalog.organizations.len()
                channels=catalog.channel_count()
            />
            {(skipped > 0).then(|| view! { <SkippedNotice count=skipped problems=loaded.problems.clone()/> })}
            <OrganizationList loaded=loaded.clone()/>
        </main>
        <footer class="site-footer">
            {footer.into_iter().flatten().map(|(label, text)| view! {
                <p><span class="site-footer__label">{label}": "</span>{text}</p>
            }).collect_view()}
        </footer>
    }
}
