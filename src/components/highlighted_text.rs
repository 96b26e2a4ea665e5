use catalog::highlight;
use leptos::prelude::*;

/// Text with the words the search matched marked, as text: data never becomes markup.
#[component]
pub fn HighlightedText(
    /// The text to show (a name from the catalog).
    text: String,
    /// The search text whose words to mark.
    query: Signal<String>,
) -> impl IntoView {
    move || {
        query.with(|query| {
            highlight(&text, query)
                .into_iter()
                .map(|segment| {
                    if segment.matched {
                        view! { <mark>{segment.text}</mark> }.into_any()
                    } else {
                        segment.text.into_any()
                    }
                })
                .collect_view()
        })
    }
}
