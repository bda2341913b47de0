//! `<BarChart>`: figures as horizontal bars in server-rendered SVG, with the same figures in a
//! table beside it — the one way a page draws a chart. No script draws anything: the page is
//! complete without JavaScript, and the table is what screen readers and copy-paste use (the
//! picture is hidden from them, its caption says what the table holds).

use leptos::prelude::*;

/// One bar: its label and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Shown text.
    pub label: String,
    /// Value (negative values draw no bar).
    pub value: i64,
}

/// Width of the drawing in SVG units; it scales to the box (a 360 px phone shows it about
/// 1:1).
const WIDTH: i64 = 320;
/// Height of one bar's row: its label line and the bar.
const ROW: i64 = 36;

/// The chart of `bars` titled `title`, then the table of the same figures under `heading`
/// (the figure column) and `value_heading`.
#[component]
pub fn BarChart(
    /// Id of the chart (a link target).
    id: &'static str,
    /// What the chart shows.
    title: String,
    /// The figure column's heading.
    heading: String,
    /// The value column's heading.
    value_heading: String,
    /// The bars, in order.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * i64::try_from(bars.len()).unwrap_or(0) + 4;
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = ROW * i64::try_from(i).unwrap_or(0);
            // The value's text needs about 60 units after the longest bar.
            let w = (b.value.max(0) * (WIDTH - 60) / max).max(i64::from(b.value > 0));
            view! {
                <text x="0" y=y + 13 class="chart-label">{b.label.clone()}</text>
                <rect x="0" y=y + 18 width=w height="14" rx="2" class=format!("chart-bar chart-bar-{}", i % 6) />
                <text x=w + 6 y=y + 30 class="chart-value">{b.value}</text>
            }
        })
        .collect_view();
    let region = title.clone();
    let rows = bars
        .into_iter()
        .map(|b| view! { <tr><th scope="row">{b.label}</th><td class="num">{b.value}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" id=id>
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                class="chart-svg"
                aria-hidden="true"
                focusable="false"
            >
                {drawn}
            </svg>
            // Focusable, so that a keyboard scrolls it on a narrow screen (it holds no link).
            <div class="table-scroll" tabindex="0" role="region" aria-label=region>
                <table class="chart-table">
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{heading}</th>
                            <th scope="col" class="num">{value_heading}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}
