//! `/bang-theo-doi`: the leaders' wallboard, for a television across the room — today's and
//! this month's figures of the staff member's agency (with those under it), the dossiers
//! overdue now and due by the next working day per unit, in very large type. With JavaScript,
//! the live feed (`/bang-theo-doi/su-kien`, server-sent events) says when the figures moved and
//! the board fetches itself again within seconds; without it, the "Refresh" link reloads it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::data_table::{DataTable, Heading};
use crate::components::loaded::{Failure, Loaded};
use crate::dto::statistics::{BoardView, Tile};
use crate::format::key_text;
use crate::i18n::{use_locale, Key};
use crate::server_fns::wallboard::wallboard;

/// Fetches the page again when the feed's fingerprint differs from the board's, and swaps the
/// board in (no `&`, `<` or `>`: the text goes into the page as is).
const LIVE: &str = "(function(){var b=document.getElementById('board');if(!b||!window.EventSource){return;}\
var es=new EventSource('/bang-theo-doi/su-kien');\
es.addEventListener('changed',function(e){if(e.data===b.getAttribute('data-fp')){return;}\
fetch(location.href,{credentials:'same-origin'}).then(function(r){return r.text();}).then(function(t){\
var n=new DOMParser().parseFromString(t,'text/html').getElementById('board');\
if(n){b.replaceWith(n);b=n;}});});})();";

/// `/bang-theo-doi`
#[component]
pub fn WallboardPage() -> impl IntoView {
    let t = use_locale();
    let data = Resource::new(|| (), |_| wallboard());
    view! {
        <Title text=t.t(Key::BoardTitle) />
        <div class="wallboard">
            <Loaded data failure=Failure::Access let:v>
                <Board v />
            </Loaded>
            <script nonce=leptos::nonce::use_nonce() inner_html=LIVE></script>
        </div>
    }
}

#[component]
fn Tiles(tiles: Vec<Tile>) -> impl IntoView {
    let t = use_locale();
    view! {
        <ul class="board-tiles">
            {tiles
                .into_iter()
                .map(|tile| {
                    view! {
                        <li class="board-tile" class:board-alert=tile.alert data-k=tile.code.clone()>
                            <span class="board-value">{tile.value}</span>
                            <span class="board-label">{key_text(t, &format!("board_{}", tile.code))}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn Board(v: BoardView) -> impl IntoView {
    let t = use_locale();
    view! {
        <div id="board" data-fp=v.fingerprint.clone()>
            <h1>{t.tf(Key::BoardHeading, &[("agency", &v.agency)])}</h1>
            <p class="board-updated" role="status">
                {t.tf(Key::BoardUpdated, &[("time", &v.updated_at)])}" "
                <a href="/bang-theo-doi">{t.t(Key::BoardRefresh)}</a>
            </p>
            <section aria-labelledby="board-today-h">
                <h2 id="board-today-h">{t.t(Key::BoardToday)}</h2>
                <Tiles tiles=v.today.clone() />
            </section>
            <section aria-labelledby="board-month-h">
                <h2 id="board-month-h">{t.t(Key::BoardMonth)}</h2>
                <Tiles tiles=v.month.clone() />
            </section>
            <section aria-labelledby="board-units-h">
                <h2 id="board-units-h">{t.tf(Key::BoardUnits, &[("day", &v.next_working_day)])}</h2>
                <DataTable
                    class="board-units"
                    headings=vec![
                        Heading::Text(Key::StatAgency),
                        Heading::Text(Key::BoardOverdue),
                        Heading::Text(Key::BoardDueSoon),
                    ]
                >
                    {v.units
                        .iter()
                        .map(|u| view! {
                            <tr class:board-alert={u.overdue > 0}>
                                <th scope="row">{u.name.clone()}</th>
                                <td class="num">{u.overdue}</td>
                                <td class="num">{u.due_soon}</td>
                            </tr>
                        })
                        .collect_view()}
                </DataTable>
            </section>
        </div>
    }
}
