//! The documents step: each slot with its rules and files, and the applicant's earlier files that
//! can be attached again.

use std::collections::HashMap;

use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::files::{self, Attached};
use domain::dossiers::Loaded;

use super::label;
use crate::dto::dossier::*;
use crate::error::AppError;
use crate::i18n::{Key, Locale};

/// The form's document slots, each with the files attached to it and its error.
pub(super) fn slot_views(
    t: Locale,
    loaded: &Loaded,
    attached: &[Attached],
    errors: &HashMap<String, String>,
) -> Vec<SlotView> {
    loaded
        .form
        .documents
        .iter()
        .map(|s| SlotView {
            key: s.key.clone(),
            label: label(t, &s.label),
            hint: s.hint.as_ref().map(|h| label(t, h)),
            required: s.required,
            max_files: s.max_files,
            types: s
                .types
                .iter()
                .map(|x| x.to_uppercase())
                .collect::<Vec<_>>()
                .join(", "),
            accept: s
                .types
                .iter()
                .map(|x| match x.as_str() {
                    "jpg" => ".jpg,.jpeg,image/jpeg".to_owned(),
                    "png" => ".png,image/png".to_owned(),
                    "pdf" => ".pdf,application/pdf".to_owned(),
                    other => format!(".{other}"),
                })
                .collect::<Vec<_>>()
                .join(","),
            max_mb: s.max_mb,
            files: attached
                .iter()
                .filter(|x| x.attachment.slot == s.key)
                .map(|x| file_view(x.attachment.id.clone(), &x.file))
                .collect(),
            error: errors.get(&format!("doc-{}", s.key)).cloned(),
        })
        .collect::<Vec<_>>()
}

/// The applicant's files, named so that same-named scans are told apart, to attach again.
pub(super) async fn reusable_files(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<FileView>, AppError> {
    let mine = files::my_files(db, actor).await?;
    let ids: Vec<String> = mine.iter().map(|f| f.id.clone()).collect();
    let used_in = files::first_used_in(db, &ids).await?;
    Ok(mine
        .iter()
        .map(|f| {
            let mut view = file_view(f.id.clone(), f);
            // Same-named scans told apart by when and for which dossier they were sent.
            let day = f
                .created_at
                .with_timezone(&domain::dossiers::codes::vietnam())
                .format("%d/%m/%Y");
            view.name = match used_in.get(&f.id).cloned().flatten() {
                Some(code) => t.tf(
                    Key::ReuseFileInDossier,
                    &[("name", &f.file_name), ("day", &day), ("code", &code)],
                ),
                None => t.tf(Key::ReuseFileOn, &[("name", &f.file_name), ("day", &day)]),
            };
            view
        })
        .collect())
}

/// A file as the page links it.
fn file_view(id: String, f: &domain::entities::stored_file::Model) -> FileView {
    FileView {
        id,
        file_id: f.id.clone(),
        name: f.file_name.clone(),
        size: f.size,
        content_type: f.content_type.clone(),
        url: format!("/tep/{}", f.id),
    }
}
