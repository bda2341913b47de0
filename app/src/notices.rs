//! The wording of e-mails the domain queues (verification, password reset, staff invitation),
//! from the translation files. E-mails go out in Vietnamese: the address owner's interface
//! language is not known when a message is queued by someone else.

use domain::accounts::{Notice, Notices};

use crate::i18n::{Key, Locale};

/// Notices worded from `locales/vi.json`.
pub struct PortalNotices;

impl Notices for PortalNotices {
    fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, &dyn std::fmt::Display)> = args
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        Key::from_name(key)
            .map(|k| Locale::Vi.tf(k, &args))
            .unwrap_or_else(|| key.to_owned())
    }

    fn render(&self, notice: &Notice<'_>) -> (String, String) {
        let t = Locale::Vi;
        match notice {
            Notice::VerifyEmail { name, link } => (
                t.t(Key::MailVerifySubject).to_owned(),
                t.tf(Key::MailVerifyBody, &[("name", name), ("link", link)]),
            ),
            Notice::ResetPassword { name, link } => (
                t.t(Key::MailResetSubject).to_owned(),
                t.tf(Key::MailResetBody, &[("name", name), ("link", link)]),
            ),
            Notice::StaffInvitation { name, agency, link } => (
                t.t(Key::MailInviteSubject).to_owned(),
                t.tf(
                    Key::MailInviteBody,
                    &[("name", name), ("agency", agency), ("link", link)],
                ),
            ),
            Notice::PasswordChanged { name } => (
                t.t(Key::MailChangedSubject).to_owned(),
                t.tf(Key::MailChangedBody, &[("name", name)]),
            ),
            Notice::DraftExpiring {
                name,
                procedure,
                date,
                link,
            } => (
                t.tf(Key::MailDraftExpiringSubject, &[("date", date)]),
                t.tf(
                    Key::MailDraftExpiringBody,
                    &[
                        ("name", name),
                        ("procedure", procedure),
                        ("date", date),
                        ("link", link),
                    ],
                ),
            ),
            Notice::DossierSubmitted {
                name,
                code,
                procedure,
                link,
            } => (
                t.tf(Key::MailSubmittedSubject, &[("code", code)]),
                t.tf(
                    Key::MailSubmittedBody,
                    &[
                        ("name", name),
                        ("code", code),
                        ("procedure", procedure),
                        ("link", link),
                    ],
                ),
            ),
            Notice::DossierChanged {
                name,
                code,
                procedure,
                transition,
                note,
                due,
                link,
                rate_link,
            } => {
                let what = |part: &str| {
                    Key::from_name(&format!("mail_dossier_{transition}_{part}"))
                        .map(|k| t.tf(k, &[("code", code), ("due", due)]))
                        .unwrap_or_default()
                };
                let note = if note.is_empty() {
                    String::new()
                } else {
                    t.tf(Key::MailDossierNote, &[("note", note)])
                };
                let rate = if rate_link.is_empty() {
                    String::new()
                } else {
                    t.tf(Key::MailDossierRate, &[("link", rate_link)])
                };
                (
                    what("subject"),
                    t.tf(
                        Key::MailDossierBody,
                        &[
                            ("name", name),
                            ("what", &what("what")),
                            ("code", code),
                            ("procedure", procedure),
                            ("note", &note),
                            ("link", link),
                            ("rate", &rate),
                        ],
                    ),
                )
            }
            Notice::StepOverrun { name, code, link } => (
                t.tf(Key::MailOverrunSubject, &[("code", code)]),
                t.tf(
                    Key::MailOverrunBody,
                    &[("name", name), ("code", code), ("link", link)],
                ),
            ),
        }
    }
}
