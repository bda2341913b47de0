//! `/quan-tri/quay`: the agency's counters and their rating tablets (agency administrators):
//! set one up (its tablet's set-up code shown once), turn one off or on.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};
use crate::server_fns::counters::{list_counters, new_counter_code, CreateCounter, ToggleCounter};

/// `/quan-tri/quay` (agency administrators).
#[component]
pub fn CountersPage() -> impl IntoView {
    let t = use_locale();
    let create = ServerAction::<CreateCounter>::new();
    let toggle = ServerAction::<ToggleCounter>::new();
    let query = use_query_map();
    let create_error = action_error(create.value());
    let counters = Resource::new(
        move || {
            (
                create.version().get(),
                toggle.version().get(),
                query.with(|q| q.get("da")),
            )
        },
        |_| list_counters(),
    );
    let new_code = Resource::new(|| (), |_| new_counter_code());
    let failure = Failure::Access;
    view! {
        <Title text=t.t(Key::CountersTitle) />
        <div class="container">
            <h1>{t.t(Key::CountersTitle)}</h1>
            <p>{t.t(Key::CountersIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    new_code.await.ok().flatten().map(|(id, code)| view! {
                        <div class="notice notice-success" role="status">
                            <p>{t.t(Key::CountersCode)}</p>
                            <p><code class="secret counter-code">{code}</code></p>
                            <p>{t.t(Key::CountersKioskAt)}" "<a href=format!("/danh-gia/quay/{id}")>{format!("/danh-gia/quay/{id}")}</a></p>
                        </div>
                    })
                })}
            </Suspense>
            <Loaded data=counters failure let:rows>
                {view! {
                    <DataTable headings=vec![
                        Heading::Text(Key::FieldName),
                        Heading::Text(Key::CountersKiosk),
                        Heading::Text(Key::StaffStatus),
                    ]>
                        {rows.into_iter().map(|r| {
                            let label = format!("{} {}", t.t(if r.active { Key::CountersOff } else { Key::CountersOn }), r.name);
                            view! {
                                <tr>
                                    <td>{r.name.clone()}</td>
                                    <td><a href=r.kiosk_url.clone()>{r.kiosk_url.clone()}</a></td>
                                    <td>
                                        {t.t(if r.active { Key::CountersActive } else { Key::CountersInactive })}" "
                                        <ActionForm action=toggle attr:class="inline-form">
                                            <CsrfField />
                                            <input type="hidden" name="id" value=r.id.clone() />
                                            <input type="hidden" name="active" value=(!r.active).to_string() />
                                            <button type="submit" class="button button-outline" aria-label=label>
                                                {t.t(if r.active { Key::CountersOff } else { Key::CountersOn })}
                                            </button>
                                        </ActionForm>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                    <h2>{t.t(Key::CountersCreate)}</h2>
                    <ErrorSummary error=create_error />
                    <ActionForm action=create attr:class="form" attr:novalidate=true>
                        <CsrfField />
                        <Field name="name" error=create_error required=true />
                        <button type="submit" class="button">{t.t(Key::CountersCreate)}</button>
                    </ActionForm>
                }.into_any()}
            </Loaded>
        </div>
    }
}
