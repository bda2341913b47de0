//! Turns a dossier, its procedure's form and its problems into the page's view, in the page's
//! language. [`dossier_view_in`] decides what the page shows (which step, whose problems) and
//! calls one module per part of the view: `applicant`, `fields` (the form and the addresses),
//! `documents`, `delivery`, `review`, `fees`, `timeline`, `tracking` and `problems`.

mod applicant;
mod delivery;
mod documents;
mod fees;
mod fields;
mod problems;
pub(crate) mod rating;
mod review;
mod timeline;
mod tracking;

use std::collections::HashMap;

use chrono::Utc;
use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::checks::{self, Problems};
use domain::dossiers::{drafts, files, timeline as public_timeline, Loaded, Status, Step};
use domain::forms::{self, Label};
use domain::postal;

use crate::dto::dossier::*;
use crate::error::AppError;
use crate::format::vietnam_time;
use crate::i18n::{use_locale, Locale};

/// A label in the page's language.
fn label(t: Locale, l: &Label) -> String {
    l.get(t.code()).to_owned()
}

/// The whole view of a dossier's page.
pub async fn dossier_view(
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    step: &str,
    check: bool,
) -> Result<DossierView, AppError> {
    // The owner is back from the gateway (or backed out of it): ask it at once about an online
    // payment still waiting, before reading the dossier, rather than show "waiting for the
    // bank" until its IPN comes. Nothing is asked for anyone else.
    if let Some(gateway) = leptos::prelude::use_context::<domain::payments::online::Gateway>() {
        domain::payments::online::check_waiting(db, &gateway, actor, id, Utc::now()).await?;
    }
    dossier_view_in(use_locale(), db, actor, id, step, check).await
}

/// [`dossier_view`] in a given language (for callers outside a page, e.g. the receipt).
pub async fn dossier_view_in(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    step: &str,
    check: bool,
) -> Result<DossierView, AppError> {
    // Staff of an agency with a part in a filed dossier read the same view as its owner.
    let loaded = drafts::load_readable(db, actor, id).await?;
    let today = Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let problems: Problems = if loaded.status == Status::Draft {
        checks::problems(db, actor, &loaded, today).await?
    } else {
        Problems::default()
    };
    // A filed dossier's delivery "step" is the page that changes how its result comes home.
    let changing = loaded.status != Status::Draft && Step::parse(step) == Some(Step::Delivery);
    let shown = if loaded.status == Status::Draft {
        loaded.allowed_step(Step::parse(step).unwrap_or_else(|| loaded.resume_step()))
    } else if changing {
        Step::Delivery
    } else {
        Step::Review
    };
    let electronic_offered = loaded.details.channels.iter().any(|c| c == "online");
    // Only its owner sees what they typed and have not saved.
    let request = (changing && actor.account_id() == Some(loaded.dossier.owner_id.as_str()))
        .then(|| postal::choice::request_of(&loaded.dossier))
        .flatten();
    let steps = step_links(&loaded, shown);
    let step_problems = problems::step_problems(
        db,
        &loaded,
        &problems,
        shown,
        request.is_some(),
        electronic_offered,
    )
    .await?;
    let show = check || (shown == Step::Review && loaded.status == Status::Draft) || changing;
    let errors = if show {
        problems::messages(t, &step_problems)
    } else {
        HashMap::new()
    };
    let mut communes = fields::Communes::new(db);
    let provinces = fields::provinces(db).await?;
    let agencies = domain::catalogue::agencies(db).await?;
    let applicant =
        applicant::applicant_view(db, actor, &loaded, &agencies, &mut communes, &errors).await?;
    let form = fields::form_view(t, &loaded, &errors, &mut communes).await;

    let attached = files::files_of(db, &loaded.dossier.id).await?;
    let slots = documents::slot_views(t, &loaded, &attached, &errors);
    let my_files = if loaded.status == Status::Draft && shown == Step::Documents {
        documents::reusable_files(t, db, actor).await?
    } else {
        Vec::new()
    };

    let d = request.unwrap_or_else(|| loaded.delivery());
    let delivery =
        delivery::delivery_view(t, db, d, electronic_offered, shown, &mut communes, &errors)
            .await?;
    let (delivery_rows, delivery_changeable) =
        delivery::filed_delivery(t, db, actor, &loaded, id, &delivery, &provinces).await?;
    let review = if shown == Step::Review {
        review::review_sections(t, &applicant, &form, &slots, &delivery, &provinces)
    } else {
        Vec::new()
    };
    // One quote (one tariff lookup): a draft owes its total; a filed dossier what was frozen.
    let fee_quote = domain::payments::quote::shown(db, &loaded, today).await?;
    let fee_vnd = loaded.dossier.fee_due_vnd.unwrap_or(fee_quote.total_vnd);
    let quote = fees::quote_view(t, &fee_quote, fee_vnd);
    let refunds = fees::refund_views(t, db, id).await?;
    let rating = rating::rating_view(db, actor, &loaded.dossier).await?;
    let events = if loaded.status == Status::Draft {
        Vec::new()
    } else {
        public_timeline::public_events(db, actor, id).await?
    };
    let supplement = timeline::supplement_view(&loaded, &events);
    let due_at = loaded
        .dossier
        .due_at
        .map(|d| domain::dossiers::deadlines::local_text(d.with_timezone(&Utc)));
    let timeline = timeline::timeline_entries(t, id, events);
    let tracking = tracking::tracking(t, db, actor, &loaded.dossier).await?;
    let receiving_agency = loaded
        .dossier
        .receiving_agency_code
        .as_ref()
        .and_then(|code| agencies.iter().find(|x| &x.code == code))
        .map(|x| x.name.clone());
    let procedure_slug = domain::catalogue::procedure_by_code(db, &loaded.dossier.procedure_code)
        .await
        .map(|(p, _)| p.slug)
        .unwrap_or_default();
    Ok(DossierView {
        id: loaded.dossier.id.clone(),
        revision: loaded.dossier.revision,
        code: loaded.dossier.code.clone(),
        status: loaded.dossier.status.clone(),
        procedure_code: loaded.dossier.procedure_code.clone(),
        procedure_name: loaded.version.name.clone(),
        procedure_slug,
        step: shown.code().to_owned(),
        steps,
        problems: if show {
            problems::problem_views(t, &loaded, &step_problems)
        } else {
            Vec::new()
        },
        applicant,
        form,
        used_bytes: files::used_bytes(&attached),
        slots,
        my_files,
        max_dossier_mb: forms::MAX_DOSSIER_MB,
        delivery,
        review,
        provinces,
        fee_vnd,
        quote,
        refunds,
        refund_banks: domain::payments::payouts::BANKS
            .iter()
            .map(|(bin, name)| ((*bin).to_owned(), (*name).to_owned()))
            .collect(),
        rating,
        submitted_at: loaded
            .dossier
            .submitted_at
            .map(|s| vietnam_time(s.with_timezone(&Utc))),
        timeline,
        receiving_agency,
        supplement,
        due_at,
        now_at: tracking.now_at,
        time_left: tracking.time_left,
        paused: tracking.paused,
        result: tracking.result,
        access: tracking.access,
        payment: tracking.payment,
        delivery_rows,
        delivery_changeable,
    })
}

/// The list of steps: each done or not, the one shown, and those that can be opened yet.
fn step_links(loaded: &Loaded, shown: Step) -> Vec<StepLink> {
    let done = loaded.done();
    let resume = loaded.resume_step();
    Step::ALL
        .into_iter()
        .map(|s| StepLink {
            code: s.code().to_owned(),
            slug: s.slug().to_owned(),
            done: done.contains(&s),
            current: s == shown,
            reachable: s <= resume,
        })
        .collect()
}
