//! `<DataTable>`: the one way a page lays out rows of records. The table sits in a box that
//! scrolls sideways, so a 360 px screen keeps the page's width and only the table moves, and
//! every column heading is a `<th scope="col">` that screen readers announce with each cell.

use leptos::prelude::*;

use crate::i18n::{use_locale, Key};

/// One column heading of a [`DataTable`].
#[derive(Clone, Copy, Debug)]
pub enum Heading {
    /// A heading shown to everyone.
    Text(Key),
    /// A heading for screen readers only (a column of buttons that say what they do).
    Hidden(Key),
    /// A heading that is not a translated text (`#`).
    Literal(&'static str),
}

/// A table of records: `headings` in order, an optional caption, and the rows (`<tr>`s) as
/// children.
#[component]
pub fn DataTable(
    /// The column headings, in order.
    headings: Vec<Heading>,
    /// The caption, when the page has more than one table or no heading says what this is.
    #[prop(optional)]
    caption: Option<Key>,
    /// The table's class, for its own styles.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The rows.
    children: Children,
) -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="table-scroll">
            <table class=class>
                {caption.map(|c| view! { <caption>{t.t(c)}</caption> })}
                <thead>
                    <tr>
                        {headings
                            .into_iter()
                            .map(|h| match h {
                                Heading::Text(k) => view! { <th scope="col">{t.t(k)}</th> }.into_any(),
                                Heading::Hidden(k) => {
                                    view! {
                                        <th scope="col">
                                            <span class="visually-hidden">{t.t(k)}</span>
                                        </th>
                                    }
                                        .into_any()
                                }
                                Heading::Literal(s) => view! { <th scope="col">{s}</th> }.into_any(),
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
