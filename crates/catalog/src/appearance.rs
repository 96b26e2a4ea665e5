//! How the page looks for one reader: the low-vision settings («версия для
//! слабовидящих») that government sites offer, remembered between visits.

/// The size of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Normal,
        TextSize::Large,
        TextSize::Larger,
        TextSize::Largest,
    ];

    /// The stored value and the `data-text` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
            TextSize::Largest => "largest",
        }
    }
}

/// The colours of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    /// Light or dark, as the system prefers.
    #[default]
    System,
    /// Black text on white.
    BlackOnWhite,
    /// White text on black.
    WhiteOnBlack,
    /// Dark blue text on light blue, as many government sites offer.
    BlueOnBlue,
}

impl Scheme {
    pub const ALL: [Scheme; 4] = [
        Scheme::System,
        Scheme::BlackOnWhite,
        Scheme::WhiteOnBlack,
        Scheme::BlueOnBlue,
    ];

    /// The stored value and the `data-scheme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::System => "system",
            Scheme::BlackOnWhite => "black-on-white",
            Scheme::WhiteOnBlack => "white-on-black",
            Scheme::BlueOnBlue => "blue-on-blue",
        }
    }
}

/// One reader's settings. The default is the ordinary page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Appearance {
    pub text: TextSize,
    pub scheme: Scheme,
    /// Whether icons and pictures are shown; QR codes stay, as they are content.
    pub images: bool,
}

impl Default for Appearance {
    fn default() -> Appearance {
        Appearance {
            text: TextSize::Normal,
            scheme: Scheme::System,
            images: true,
        }
    }
}

impl Appearance {
    /// The settings as one stored string: `text=large;scheme=white-on-black;images=off`.
    pub fn to_storage(self) -> String {
        format!(
            "text={};scheme={};images={}",
            self.text.as_str(),
            self.scheme.as_str(),
            if self.images { "on" } else { "off" }
        )
    }

    /// Reads a stored string; anything unknown keeps its default, so a value written by
    /// another version never breaks the page.
    pub fn from_storage(text: &str) -> Appearance {
        let mut appearance = Appearance::default();
        for pair in text.split(';') {
            match pair.split_once('=') {
                Some(("text", value)) => {
                    if let Some(size) = TextSize::ALL.into_iter().find(|s| s.as_str() == value) {
                        appearance.text = size;
                    }
                }
                Some(("scheme", value)) => {
                    if let Some(scheme) = Scheme::ALL.into_iter().find(|s| s.as_str() == value) {
                        appearance.scheme = scheme;
                    }
                }
                Some(("images", "off")) => appearance.images = false,
                Some(("images", "on")) => appearance.images = true,
                _ => {}
            }
        }
        appearance
    }
}
