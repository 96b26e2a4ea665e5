//! The root component: loads the catalog once and shows the directory, the progress
//! indicator or the failure, never a blank page.

use leptos::prelude::*;

use crate::components::{LoadFailure, LoadingIndicator};
use crate::load::fetch_catalog;
use crate::url_state::UrlState;
use crate::views::Directory;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(UrlState::new());
    let catalog = LocalResource::new(fetch_catalog);
    let retry = Callback::new(move |()| catalog.refetch());
    view! {
        <Suspense fallback=|| view! { <LoadingIndicator/> }>
            {move || Suspend::new(async move {
                match catalog.await {
                    Ok(loaded) => view! { <Directory loaded/> }.into_any(),
                    Err(error) => view! { <LoadFailure error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
