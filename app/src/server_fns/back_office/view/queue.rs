//! A page of a queue (or of a search over the agency's dossiers), with the tabs' counts and, for
//! a leader, the staff who can be assigned.

use chrono::Utc;
use domain::access::{Actor, Role};
use domain::dossiers::queues::{self, QueueQuery};

use super::{agency_name, assignable, urgency};
use crate::dto::back_office::{QueueRowView, QueueView};
use crate::error::AppError;
use crate::format::time_text;
use crate::i18n::Locale;

/// A page of the queue `query` names, as the staff member `actor` sees it.
pub(crate) async fn queue_view(
    t: Locale,
    db: &domain::db::DatabaseConnection,
    actor: &Actor,
    query: QueueQuery,
) -> Result<QueueView, AppError> {
    let now = Utc::now();
    let page = queues::list(db, actor, &query, now).await?;
    let agency = domain::dossiers::visibility::reading_agency(actor)
        .unwrap_or_default()
        .to_owned();
    let codes: Vec<String> = page.rows.iter().map(|r| r.procedure_code.clone()).collect();
    let names = domain::catalogue::procedure_names(db, &codes).await?;
    let rows = page
        .rows
        .into_iter()
        .map(|r| QueueRowView {
            procedure_name: names.get(&r.procedure_code).cloned().unwrap_or_default(),
            urgency: urgency(r.paused, r.minutes_left),
            time_left: r.minutes_left.map(|m| time_text(t, m)).unwrap_or_default(),
            id: r.id,
            code: r.code,
            procedure_code: r.procedure_code,
            applicant: r.applicant,
            status: r.status.code().to_owned(),
            submitted_at: r
                .submitted_at
                .map(crate::format::vietnam_time)
                .unwrap_or_default(),
            due_at: crate::format::local_time(r.due_at),
            escalated: r.escalated,
        })
        .collect();
    Ok(QueueView {
        queue: page.queue.code().to_owned(),
        tabs: page
            .counts
            .into_iter()
            .map(|(q, n)| (q.code().to_owned(), n))
            .collect(),
        rows,
        total: page.total,
        page: page.page,
        pages: page.total.div_ceil(page.per_page).max(1),
        q: query.q,
        agency: agency_name(db, &agency).await,
        satisfaction: if actor.has_role(Role::Leader) {
            let today = domain::dossiers::codes::vietnam_date(now);
            let s = domain::ratings::month_summary(db, &agency, today).await?;
            Some((
                s.very_satisfied,
                s.satisfied,
                s.not_satisfied,
                s.satisfied_percent(),
            ))
        } else {
            None
        },
        unsatisfied: domain::ratings::unanswered(db, actor, 20)
            .await?
            .into_iter()
            .map(|u| {
                (
                    u.rating.dossier_id.clone().unwrap_or_default(),
                    u.code,
                    u.rating.comment.unwrap_or_default(),
                )
            })
            .collect(),
        assignable: if actor.has_role(Role::Leader) {
            assignable(db, actor, &agency).await?
        } else {
            Vec::new()
        },
    })
}
