//! Ways in can overlap: a photo may still be being read when a link is opened, a code is
//! pasted or the next caller starts. Each code given takes a ticket, and only the latest
//! ticket may change the screen, so a slow way in never covers the verdict of a code given
//! after it.

use std::cell::Cell;
use std::rc::Rc;

/// Hands out tickets in order. Clones share the count.
#[derive(Clone, Debug, Default)]
pub struct Tickets {
    issued: Rc<Cell<u64>>,
}

/// One code's place in the order.
#[derive(Clone, Debug)]
pub struct Ticket {
    number: u64,
    issued: Rc<Cell<u64>>,
}

impl Tickets {
    /// A ticket later than every one issued so far, which are all stale from now on.
    pub fn issue(&self) -> Ticket {
        let number = self.issued.get() + 1;
        self.issued.set(number);
        Ticket { number, issued: self.issued.clone() }
    }
}

impl Ticket {
    /// Whether no ticket has been issued since this one.
    pub fn is_latest(&self) -> bool {
        self.issued.get() == self.number
    }

    /// Tells one code's screen from the next, even when their verdicts are the same.
    pub fn number(&self) -> u64 {
        self.number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_ticket_is_current() {
        let tickets = Tickets::default();
        let photo = tickets.issue();
        assert!(photo.is_latest());
        let link = tickets.clone().issue();
        assert!(!photo.is_latest(), "a code given later makes the earlier one stale");
        assert!(link.is_latest());
        assert!(link.number() > photo.number());
        let next_caller = tickets.issue();
        assert!(!link.is_latest() && next_caller.is_latest());
    }
}
