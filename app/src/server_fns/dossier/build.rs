//! Turns a dossier, its procedure's form and its problems into the page's view, in the page's
//! language.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::checks::{self, Problems};
use domain::dossiers::{drafts, files, timeline, Loaded, Status, Step};
use domain::error::FieldError;
use domain::forms::{self, FieldKind, FormField, Label};
use domain::postal;
use leptos::serde_json::{self, Map, Value};

use crate::dto::dossier::*;
use crate::dto::results::AccessView;
use crate::error::AppError;
use crate::format::{display_date, error_text, vietnam_time};
use crate::i18n::{use_locale, Key, Locale};

fn label(t: Locale, l: &Label) -> String {
    l.get(t.code()).to_owned()
}

/// Communes of provinces, fetched once per province per page.
struct Communes<'a> {
    db: &'a DatabaseConnection,
    cache: HashMap<String, Vec<Choice>>,
}

impl Communes<'_> {
    async fn of(&mut self, province: &str) -> Vec<Choice> {
        if province.is_empty() {
            return Vec::new();
        }
        if let Some(list) = self.cache.get(province) {
            return list.clone();
        }
        let list: Vec<Choice> = domain::admin_map::current_communes(self.db, province)
            .await
            .map(|cs| {
                cs.into_iter()
                    // The name carries its kind ("Phường Tân Ninh"), as in the profile's list.
                    .map(|c| Choice {
                        value: c.code,
                        label: c.name,
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.cache.insert(province.to_owned(), list.clone());
        list
    }
}

/// Errors by element id, as sentences.
fn messages(t: Locale, problems: &[FieldError]) -> HashMap<String, String> {
    problems
        .iter()
        .map(|p| (p.field.clone(), error_text(t, &p.code)))
        .collect()
}

async fn address(
    communes: &mut Communes<'_>,
    id: &str,
    province: &str,
    commune: &str,
    street: &str,
    errors: &HashMap<String, String>,
) -> AddressView {
    AddressView {
        id: id.to_owned(),
        province: province.to_owned(),
        commune: commune.to_owned(),
        street: street.to_owned(),
        communes: communes.of(province).await,
        province_error: errors.get(&format!("{id}-province")).cloned(),
        commune_error: errors.get(&format!("{id}-commune")).cloned(),
        street_error: errors.get(&format!("{id}-street")).cloned(),
    }
}

fn str_of<'a>(answers: &'a Map<String, Value>, key: &str) -> &'a str {
    answers.get(key).and_then(Value::as_str).unwrap_or("")
}

/// "Only if “<controller>” is “<value>” or “<value>”", with the labels the applicant sees.
fn condition_in_words(t: Locale, fields: &[FormField], c: &forms::VisibleIf) -> String {
    let controller = fields.iter().find(|f| f.key == c.field);
    let name = controller.map(|f| label(t, &f.label)).unwrap_or_default();
    let values: Vec<String> = c
        .any_of
        .iter()
        .map(|v| {
            let option = controller.and_then(|f| f.options.iter().find(|o| &o.value == v));
            match (option, v.as_str()) {
                (Some(o), _) => label(t, &o.label),
                (None, "true") => t.t(Key::ConditionTicked).to_owned(),
                (None, _) => v.clone(),
            }
        })
        .map(|v| format!("“{v}”"))
        .collect();
    t.tf(
        Key::ConditionOnlyIf,
        &[
            ("field", &name),
            ("values", &values.join(t.t(Key::ConditionOr))),
        ],
    )
}

/// The view of a level of fields (the form, or one group entry).
fn fields_view<'a>(
    t: Locale,
    fields: &'a [FormField],
    answers: &'a Map<String, Value>,
    prefix: Vec<String>,
    errors: &'a HashMap<String, String>,
    communes: &'a mut Communes<'_>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<FieldView>> + Send + 'a>> {
    Box::pin(async move {
        let mut out = Vec::new();
        for f in fields {
            let mut path: Vec<&str> = prefix.iter().map(String::as_str).collect();
            path.push(&f.key);
            let id = forms::field_id(&path);
            let mut view = FieldView {
                id: id.clone(),
                kind: serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                label: label(t, &f.label),
                hint: f.hint.as_ref().map(|h| label(t, h)),
                required: f.required,
                value: str_of(answers, &f.key).to_owned(),
                max_length: f.max_length,
                min: f.min.clone().map(|m| {
                    if m == "today" {
                        Utc::now().date_naive().to_string()
                    } else {
                        m
                    }
                }),
                max: f.max.clone().map(|m| {
                    if m == "today" {
                        Utc::now().date_naive().to_string()
                    } else {
                        m
                    }
                }),
                options: f
                    .options
                    .iter()
                    .map(|o| Choice {
                        value: o.value.clone(),
                        label: label(t, &o.label),
                    })
                    .collect(),
                error: errors.get(&id).cloned(),
                visible_if: f.visible_if.as_ref().map(|c| {
                    let mut controller: Vec<&str> = prefix.iter().map(String::as_str).collect();
                    controller.push(&c.field);
                    (forms::field_id(&controller), c.any_of.clone())
                }),
                visible: forms::is_visible(f, answers),
                visible_when: f
                    .visible_if
                    .as_ref()
                    .map(|c| condition_in_words(t, fields, c)),
                address: None,
                items: Vec::new(),
                max_items: f.max_items.unwrap_or(0),
            };
            match f.kind {
                FieldKind::Address => {
                    let parts = answers.get(&f.key).and_then(Value::as_object);
                    let part = |n: &str| {
                        parts
                            .and_then(|p| p.get(n))
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_owned()
                    };
                    view.address = Some(
                        address(
                            communes,
                            &id,
                            &part("province"),
                            &part("commune"),
                            &part("street"),
                            errors,
                        )
                        .await,
                    );
                }
                FieldKind::Group => {
                    let items: Vec<Map<String, Value>> = answers
                        .get(&f.key)
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(|v| v.as_object().cloned()).collect())
                        .unwrap_or_default();
                    let max = f.max_items.unwrap_or(20) as usize;
                    let shown = (items.len() + 1)
                        .min(max)
                        .max(f.min_items.unwrap_or(1) as usize);
                    let empty = Map::new();
                    for n in 0..shown {
                        let item = items.get(n).unwrap_or(&empty);
                        let mut inner = prefix.clone();
                        inner.push(f.key.clone());
                        inner.push(n.to_string());
                        let entry = fields_view(t, &f.fields, item, inner, errors, communes).await;
                        view.items.push(entry);
                    }
                }
                _ => {}
            }
            out.push(view);
        }
        out
    })
}

/// The label of a problem's field and the step it is on.
fn problem_label(t: Locale, loaded: &Loaded, id: &str) -> (String, Step) {
    let key = |k: Key| t.t(k).to_owned();
    if let Some(rest) = id.strip_prefix("doc-") {
        let name = loaded
            .form
            .documents
            .iter()
            .find(|s| s.key == rest)
            .map(|s| label(t, &s.label))
            .unwrap_or_default();
        return (name, Step::Documents);
    }
    if id.starts_with("form-") {
        let name = forms::label_of(&loaded.form, id)
            .map(|l| label(t, l))
            .unwrap_or_default();
        return (name, Step::Form);
    }
    let step = if id.starts_with("delivery-") {
        Step::Delivery
    } else if id == "declaration" {
        Step::Review
    } else {
        Step::Applicant
    };
    let name = match id.rsplit('-').next().unwrap_or(id) {
        "full_name" => key(Key::FieldFullName),
        "citizen_id" => key(Key::FieldCitizenId),
        "date_of_birth" => key(Key::FieldDateOfBirth),
        "phone" => key(Key::FieldPhone),
        "email" => key(Key::FieldEmail),
        "province" => key(Key::FieldProvinceCode),
        "commune" => key(Key::FieldCommuneCode),
        "street" => key(Key::FieldStreet),
        "subject_name" => key(Key::FieldSubjectName),
        "subject_citizen_id" => key(Key::FieldSubjectCitizenId),
        "relation" => key(Key::FieldRelation),
        "organisation_id" => key(Key::FieldOrganisationId),
        "receiving_agency" => key(Key::FieldReceivingAgency),
        "method" => key(Key::FieldDeliveryMethod),
        "recipient" => key(Key::FieldRecipient),
        "declaration" => key(Key::FieldDeclaration),
        other => other.to_owned(),
    };
    (name, step)
}

fn problem_views(t: Locale, loaded: &Loaded, problems: &[FieldError]) -> Vec<ProblemView> {
    problems
        .iter()
        .map(|p| {
            let (label, step) = problem_label(t, loaded, &p.field);
            ProblemView {
                id: p.field.clone(),
                label,
                message: error_text(t, &p.code),
                step_slug: step.slug().to_owned(),
            }
        })
        .collect()
}

/// Text of a form answer for the review page (a choice's label, a ticked box's "yes").
fn answer_rows(
    t: Locale,
    fields: &[FieldView],
    provinces: &[Choice],
    rows: &mut Vec<(String, String)>,
) {
    for f in fields.iter().filter(|f| f.visible) {
        match f.kind.as_str() {
            "group" => {
                for (n, item) in f.items.iter().enumerate() {
                    let mut inner = Vec::new();
                    answer_rows(t, item, provinces, &mut inner);
                    if inner.iter().any(|(_, v)| !v.is_empty()) {
                        for (label, value) in inner {
                            rows.push((format!("{} {} — {label}", f.label, n + 1), value));
                        }
                    }
                }
            }
            "address" => {
                if let Some(a) = &f.address {
                    rows.push((f.label.clone(), address_text(a, provinces)));
                }
            }
            "choice" => rows.push((
                f.label.clone(),
                f.options
                    .iter()
                    .find(|o| o.value == f.value)
                    .map(|o| o.label.clone())
                    .unwrap_or_default(),
            )),
            "checkbox" => rows.push((
                f.label.clone(),
                if f.value == "true" {
                    t.t(Key::Yes).to_owned()
                } else {
                    t.t(Key::No).to_owned()
                },
            )),
            "date" => rows.push((f.label.clone(), display_date(&f.value))),
            _ => rows.push((f.label.clone(), f.value.clone())),
        }
    }
}

/// `street, commune, province` in words.
fn address_text(a: &AddressView, provinces: &[Choice]) -> String {
    let name = |list: &[Choice], code: &str| {
        list.iter()
            .find(|c| c.value == code)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    let commune = name(&a.communes, &a.commune);
    let province = name(provinces, &a.province);
    [a.street.as_str(), commune.as_str(), province.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

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
    let done = loaded.done();
    let resume = loaded.resume_step();
    let steps = Step::ALL
        .into_iter()
        .map(|s| StepLink {
            code: s.code().to_owned(),
            slug: s.slug().to_owned(),
            done: done.contains(&s),
            current: s == shown,
            reachable: s <= resume,
        })
        .collect();
    let step_problems: Vec<FieldError> = if request.is_some() {
        postal::choice::request_problems(db, &loaded.dossier, electronic_offered, Utc::now())
            .await?
    } else if shown == Step::Review {
        problems.values().flatten().cloned().collect()
    } else {
        problems.get(&shown).cloned().unwrap_or_default()
    };
    let show = check || (shown == Step::Review && loaded.status == Status::Draft) || changing;
    let errors = if show {
        messages(t, &step_problems)
    } else {
        HashMap::new()
    };
    let mut communes = Communes {
        db,
        cache: HashMap::new(),
    };
    let provinces: Vec<Choice> = domain::admin_map::current_provinces(db)
        .await?
        .into_iter()
        .map(|p| Choice {
            value: p.code,
            label: p.name,
        })
        .collect();

    let a = loaded.applicant();
    let fixed = loaded
        .details
        .receiving
        .as_ref()
        .and_then(|r| r.agency.clone());
    let agencies = domain::catalogue::agencies(db).await?;
    let receiving_fixed = fixed
        .as_ref()
        .and_then(|code| agencies.iter().find(|x| &x.code == code))
        .map(|x| x.name.clone());
    let receiving_choices = if fixed.is_none() {
        agencies
            .iter()
            .filter(|x| x.level == "commune")
            .map(|x| Choice {
                value: x.code.clone(),
                label: x.name.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let organisations = domain::organisations::mine(db, actor)
        .await?
        .into_iter()
        .map(|o| Choice {
            value: o.organisation.id,
            label: o.organisation.name,
        })
        .collect();
    let applicant = ApplicantView {
        on_behalf: serde_json::to_value(a.on_behalf)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        address: address(
            &mut communes,
            "applicant-address",
            &a.province,
            &a.commune,
            &a.street,
            &errors,
        )
        .await,
        full_name: a.full_name,
        citizen_id: a.citizen_id,
        date_of_birth: a.date_of_birth,
        phone: a.phone,
        email: a.email,
        subject_name: a.subject_name,
        subject_citizen_id: a.subject_citizen_id,
        relation: a.relation,
        organisation_id: a.organisation_id,
        organisations,
        receiving_fixed,
        receiving_agency: a.receiving_agency,
        receiving_choices,
    };

    let empty = Map::new();
    let answers = loaded.dossier.answers.as_object().unwrap_or(&empty);
    let form = fields_view(
        t,
        &loaded.form.fields,
        answers,
        Vec::new(),
        &errors,
        &mut communes,
    )
    .await;

    let attached = files::files_of(db, &loaded.dossier.id).await?;
    let slots = loaded
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
        .collect::<Vec<_>>();
    let my_files = if loaded.status == Status::Draft && shown == Step::Documents {
        let mine = files::my_files(db, actor).await?;
        let ids: Vec<String> = mine.iter().map(|f| f.id.clone()).collect();
        let used_in = files::first_used_in(db, &ids).await?;
        mine.iter()
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
            .collect()
    } else {
        Vec::new()
    };

    let d = request.unwrap_or_else(|| loaded.delivery());
    let delivery = DeliveryView {
        method: match d.method {
            domain::dossiers::DeliveryMethod::Unset => String::new(),
            m => serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        },
        recipient: d.recipient,
        phone: d.phone,
        address: address(
            &mut communes,
            "delivery-address",
            &d.province,
            &d.commune,
            &d.street,
            &errors,
        )
        .await,
        electronic: electronic_offered,
        postal_payment: d.postal_payment.code().to_owned(),
        // The tariff is read only where it is shown.
        postal_fees: if shown != Step::Delivery {
            String::new()
        } else {
            let today = Utc::now()
                .with_timezone(&domain::dossiers::codes::vietnam())
                .date_naive();
            let money = |v: i64| crate::format::fee_text(t, v);
            match domain::postal::tariff::fees(db, today).await? {
                (Some(within), Some(other)) => t.tf(
                    Key::PostalFeesHint,
                    &[("within", &money(within)), ("other", &money(other))],
                ),
                _ => String::new(),
            }
        },
    };

    let (delivery_rows, delivery_changeable) = if loaded.status == Status::Draft {
        (Vec::new(), false)
    } else {
        let mut rows = delivery_rows(t, &delivery, &provinces);
        if let Some(fee) = loaded
            .dossier
            .postal_fee_vnd
            .filter(|_| delivery.method == "post")
        {
            rows.push((
                t.t(Key::FieldPostalFee).to_owned(),
                crate::format::fee_text(t, fee),
            ));
        }
        let shipped = postal::shipments::of_dossier(db, id).await?;
        let payments = domain::payments::online::of_dossier(db, id).await?;
        let may =
            postal::choice::may_change(actor, &loaded.dossier, &shipped, &payments, Utc::now());
        (rows, may)
    };
    let review = if shown == Step::Review {
        review_sections(t, &applicant, &form, &slots, &delivery, &provinces)
    } else {
        Vec::new()
    };
    // One quote (one tariff lookup): a draft owes its total; a filed dossier what was frozen.
    let fee_quote = domain::payments::quote::shown(db, &loaded, today).await?;
    let fee_vnd = loaded.dossier.fee_due_vnd.unwrap_or(fee_quote.total_vnd);
    let quote = quote_view(t, &fee_quote, fee_vnd);
    let events = if loaded.status == Status::Draft {
        Vec::new()
    } else {
        timeline::public_events(db, actor, id).await?
    };
    let supplement = if loaded.status == Status::SupplementRequested {
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
    };
    let due_at = loaded
        .dossier
        .due_at
        .map(|d| domain::dossiers::deadlines::local_text(d.with_timezone(&Utc)));
    let timeline = events
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
        .collect();
    let tracking = tracking(t, db, actor, &loaded.dossier).await?;
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
            problem_views(t, &loaded, &step_problems)
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

/// The VietQR transfer order of `payments` still waiting for the bank, with its code.
fn transfer_view(
    t: Locale,
    payments: &[domain::entities::payment::Model],
    now: DateTime<Utc>,
) -> Option<crate::dto::dossier::TransferView> {
    use domain::payments::{bank_transfer, vietqr};
    let order = bank_transfer::waiting(payments, now)?;
    let to = leptos::prelude::use_context::<crate::session::SiteSettings>()?.transfer_account;
    let payload = bank_transfer::payload_of(&to, order);
    Some(crate::dto::dossier::TransferView {
        svg: vietqr::svg(&payload, t.t(Key::TransferQrLabel))?,
        payload,
        bank: to.bank_name,
        account: to.account,
        account_name: to.account_name,
        amount_vnd: order.amount_vnd,
        reference: order.txn_ref.clone(),
        until: vietnam_time(order.expires_at.with_timezone(&Utc)),
    })
}

/// Where a filed dossier is, how much working time is left, its result and who opened it.
struct Tracking {
    now_at: Option<String>,
    time_left: Option<String>,
    paused: bool,
    result: Option<CitizenResultView>,
    access: Vec<AccessView>,
    payment: Option<PaymentView>,
}

async fn tracking(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    row: &domain::entities::dossier::Model,
) -> Result<Tracking, AppError> {
    use domain::dossiers::lifecycle;
    let mut out = Tracking {
        now_at: None,
        time_left: None,
        paused: row.paused_at.is_some(),
        result: None,
        access: Vec::new(),
        payment: None,
    };
    let status = Status::from_code(&row.status).unwrap_or(Status::Draft);
    if status == Status::Draft {
        return Ok(out);
    }
    let now = Utc::now();
    if lifecycle::OPEN.contains(&status) && status != Status::Submitted {
        let p = domain::dossiers::staff_view::position(db, row, now).await?;
        let step = if p.step_name.is_empty() {
            p.role
                .and_then(|r| Key::from_name(&format!("bo_step_{}", r.code())))
                .map(|k| t.t(k).to_owned())
                .unwrap_or_default()
        } else {
            p.step_name
        };
        let place = if step.is_empty() {
            p.agency_name
        } else {
            format!("{step} — {}", p.agency_name)
        };
        out.now_at = Some(t.tf(Key::DossierNowAt, &[("step", &place)]));
        out.time_left = p.minutes_left.map(|m| crate::format::time_text(t, m));
    }
    if let Some(r) = domain::results::of_dossier(db, &row.id).await? {
        if r.signed_at.is_some() {
            out.result = Some(CitizenResultView {
                url: format!("/ho-so/{}/ket-qua.pdf", row.id),
                // Once delivered — opened here, posted or handed over at the desk — the page
                // says so; "opening it counts as delivery" is only for one not yet delivered.
                received: r.delivered_at.map(|at| {
                    let at = vietnam_time(at.with_timezone(&Utc));
                    match r.delivery_method.as_deref() {
                        Some("online") => t.tf(Key::ResultReceivedText, &[("at", &at)]),
                        _ => t.tf(Key::ResultDeliveredOtherwise, &[("at", &at)]),
                    }
                }),
                verify_url: format!("/xac-thuc/{}", r.id),
            });
        }
    }
    let owner = actor.account_id() == Some(row.owner_id.as_str());
    if owner && row.fee_due_vnd.unwrap_or(0) > 0 {
        use domain::payments::online;
        let payments = online::of_dossier(db, &row.id).await?;
        let paid = payments.iter().find(|p| p.status == "paid");
        let pending = online::pending(&payments, now);
        let pay_again = pending.is_some_and(|p| p.gateway == "vnpay");
        let pending = pending.is_some();
        let state = if online::is_paid(row.fee_due_vnd, &payments) {
            "paid"
        } else if pending {
            "pending"
        } else if payments.first().is_some_and(|p| p.status == "failed") {
            "failed"
        } else {
            "unpaid"
        };
        out.payment = Some(PaymentView {
            state: state.to_owned(),
            paid_at: paid
                .and_then(|p| p.paid_at)
                .map(|at| vietnam_time(at.with_timezone(&Utc))),
            reference: paid.and_then(|p| p.gateway_txn_no.clone()),
            receipt_url: paid.map(|p| format!("/ho-so/{}/bien-lai/{}.pdf", row.id, p.txn_ref)),
            can_pay: matches!(state, "unpaid" | "failed") && lifecycle::OPEN.contains(&status),
            can_pay_again: state == "pending" && pay_again && lifecycle::OPEN.contains(&status),
            balance_vnd: domain::payments::fees::balance(row.fee_due_vnd, &payments),
            transfer: transfer_view(t, &payments, now),
        });
    }
    if owner {
        let agencies = domain::catalogue::agencies(db).await?;
        out.access = domain::dossiers::access_log::for_applicant(db, actor, &row.id)
            .await?
            .into_iter()
            .map(|a| AccessView {
                at: vietnam_time(a.at),
                agency: agencies
                    .iter()
                    .find(|x| x.code == a.agency_code)
                    .map_or(a.agency_code.clone(), |x| x.name.clone()),
                roles: a
                    .roles
                    .iter()
                    .filter_map(|r| Key::from_name(&format!("role_{}", r.code())))
                    .map(|k| t.t(k).to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
                what: t
                    .t(match a.kind {
                        "view" => Key::AccessView,
                        "result" => Key::AccessResult,
                        _ => Key::AccessChange,
                    })
                    .to_owned(),
            })
            .collect();
    }
    Ok(out)
}

/// How the result comes home, as label and answer rows (review page, filed dossier).
fn delivery_rows(t: Locale, d: &DeliveryView, provinces: &[Choice]) -> Vec<(String, String)> {
    let method = match d.method.as_str() {
        "desk" => t.t(Key::DeliveryDesk),
        "electronic" => t.t(Key::DeliveryElectronic),
        "post" => t.t(Key::DeliveryPost),
        _ => "",
    };
    let mut rows = vec![(t.t(Key::FieldDeliveryMethod).to_owned(), method.to_owned())];
    if d.method == "post" {
        rows.push((t.t(Key::FieldRecipient).to_owned(), d.recipient.clone()));
        rows.push((t.t(Key::FieldPhone).to_owned(), d.phone.clone()));
        rows.push((
            t.t(Key::FieldAddressPost).to_owned(),
            address_text(&d.address, provinces),
        ));
        rows.push((
            t.t(Key::FieldPostalPayment).to_owned(),
            match d.postal_payment.as_str() {
                "with_fee" => t.t(Key::PostalPaymentWithFee),
                _ => t.t(Key::PostalPaymentOnDelivery),
            }
            .to_owned(),
        ));
    }
    rows
}

fn review_sections(
    t: Locale,
    a: &ApplicantView,
    form: &[FieldView],
    slots: &[SlotView],
    d: &DeliveryView,
    provinces: &[Choice],
) -> Vec<ReviewSection> {
    let mut applicant_rows = vec![
        (t.t(Key::FieldFullName).to_owned(), a.full_name.clone()),
        (t.t(Key::FieldCitizenId).to_owned(), a.citizen_id.clone()),
        (
            t.t(Key::FieldDateOfBirth).to_owned(),
            display_date(&a.date_of_birth),
        ),
        (t.t(Key::FieldPhone).to_owned(), a.phone.clone()),
        (t.t(Key::FieldEmail).to_owned(), a.email.clone()),
        (
            t.t(Key::FieldAddressResidence).to_owned(),
            address_text(&a.address, provinces),
        ),
    ];
    if a.on_behalf == "other" {
        applicant_rows.push((
            t.t(Key::FieldSubjectName).to_owned(),
            a.subject_name.clone(),
        ));
        applicant_rows.push((t.t(Key::FieldRelation).to_owned(), a.relation.clone()));
    }
    if let Some(name) = &a.receiving_fixed {
        applicant_rows.push((t.t(Key::FieldReceivingAgency).to_owned(), name.clone()));
    } else if let Some(c) = a
        .receiving_choices
        .iter()
        .find(|c| c.value == a.receiving_agency)
    {
        applicant_rows.push((t.t(Key::FieldReceivingAgency).to_owned(), c.label.clone()));
    }
    let mut form_rows = Vec::new();
    answer_rows(t, form, provinces, &mut form_rows);
    let doc_rows = slots
        .iter()
        .map(|s| {
            let names = s
                .files
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            (s.label.clone(), names)
        })
        .collect();
    [
        (Step::Applicant, applicant_rows),
        (Step::Form, form_rows),
        (Step::Documents, doc_rows),
        (Step::Delivery, delivery_rows(t, d, provinces)),
    ]
    .into_iter()
    .map(|(s, rows)| ReviewSection {
        step: s.code().to_owned(),
        slug: s.slug().to_owned(),
        rows,
    })
    .collect()
}

/// The quote in words. `due_vnd` is what is owed online (after filing it includes staff's
/// extra fees, shown as their own line).
fn quote_view(t: Locale, q: &domain::payments::quote::FeeQuote, due_vnd: i64) -> FeeQuoteView {
    let money = |v: i64| crate::format::fee_text(t, v);
    let mut lines: Vec<(String, String)> = q
        .lines
        .iter()
        .map(|l| {
            let what = if l.quantity > 1 {
                t.tf(
                    Key::QuoteCopies,
                    &[
                        ("item", &l.item),
                        ("unit", &money(l.unit_vnd)),
                        ("n", &l.quantity),
                    ],
                )
            } else {
                l.item.clone()
            };
            (what, money(l.amount_vnd))
        })
        .collect();
    if q.postal_with_fee {
        if let Some(postal) = q.postal_vnd {
            lines.push((t.t(Key::QuotePostalWithFee).to_owned(), money(postal)));
        }
    }
    let extra = due_vnd - q.total_vnd;
    if extra > 0 {
        lines.push((t.t(Key::QuoteExtra).to_owned(), money(extra)));
    }
    FeeQuoteView {
        lines,
        total: money(due_vnd),
        on_delivery: (q.postal_on_delivery_vnd() > 0).then(|| {
            t.tf(
                Key::QuotePostalOnDelivery,
                &[("amount", &money(q.postal_on_delivery_vnd()))],
            )
        }),
    }
}
