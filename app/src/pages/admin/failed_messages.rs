//! `/quan-tri/gui-loi`: messages whose automatic retries gave up, each re-sent by hand.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::CsrfField;
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};

/// `/quan-tri/gui-loi`: messages (e-mail, SMS) whose automatic retries gave up, with the error,
/// each re-sent by hand (nothing fails silently).
#[component]
pub fn FailedMessagesPage() -> impl IntoView {
    use crate::server_fns::outbox::{failed_messages, ResendMessage};
    let t = use_locale();
    let resend = ServerAction::<ResendMessage>::new();
    let done = use_query_map().with_untracked(|q| q.get("da").is_some());
    let list = Resource::new(move || resend.version().get(), |_| failed_messages());
    let failure = Failure::Access;
    view! {
        <Title text=t.t(Key::FailedTitle) />
        <div class="container">
            <h1>{t.t(Key::FailedTitle)}</h1>
            <p class="lead">{t.t(Key::FailedLead)}</p>
            {done.then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::FailedResent)}</p></div> })}
            <Loaded data=list failure let:value>
                {match value {
                    items if items.is_empty() => view! { <p>{t.t(Key::FailedNone)}</p> }.into_any(),
                    items => view! {
                        <DataTable
                            class="failed-messages"
                            headings=vec![
                                Heading::Text(Key::FailedWhen),
                                Heading::Text(Key::FailedChannel),
                                Heading::Text(Key::FailedRecipient),
                                Heading::Text(Key::FailedSubject),
                                Heading::Text(Key::FailedError),
                                Heading::Text(Key::FailedAction),
                            ]
                        >
                                    {items.into_iter().map(|m| view! {
                                        <tr>
                                            <td>{m.created_at.clone()}</td>
                                            <td>{m.channel.clone()}</td>
                                            <td>{m.recipient.clone()}</td>
                                            <td>{m.subject.clone()}</td>
                                            <td>{t.tf(Key::FailedAttempts, &[("n", &m.attempts), ("error", &m.last_error)])}</td>
                                            <td>
                                                <ActionForm action=resend>
                                                    <CsrfField />
                                                    <input type="hidden" name="id" value=m.id.to_string() />
                                                    <button type="submit" class="button">{t.t(Key::FailedResend)}</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }).collect_view()}
                        </DataTable>
                    }
                    .into_any(),
                }}
            </Loaded>
        </div>
    }
}
