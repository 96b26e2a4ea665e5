//! The reader's own settings: the language they chose and the low-vision settings. They
//! are preferences, not state to share, so they live in storage and not in the address;
//! a `lang` in the address still wins for that page.

use catalog::{Appearance, Lang};
use leptos::prelude::*;

use crate::browser;

/// The remembered settings, as signals the root provides.
#[derive(Debug, Clone, Copy)]
pub struct Preferences {
    /// The language chosen last, used when the address names none.
    pub lang: RwSignal<Lang>,
    pub appearance: RwSignal<Appearance>,
}

impl Preferences {
    /// Reads what was stored, and stores every later change.
    pub fn load() -> Preferences {
        let preferences = Preferences {
            lang: RwSignal::new(browser::stored_lang().unwrap_or_default()),
            appearance: RwSignal::new(browser::stored_appearance()),
        };
        // Effects that write to the world outside the app (storage and `<html>`), not to
        // signals.
        Effect::new(move |_| browser::store_lang(preferences.lang.get()));
        Effect::new(move |_| {
            let appearance = preferences.appearance.get();
            browser::apply_appearance(appearance);
            browser::store_appearance(appearance);
        });
        preferences
    }
}

/// Reads the Preferences the root provides.
pub fn use_preferences() -> Preferences {
    use_context::<Preferences>().expect("Preferences are provided by App")
}
