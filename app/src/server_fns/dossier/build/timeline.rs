//! What happened to a filed dossier, as its applicant reads it: the public timeline with the
//! slips to download, and the supplement the agency is waiting for.

use domain::dossiers::timeline::PublicEvent;
use domain::dossiers::{Loaded, Status};

use crate::dto::dossier::*;
use crate::format::vietnam_time;
use crate::i18n::{Key, Locale};

/// What the agency asked for in its last supplement request, while the dossier waits for it.
pub(super) fn supplement_view(loaded: &Loaded, events: &[PublicEvent]) -> Option<SupplementView> {
    if loaded.status == Status::SupplementRequested {
        events
            .iter()
            .rev()
            .find(|e| e.kind == "request_supplement")
            .map(|e| SupplementView {
                asked_at: vietnam_time(e.at),
                note: e.note.clone().unwrap_or_default(),
                missing: e.missing.clone(),
            })
    } else {
        None
    }
}

/// Each event in words (with its deadline, tracking number, place and note), and the slip
/// (PDF) of an acceptance, refusal or apology.
pub(super) fn timeline_entries(
    t: Locale,
    id: &str,
    events: Vec<PublicEvent>,
) -> Vec<TimelineEntry> {
    events
        .into_iter()
        .map(|e| {
            let kind = if e.kind == "return" && e.method.as_deref() == Some("online") {
                "return_online".to_owned()
            } else if e.kind == "return" && e.method.as_deref() == Some("post") {
                "return_post".to_owned()
            } else {
                e.kind.clone()
            };
            let mut text = Key::from_name(&format!("event_{kind}"))
                .map(|k| t.t(k).to_owned())
                .unwrap_or_else(|| e.kind.clone());
            if let Some(due) = e.due_at {
                text.push_str(&t.tf(
                    Key::EventDueSuffix,
                    &[("due", &domain::dossiers::deadlines::local_text(due))],
                ));
            }
            if let Some(tn) = &e.tracking_number {
                text.push_str(&t.tf(Key::EventTrackingSuffix, &[("tn", tn)]));
            }
            if let Some(place) = e.location.as_ref().filter(|p| !p.is_empty()) {
                text.push_str(&format!(" — {place}"));
            }
            if let Some(note) = e.note.filter(|n| !n.is_empty()) {
                text.push_str(&format!(": {note}"));
            }
            let slip = matches!(e.kind.as_str(), "accept" | "refuse" | "apologise").then(|| {
                let label = Key::from_name(&format!("bo_slip_{}", e.kind))
                    .map(|k| t.t(k).to_owned())
                    .unwrap_or_default();
                (format!("/ho-so/{}/giay/{}.pdf", id, e.id), label)
            });
            (vietnam_time(e.at), text, slip)
        })
        .collect()
}
