//! UI state that belongs to the document on screen: the half-typed text of a field and the
//! value it had before, the note of the last paste. It lives in egui's memory under ids that
//! are registered here, so that replacing the document under the panels (undo, redo, open,
//! restored work) forgets all of it in one place, [`forget_all`], and no panel needs to know
//! that the document changed.

use egui::util::IdTypeMap;
use egui::{Context, Id};

/// Forgets one registered entry; it knows the entry's type, which `IdTypeMap` needs.
type Forget = fn(&mut IdTypeMap, Id);

/// The ids stored through [`remember`], each with how to forget it.
fn registry() -> Id {
    Id::unique("document memory: registry")
}

fn forget_one<T: 'static>(data: &mut IdTypeMap, id: Id) {
    data.remove::<T>(id);
}

/// Stores `value` under `id` until the document is replaced (or [`forget`] is called).
pub fn remember<T: Clone + Send + Sync + 'static>(ctx: &Context, id: Id, value: T) {
    ctx.data_mut(|d| {
        d.insert_temp(id, value);
        let registered: &mut Vec<(Id, Forget)> = d.get_temp_mut_or_default(registry());
        if !registered.iter().any(|(known, _)| *known == id) {
            registered.push((id, forget_one::<T>));
        }
    });
}

/// The value stored under `id`, if any.
pub fn recall<T: Clone + Send + Sync + 'static>(ctx: &Context, id: Id) -> Option<T> {
    ctx.data(|d| d.get_temp(id))
}

/// Forgets the value under `id` (the edit is over).
pub fn forget<T: Clone + Send + Sync + 'static>(ctx: &Context, id: Id) {
    ctx.data_mut(|d| {
        d.remove::<T>(id);
        d.get_temp_mut_or_default::<Vec<(Id, Forget)>>(registry())
            .retain(|(known, _)| *known != id);
    });
}

/// Forgets everything remembered for the document: called once, when it is replaced.
pub fn forget_all(ctx: &Context) {
    ctx.data_mut(|d| {
        let registered: Vec<(Id, Forget)> = d.get_temp(registry()).unwrap_or_default();
        for (id, forget) in registered {
            forget(d, id);
        }
        d.remove::<Vec<(Id, Forget)>>(registry());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forget_all_forgets_every_type_remembered_and_nothing_else() {
        let ctx = Context::default();
        let (text, number, other) = (
            Id::unique("text"),
            Id::unique("number"),
            Id::unique("other"),
        );
        remember(&ctx, text, String::from("12,"));
        remember(&ctx, number, 12.5_f64);
        ctx.data_mut(|d| d.insert_temp(other, 7_u32));
        forget::<f64>(&ctx, number);
        remember(&ctx, number, 3.0_f64);
        forget_all(&ctx);
        assert_eq!(recall::<String>(&ctx, text), None);
        assert_eq!(recall::<f64>(&ctx, number), None);
        assert_eq!(recall::<u32>(&ctx, other), Some(7), "not the document's");
    }
}
