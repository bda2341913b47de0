//! Saves a draft's step in the background while the applicant types, so that closing the tab,
//! a flat battery or a lost connection costs at most a few seconds of typing.
//!
//! Without JavaScript the step is saved by its buttons only. With it, a change to the form is
//! posted (`action=auto`) four seconds after the last keystroke; the answer carries the draft's
//! new revision, written into the form so that its next save is not mistaken for another tab's.
//! A button pressed while a background save is on its way waits for it. When another tab changed
//! the draft, saving in the background stops and the page says so (the buttons then offer the
//! usual choice). Progress is announced politely to screen readers.

use leptos::prelude::*;

use serde::{Deserialize, Serialize};

use crate::i18n::{use_locale, Key};

/// Put inside a step's form.
#[component]
pub fn Autosave() -> impl IntoView {
    let t = use_locale();
    let texts = Texts {
        on: t.t(Key::AutosaveOn).to_owned(),
        saved: t.t(Key::AutosaveDone).to_owned(),
        conflict: t.t(Key::AutosaveConflict).to_owned(),
        failed: t.t(Key::AutosaveFailed).to_owned(),
    };
    view! { <AutosaveStatus texts /> }
}

/// What the status line says, in the page's language.
#[derive(Clone, Serialize, Deserialize)]
pub struct Texts {
    on: String,
    saved: String,
    conflict: String,
    failed: String,
}

/// The island: an empty status line on the server; in the browser it listens to its form.
#[island]
fn AutosaveStatus(texts: Texts) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let anchor = NodeRef::<leptos::html::Span>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(span) = anchor.get() {
            client::attach(&span, status, texts.clone());
            status.set(texts.on.clone());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = texts;
    view! {
        <span node_ref=anchor class="autosave-status hint" role="status" aria-live="polite">
            {move || status.get()}
        </span>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{
        Event, FormData, HtmlElement, HtmlFormElement, HtmlInputElement, SubmitEvent,
        UrlSearchParams, XmlHttpRequest,
    };

    use super::Texts;

    /// Milliseconds after the last change before saving.
    const QUIET_MS: i32 = 4000;

    #[derive(Default)]
    struct State {
        timer: Option<i32>,
        in_flight: bool,
        stopped: bool,
        /// A button pressed during a save, to press again once it is done.
        waiting: Option<Option<HtmlElement>>,
    }

    pub(super) fn attach(span: &web_sys::HtmlSpanElement, status: RwSignal<String>, texts: Texts) {
        let Some(form) = span
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let state = Rc::new(RefCell::new(State::default()));

        let on_change = {
            let (form, state, texts) = (form.clone(), state.clone(), texts.clone());
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                schedule(&form, &state, status, &texts);
            })
        };
        for kind in ["input", "change"] {
            let _ = form.add_event_listener_with_callback(kind, on_change.as_ref().unchecked_ref());
        }
        on_change.forget();

        let on_submit = {
            let state = state.clone();
            Closure::<dyn FnMut(SubmitEvent)>::new(move |ev: SubmitEvent| {
                let mut s = state.borrow_mut();
                if let (Some(timer), Some(window)) = (s.timer.take(), web_sys::window()) {
                    window.clear_timeout_with_handle(timer);
                }
                if s.in_flight {
                    ev.prevent_default();
                    s.waiting = Some(ev.submitter());
                }
            })
        };
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }

    fn schedule(
        form: &HtmlFormElement,
        state: &Rc<RefCell<State>>,
        status: RwSignal<String>,
        texts: &Texts,
    ) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let mut s = state.borrow_mut();
        if s.stopped {
            return;
        }
        if let Some(timer) = s.timer.take() {
            window.clear_timeout_with_handle(timer);
        }
        let fire = {
            let (form, state, texts) = (form.clone(), state.clone(), texts.clone());
            Closure::once_into_js(move || save(&form, &state, status, &texts))
        };
        s.timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), QUIET_MS)
            .ok();
    }

    fn save(
        form: &HtmlFormElement,
        state: &Rc<RefCell<State>>,
        status: RwSignal<String>,
        texts: &Texts,
    ) {
        {
            let mut s = state.borrow_mut();
            s.timer = None;
            if s.in_flight || s.stopped {
                return;
            }
        }
        let Ok(data) = FormData::new_with_form(form) else {
            return;
        };
        let Ok(params) = UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        params.set("action", "auto");
        // Not `form.action()`: the step's buttons are named `action`, and a named control
        // shadows the form's property of the same name.
        let (Ok(xhr), Some(target)) = (XmlHttpRequest::new(), form.get_attribute("action")) else {
            return;
        };
        if xhr.open("POST", &target).is_err() {
            return;
        }
        let _ = xhr.set_request_header("Content-Type", "application/x-www-form-urlencoded");
        let _ = xhr.set_request_header("Accept", "application/json");
        state.borrow_mut().in_flight = true;
        let done = {
            let (xhr, form, state, texts) =
                (xhr.clone(), form.clone(), state.clone(), texts.clone());
            Closure::once_into_js(move || {
                let code = xhr.status().unwrap_or(0);
                let body = xhr.response_text().ok().flatten().unwrap_or_default();
                let waiting = {
                    let mut s = state.borrow_mut();
                    s.in_flight = false;
                    s.waiting.take()
                };
                match code {
                    200 => {
                        if let Some(revision) = revision_of(&body) {
                            if let Some(input) = form
                                .query_selector("input[name=revision]")
                                .ok()
                                .flatten()
                                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                            {
                                input.set_value(&revision);
                            }
                        }
                        status.set(texts.saved.clone());
                    }
                    409 => {
                        state.borrow_mut().stopped = true;
                        status.set(texts.conflict.clone());
                    }
                    _ => status.set(texts.failed.clone()),
                }
                if let Some(submitter) = waiting {
                    let _ = form.request_submit_with_submitter(submitter.as_ref());
                }
            })
        };
        xhr.set_onloadend(Some(done.unchecked_ref()));
        if xhr
            .send_with_opt_str(Some(&String::from(params.to_string())))
            .is_err()
        {
            state.borrow_mut().in_flight = false;
        }
    }

    /// `{"revision":7}` → `"7"`.
    fn revision_of(body: &str) -> Option<String> {
        let rest = body.split("\"revision\":").nth(1)?;
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        (!digits.is_empty()).then_some(digits)
    }
}
