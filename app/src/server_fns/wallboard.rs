//! The leaders' wallboard (`domain::statistics::wallboard`), worded for the page.

use leptos::prelude::*;

use crate::dto::statistics::BoardView;
use crate::error::AppError;

/// The board of the signed-in staff member's agency. Signed out: `Unauthorized`; not staff:
/// `Forbidden`.
#[server(prefix = "/api/ui", endpoint = "wallboard")]
pub async fn wallboard() -> Result<BoardView, AppError> {
    use domain::access::Actor;
    use domain::statistics::figures::Figures;
    use domain::statistics::wallboard;

    use crate::dto::statistics::{Tile, UnitLine};

    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let agency = match &ctx.actor {
        Actor::Staff { agency_code, .. } => agency_code.clone(),
        Actor::Anonymous => return Err(AppError::Unauthorized),
        _ => return Err(AppError::Forbidden),
    };
    let db = super::db()?;
    let now = chrono::Utc::now();
    let board = wallboard::board(&db, &agency, now).await?;
    let names = domain::catalogue::AgencyNames::load(&db).await?;
    let name_of = |code: &str| names.of(code);
    let percent = |p: Option<i64>| p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    let tile = |code: &str, value: String| Tile {
        code: code.into(),
        value,
        alert: false,
    };
    let flows = |f: &Figures| {
        vec![
            tile("received", f.received().to_string()),
            tile("resolved", f.resolved().to_string()),
            tile("on_time", percent(f.on_time_percent())),
            tile("satisfied", percent(f.satisfied_percent())),
        ]
    };
    let mut today = flows(&board.today);
    today.push(Tile {
        code: "overdue".into(),
        value: board.overdue().to_string(),
        alert: board.overdue() > 0,
    });
    today.push(tile("due_soon", board.due_soon().to_string()));
    Ok(BoardView {
        agency: name_of(&agency),
        updated_at: now
            .with_timezone(&domain::dossiers::codes::vietnam())
            .format("%H:%M:%S")
            .to_string(),
        fingerprint: wallboard::fingerprint(&board),
        today,
        month: flows(&board.month),
        units: board
            .units
            .iter()
            .map(|u| UnitLine {
                name: name_of(&u.agency),
                overdue: u.overdue,
                due_soon: u.due_soon,
            })
            .collect(),
        next_working_day: board.next_working_day.format("%d/%m/%Y").to_string(),
    })
}
