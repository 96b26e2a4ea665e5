use catalog::highlight;
use leptos::prelude::*;

/// Text with the words the search matched marked, as text: data never becomes markup.
#[component]
pub fn HighlightedText(
    /// The text to show (a name from the catalog); a row that is reused for another
    /// organisation passes a changing one.
    #[prop(into)]
    text: Signal<String>,
    /// The search text whose words to mark.
    query: Signal<String>,
) -> impl IntoView {
    // The marks are rebuilt only when they move: a keystroke that leaves a name's marked
    // words as they were touches nothing in that name.
    let segments = Memo::new(move |_| text.with(|text| query.with(|query| highlight(text, query))));
    move || {
        segments.with(|segments| {
            segments
                .iter()
                .map(|segment| {
                    let text = segment.text.clone();
                    if segment.matched {
                        view! { <mark>{text}</mark> }.into_any()
                    } else {
                        text.into_any()
                    }
                })
                .collect_view()
        })
    }
}
