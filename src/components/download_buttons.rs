use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::texts;

/// A file format the selection can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadFormat {
    Csv,
    Json,
}

impl DownloadFormat {
    /// The file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            DownloadFormat::Csv => "csv",
            DownloadFormat::Json => "json",
        }
    }
}

/// «Скачать»: the current selection as CSV for spreadsheets or as a catalog file.
#[component]
pub fn DownloadButtons(
    /// Called with the format asked for.
    on_download: Callback<DownloadFormat>,
) -> impl IntoView {
    let t = texts(use_lang());
    view! {
        <div class="downloads" role="group" aria-label=t.download_title>
            <span class="downloads__label" aria-hidden="true">{t.download}":"</span>
            <button type="button" class="button button--small button--secondary" on:click=move |_| on_download.run(DownloadFormat::Csv)>
                {t.download_csv}
            </button>
            <button type="button" class="button button--small button--secondary" on:click=move |_| on_download.run(DownloadFormat::Json)>
                {t.download_json}
            </button>
        </div>
    }
}
