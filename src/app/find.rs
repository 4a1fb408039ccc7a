//! The search as the user drives it: typing moves to the first match from
//! where the search began, `n` and `N` step through the matches of the
//! view showing, Esc goes back.

use super::App;
use super::search;

impl App {
    /// `/`: a new query, remembering where the search began.
    pub(super) fn search_start(&mut self) {
        self.search_origin = Some((self.view, self.current_item()));
        let prev = std::mem::take(&mut self.search.query);
        self.search.editing = true;
        let s = &mut self.shared;
        s.search.refresh(&s.agenda, &s.text, &prev);
    }

    fn current_item(&self) -> usize {
        self.views.current(self.view, &self.shared)
    }

    pub(super) fn search_edit(&mut self, edit: impl FnOnce(&mut String)) {
        let prev = self.search.query.clone();
        edit(&mut self.search.query);
        let s = &mut self.shared;
        s.search.refresh(&s.agenda, &s.text, &prev);
        // Incremental: show the first match from where the search began;
        // with none, go back there, as a pager's search does.
        let origin = self.search_origin.map_or(self.current_item(), |(_, i)| i);
        let here = self.search_origin.is_none_or(|(v, _)| v == self.view);
        if !self.jump_to_match(origin.checked_sub(1), false)
            && here
            && self.current_item() != origin
        {
            self.select_item(origin);
        }
    }

    pub(super) fn search_cancel(&mut self) {
        self.search = search::Search::default();
        if let Some((view, item)) = self.search_origin.take()
            && view == self.view
        {
            self.select_item(item);
        }
    }

    pub(super) fn step_match(&mut self, back: bool) {
        let from = self.current_item();
        self.jump_to_match(Some(from), back);
    }

    /// Selects the next match; false if there is none.
    fn jump_to_match(&mut self, from: Option<usize>, back: bool) -> bool {
        let list = self.views.matches(self.view, &self.shared.search);
        match search::next_match(list, from, back) {
            Some(t) => {
                self.select_item(t);
                true
            }
            None => false,
        }
    }

    fn select_item(&mut self, i: usize) {
        let e = self.views.select(self.view, &self.shared, i);
        self.apply(e);
    }
}
