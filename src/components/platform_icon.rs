use leptos::prelude::*;

/// A platform's mark: its initials on its colour. Decorative (the platform's name is
/// always written beside it), so screen readers skip it and the low-vision mode can hide
/// it with the other images.
#[component]
pub fn PlatformIcon(
    /// The platform id from the catalog.
    platform: String,
) -> impl IntoView {
    let initials = match platform.as_str() {
        "vk" => "VK".to_string(),
        "ok" => "OK".to_string(),
        "max" => "MAX".to_string(),
        "telegram" => "TG".to_string(),
        other => other.chars().take(2).collect::<String>().to_uppercase(),
    };
    let class = format!("platform-icon platform-icon--{}", css_token(&platform));
    view! { <span class=class aria-hidden="true">{initials}</span> }
}

/// Platform ids come from the catalog; only letters, digits and `-` reach a class name.
pub fn css_token(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}
