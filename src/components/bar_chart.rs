use leptos::prelude::*;

/// One bar: what it is, its length, and the number written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    /// The value as the reader reads it («12 480»).
    pub shown: String,
}

/// Width of the drawing in SVG units; it scales to the column, which the stylesheet keeps
/// between a phone's 20rem and 30rem, so the text stays near its CSS size.
const WIDTH: u32 = 360;
/// Each row is a label line over its bar, so long names fit a phone's width.
const ROW: u32 = 46;
const BAR_MAX: u32 = 280;
/// Longer labels are cut in the drawing (the table has them whole).
const LABEL_CHARS: usize = 48;

/// A horizontal bar chart drawn as SVG, with the same numbers as a table for screen
/// readers (the drawing itself is hidden from them).
#[component]
pub fn BarChart(
    /// The chart's title, also the table's caption.
    title: String,
    /// The heading of the label column («Платформа»).
    label_header: &'static str,
    /// The heading of the value column («Каналы»).
    value_header: &'static str,
    /// The bars, in the order to draw them.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() as u32;
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = ROW * i as u32;
            let length = ((bar.value as f64 / max as f64) * f64::from(BAR_MAX)).round() as u32;
            let label = cut(&bar.label);
            view! {
                <g>
                    <title>{bar.label.clone()}</title>
                    <text class="chart__label" x="0" y=y + 15>{label}</text>
                    <rect class="chart__bar" x="0" y=y + 21 width=length.max(1) height="16" rx="3"/>
                    <text class="chart__value" x=length + 6 y=y + 34>{bar.shown.clone()}</text>
                </g>
            }
        })
        .collect_view();
    // The table sits in a hidden box: a table ignores the 1-pixel size that hides text.
    view! {
        <figure class="chart">
            <figcaption class="chart__title">{title.clone()}</figcaption>
            <svg class="chart__drawing" viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" focusable="false">
                {drawn}
            </svg>
            <div class="visually-hidden"><table>
                <caption>{title}</caption>
                <thead><tr><th scope="col">{label_header}</th><th scope="col">{value_header}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|bar| view! {
                        <tr><th scope="row">{bar.label}</th><td>{bar.shown}</td></tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </figure>
    }
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}
