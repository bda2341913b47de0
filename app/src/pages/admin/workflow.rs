//! `/quan-tri/quy-trinh?thu-tuc=CODE`: system administrators edit a procedure's processing
//! workflow (ISO-style steps: who acts, in which agency, with how many working hours). A plain
//! GET form picks the procedure and a plain POST form saves every row at once, so the page works
//! without JavaScript; two blank rows are always there to add steps. `domain` checks the steps.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{CsrfField, ErrorSummary};
use crate::components::loaded::{Failure, Loaded};
use crate::dto::back_office::{WorkflowStepInput, WorkflowView};
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};
use crate::server_fns::back_office::workflow::{workflow, SaveWorkflow};
use crate::session::kept_value;

/// Blank rows offered after the steps, to add new ones.
const BLANK_ROWS: usize = 2;

/// The editor page.
#[component]
pub fn WorkflowPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let save = ServerAction::<SaveWorkflow>::new();
    let save_error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let code = move || query.with(|q| q.get("thu-tuc").unwrap_or_default());
    let data = Resource::new(
        move || (code(), query.with(|q| q.get("da")), save.version().get()),
        |(code, _, _)| async move {
            if code.trim().is_empty() {
                Ok(None)
            } else {
                workflow(code).await.map(Some)
            }
        },
    );
    let failure = Failure::sign_in(|| "/quan-tri/quy-trinh".into());
    view! {
        <Title text=t.t(Key::WorkflowTitle) />
        <div class="container container-wide">
            <h1>{t.t(Key::WorkflowTitle)}</h1>
            <p>{t.t(Key::WorkflowIntro)}</p>
            <form method="get" action="/quan-tri/quy-trinh" class="filter-row">
                <label for="thu-tuc">{t.t(Key::WorkflowProcedure)}</label>
                <input type="text" id="thu-tuc" name="thu-tuc" value=code aria-describedby="thu-tuc-hint" />
                <p id="thu-tuc-hint" class="hint">{t.t(Key::WorkflowProcedureHint)}</p>
                <button type="submit" class="button button-outline">{t.t(Key::WorkflowOpen)}</button>
            </form>
            <Loaded data failure let:value>
                {match value {
                    None => ().into_any(),
                    Some(w) => view! { <Editor t w save save_error saved=query.with(|q| q.get("da")).is_some() /> }.into_any(),
                }}
            </Loaded>
        </div>
    }
}

fn role_label(t: Locale, role: &str) -> &'static str {
    if role == "leader" {
        t.t(Key::WorkflowRoleLeader)
    } else {
        t.t(Key::WorkflowRoleSpecialist)
    }
}

#[component]
fn Editor(
    t: Locale,
    w: WorkflowView,
    save: ServerAction<SaveWorkflow>,
    save_error: Signal<Option<AppError>>,
    saved: bool,
) -> impl IntoView {
    let total: i32 = w
        .steps
        .iter()
        .filter_map(|s| s.hours.parse::<i32>().ok())
        .sum();
    let budget = w.processing_days * 8;
    let mut rows = w.steps.clone();
    rows.extend(std::iter::repeat_n(
        WorkflowStepInput::default(),
        BLANK_ROWS,
    ));
    let agencies = w.agencies.clone();
    let default_agency = w.processing_agency.clone();
    view! {
        <h2>{format!("{} — {}", w.procedure_code, w.procedure_name)}</h2>
        {saved.then(|| view! { <p class="notice notice-success" role="status">{t.t(Key::WorkflowSaved)}</p> })}
        <p>
            {if w.default { t.t(Key::WorkflowDefault) } else { t.t(Key::WorkflowConfigured) }}
            " "
            {t.tf(Key::WorkflowBudget, &[("days", &w.processing_days.to_string()), ("hours", &budget.to_string()), ("total", &total.to_string())])}
        </p>
        {(!w.warnings.is_empty()).then(|| view! {
            <div class="notice notice-error" role="status">
                <ul>{w.warnings.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        <ActionForm action=save attr:class="form workflow-form">
            <CsrfField />
            <ErrorSummary error=save_error />
            <input type="hidden" name="procedure_code" value=w.procedure_code.clone() />
            <DataTable
                caption=Key::WorkflowSteps
                headings=vec![
                    Heading::Literal("#"),
                    Heading::Text(Key::FieldWfName),
                    Heading::Text(Key::FieldWfRole),
                    Heading::Text(Key::FieldWfAgency),
                    Heading::Text(Key::FieldWfHours),
                    Heading::Text(Key::WorkflowRemove),
                ]
            >
                        {rows.into_iter().enumerate().map(|(i, s)| {
                            let n = i + 1;
                            let id = move |part: &str| format!("step-{n}-{part}");
                            // A map rather than a list: `steps[r2-hours]` (the form is parsed into
                            // the server function's arguments in the browser too, where a key
                            // starting with a digit would be read as a list index).
                            let name = move |part: &str| format!("steps[r{n}-{part}]");
                            let label = move |key: Key| format!("{} {n}: {}", t.t(Key::WorkflowStep), t.t(key));
                            // A refused save comes back with what was typed (see `kept_value`).
                            let typed = move |part: &str, saved: &str| kept_value(&name(part)).unwrap_or_else(|| saved.to_owned());
                            let (step_name, role, hours) = (typed("name", &s.name), typed("role", &s.role), typed("hours", &s.hours));
                            let agency = typed("agency", &s.agency);
                            view! {
                                <tr>
                                    <th scope="row">{n}</th>
                                    <td><input type="text" id=id("name") name=name("name") value=step_name aria-label=label(Key::FieldWfName) placeholder=role_label(t, &s.role) /></td>
                                    <td>
                                        <select id=id("role") name=name("role") aria-label=label(Key::FieldWfRole)>
                                            <option value="specialist" selected=role != "leader">{t.t(Key::WorkflowRoleSpecialist)}</option>
                                            <option value="leader" selected=role == "leader">{t.t(Key::WorkflowRoleLeader)}</option>
                                        </select>
                                    </td>
                                    <td>
                                        <select id=id("agency") name=name("agency") aria-label=label(Key::FieldWfAgency)>
                                            <option value="" selected=agency.is_empty()>{t.tf(Key::WorkflowAgencyDefault, &[("agency", &default_agency)])}</option>
                                            {agencies.iter().map(|a| view! {
                                                <option value=a.value.clone() selected=a.value == agency>{a.label.clone()}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                    <td><input type="number" id=id("hours") name=name("hours") value=hours min="1" max="2000" inputmode="numeric" aria-label=label(Key::FieldWfHours) /></td>
                                    <td><input type="checkbox" id=id("remove") name=name("remove") value="1" aria-label=label(Key::WorkflowRemove) /></td>
                                </tr>
                            }
                        }).collect_view()}
            </DataTable>
            <p class="hint">{t.t(Key::WorkflowRules)}</p>
            <button type="submit" class="button">{t.t(Key::WorkflowSave)}</button>
        </ActionForm>
    }
}
