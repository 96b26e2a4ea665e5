use catalog::{Facet, Lang, Page, Selection, Theme, View};
use leptos::prelude::*;

use crate::browser;
use crate::components::{use_lang, FeedLinks, RadioGroup, SnippetBox};
use crate::i18n::{facet_name, language_name, texts, theme_name};
use crate::url_state::{use_url_state, HistoryMode};
use crate::views::Shown;

/// The widget's filters a site owner can fix here: one value each.
const FIXED: [Facet; 3] = [Facet::Region, Facet::Sector, Facet::Platform];

/// «Виджет для сайта»: choose what a site's widget shows, see it live, copy the snippet.
/// The filters are the address's, so a builder's link can be shared; the widget's theme
/// and language are this page's own choices.
#[component]
pub fn EmbedView(
    /// The catalog (for the lists of regions, sectors and platforms, which every later
    /// catalog shares) and the page.
    shown: Shown,
) -> impl IntoView {
    let Shown { current, page, .. } = shown;
    let catalog = current.get_untracked().catalog.clone();
    let lang = use_lang();
    let t = texts(lang);
    let url = use_url_state();
    let theme = RwSignal::new(Theme::Auto);
    let widget_lang = RwSignal::new(lang);
    let base = browser::page_base();
    // The widget's region and sector are one each; their feeds are for the same site.
    let feeds = {
        let one = move |facet: Facet| {
            Signal::derive(move || page.with(|p| p.selection.values(facet).first().cloned()))
        };
        view! { <FeedLinks catalog=catalog.clone() region=one(Facet::Region) sector=one(Facet::Sector)/> }
    };

    // The widget's own address: its page beside this one, with the chosen filters fixed.
    let widget_page = Memo::new(move |_| {
        let selection = page.with(|p| p.selection.clone());
        let locked: Vec<Facet> = FIXED
            .into_iter()
            .filter(|&facet| !selection.values(facet).is_empty())
            .collect();
        Page {
            selection: Selection {
                regions: selection.regions,
                sectors: selection.sectors,
                platforms: selection.platforms,
                ..Selection::default()
            },
            locked,
            theme: theme.get(),
            lang: Some(widget_lang.get()).filter(|&l| l != Lang::default()),
            ..Page::default()
        }
    });
    let widget_src = {
        let base = base.clone();
        Signal::derive(move || widget_page.with(|p| p.href_on(&format!("{base}widget.html"))))
    };
    let script = {
        let base = base.clone();
        Signal::derive(move || {
            let widget = widget_page.get();
            let mut attributes = vec![format!("src=\"{base}embed.js\"")];
            for facet in FIXED {
                let values = widget.selection.values(facet);
                if !values.is_empty() {
                    attributes.push(format!("data-{}=\"{}\"", facet.as_str(), values.join(",")));
                }
            }
            if widget.theme != Theme::Auto {
                attributes.push(format!("data-theme=\"{}\"", widget.theme.as_str()));
            }
            if let Some(lang) = widget.lang {
                attributes.push(format!("data-lang=\"{}\"", lang.as_str()));
            }
            format!("<script {} async></script>", attributes.join(" "))
        })
    };
    let iframe = Signal::derive(move || {
        format!(
            "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>",
            widget_src.get().replace('&', "&amp;"),
            texts(widget_lang.get()).widget_title,
        )
    });

    let choose = move |facet: Facet, value: String| {
        let mut next = page.get_untracked();
        for old in next.selection.values(facet).to_vec() {
            next = next.toggled(facet, &old);
        }
        if !value.is_empty() {
            next = next.toggled(facet, &value);
        }
        url.navigate(&next.with_view(View::Embed), HistoryMode::Replace);
    };
    let select = move |facet: Facet| {
        let options: Vec<(String, String)> = match facet {
            Facet::Region => catalog
                .regions
                .iter()
                .map(|r| (r.code.clone(), r.name.clone()))
                .collect(),
            Facet::Sector => catalog
                .sectors
                .iter()
                .map(|s| (s.id.clone(), s.name_in(lang).to_string()))
                .collect(),
            _ => catalog
                .platforms
                .iter()
                .map(|p| (p.id.clone(), p.name_in(lang).to_string()))
                .collect(),
        };
        let id = format!("embed-{}", facet.as_str());
        let current = move || {
            page.with(|p| p.selection.values(facet).first().cloned())
                .unwrap_or_default()
        };
        view! {
            <div class="embed-builder__field">
                <label for=id.clone()>{facet_name(lang, facet)}</label>
                <select id=id on:change=move |ev| choose(facet, event_target_value(&ev))>
                    <option value="" prop:selected=move || current().is_empty()>{t.any_value}</option>
                    {options.into_iter().map(|(value, label)| {
                        let selected = value.clone();
                        view! {
                            <option value=value prop:selected=move || current() == selected>{label}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let themes = Theme::ALL.map(|option| (option, theme_name(lang, option).to_string(), None));
    let languages = Lang::ALL.map(|option| {
        let label = language_name(option).to_string();
        (option, label, Some(option.as_str()))
    });
    view! {
        <main id="main" class="embed-builder" tabindex="-1">
            <h2>{t.embed_title}</h2>
            <p class="embed-builder__intro">{t.embed_intro}</p>
            <div class="embed-builder__columns">
                <form class="embed-builder__form" on:submit=|ev| ev.prevent_default()>
                    <fieldset class="embed-builder__group">
                        <legend>{t.embed_filters}</legend>
                        {FIXED.into_iter().map(select).collect_view()}
                    </fieldset>
                    <RadioGroup name="embed-theme" legend=t.embed_theme class="embed-builder__group"
                        options=themes.to_vec() chosen=Signal::from(theme)
                        on_choose=Callback::new(move |option| theme.set(option))/>
                    <RadioGroup name="embed-lang" legend=t.embed_language class="embed-builder__group"
                        options=languages.to_vec() chosen=Signal::from(widget_lang)
                        on_choose=Callback::new(move |option| widget_lang.set(option))/>
                </form>
                <div class="embed-builder__output">
                    <SnippetBox title=t.snippet_script code=script id="snippet-script"/>
                    <SnippetBox title=t.snippet_iframe code=iframe id="snippet-iframe"/>
                    {feeds}
                </div>
            </div>
            <h3>{t.embed_preview}</h3>
            <iframe
                class="embed-builder__preview"
                src=move || widget_src.get()
                title=t.embed_preview
            ></iframe>
        </main>
    }
}
