//! The dossier lifecycle as one table: which action may move a dossier from which status, who
//! may take it, and where it leads. [`super::processing`] applies it inside a transaction;
//! keeping the table pure lets one test walk every action × status × standing combination.
//!
//! Standing is relative to the agency that holds the dossier now: a clerk of another agency
//! has no standing at all, whatever their roles (least privilege across agencies). System
//! administrators do not process dossiers.

use crate::access::Role;

use super::Status;

/// Something staff or the applicant do to a filed dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transition {
    /// The desk accepts the dossier and issues the receipt & appointment slip (1 → 2).
    Accept,
    /// Ask the applicant for missing documents; the clock stops (1 or 4 → 5).
    RequestSupplement,
    /// The desk refuses the dossier with a reason (1 → 3).
    Refuse,
    /// The applicant supplies what was asked; the clock restarts (5 → 1 or 4).
    Supply,
    /// Give the dossier to a specialist (2 or 4 → 4).
    Assign,
    /// Finish the current step and hand the dossier to the next one (4 → 4).
    Forward,
    /// Return the dossier to the previous step (4 → 4).
    SendBack,
    /// Hand the dossier to another agency (province ↔ commune) for its part (4 → 4).
    Transfer,
    /// The other agency returns the dossier when its part is done (4 → 4).
    TransferBack,
    /// The leader approves the result (4 → 9).
    Approve,
    /// Stop processing, with notice to the applicant (2, 4, 5 or 6 → 8).
    Stop,
    /// The applicant withdraws the dossier (1, 2, 4, 5 or 6 → 7).
    Withdraw,
    /// Apology letter with a new due date (no status change).
    Apologise,
    /// The result is handed over (9 → 10).
    Return,
}

impl Transition {
    /// Every transition.
    pub const ALL: [Transition; 14] = [
        Transition::Accept,
        Transition::RequestSupplement,
        Transition::Refuse,
        Transition::Supply,
        Transition::Assign,
        Transition::Forward,
        Transition::SendBack,
        Transition::Transfer,
        Transition::TransferBack,
        Transition::Approve,
        Transition::Stop,
        Transition::Withdraw,
        Transition::Apologise,
        Transition::Return,
    ];

    /// Stable code: the event kind, the audit action suffix and the API's action name.
    pub fn code(self) -> &'static str {
        match self {
            Transition::Accept => "accept",
            Transition::RequestSupplement => "request_supplement",
            Transition::Refuse => "refuse",
            Transition::Supply => "supply",
            Transition::Assign => "assign",
            Transition::Forward => "forward",
            Transition::SendBack => "send_back",
            Transition::Transfer => "transfer",
            Transition::TransferBack => "transfer_back",
            Transition::Approve => "approve",
            Transition::Stop => "stop",
            Transition::Withdraw => "withdraw",
            Transition::Apologise => "apologise",
            Transition::Return => "return",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.code() == code)
    }

    /// True for the processing moves that are refused once the due date has passed without an
    /// apology letter (DOMAIN.md: the letter must come before the date is missed).
    pub fn needs_time_left(self) -> bool {
        matches!(
            self,
            Transition::Assign
                | Transition::Forward
                | Transition::SendBack
                | Transition::Transfer
                | Transition::TransferBack
                | Transition::Approve
                | Transition::RequestSupplement
        )
    }

    /// True for the moves the applicant is told about (by e-mail or SMS): the ones that ask
    /// something of them, end the dossier or change its date. The internal steps (assigning,
    /// forwarding, transferring) and the applicant's own moves are not — except that the first
    /// assignment, which starts the processing, is told as `notice::PROCESSING_STARTED`.
    pub fn tells_applicant(self) -> bool {
        matches!(
            self,
            Transition::Accept
                | Transition::RequestSupplement
                | Transition::Refuse
                | Transition::Approve
                | Transition::Stop
                | Transition::Apologise
                | Transition::Return
        )
    }

    /// True when the move must carry a note the applicant reads (reasons and requests).
    pub fn needs_public_note(self) -> bool {
        matches!(
            self,
            Transition::RequestSupplement
                | Transition::Refuse
                | Transition::Stop
                | Transition::Apologise
        )
    }
}

/// Who the actor is to one dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The account that filed it.
    pub owner: bool,
    /// Roles the actor holds in the agency that holds the dossier now (empty elsewhere).
    pub roles: Vec<Role>,
}

impl Standing {
    fn any(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|r| roles.contains(r))
    }
}

use Status::*;

/// Statuses in which a dossier is still open (its clock and queues matter).
pub const OPEN: [Status; 5] = [
    Submitted,
    Accepted,
    Processing,
    SupplementRequested,
    AwaitingPayment,
];

/// The status `transition` leads to from `from`, whoever asks; `None` when the move does not
/// exist from there. `resume` is where a supplement answer returns to.
pub fn target(transition: Transition, from: Status, resume: Option<Status>) -> Option<Status> {
    match (transition, from) {
        (Transition::Accept, Submitted) => Some(Accepted),
        (Transition::RequestSupplement, Submitted | Processing) => Some(SupplementRequested),
        (Transition::Refuse, Submitted) => Some(Refused),
        (Transition::Supply, SupplementRequested) => match resume {
            Some(Processing) => Some(Processing),
            _ => Some(Submitted),
        },
        (Transition::Assign, Accepted | Processing) => Some(Processing),
        (
            Transition::Forward
            | Transition::SendBack
            | Transition::Transfer
            | Transition::TransferBack,
            Processing,
        ) => Some(Processing),
        (Transition::Approve, Processing) => Some(Processed),
        (Transition::Stop, Accepted | Processing | SupplementRequested | AwaitingPayment) => {
            Some(Stopped)
        }
        (
            Transition::Withdraw,
            Submitted | Accepted | Processing | SupplementRequested | AwaitingPayment,
        ) => Some(Withdrawn),
        (Transition::Apologise, Accepted | Processing | SupplementRequested) => Some(from),
        (Transition::Return, Processed) => Some(Returned),
        _ => None,
    }
}

/// True when someone of `standing` may take `transition` from `from`.
pub fn permitted(transition: Transition, from: Status, standing: &Standing) -> bool {
    use Role::*;
    match transition {
        Transition::Accept | Transition::Refuse | Transition::Return => {
            standing.any(&[IntakeClerk])
        }
        Transition::RequestSupplement => match from {
            Submitted => standing.any(&[IntakeClerk]),
            _ => standing.any(&[Specialist, Leader]),
        },
        // The desk may also register a supplement brought in on paper.
        Transition::Supply => standing.owner || standing.any(&[IntakeClerk]),
        // The desk hands an accepted dossier to a specialist of its agency (at a commune the
        // desk clerk passes it to the ward's specialist; issue 27); `processing` checks whom.
        Transition::Assign => standing.any(&[IntakeClerk, Specialist, Leader]),
        Transition::Forward
        | Transition::SendBack
        | Transition::Transfer
        | Transition::TransferBack => standing.any(&[Specialist, Leader]),
        Transition::Approve | Transition::Stop => standing.any(&[Leader]),
        Transition::Apologise => standing.any(&[Leader, Specialist]),
        Transition::Withdraw => standing.owner,
    }
}

/// Why a move is not possible, for the caller's error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The move does not exist from this status.
    WrongStatus,
    /// The actor may not take it.
    NotPermitted,
}

/// Checks a move: the new status, or why not. The status is checked first, so someone who may
/// act learns that the dossier has moved on rather than that they lack a role.
pub fn check(
    transition: Transition,
    from: Status,
    resume: Option<Status>,
    standing: &Standing,
) -> Result<Status, Refusal> {
    let to = target(transition, from, resume).ok_or(Refusal::WrongStatus)?;
    if permitted(transition, from, standing) {
        Ok(to)
    } else {
        Err(Refusal::NotPermitted)
    }
}

/// The transitions `standing` can take from `from` (what the dossier page offers).
pub fn available(from: Status, resume: Option<Status>, standing: &Standing) -> Vec<Transition> {
    Transition::ALL
        .into_iter()
        .filter(|t| check(*t, from, resume, standing).is_ok())
        .collect()
}

/// Where a dossier stands in its workflow: what the moves inside processing depend on besides
/// status and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Index of the current step.
    pub step: usize,
    /// Steps in the workflow.
    pub steps: usize,
    /// Who acts at the current step (`None` before the workflow starts).
    pub step_role: Option<Role>,
    /// The dossier is with another agency for its part (it must come back first).
    pub transferred: bool,
}

/// Why a move does not fit the dossier's place in its workflow: the input at fault, a stable
/// rule code the interface translates, and a message for API callers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Misfit {
    /// Field named in the error.
    pub field: &'static str,
    /// Rule code.
    pub code: &'static str,
    /// English explanation.
    pub message: &'static str,
}

const TRANSFER_OPEN: Misfit = Misfit {
    field: "transition",
    code: "transfer_open",
    message: "send the dossier back to the agency that transferred it first",
};

/// Checks a processing move against the dossier's position: a transferred dossier only comes
/// back; the first step cannot be sent back; the approval step approves rather than forwards;
/// only the leader's step approves.
pub fn fits(transition: Transition, p: &Position) -> Result<(), Misfit> {
    match transition {
        Transition::Forward if p.transferred => Err(TRANSFER_OPEN),
        Transition::Forward if p.step_role == Some(Role::Leader) && p.step + 1 >= p.steps => {
            Err(Misfit {
                field: "transition",
                code: "forward_last_step",
                message: "this is the approval step: approve the result instead",
            })
        }
        Transition::SendBack if p.step == 0 => Err(Misfit {
            field: "transition",
            code: "send_back_first_step",
            message: "this is the first step: request a supplement from the applicant instead",
        }),
        Transition::SendBack if p.transferred => Err(TRANSFER_OPEN),
        Transition::Transfer if p.transferred => Err(Misfit {
            field: "target_agency",
            code: "transfer_open",
            message: "the dossier is already with another agency",
        }),
        Transition::TransferBack if !p.transferred => Err(Misfit {
            field: "transition",
            code: "transfer_none",
            message: "the dossier was not transferred to this agency",
        }),
        Transition::Approve if p.transferred || p.step_role.is_some_and(|r| r != Role::Leader) => {
            Err(Misfit {
                field: "transition",
                code: "approve_step",
                message: "the dossier is not at the leader's approval step",
            })
        }
        _ => Ok(()),
    }
}

/// The moves `standing` can take now: [`available`] narrowed to those that fit the dossier's
/// place in its workflow (what the back office offers as buttons).
pub fn offered(
    from: Status,
    resume: Option<Status>,
    standing: &Standing,
    position: &Position,
) -> Vec<Transition> {
    available(from, resume, standing)
        .into_iter()
        .filter(|t| fits(*t, position).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn standings() -> Vec<(&'static str, Standing)> {
        let staff = |roles: &[Role]| Standing {
            owner: false,
            roles: roles.to_vec(),
        };
        vec![
            ("nobody", Standing::default()),
            (
                "owner",
                Standing {
                    owner: true,
                    roles: vec![],
                },
            ),
            ("clerk", staff(&[Role::IntakeClerk])),
            ("specialist", staff(&[Role::Specialist])),
            ("leader", staff(&[Role::Leader])),
            ("agency_admin", staff(&[Role::AgencyAdmin])),
            ("system_admin", staff(&[Role::SystemAdmin])),
        ]
    }

    /// Every allowed (transition, from, who) triple, written out by hand from DOMAIN.md so the
    /// table above is checked against an independent statement rather than against itself.
    fn expected() -> BTreeSet<(&'static str, &'static str, &'static str)> {
        let mut set = BTreeSet::new();
        let mut add = |t: &'static str, froms: &[&'static str], who: &[&'static str]| {
            for f in froms {
                for w in who {
                    set.insert((t, *f, *w));
                }
            }
        };
        add("accept", &["submitted"], &["clerk"]);
        add("refuse", &["submitted"], &["clerk"]);
        add("request_supplement", &["submitted"], &["clerk"]);
        add(
            "request_supplement",
            &["processing"],
            &["specialist", "leader"],
        );
        add("supply", &["supplement_requested"], &["owner", "clerk"]);
        add(
            "assign",
            &["accepted", "processing"],
            &["clerk", "specialist", "leader"],
        );
        for t in ["forward", "send_back", "transfer", "transfer_back"] {
            add(t, &["processing"], &["specialist", "leader"]);
        }
        add("approve", &["processing"], &["leader"]);
        add(
            "stop",
            &[
                "accepted",
                "processing",
                "supplement_requested",
                "awaiting_payment",
            ],
            &["leader"],
        );
        add(
            "withdraw",
            &[
                "submitted",
                "accepted",
                "processing",
                "supplement_requested",
                "awaiting_payment",
            ],
            &["owner"],
        );
        add(
            "apologise",
            &["accepted", "processing", "supplement_requested"],
            &["leader", "specialist"],
        );
        add("return", &["processed"], &["clerk"]);
        set
    }

    #[test]
    fn every_allowed_and_every_forbidden_move() {
        let expected = expected();
        let mut allowed = BTreeSet::new();
        let mut checked = 0;
        for t in Transition::ALL {
            for from in Status::ALL {
                for (who, standing) in standings() {
                    checked += 1;
                    let result = check(t, from, None, &standing);
                    let should = expected.contains(&(t.code(), from.code(), who));
                    assert_eq!(
                        result.is_ok(),
                        should,
                        "{} from {} by {who}: {result:?}",
                        t.code(),
                        from.code()
                    );
                    if result.is_ok() {
                        allowed.insert((t.code(), from.code(), who));
                    }
                    // A forbidden move never changes anything: it has no target or no permission.
                    if !should {
                        assert!(result.is_err());
                    }
                }
            }
        }
        assert_eq!(checked, 14 * 11 * 7);
        assert_eq!(allowed, expected);
    }

    #[test]
    fn finished_dossiers_cannot_move_except_the_result_being_returned() {
        let everyone = Standing {
            owner: true,
            roles: Role::ALL.to_vec(),
        };
        for from in [Draft, Refused, Withdrawn, Stopped, Returned] {
            assert_eq!(available(from, None, &everyone), vec![], "{from:?}");
        }
        assert_eq!(
            available(Processed, None, &everyone),
            vec![Transition::Return]
        );
    }

    #[test]
    fn a_supplement_answer_returns_to_where_the_request_came_from() {
        let owner = Standing {
            owner: true,
            roles: vec![],
        };
        assert_eq!(
            check(Transition::Supply, SupplementRequested, None, &owner),
            Ok(Submitted)
        );
        assert_eq!(
            check(
                Transition::Supply,
                SupplementRequested,
                Some(Processing),
                &owner
            ),
            Ok(Processing)
        );
    }

    #[test]
    fn a_moved_dossier_is_reported_as_such_before_roles() {
        let specialist = Standing {
            owner: false,
            roles: vec![Role::Specialist],
        };
        assert_eq!(
            check(Transition::Accept, Processing, None, &specialist),
            Err(Refusal::WrongStatus)
        );
        assert_eq!(
            check(Transition::Accept, Submitted, None, &specialist),
            Err(Refusal::NotPermitted)
        );
    }

    #[test]
    fn processing_moves_fit_the_place_in_the_workflow() {
        let at = |step, role, transferred| Position {
            step,
            steps: 2,
            step_role: Some(role),
            transferred,
        };
        let leader = Standing {
            owner: false,
            roles: vec![Role::Leader],
        };
        let codes = |p: &Position| -> Vec<&str> {
            offered(Processing, None, &leader, p)
                .into_iter()
                .map(Transition::code)
                .collect()
        };
        assert_eq!(
            codes(&at(0, Role::Specialist, false)),
            [
                "request_supplement",
                "assign",
                "forward",
                "transfer",
                "stop",
                "apologise"
            ]
        );
        assert_eq!(
            codes(&at(1, Role::Leader, false)),
            [
                "request_supplement",
                "assign",
                "send_back",
                "transfer",
                "approve",
                "stop",
                "apologise"
            ]
        );
        assert_eq!(
            codes(&at(0, Role::Specialist, true)),
            [
                "request_supplement",
                "assign",
                "transfer_back",
                "stop",
                "apologise"
            ]
        );
        assert_eq!(
            fits(Transition::Approve, &at(1, Role::Leader, true)).map_err(|m| m.code),
            Err("approve_step")
        );
    }

    #[test]
    fn codes_round_trip() {
        for t in Transition::ALL {
            assert_eq!(Transition::from_code(t.code()), Some(t));
        }
        assert_eq!(Transition::from_code("delete"), None);
    }

    /// The applicant hears of what asks something of them, ends the dossier or moves its date;
    /// not of the desk's internal steps nor of their own moves.
    #[test]
    fn the_applicant_is_told_of_the_moves_that_concern_them() {
        let told: Vec<&str> = Transition::ALL
            .into_iter()
            .filter(|t| t.tells_applicant())
            .map(Transition::code)
            .collect();
        assert_eq!(
            told,
            [
                "accept",
                "request_supplement",
                "refuse",
                "approve",
                "stop",
                "apologise",
                "return"
            ]
        );
    }
}
