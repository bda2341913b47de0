//! Form building blocks shared by the pages: the error summary at the top (with links to each
//! field, announced to screen readers), a labelled field with its hint and error, and the error
//! of a server action's last submission.

use leptos::prelude::*;

use crate::error::AppError;
use crate::format::error_text;
use crate::i18n::{use_locale, Key, Locale};
use crate::session::{csrf_token, CSRF_FIELD};

/// The hidden CSRF field every state-changing form carries.
#[component]
pub fn CsrfField() -> impl IntoView {
    view! { <input type="hidden" name=CSRF_FIELD value=csrf_token() /> }
}

/// The error of a server action's last submission, for [`ErrorSummary`] and [`Field`]: `None`
/// before the first and after one that went through.
pub fn action_error<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

/// The label of a form field, by its name. Fields of a numbered row (`step-2-hours`, as the
/// workflow editor names them) are labelled with the row: "Bước 2: Số giờ làm việc".
pub fn field_label(t: Locale, field: &str) -> String {
    if let Some((n, part)) = field
        .strip_prefix("step-")
        .and_then(|rest| rest.split_once('-'))
    {
        let part = field_label(t, &format!("wf_{part}"));
        return t.tf(Key::FieldWfStep, &[("n", &n), ("field", &part)]);
    }
    Key::from_name(&format!("field_{field}"))
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| field.to_owned())
}

/// Field errors of a failed submission: `(field, sentence)`.
pub fn field_errors(t: Locale, error: &AppError) -> Vec<(String, String)> {
    match error {
        AppError::Validation(fields) => fields
            .iter()
            .map(|(f, code)| (f.clone(), error_text(t, code)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The message for errors that are not about one field.
pub fn general_error(t: Locale, error: &AppError) -> Option<String> {
    match error {
        AppError::Validation(_) => None,
        AppError::Unauthorized => Some(t.t(Key::SignInWrong).to_owned()),
        AppError::Locked(until) => Some(t.tf(Key::SignInLocked, &[("until", until)])),
        AppError::RateLimited(secs) => Some(t.tf(Key::SignInRateLimited, &[("secs", secs)])),
        AppError::Forbidden => Some(t.t(Key::ErrorForbidden).to_owned()),
        AppError::NotFound => Some(t.t(Key::NotFoundText).to_owned()),
        AppError::Transport(_) => Some(t.t(Key::ErrorNetwork).to_owned()),
        AppError::Conflict => Some(t.t(Key::ErrorConflict).to_owned()),
        AppError::Internal => Some(t.t(Key::ErrorInternal).to_owned()),
    }
}

/// The summary above a form after a failed submission: what went wrong, with a link to each
/// field. `role="alert"` makes screen readers read it at once.
#[component]
pub fn ErrorSummary(error: Signal<Option<AppError>>) -> impl IntoView {
    let t = use_locale();
    let lines = Signal::derive(move || {
        error.get().map(|e| {
            let lines = field_errors(t, &e)
                .into_iter()
                .map(|(f, msg)| (format!("#{f}"), format!("{}: {msg}", field_label(t, &f))))
                .collect();
            (general_error(t, &e), lines)
        })
    });
    view! { <ErrorSummaryBox lines /> }
}

/// What an error summary lists: a general message and/or `(href, "Label: what to do")` lines.
pub type SummaryLines = (Option<String>, Vec<(String, String)>);

/// The one error summary of every form page (GOV.UK style): at the top, a general message
/// and/or one link per field (`(href, "Label: what to do")`). It takes the focus when it
/// appears (`autofocus`: a failed form always comes back as a new page, since forms post
/// without script), so the reader starts from it instead of the top of the body.
#[component]
pub fn ErrorSummaryBox(
    /// `None`: no summary; else the general message and the field lines.
    lines: Signal<Option<SummaryLines>>,
) -> impl IntoView {
    let t = use_locale();
    move || {
        lines.get().map(|(general, fields)| {
            view! {
                <div class="notice notice-error error-summary" role="alert" tabindex="-1" autofocus>
                    {general.map(|g| view! { <p>{g}</p> })}
                    {(!fields.is_empty())
                        .then(|| {
                            view! {
                                <p>
                                    <strong>{t.t(Key::FormErrorsTitle)}</strong>
                                </p>
                                <ul>
                                    {fields
                                        .into_iter()
                                        .map(|(href, text)| view! { <li><a href=href>{text}</a></li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                </div>
            }
        })
    }
}

/// A labelled input with an optional hint and the error for this field, linked by
/// `aria-describedby` and flagged with `aria-invalid`.
#[component]
pub fn Field(
    /// Input name and id (also the key of its label, `field_<name>`).
    name: &'static str,
    /// Input type.
    #[prop(default = "text")]
    kind: &'static str,
    /// Initial value.
    #[prop(default = String::new(), into)]
    value: String,
    /// Hint shown under the label.
    #[prop(default = None)]
    hint: Option<Key>,
    /// Browser autofill hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The last submission's error.
    error: Signal<Option<AppError>>,
    /// Required field.
    #[prop(default = false)]
    required: bool,
    /// Focused when the page opens (the kiosk's code field, for the barcode scanner).
    #[prop(default = false)]
    autofocus: bool,
    /// Virtual keyboard on phones (`numeric` for digits-only fields).
    #[prop(default = None)]
    inputmode: Option<&'static str>,
    /// Pattern of a valid value (`[0-9]*` also makes older iPhones open the digit pad).
    #[prop(default = None)]
    pattern: Option<&'static str>,
) -> impl IntoView {
    let t = use_locale();
    let message = move || {
        error.get().and_then(|e| {
            field_errors(t, &e)
                .into_iter()
                .find(|(f, _)| f == name)
                .map(|(_, m)| m)
        })
    };
    // What the reader typed, when the form came back with an error; passwords never come back.
    let value = crate::session::kept_value(name).unwrap_or(value);
    let retype = kind == "password" && crate::session::form_came_back();
    let retype_id = format!("{name}-retype");
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = {
        let hint_id = hint_id.clone();
        let retype_id = retype_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if retype {
                ids.push(retype_id.clone());
            }
            if message().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=name>
                {field_label(t, name)}
                {required.then_some(" *")}
            </label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{t.t(h)}</p> })}
            {retype.then(|| view! { <p class="field-hint" id=retype_id>{t.t(Key::PasswordRetype)}</p> })}
            {move || message().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <input
                type=kind
                id=name
                name=name
                value=value
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                autofocus=autofocus
                inputmode=inputmode
                pattern=pattern
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described
            />
        </div>
    }
}
