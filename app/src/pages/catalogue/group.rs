//! `/linh-vuc/{slug}` and `/co-quan/{slug}`: the procedures of one subject area or one agency.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::catalogue_browser::CatalogueBrowser;
use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};
use crate::pages::public::not_found::{set_not_found_status, NotFoundPage};
use crate::server_fns::catalogue::get_group;

/// `/linh-vuc/{slug}`
#[component]
pub fn FieldPage() -> impl IntoView {
    view! { <GroupPage kind="field" path="/linh-vuc" /> }
}

/// `/co-quan/{slug}`
#[component]
pub fn AgencyPage() -> impl IntoView {
    view! { <GroupPage kind="agency" path="/co-quan" /> }
}

#[component]
fn GroupPage(kind: &'static str, path: &'static str) -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let group = Resource::new(slug, move |s| get_group(kind.to_owned(), s));
    view! {
        <Suspense fallback=move || view! { <p class="container">{t.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(g) => {
                        let name = match t {
                            Locale::Vi => g.name_vi.clone(),
                            Locale::En => g.name_en.clone(),
                        };
                        let base = format!("{path}/{}", slug());
                        let (field, agency) = if kind == "field" {
                            (Some(g.code.clone()), None)
                        } else {
                            (None, Some(g.code.clone()))
                        };
                        let contact = [g.address.clone(), g.phone.clone(), g.website.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <Title text=name.clone() />
                            <div class="container">
                                <nav aria-label=t.t(Key::BreadcrumbLabel) class="breadcrumb">
                                    <a href="/">{t.t(Key::NavHome)}</a>
                                    " › "
                                    <a href="/thu-tuc">{t.t(Key::NavProcedures)}</a>
                                </nav>
                                <h1>{name}</h1>
                                {(!contact.is_empty()).then(|| view! { <p class="lead">{contact}</p> })}
                                <CatalogueBrowser base fixed_field=field fixed_agency=agency />
                            </div>
                        }
                            .into_any()
                    }
                    Err(AppError::NotFound) => {
                        set_not_found_status();
                        view! { <NotFoundPage /> }.into_any()
                    }
                    Err(e) => view! { <div class="container"><ErrorNotice error=e /></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}
