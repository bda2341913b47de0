//! `/quan-tri/ngay-nghi`: the holiday calendar that deadlines count working days by.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{action_error, CsrfField, ErrorSummary};
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::holidays::{
    holiday_years_missing, holidays, RemoveHoliday, SaveHoliday,
};
use crate::session::kept_value;

/// `/quan-tri/ngay-nghi`: the holiday calendar.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    let t = use_locale();
    let save = ServerAction::<SaveHoliday>::new();
    let remove = ServerAction::<RemoveHoliday>::new();
    let save_error = action_error(save.value());
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("da")),
                save.version().get(),
                remove.version().get(),
            )
        },
        |_| holidays(),
    );
    let missing = Resource::new(move || save.version().get(), |_| holiday_years_missing());
    let failure = Failure::sign_in(|| "/quan-tri/ngay-nghi".into());
    view! {
        <Title text=t.t(Key::HolidaysTitle) />
        <div class="container">
            <h1>{t.t(Key::HolidaysTitle)}</h1>
            <p>{t.t(Key::HolidaysIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    missing.await.unwrap_or_default().into_iter().map(|year| view! {
                        <div class="notice notice-error" role="alert">
                            <p>{t.tf(Key::HolidaysMissingYear, &[("year", &year)])}</p>
                        </div>
                    }).collect_view()
                })}
            </Suspense>
            <ImportForm />
            <h2>{t.t(Key::HolidaysAdd)}</h2>
            <ActionForm action=save attr:class="form">
                <CsrfField />
                <ErrorSummary error=save_error />
                <label for="day">{t.t(Key::HolidaysDay)}</label>
                <input type="date" id="day" name="day" value=kept_value("day") required=true />
                <label for="kind">{t.t(Key::HolidaysKind)}</label>
                <select id="kind" name="kind">
                    <option value="holiday">{t.t(Key::HolidaysKindHoliday)}</option>
                    <option value="half_day" selected=kept_value("kind").as_deref() == Some("half_day")>{t.t(Key::HolidaysKindHalfDay)}</option>
                    <option value="working_day" selected=kept_value("kind").as_deref() == Some("working_day")>{t.t(Key::HolidaysKindWorkingDay)}</option>
                </select>
                <label for="name">{t.t(Key::HolidaysName)}</label>
                <input type="text" id="name" name="name" value=kept_value("name") required=true />
                <label for="scope">{t.t(Key::HolidaysScope)}</label>
                <p class="field-hint" id="scope-hint">{t.t(Key::HolidaysScopeHint)}</p>
                <input type="text" id="scope" name="scope" value=kept_value("scope") aria-describedby="scope-hint" />
                <button type="submit" class="button">{t.t(Key::HolidaysSave)}</button>
            </ActionForm>
            <Loaded data failure let:rows>
                {view! {
                        <DataTable
                            caption=Key::HolidaysTitle
                            headings=vec![
                                Heading::Text(Key::HolidaysDay),
                                Heading::Text(Key::HolidaysKind),
                                Heading::Text(Key::HolidaysName),
                                Heading::Text(Key::HolidaysScope),
                                Heading::Hidden(Key::HolidaysRemove),
                            ]
                        >
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.shown.clone()}</td>
                                            <td>{t.t(match r.kind.as_str() { "working_day" => Key::HolidaysKindWorkingDay, "half_day" => Key::HolidaysKindHalfDay, _ => Key::HolidaysKindHoliday })}</td>
                                            <td>{r.name.clone()}</td>
                                            <td>{if r.scope.is_empty() { t.t(Key::HolidaysScopeNational).to_owned() } else { r.scope.clone() }}</td>
                                            <td>
                                                <ActionForm action=remove>
                                                    <CsrfField />
                                                    <input type="hidden" name="day" value=r.day.clone() />
                                                    <input type="hidden" name="scope" value=r.scope.clone() />
                                                    <button type="submit" class="button button-outline" aria-label=format!("{} {}", t.t(Key::HolidaysRemove), r.shown)>{t.t(Key::HolidaysRemove)}</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }).collect_view()}
                        </DataTable>
                    }
                    .into_any()}
            </Loaded>
        </div>
    }
}

/// A year's national calendar from a file (a plain multipart post: it works without
/// JavaScript), with the outcome or the problem from the query.
#[component]
fn ImportForm() -> impl IntoView {
    let t = use_locale();
    let (done, error) = use_query_map().with_untracked(|q| {
        let done = (q.get("nhap").as_deref() == Some("xong")).then(|| {
            (
                q.get("nam").unwrap_or_default(),
                q.get("ngay").unwrap_or_default(),
            )
        });
        let error =
            (q.get("nhap").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default());
        (done, error)
    });
    let action = format!(
        "/quan-tri/ngay-nghi/nhap?{}={}",
        crate::session::CSRF_FIELD,
        crate::session::csrf_token()
    );
    view! {
        <h2>{t.t(Key::HolidaysImport)}</h2>
        <p class="hint">{t.t(Key::HolidaysImportHint)}</p>
        {done.map(|(year, days)| view! {
            <div class="notice notice-success" role="status"><p>{t.tf(Key::HolidaysImported, &[("year", &year), ("n", &days)])}</p></div>
        })}
        {error.map(|code| view! {
            <div class="notice notice-error" role="alert"><p>{crate::format::error_text(t, &code)}</p></div>
        })}
        <form method="post" enctype="multipart/form-data" action=action class="form holiday-import">
            <label for="holiday-file">{t.t(Key::HolidaysImportFile)}</label>
            <input type="file" id="holiday-file" name="file" accept=".csv,text/csv" required=true />
            <button type="submit" class="button button-secondary">{t.t(Key::HolidaysImportSubmit)}</button>
        </form>
    }
}
