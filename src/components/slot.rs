//! Rows that stay: a list rendered a slot at a time, each slot's row made once and
//! updated in place when the item in that slot changes.

use leptos::prelude::*;

/// The item in slot `index` of `list`, as a memo: its readers run again only when that
/// slot holds another item. `None` if the slot is empty now.
///
/// A row is made for a slot while the list is at least that long, and removed when it
/// shrinks; between the shrinking and the removal the memo keeps the row's last item,
/// so a row never has nothing to show.
pub fn slot<T>(list: Memo<Vec<T>>, index: usize) -> Option<Memo<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let first = list.with_untracked(|items| items.get(index).cloned())?;
    Some(Memo::new(move |previous: Option<&T>| {
        list.with(|items| items.get(index).cloned())
            .or_else(|| previous.cloned())
            .unwrap_or_else(|| first.clone())
    }))
}

/// The slots of `list`, `0..len`, for a `<For>` keyed by slot: it runs again only when
/// the list's length changes.
pub fn slots<T>(list: Memo<Vec<T>>) -> impl Fn() -> std::ops::Range<usize> + Send + Sync + Copy
where
    T: PartialEq + Send + Sync + 'static,
{
    let len = Memo::new(move |_| list.with(Vec::len));
    move || 0..len.get()
}
