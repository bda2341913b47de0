//! `/quan-tri/can-bo`: the staff of the administrator's agency (all staff for system
//! administrators), each row editable in place, and the form that creates a staff account.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::components::loaded::{Failure, Loaded};
use crate::dto::StaffRow;
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};
use crate::server_fns::account::{current_viewer, list_staff};
use crate::server_fns::admin::{CreateStaff, UpdateStaff};

const ROLES: [&str; 5] = [
    "intake_clerk",
    "specialist",
    "leader",
    "agency_admin",
    "system_admin",
];

/// A role's name, by its code.
fn role_name(t: Locale, code: &str) -> &'static str {
    Key::from_name(&format!("role_{code}"))
        .map(|k| t.t(k))
        .unwrap_or("?")
}

/// Role checkboxes named `roles[<code>]` (what the server function's `RoleChoice` reads).
#[component]
fn RoleBoxes(prefix: String, checked: Vec<String>, system_admin: bool) -> impl IntoView {
    let t = use_locale();
    view! {
        <fieldset class="role-boxes">
            <legend>{t.t(Key::StaffRolesLegend)}</legend>
            {ROLES
                .into_iter()
                .filter(|r| system_admin || *r != "system_admin")
                .map(|r| {
                    let id = format!("{prefix}-{r}");
                    view! {
                        <span class="field-check">
                            <input type="checkbox" id=id.clone() name=format!("roles[{r}]") value="on" checked=checked.iter().any(|c| c == r) />
                            <label for=id>{role_name(t, r)}</label>
                        </span>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One staff member: roles and "disabled" editable in place by those who manage staff.
#[component]
fn StaffEditRow(row: StaffRow, can_manage: bool, system_admin: bool) -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<UpdateStaff>::new();
    let roles_text = row
        .roles
        .iter()
        .map(|c| role_name(t, c))
        .collect::<Vec<_>>()
        .join(", ");
    let status = if row.disabled {
        t.t(Key::StaffDisabled)
    } else {
        t.t(Key::StaffActive)
    };
    view! {
        <tr>
            <td>{row.full_name.clone()}</td>
            <td>{row.email.clone()}</td>
            <td>
                {if can_manage {
                    view! {
                        <ActionForm action=action attr:class="inline-edit" attr:aria-label=t.tf(Key::StaffEditLabel, &[("name", &row.full_name)])>
                            <CsrfField />
                            <input type="hidden" name="id" value=row.id.clone() />
                            <RoleBoxes prefix=row.id.clone() checked=row.roles.clone() system_admin=system_admin />
                            <span class="field-check">
                                <input type="checkbox" id=format!("{}-disabled", row.id) name="disabled" value="on" checked=row.disabled />
                                <label for=format!("{}-disabled", row.id)>{t.t(Key::StaffDisable)}</label>
                            </span>
                            <button type="submit" class="button button-outline">{t.t(Key::StaffSave)}</button>
                        </ActionForm>
                    }
                        .into_any()
                } else {
                    view! { <span>{roles_text}</span> }.into_any()
                }}
                <ErrorSummary error=action_error(action.value()) />
            </td>
            <td>{status}</td>
        </tr>
    }
}

/// `/quan-tri/can-bo`
#[component]
pub fn StaffPage() -> impl IntoView {
    let t = use_locale();
    let create = ServerAction::<CreateStaff>::new();
    let create_error = action_error(create.value());
    let done = use_query_map();
    // Loaded again after a change: changes end in a redirect to this page with `?da=…`.
    let data = Resource::new(
        move || (create.version().get(), done.with(|q| q.get("da"))),
        |_| async move {
            let viewer = current_viewer().await?;
            let staff = list_staff(String::new()).await?;
            Ok::<_, AppError>((viewer, staff))
        },
    );
    let failure = Failure::Access;
    view! {
        <Title text=t.t(Key::StaffTitle) />
        <div class="container">
            <h1>{t.t(Key::StaffTitle)}</h1>
            {move || done.with(|q| q.get("da")).map(|d| {
                let text = if d == "tao" { t.t(Key::StaffCreated) } else { t.t(Key::StaffSaved) };
                view! { <div class="notice notice-success" role="status"><p>{text}</p></div> }
            })}
            <Loaded data failure let:value>
                {
                    let (viewer, rows) = value;
                    let roles = viewer.map(|v| v.roles).unwrap_or_default();
                    let system_admin = roles.iter().any(|r| r == "system_admin");
                    let can_manage = system_admin || roles.iter().any(|r| r == "agency_admin");
                    view! {
                        <DataTable
                            headings=vec![
                                Heading::Text(Key::StaffName),
                                Heading::Text(Key::StaffEmail),
                                Heading::Text(Key::StaffRoles),
                                Heading::Text(Key::StaffStatus),
                            ]
                        >
                                    {rows.into_iter().map(|row| view! { <StaffEditRow row can_manage system_admin /> }).collect_view()}
                        </DataTable>
                        {can_manage.then(|| view! {
                            <h2>{t.t(Key::StaffCreate)}</h2>
                            <ErrorSummary error=create_error />
                            <ActionForm action=create attr:class="form" attr:novalidate=true>
                                <CsrfField />
                                <Field name="full_name" error=create_error required=true />
                                <Field name="email" kind="email" error=create_error required=true />
                                {system_admin.then(|| view! {
                                    <Field name="agency_code" hint=Some(Key::HintAgencyCode) error=create_error />
                                })}
                                {(!system_admin).then(|| view! { <input type="hidden" name="agency_code" value="" /> })}
                                <RoleBoxes prefix="new".to_owned() checked=Vec::new() system_admin=system_admin />
                                <button type="submit" class="button">{t.t(Key::StaffCreate)}</button>
                            </ActionForm>
                        })}
                    }
                        .into_any()
                }
            </Loaded>
        </div>
    }
}
